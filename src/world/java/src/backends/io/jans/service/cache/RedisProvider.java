package io.jans.service.cache;

/**
 * REDIS, as reference-src RedisProvider: delegates to an AbstractRedisProvider (here the standalone or the cluster one),
 * expiry <= 0 becomes 60 s, nothing caught, so every Redis failure reaches CacheService's caller. getDelegate() is the
 * wrapper, whose own getDelegate() is the JedisPool (STANDALONE) or the JedisCluster (CLUSTER).
 */
public class RedisProvider extends AbstractCacheProvider<AbstractRedisProvider> {
    public static final int DEFAULT_PUT_EXPIRATION_IN_SECONDS = 60;

    private final CacheConfiguration cacheConfiguration = new CacheConfiguration();
    private final AbstractRedisProvider redisProvider;

    public RedisProvider(AbstractRedisProvider redisProvider) {
        this.redisProvider = redisProvider;
        cacheConfiguration.setCacheProviderType(CacheProviderType.REDIS);
    }

    @Override
    public void create() {
        redisProvider.create();
    }

    @Override
    public void destroy() {
        redisProvider.destroy();
    }

    @Override
    public AbstractRedisProvider getDelegate() {
        return redisProvider;
    }

    @Override
    public boolean hasKey(String key) {
        return key != null && redisProvider.hasKey(key);
    }

    @Override
    public Object get(String key) {
        return key == null ? null : redisProvider.get(key);
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        redisProvider.put(expirationInSeconds > 0 ? expirationInSeconds : DEFAULT_PUT_EXPIRATION_IN_SECONDS, key, object);
    }

    @Override
    public void remove(String key) {
        redisProvider.remove(key);
    }

    @Override
    public void clear() {
        redisProvider.clear();
    }

    @Override
    public CacheProviderType getProviderType() {
        return CacheProviderType.REDIS;
    }

    @Override
    public CacheConfiguration getCacheConfiguration() {
        return cacheConfiguration;
    }
}
