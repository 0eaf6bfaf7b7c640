package io.jans.as.common.model.session;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** Bench double of Janssen's SessionId: the fields the 2FA sample reads and writes. */
public class SessionId {
    private final String id;
    private final String userDn;
    private final Date authenticationTime;
    private final SessionIdState state;
    private Map<String, String> sessionAttributes;
    private Date lastUsedAt;

    public SessionId(String id, String userDn, Date authenticationTime, SessionIdState state, Map<String, String> attributes) {
        this.id = id;
        this.userDn = userDn;
        this.authenticationTime = authenticationTime;
        this.state = state;
        this.sessionAttributes = attributes == null ? new HashMap<>() : attributes;
        this.lastUsedAt = authenticationTime;
    }

    public String getId() {
        return id;
    }

    public String getUserDn() {
        return userDn;
    }

    public Date getAuthenticationTime() {
        return authenticationTime;
    }

    public SessionIdState getState() {
        return state;
    }

    public Map<String, String> getSessionAttributes() {
        return sessionAttributes;
    }

    public void setSessionAttributes(Map<String, String> attributes) {
        this.sessionAttributes = attributes;
    }

    public Date getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Date lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
