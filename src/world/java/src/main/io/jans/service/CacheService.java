package io.jans.service;

import gamatech.testkit.Cache;
import gamatech.testkit.CacheBackend;
import io.jans.service.cache.CacheProvider;
import gamatech.testkit.Latency;

/**
 * Janssen's cache facade over the world's provider (CacheBackend: the world's map unless a reset selects Redis, memcached
 * or the database); the entries live outside the script so every script instance (cluster node) shares them. Each
 * operation costs the world's store round trip (Latency), half on the way there and half on the way back.
 */
public class CacheService {
    public Object get(String key) {
        Latency.pause();
        try {
            CacheProvider<?> provider = CacheBackend.selected();
            return provider == null ? Cache.get(key) : provider.get(key);
        } finally {
            Latency.pause();
        }
    }

    public void put(int expirationInSeconds, String key, Object object) {
        Latency.pause();
        try {
            CacheProvider<?> provider = CacheBackend.selected();
            if (provider == null) {
                Cache.put(expirationInSeconds, key, object);
            } else {
                provider.put(expirationInSeconds, key, object);
            }
        } finally {
            Latency.pause();
        }
    }

    /** Succeeds whether or not the entry exists, as on Janssen's SQL persistence (a remove is not a claim). */
    public void remove(String key) {
        Latency.pause();
        try {
            CacheProvider<?> provider = CacheBackend.selected();
            if (provider == null) {
                Cache.remove(key);
            } else {
                provider.remove(key);
            }
        } finally {
            Latency.pause();
        }
    }
}
