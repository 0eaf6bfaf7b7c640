package io.jans.service.cache;

import gamatech.testkit.Clock;
import io.jans.orm.PersistenceEntryManager;
import io.jans.orm.exception.EntryPersistenceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;

/**
 * NATIVE_PERSISTENCE, Janssen's default cache, following reference-src NativePersistenceCacheProvider: keys hashed
 * (uuid=sha256Hex(key),ou=cache,<baseDn>), values Base64 of Java serialization, `put` on SQL by merge (then persist once
 * more), every failure of get, put and remove caught and logged, so during an outage writes are lost silently and get
 * returns null. Expiry is read on the world's clock (the real one uses new Date()). Guess: the log goes to stderr.
 */
public class NativePersistenceCacheProvider extends AbstractCacheProvider<PersistenceEntryManager> {
    private final CacheConfiguration cacheConfiguration = new CacheConfiguration();
    private final PersistenceEntryManager entryManager;
    private String baseDn;
    private boolean attemptUpdateBeforeInsert;

    public NativePersistenceCacheProvider(PersistenceEntryManager entryManager, String baseDn) {
        this.entryManager = entryManager;
        cacheConfiguration.setCacheProviderType(CacheProviderType.NATIVE_PERSISTENCE);
        cacheConfiguration.getNativePersistenceConfiguration().setBaseDn(baseDn);
    }

    /** As the real create(): the branch ou=cache under the configured base becomes the base DN, in the configuration too. */
    @Override
    public void create() {
        baseDn = String.format("ou=cache,%s", cacheConfiguration.getNativePersistenceConfiguration().getBaseDn());
        cacheConfiguration.getNativePersistenceConfiguration().setBaseDn(baseDn);
        attemptUpdateBeforeInsert = "sql".equals(entryManager.getPersistenceType(baseDn));
    }

    @Override
    public void destroy() {}

    @Override
    public PersistenceEntryManager getDelegate() {
        return entryManager;
    }

    @Override
    public boolean hasKey(String key) {
        try {
            return entryManager.contains(createDn(hashKey(key)), NativePersistenceCacheEntity.class);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public Object get(String key) {
        try {
            NativePersistenceCacheEntity entity = entryManager.find(NativePersistenceCacheEntity.class, createDn(hashKey(key)));
            if (entity != null && entity.getData() != null) {
                if (isExpired(entity.getExpirationDate()) && Boolean.TRUE.equals(entity.isDeletable())) {
                    return null;
                }
                return fromString(entity.getData());
            }
        } catch (Exception e) {
            // ignored, as in Janssen: a missing entry and an outage both read as null
        }
        return null;
    }

    @Override
    public void put(int expirationInSeconds, String key, Object object) {
        Date creationDate = new Date(Clock.now());
        int seconds = expirationInSeconds > 0 ? expirationInSeconds
                : cacheConfiguration.getNativePersistenceConfiguration().getDefaultPutExpiration();
        String hashed = hashKey(key);
        NativePersistenceCacheEntity entity = new NativePersistenceCacheEntity();
        entity.setTtl(seconds);
        entity.setData(asString(object));
        entity.setId(hashed);
        entity.setDn(createDn(hashed));
        entity.setCreationDate(creationDate);
        entity.setExpirationDate(new Date(creationDate.getTime() + seconds * 1000L));
        entity.setDeletable(true);
        try {
            if (attemptUpdateBeforeInsert) {
                entryManager.merge(entity);
            } else {
                silentlyRemoveEntityIfExists(entity.getDn());
                entryManager.persist(entity);
            }
        } catch (EntryPersistenceException e) {
            if (attemptUpdateBeforeInsert) {
                try {
                    entryManager.persist(entity);
                    return;
                } catch (Exception ex) {
                    System.err.println("Failed to retry put entry, key: " + key + ", message: " + ex.getMessage());
                }
            }
            System.err.println("Failed to put entry, key: " + key + ", message: " + e.getMessage());
        } catch (Exception e) {
            System.err.println("Failed to put entry, key: " + key + ", message: " + e.getMessage());
        }
    }

    @Override
    public void remove(String key) {
        silentlyRemoveEntityIfExists(createDn(hashKey(key)));
    }

    @Override
    public void clear() {}

    @Override
    public CacheProviderType getProviderType() {
        return CacheProviderType.NATIVE_PERSISTENCE;
    }

    @Override
    public CacheConfiguration getCacheConfiguration() {
        return cacheConfiguration;
    }

    private boolean silentlyRemoveEntityIfExists(String dn) {
        try {
            if (entryManager.find(NativePersistenceCacheEntity.class, dn) != null) {
                entryManager.remove(dn, NativePersistenceCacheEntity.class);
                return true;
            }
        } catch (Exception e) {
            // ignore
        }
        return false;
    }

    private String createDn(String hashedKey) {
        return String.format("uuid=%s,%s", hashedKey, baseDn);
    }

    /** DigestUtils.sha256Hex(key). */
    public static String hashKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String hex = new BigInteger(1, digest).toString(16);
            return "0".repeat(64 - hex.length()) + hex;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isExpired(Date expiredAt) {
        return expiredAt == null || expiredAt.getTime() <= Clock.now();
    }

    private static Object fromString(String s) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(s)))) {
            return in.readObject();
        } catch (Exception e) {
            System.err.println("Failed to deserialize cache entity: " + e.getMessage());
            return null;
        }
    }

    private static String asString(Object o) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (Exception e) {
            System.err.println("Failed to serialize cache entity: " + e.getMessage());
            return null;
        }
    }
}
