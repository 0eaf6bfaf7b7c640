package io.jans.service;

import gamatech.testkit.Cache;

/** Janssen's cache facade; the entries live in the test world so every script instance (cluster node) shares them. */
public class CacheService {
    public Object get(String key) {
        return Cache.get(key);
    }

    public void put(int expirationInSeconds, String key, Object object) {
        Cache.put(expirationInSeconds, key, object);
    }

    public void remove(String key) {
        Cache.remove(key);
    }
}
