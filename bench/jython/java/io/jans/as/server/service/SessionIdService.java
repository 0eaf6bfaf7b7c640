package io.jans.as.server.service;

import gamatech.testkit.Clock;
import gamatech.testkit.Latency;
import io.jans.as.common.model.session.SessionId;
import io.jans.as.common.model.session.SessionIdState;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bench double of Janssen's SessionIdService, for running the 2FA sample. Sessions are kept in this double's own map
 * (the world's cache takes only strings, and Janssen's own serialisation of a session is not the script's cost), and
 * each persist, read, update and removal costs one store round trip (the world's Latency), as on a server where
 * sessions live in the cache or the database. Guessed: the id format (a random UUID) and the lifetime of an
 * unauthenticated session (Janssen's default sessionIdUnauthenticatedUnusedLifetime, 120 s, on the world's clock).
 */
public class SessionIdService {
    private static final long UNAUTHENTICATED_LIFETIME_MS = 120_000L;

    private final Map<String, Stored> sessions = new ConcurrentHashMap<>();

    private static final class Stored {
        final SessionId session;
        final long expiresAt;

        Stored(SessionId session) {
            this.session = session;
            this.expiresAt = Clock.now() + UNAUTHENTICATED_LIFETIME_MS;
        }
    }

    public SessionId generateUnauthenticatedSessionId(
            String userDn, Date authenticationDate, SessionIdState state, Map<String, String> attributes, boolean persist) {
        SessionId session = new SessionId(UUID.randomUUID().toString(), userDn, authenticationDate, state, attributes);
        if (persist) {
            put(session);
        }
        return session;
    }

    public SessionId getSessionId(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Latency.pause();
        try {
            Stored stored = sessions.get(id);
            return stored == null || stored.expiresAt <= Clock.now() ? null : stored.session;
        } finally {
            Latency.pause();
        }
    }

    public boolean updateSessionId(SessionId session, boolean updateLastUsedAt, boolean forceUpdate, boolean modified) {
        if (updateLastUsedAt) {
            session.setLastUsedAt(new Date());
        }
        put(session);
        return true;
    }

    public boolean remove(SessionId session) {
        Latency.pause();
        try {
            sessions.remove(session.getId());
        } finally {
            Latency.pause();
        }
        return true;
    }

    private void put(SessionId session) {
        Latency.pause();
        try {
            sessions.put(session.getId(), new Stored(session));
        } finally {
            Latency.pause();
        }
    }
}
