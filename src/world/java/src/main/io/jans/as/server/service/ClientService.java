package io.jans.as.server.service;

import gamatech.testkit.Clients;
import io.jans.as.common.model.registration.Client;

/**
 * Double of io.jans.as.server.service.ClientService with the two members the challenge script calls. Real:
 * authenticate(clientId, password) finds the client and compares the password with its decrypted stored secret (false for
 * an unknown client); isPublic(client) is client.getAuthenticationMethod() == NONE. Here the secrets are the world's
 * (gamatech.testkit.Clients), in plain text.
 */
public class ClientService {
    public boolean authenticate(String clientId, String password) {
        String secret = Clients.secretOf(clientId);
        return secret != null && secret.equals(password);
    }

    public boolean isPublic(Client client) {
        return client != null && !Clients.isConfidential(client.getClientId());
    }
}
