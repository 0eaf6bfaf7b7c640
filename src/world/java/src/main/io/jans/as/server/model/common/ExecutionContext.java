package io.jans.as.server.model.common;

import io.jans.as.common.model.registration.Client;

/**
 * Double of io.jans.as.server.model.common.ExecutionContext (reference-src; the real one holds request, response, client,
 * grant, ... and needs the whole server): only getClient()/setClient(), which is all the host reads.
 */
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
