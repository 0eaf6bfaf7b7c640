package io.jans.as.server.authorize.ws.rs;

import io.jans.as.common.model.session.AuthorizationChallengeSession;

/**
 * Double of the server's parsed authorization request, with the members the challenge endpoint and the script use.
 * Real: many more fields (redirect_uri, prompt, DPoP, JWT request...), filled from the HTTP request by the endpoint.
 */
public class AuthzRequest {
    private String clientId;
    private String acrValues;
    private String scope;
    private String state;
    private String codeChallenge;
    private String codeChallengeMethod;
    private String authorizationChallengeSession;
    private AuthorizationChallengeSession authorizationChallengeSessionObject;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getAcrValues() {
        return acrValues;
    }

    public void setAcrValues(String acrValues) {
        this.acrValues = acrValues;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public void setCodeChallenge(String codeChallenge) {
        this.codeChallenge = codeChallenge;
    }

    public String getCodeChallengeMethod() {
        return codeChallengeMethod;
    }

    public void setCodeChallengeMethod(String codeChallengeMethod) {
        this.codeChallengeMethod = codeChallengeMethod;
    }

    /** The auth_session parameter as sent. */
    public String getAuthorizationChallengeSession() {
        return authorizationChallengeSession;
    }

    public void setAuthorizationChallengeSession(String authorizationChallengeSession) {
        this.authorizationChallengeSession = authorizationChallengeSession;
    }

    /** The server's record of that id, when its store has one; null otherwise. */
    public AuthorizationChallengeSession getAuthorizationChallengeSessionObject() {
        return authorizationChallengeSessionObject;
    }

    public void setAuthorizationChallengeSessionObject(AuthorizationChallengeSession session) {
        this.authorizationChallengeSessionObject = session;
    }
}
