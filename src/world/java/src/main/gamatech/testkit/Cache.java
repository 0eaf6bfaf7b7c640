package gamatech.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared cache behind CacheService, expiring entries on the test clock. Thread-safe: each get, put and remove is atomic
 * on its own (as on every real provider), and nothing more; a read-check-write of a caller still races, as on a server.
 */
public final class Cache {
    private static final class Entry {
        final Object value;
        final long expiresAtMillis;

        Entry(Object value, long expiresAtMillis) {
            this.value = value;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private static final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** A copy of the entries taken earlier, read instead of the live ones during one request (see staleReads). */
    private static volatile Map<String, Entry> staleSnapshot = null;
    private static volatile boolean readingStale = false;

    private Cache() {}

    public static void clear() {
        entries.clear();
        staleSnapshot = null;
        readingStale = false;
    }

    /**
     * Two cluster nodes racing: the next request marked stale reads the cache as it is now, whatever is written meanwhile,
     * while its own writes land in the live cache, as when two nodes both read before either wrote.
     */
    public static void snapshotForStaleReads() {
        staleSnapshot = new HashMap<>(entries);
    }

    public static void beginStaleReads() {
        readingStale = staleSnapshot != null;
    }

    public static void endStaleReads() {
        readingStale = false;
        staleSnapshot = null;
    }

    public static Object get(String key) {
        Fault fault = Faults.take("cache.get");
        if (fault != null) {
            if (fault.effect.equals("null")) {
                return null;
            }
            throw new IllegalStateException("injected fault at cache.get");
        }
        Map<String, Entry> stale = staleSnapshot;
        Entry entry = readingStale && stale != null ? stale.get(key) : live(key);
        if (entry != null && Clock.now() >= entry.expiresAtMillis) {
            return null;
        }
        return entry == null ? null : entry.value;
    }

    public static void put(int expirationInSeconds, String key, Object value) {
        Faults.failIfInjected("cache.put");
        // Providers disagree on a zero ttl (memcached keeps the entry forever), so a script must never rely on it.
        if (expirationInSeconds <= 0) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + expirationInSeconds);
        }
        // The default provider serialises values into the database; only strings survive that unchanged across nodes.
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("cache values must be strings, got " + (value == null ? "null" : value.getClass().getName()));
        }
        entries.put(key, new Entry(value, Clock.now() + expirationInSeconds * 1000L));
    }

    /** Removing an entry that is already gone (or never was) succeeds silently, as on Janssen's SQL persistence. */
    public static void remove(String key) {
        Faults.failIfInjected("cache.remove");
        entries.remove(key);
    }

    /** Live entries with their remaining ttl in milliseconds, for tests to inspect. */
    public static Map<String, Object[]> snapshot() {
        Map<String, Object[]> result = new TreeMap<>();
        for (String key : entries.keySet().toArray(new String[0])) {
            Entry entry = live(key);
            if (entry != null) {
                result.put(key, new Object[] {entry.value, entry.expiresAtMillis - Clock.now()});
            }
        }
        return result;
    }

    private static Entry live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && Clock.now() >= entry.expiresAtMillis) {
            // Only this expired entry: a fresh one another thread put meanwhile stays.
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }
}
