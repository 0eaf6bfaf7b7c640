package io.jans.service.cache;

import java.net.InetSocketAddress;
import java.util.List;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.DefaultConnectionFactory;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;

/**
 * MEMCACHED, as reference-src MemcachedProvider over a real spymemcached MemcachedClient (text protocol: Janssen's default
 * connection factory type): get and put and remove catch every exception and log it, so during an outage a put is lost
 * silently and get returns null. Guess: the log goes to stderr; the operation queue and buffer sizes are spymemcached's
 * defaults (Janssen's configuration sets its own).
 */
public class MemcachedProvider extends AbstractCacheProvider<MemcachedClient> {
    private static final int DEFAULT_PUT_EXPIRATION = 60;

    private final CacheConfiguration cacheConfiguration = new CacheConfiguration();
    private final String servers;
    private MemcachedClient client;

    /** servers: "host:port" (space- or comma-separated for several). */
    public MemcachedProvider(String servers) {
        this.servers = servers;
        cacheConfiguration.setCacheProviderType(CacheProviderType.MEMCACHED);
    }

    @Override
    public void create() {
        try {
            List<InetSocketAddress> addresses = AddrUtil.getAddresses(servers);
            client = new MemcachedClient(new DefaultConnectionFactory(), addresses);
        } catch (Exception e) {
            throw new IllegalStateException("Error starting MemcachedProvider", e);
        }
    }

    @Override
    public void destroy() {
        client.shutdown();
    }

    @Override
    public MemcachedClient getDelegate() {
        return client;
    }

    @Override
    public boolean hasKey(String key) {
        return get(key) != null;
    }

    @Override
    public Object get(String key) {
        try {
            if (key == null) {
                return null;
            }
            return client.get(key);
        } catch (Exception e) {
            System.err.println("Failed to fetch object by key: " + key + ": " + e);
            return null;
        }
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        try {
            int expiration = expirationInSeconds > 0 ? expirationInSeconds : DEFAULT_PUT_EXPIRATION;
            OperationFuture<Boolean> set = client.set(key, expiration, object);
            set.getStatus(); // blocks, as in Janssen; the status is only logged there
        } catch (Exception e) {
            System.err.println("Failed to put object in cache, key: " + key + ": " + e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            client.delete(key);
        } catch (Exception e) {
            System.err.println("Failed to remove object from cache, key: " + key + ": " + e);
        }
    }

    @Override
    public void clear() {
        client.flush();
    }

    @Override
    public CacheProviderType getProviderType() {
        return CacheProviderType.MEMCACHED;
    }

    @Override
    public CacheConfiguration getCacheConfiguration() {
        return cacheConfiguration;
    }
}
