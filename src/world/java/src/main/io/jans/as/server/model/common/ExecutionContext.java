package io.jans.as.server.model.common;

import io.jans.as.common.model.registration.Client;

/** The token request's execution context; the host only needs the authenticated client. */
public class ExecutionContext {
    private Client client;

    public ExecutionContext() {}

    public Client getClient() {
        return client;
    }

    public void setClient(Client client) {
        this.client = client;
    }
}
