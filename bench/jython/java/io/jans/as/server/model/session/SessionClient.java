package io.jans.as.server.model.session;

import io.jans.as.common.model.registration.Client;

/** Bench double of Janssen's SessionClient: the client the token endpoint authenticated. */
public class SessionClient {
    private final Client client;

    public SessionClient(Client client) {
        this.client = client;
    }

    public Client getClient() {
        return client;
    }
}
