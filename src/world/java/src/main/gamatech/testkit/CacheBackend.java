package gamatech.testkit;

import io.jans.service.cache.CacheProvider;
import io.jans.service.cache.InMemoryCacheProvider;

/**
 * Which cache provider the world runs on: IN_MEMORY over the world's own map (Cache) unless a reset selects a real
 * backend (Redis, memcached, the database). CacheService delegates to it, as Janssen's does to its injected provider, and
 * CdiUtil.bean(CacheProvider.class) returns it.
 */
public final class CacheBackend {
    private static volatile CacheProvider<?> selected = null;

    private CacheBackend() {}

    /** Back to IN_MEMORY on the world's map; called by World.reset. */
    public static void reset() {
        selected = null;
        Beans.register(CacheProvider.class, new InMemoryCacheProvider());
    }

    public static void select(CacheProvider<?> provider) {
        selected = provider;
        Beans.register(CacheProvider.class, provider);
    }

    /** The selected real backend, or null for the world's map. */
    public static CacheProvider<?> selected() {
        return selected;
    }
}
