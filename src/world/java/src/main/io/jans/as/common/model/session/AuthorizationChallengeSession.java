package io.jans.as.common.model.session;

/**
 * Double of the server's auth_session record (jans-auth-common). Real: a persisted entry (DN, id, dates, deletable flag,
 * DPoP jkt) whose getAttributes() holds the attribute map. Here: the id and the attributes only, which is what the
 * endpoint reads and writes around the script.
 */
public class AuthorizationChallengeSession {
    private final String id;
    private final AuthorizationChallengeSessionAttributes attributes = new AuthorizationChallengeSessionAttributes();

    public AuthorizationChallengeSession(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public AuthorizationChallengeSessionAttributes getAttributes() {
        return attributes;
    }
}
