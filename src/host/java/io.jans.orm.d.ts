// Janssen's ORM (jans-orm-core): the entry manager behind the default cache provider, NATIVE_PERSISTENCE. The script reaches it
// only as CacheProvider.getDelegate() (see claim-stores.ts), never imports it: type-only.

declare module "java:io.jans.orm" {
  /**
   * io.jans.orm.PersistenceEntryManager (extends jakarta.persistence.EntityManager, whence `find(Class, Object)`). Each
   * dialect wraps any failure in io.jans.orm.exception.EntryPersistenceException; `persist` of an entry whose DN exists fails
   * (LDAP: cause DuplicateEntryException; SQL: the database's unique-key violation), so it is an insert-if-absent.
   */
  export interface PersistenceEntryManager {
    /** Inserts; throws when the DN exists or the backend fails. */
    persist(entry: unknown): void;
    /** False when no entry has that DN; throws when the backend fails. */
    contains<T>(primaryKey: string, entryClass: { prototype: T }): boolean;
    /** The entry with that DN; throws (EntryPersistenceException) when there is none or the backend fails. */
    find<T>(entryClass: { prototype: T }, primaryKey: string): T;
    remove<T>(primaryKey: string, entryClass: { prototype: T }): void;
    /** "sql", "ldap", "spanner", "couchbase", ... for the backend holding that DN (hybrid set-ups differ per DN). */
    getPersistenceType(primaryKey: string): string;
  }
}
