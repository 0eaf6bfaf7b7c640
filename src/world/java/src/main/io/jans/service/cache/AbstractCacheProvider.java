package io.jans.service.cache;

import java.util.Date;

/** As in jans-core-cache. */
public abstract class AbstractCacheProvider<T> extends CacheProvider<T> {
    public abstract void create();

    public abstract void destroy();

    public void cleanup(final Date now) {}
}
