package io.jans.service.cache;

import java.util.Date;

/** As in jans-core-cache. */
public interface CacheInterface {
    Object get(String key);

    void put(int expirationInSeconds, String key, Object object);

    void remove(String key);

    void clear();

    void cleanup(final Date now);
}
