package io.jans.as.server.model.common;

import io.jans.as.common.model.common.User;
import io.jans.as.common.model.registration.Client;
import io.jans.as.server.authorize.ws.rs.AuthzRequest;

/**
 * Double of io.jans.as.server.model.common.ExecutionContext (reference-src, and the newer one with getAuthzRequest and a
 * user that the challenge endpoint reads after authorize; the real one holds request, response, grant, ... and needs the
 * whole server): the client, the user and the authorization request, which is all the scripts and the endpoint read.
 */
public class ExecutionContext {
    private Client client;
    private User user;
    private AuthzRequest authzRequest;

    public ExecutionContext() {}

    public Client getClient() {
        return client;
    }

    public ExecutionContext setClient(Client client) {
        this.client = client;
        return this;
    }

    public User getUser() {
        return user;
    }

    public ExecutionContext setUser(User user) {
        this.user = user;
        return this;
    }

    public AuthzRequest getAuthzRequest() {
        return authzRequest;
    }

    public ExecutionContext setAuthzRequest(AuthzRequest authzRequest) {
        this.authzRequest = authzRequest;
        return this;
    }
}
