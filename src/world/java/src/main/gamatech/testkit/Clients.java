package gamatech.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world's registered clients as ClientService sees them: a client with a secret is confidential
 * (client_secret_basic or client_secret_post), one without is public (token_endpoint_auth_method none).
 */
public final class Clients {
    private static final Map<String, String> secrets = new ConcurrentHashMap<>();

    private Clients() {}

    public static void clear() {
        secrets.clear();
    }

    public static void setSecret(String clientId, String secret) {
        secrets.put(clientId, secret);
    }

    public static boolean isConfidential(String clientId) {
        return clientId != null && secrets.containsKey(clientId);
    }

    public static String secretOf(String clientId) {
        return clientId == null ? null : secrets.get(clientId);
    }
}
