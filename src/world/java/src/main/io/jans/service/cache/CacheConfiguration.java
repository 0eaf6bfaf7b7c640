package io.jans.service.cache;

/** Only the part the doubles use (the real one also holds the Redis, memcached and in-memory configurations). */
public class CacheConfiguration {
    private CacheProviderType cacheProviderType;
    private NativePersistenceConfiguration nativePersistenceConfiguration = new NativePersistenceConfiguration();

    public CacheProviderType getCacheProviderType() {
        return cacheProviderType;
    }

    public void setCacheProviderType(CacheProviderType cacheProviderType) {
        this.cacheProviderType = cacheProviderType;
    }

    public NativePersistenceConfiguration getNativePersistenceConfiguration() {
        return nativePersistenceConfiguration;
    }

    public void setNativePersistenceConfiguration(NativePersistenceConfiguration nativePersistenceConfiguration) {
        this.nativePersistenceConfiguration = nativePersistenceConfiguration;
    }
}
