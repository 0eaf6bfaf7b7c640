package gamatech.testkit;

import io.jans.as.common.model.session.AuthorizationChallengeSession;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own auth_session records (AuthorizationChallengeSessionService over the database), which the endpoint looks
 * up by the request's auth_session and fills with request parameters after authorize. Scripts never reach them here.
 */
public final class ServerChallengeSessions {
    private static final Map<String, AuthorizationChallengeSession> sessions = new ConcurrentHashMap<>();

    private ServerChallengeSessions() {}

    public static void clear() {
        sessions.clear();
    }

    /** A record with this id, as another script or an earlier server-side dialogue would have left it. */
    public static void create(String id) {
        sessions.put(id, new AuthorizationChallengeSession(id));
    }

    public static AuthorizationChallengeSession find(String id) {
        return id == null ? null : sessions.get(id);
    }

    /** Every record's attributes, by id (a copy). */
    public static Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> copy = new HashMap<>();
        for (Map.Entry<String, AuthorizationChallengeSession> entry : sessions.entrySet()) {
            copy.put(entry.getKey(), new HashMap<>(entry.getValue().getAttributes().getAttributes()));
        }
        return copy;
    }
}
