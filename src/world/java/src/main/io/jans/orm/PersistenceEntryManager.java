package io.jans.orm;

/**
 * The part of io.jans.orm.PersistenceEntryManager the cache provider and the script use. The real interface extends
 * jakarta.persistence.EntityManager, whence find(Class, Object). Every failure is an EntryPersistenceException.
 */
public interface PersistenceEntryManager {
    /** Inserts; fails when the DN exists (a duplicate) or the backend fails. */
    void persist(Object entry);

    /** Update-or-insert (Janssen's SQL cache provider puts with it). */
    Void merge(Object entry);

    <T> boolean contains(String primaryKey, Class<T> entryClass);

    /** The entry; throws EntryPersistenceException when there is none (guess from LDAP/SQL lookups) or the backend fails. */
    <T> T find(Class<T> entryClass, Object primaryKey);

    /** Succeeds whether or not the entry exists (removeByDn ignores the delete count). */
    <T> void remove(String primaryKey, Class<T> entryClass);

    boolean hasBranchesSupport(String primaryKey);

    String getPersistenceType(String primaryKey);
}
