// Janssen core services (jans-core): the CDI lookup and the shared cache.

declare module "java:io.jans.service.cdi.util" {
  export class CdiUtil {
    private constructor();
    /** The bean of that class, e.g. CdiUtil.bean(CacheService). Throws (never returns null) when there is none. */
    static bean<T>(clazz: { prototype: T }): T;
  }
}

declare module "java:io.jans.service" {
  /**
   * Backed by the server's cache provider (the database by default), shared by every node. No atomic increment or
   * compare-and-set. The project stores only strings (JSON text), hence the string types.
   */
  export class CacheService {
    private constructor();
    get(key: string): string | null;
    put(expirationInSeconds: number, key: string, object: string): void;
    remove(key: string): void;
  }
}

declare module "java:io.jans.service.cache" {
  import type { Date } from "java:java.util";

  /**
   * The server's cache provider (jans-core-cache; a CDI bean: CdiUtil.bean(CacheProvider)). The script reads only which
   * backend it is and the backend's own client, for the atomic operations CacheService lacks (see claim-stores.ts).
   */
  export abstract class CacheProvider<T> {
    protected constructor();
    /** REDIS → AbstractRedisProvider; MEMCACHED → net.spy.memcached.MemcachedClient; NATIVE_PERSISTENCE →
     * io.jans.orm.PersistenceEntryManager; IN_MEMORY → net.jodah.expiringmap.ExpiringMap. */
    getDelegate(): T;
    getProviderType(): CacheProviderType;
    /** Declared by every provider (`@Override`); the saved CacheProvider does not declare it. */
    getCacheConfiguration(): CacheConfiguration;
  }

  /** The enum io.jans.service.cache.CacheProviderType: IN_MEMORY, MEMCACHED, REDIS, NATIVE_PERSISTENCE. */
  export interface CacheProviderType {
    name(): string;
  }

  export interface CacheConfiguration {
    getNativePersistenceConfiguration(): NativePersistenceConfiguration;
  }

  export interface NativePersistenceConfiguration {
    /** "ou=cache,<base>" once the provider has started (it replaces the configured base DN with its branch). */
    getBaseDn(): string | null;
  }

  /** Janssen's wrapper around the Jedis client (RedisStandaloneProvider, RedisClusterProvider, ...). */
  export interface AbstractRedisProvider {
    /** JedisPool, JedisSentinelPool, ShardedJedisPool or JedisCluster. */
    getDelegate(): unknown;
  }

  /**
   * One cache entry of NATIVE_PERSISTENCE (objectClass jansCache): DN uuid=<sha256 hex of the key>,ou=cache,<base>; extends
   * io.jans.orm.model.base.DeletableEntity (exp, del) and BaseEntry (dn).
   */
  export class NativePersistenceCacheEntity {
    constructor();
    setDn(dn: string): void;
    setId(id: string): void;
    /** @Expiration, in seconds. */
    setTtl(ttl: number): void;
    setData(data: string): void;
    getData(): string | null;
    setCreationDate(creationDate: Date): void;
    setExpirationDate(expirationDate: Date): void;
    /** Null on entries written without one (Janssen treats them as expired). */
    getExpirationDate(): Date | null;
    setDeletable(deletable: boolean): void;
  }
}
