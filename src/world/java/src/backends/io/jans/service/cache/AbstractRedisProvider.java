package io.jans.service.cache;

/**
 * Janssen's wrapper around a Jedis client (reference-src AbstractRedisProvider): getDelegate() is the JedisPool,
 * JedisSentinelPool, ShardedJedisPool or JedisCluster. Configuration and pool set-up left out.
 */
public abstract class AbstractRedisProvider {
    public abstract void create();

    public abstract void destroy();

    public abstract Object getDelegate();

    public abstract boolean hasKey(String key);

    public abstract Object get(String key);

    public abstract void remove(String key);

    public abstract void clear();

    public abstract void put(int expirationInSeconds, String key, Object object);

    public abstract void put(String key, Object object);
}
