package gamatech.backends;

import gamatech.testkit.CacheBackend;
import gamatech.testkit.SqlEntryManager;
import io.jans.service.cache.MemcachedProvider;
import io.jans.service.cache.NativePersistenceCacheProvider;
import io.jans.service.cache.RedisClusterProvider;
import io.jans.service.cache.RedisProvider;
import io.jans.service.cache.RedisStandaloneProvider;
import java.sql.Driver;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPool;

/**
 * Builds the cache provider a reset selects, over a real server, and makes it the world's (CacheService and the
 * CacheProvider bean). One provider per JVM and backend address, kept across resets (Janssen creates its provider once);
 * a reset empties what the tests wrote.
 */
public final class Backends {
    private static String currentKey = null;
    private static Object current = null;

    private Backends() {}

    public static synchronized void useRedis(String host, int port) {
        String key = "redis:" + host + ":" + port;
        RedisProvider provider = key.equals(currentKey) ? (RedisProvider) current : null;
        if (provider == null) {
            close();
            provider = new RedisProvider(new RedisStandaloneProvider(host, port));
            provider.create();
            remember(key, provider);
        }
        CacheBackend.select(provider);
    }

    /**
     * REDIS with redisProviderType CLUSTER: `servers` is Janssen's "host:port,host:port" list of cluster nodes, soTimeoutMs
     * its redisConfiguration.soTimeout.
     */
    public static synchronized void useRedisCluster(String servers, int soTimeoutMs) {
        String key = "redis-cluster:" + servers + ":" + soTimeoutMs;
        RedisProvider provider = key.equals(currentKey) ? (RedisProvider) current : null;
        if (provider == null) {
            close();
            provider = new RedisProvider(new RedisClusterProvider(servers, soTimeoutMs));
            provider.create();
            remember(key, provider);
        }
        CacheBackend.select(provider);
    }

    /** Empties every master of the selected cluster (Janssen's cluster provider has no clear). */
    public static synchronized void flushRedisCluster() {
        JedisCluster cluster = (JedisCluster) ((RedisProvider) current).getDelegate().getDelegate();
        for (JedisPool node : cluster.getClusterNodes().values()) {
            try (Jedis jedis = node.getResource()) {
                if (jedis.info("replication").contains("role:master")) {
                    jedis.flushAll();
                }
            }
        }
    }

    public static synchronized void useMemcached(String host, int port) {
        String key = "memcached:" + host + ":" + port;
        MemcachedProvider provider = key.equals(currentKey) ? (MemcachedProvider) current : null;
        if (provider == null) {
            close();
            provider = new MemcachedProvider(host + ":" + port);
            provider.create();
            remember(key, provider);
        }
        CacheBackend.select(provider);
    }

    /** The default provider over a real database: postgresql (the JDBC driver object comes from the caller's loader). */
    public static synchronized void useDatabase(Driver driver, String url, String user, String password) {
        String key = "database:" + url + ":" + user;
        NativePersistenceCacheProvider provider = key.equals(currentKey) ? (NativePersistenceCacheProvider) current : null;
        if (provider == null) {
            close();
            SqlCacheEntries entries = new SqlCacheEntries(driver, url, user, password);
            provider = new NativePersistenceCacheProvider(entries, "o=jans");
            provider.create();
            remember(key, provider);
        }
        CacheBackend.select(provider);
    }

    /** The selected database's entry manager, to empty its table or drop broken connections. */
    public static synchronized SqlEntryManager sqlEntries() {
        return current instanceof NativePersistenceCacheProvider
                ? ((SqlCacheEntries) ((NativePersistenceCacheProvider) current).getDelegate()).table()
                : null;
    }

    private static void remember(String key, Object provider) {
        currentKey = key;
        current = provider;
    }

    private static void close() {
        try {
            if (current instanceof RedisProvider) {
                ((RedisProvider) current).destroy();
            } else if (current instanceof MemcachedProvider) {
                ((MemcachedProvider) current).destroy();
            } else if (current instanceof NativePersistenceCacheProvider) {
                ((SqlCacheEntries) ((NativePersistenceCacheProvider) current).getDelegate()).closeConnections();
            }
        } catch (RuntimeException ignored) {
            // a provider of a server already stopped
        }
        currentKey = null;
        current = null;
    }
}
