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
