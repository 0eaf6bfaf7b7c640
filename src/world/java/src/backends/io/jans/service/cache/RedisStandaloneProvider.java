package io.jans.service.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * As reference-src RedisStandaloneProvider over a real JedisPool: raw key bytes, Java-serialized values (the real one uses
 * commons-lang3 SerializationUtils, byte-for-byte the same), SETEX, no try/catch: Jedis exceptions (connection refused,
 * timeout) and a ClassCastException for a value that is not Serializable reach the caller.
 */
public class RedisStandaloneProvider extends AbstractRedisProvider {
    private final String host;
    private final int port;
    private JedisPool pool;

    public RedisStandaloneProvider(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void create() {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(500);
        poolConfig.setMaxIdle(20);
        poolConfig.setMinIdle(2);
        // Janssen's default connectionTimeout is 3000 ms.
        pool = new JedisPool(poolConfig, host, port, 3000);
    }

    @Override
    public void destroy() {
        pool.close();
    }

    @Override
    public JedisPool getDelegate() {
        return pool;
    }

    @Override
    public boolean hasKey(String key) {
        try (Jedis jedis = pool.getResource()) {
            return Boolean.TRUE.equals(jedis.exists(key));
        }
    }

    @Override
    public Object get(String key) {
        try (Jedis jedis = pool.getResource()) {
            byte[] value = jedis.get(key.getBytes());
            return value != null && value.length > 0 ? deserialize(value) : null;
        }
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        try (Jedis jedis = pool.getResource()) {
            jedis.setex(key.getBytes(), expirationInSeconds, serialize((Serializable) object));
        }
    }

    @Override
    public void put(String key, Object object) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key.getBytes(), serialize((Serializable) object));
        }
    }

    @Override
    public void remove(String key) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(key.getBytes());
        }
    }

    @Override
    public void clear() {
        try (Jedis jedis = pool.getResource()) {
            jedis.flushAll();
        }
    }

    static byte[] serialize(Serializable value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object deserialize(byte[] value) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value))) {
            return in.readObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
