package io.jans.service.cache;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPoolConfig;

/**
 * As reference-src RedisClusterProvider (RedisProviderType CLUSTER) over a real JedisCluster: built from the configured
 * "host:port,host:port" servers and soTimeout, otherwise Janssen's RedisConfiguration defaults (connectionTimeout 3000 ms,
 * maxRetryAttempts 5, no user or password), through the constructor Janssen calls, so Jedis gives up on an unreachable
 * node after soTimeout x maxRetryAttempts of retries; getDelegate() is the JedisCluster itself, raw key bytes, Java-serialized
 * values, SETEX, nothing caught. clear() does nothing, as Janssen's ("not allowed for cluster deployments"): the world
 * empties the cluster through Backends.flushRedisCluster.
 */
public class RedisClusterProvider extends AbstractRedisProvider {
    private static final int CONNECTION_TIMEOUT_MS = 3000;
    private static final int MAX_RETRY_ATTEMPTS = 5;

    private final String servers;
    private final int soTimeoutMs;
    private JedisCluster pool;

    /** soTimeoutMs: Janssen's redisConfiguration.soTimeout (default 3000). */
    public RedisClusterProvider(String servers, int soTimeoutMs) {
        this.servers = servers;
        this.soTimeoutMs = soTimeoutMs;
    }

    @Override
    public void create() {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(500);
        poolConfig.setMaxIdle(10);
        poolConfig.setMinIdle(1);
        pool = new JedisCluster(
                hosts(servers), CONNECTION_TIMEOUT_MS, soTimeoutMs, MAX_RETRY_ATTEMPTS, null, null, poolConfig);
    }

    public static Set<HostAndPort> hosts(String servers) {
        Set<HostAndPort> set = new HashSet<>();
        for (String serverWithPort : servers.trim().split(",")) {
            String[] split = serverWithPort.trim().split(":");
            set.add(new HostAndPort(split[0], Integer.parseInt(split[1].trim())));
        }
        return set;
    }

    @Override
    public void destroy() {
        pool.close();
    }

    @Override
    public JedisCluster getDelegate() {
        return pool;
    }

    @Override
    public boolean hasKey(String key) {
        return Boolean.TRUE.equals(pool.exists(key));
    }

    @Override
    public Object get(String key) {
        byte[] value = pool.get(key.getBytes());
        return value != null && value.length > 0 ? RedisStandaloneProvider.deserialize(value) : null;
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        pool.setex(key.getBytes(), expirationInSeconds, RedisStandaloneProvider.serialize((Serializable) object));
    }

    @Override
    public void put(String key, Object object) {
        pool.set(key.getBytes(), RedisStandaloneProvider.serialize((Serializable) object));
    }

    @Override
    public void remove(String key) {
        pool.del(key.getBytes());
    }

    @Override
    public void clear() {
        // Janssen: "clear not allowed for cluster deployments".
    }
}
