package io.jans.service.cache;

/**
 * The server's cache provider, as in jans-core-cache (a CDI bean produced by CacheProviderFactory; the world registers the
 * selected one in Beans). getCacheConfiguration is declared here as the newer CacheProvider does (guess: the saved one
 * does not declare it, every provider overrides it).
 */
public abstract class CacheProvider<T> implements CacheInterface {
    public abstract T getDelegate();

    public abstract boolean hasKey(String key);

    public abstract Object get(String key);

    public abstract void put(int expirationInSeconds, String key, Object object);

    public abstract void remove(String key);

    public abstract void clear();

    public abstract void cleanup(final java.util.Date now);

    public abstract CacheProviderType getProviderType();

    public CacheConfiguration getCacheConfiguration() {
        return null;
    }
}
