package io.jans.service.cache;

import gamatech.testkit.Cache;

/**
 * IN_MEMORY: the world's own map (Cache), the provider of every world that selects no other backend. The real delegate is
 * a net.jodah.expiringmap.ExpiringMap private to one JVM; the double hands out none (null), so nothing can use it as a
 * cluster-wide store. Never fails, like the real one (faults aside, which CacheService applies).
 */
public class InMemoryCacheProvider extends AbstractCacheProvider<Object> {
    private final CacheConfiguration configuration = new CacheConfiguration();

    public InMemoryCacheProvider() {
        configuration.setCacheProviderType(CacheProviderType.IN_MEMORY);
    }

    @Override
    public void create() {}

    @Override
    public void destroy() {}

    @Override
    public Object getDelegate() {
        return null;
    }

    @Override
    public boolean hasKey(String key) {
        return Cache.get(key) != null;
    }

    @Override
    public Object get(String key) {
        return Cache.get(key);
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        Cache.put(expirationInSeconds, key, object);
    }

    @Override
    public void remove(String key) {
        Cache.remove(key);
    }

    @Override
    public void clear() {
        Cache.clear();
    }

    @Override
    public CacheProviderType getProviderType() {
        return CacheProviderType.IN_MEMORY;
    }

    @Override
    public CacheConfiguration getCacheConfiguration() {
        return configuration;
    }
}
