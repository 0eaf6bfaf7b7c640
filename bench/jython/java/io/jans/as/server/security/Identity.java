package io.jans.as.server.security;

import io.jans.as.common.model.registration.Client;
import io.jans.as.server.model.session.SessionClient;

/**
 * Bench double of Janssen's request-scoped Identity: the session client is that of the request the calling thread
 * serves, which the bench sets before each authenticate call (serve), as the token endpoint's client authentication does.
 */
public class Identity {
    private final ThreadLocal<SessionClient> sessionClient = new ThreadLocal<>();

    public void serve(Client client) {
        sessionClient.set(new SessionClient(client));
    }

    public SessionClient getSessionClient() {
        return sessionClient.get();
    }
}
