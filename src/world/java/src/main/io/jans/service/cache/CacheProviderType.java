package io.jans.service.cache;

/** As in jans-core-cache (the real one carries @XmlEnum(String.class)). */
public enum CacheProviderType {
    IN_MEMORY, MEMCACHED, REDIS, NATIVE_PERSISTENCE
}
