// spymemcached, the memcached client behind Janssen's MEMCACHED cache provider: version 2.12.3 in jans-bom
// (net.spy:spymemcached). Reached only through CacheProvider.getDelegate() (see claim-stores.ts): type-only.

declare module "java:net.spy.memcached.internal" {
  import type { TimeUnit } from "java:java.util.concurrent";

  export interface OperationFuture<T> {
    /** Waits for the server's answer; throws on timeout (CheckedOperationTimeoutException) or a cancelled operation. */
    get(duration: number, units: TimeUnit): T;
  }
}

declare module "java:net.spy.memcached" {
  import type { OperationFuture } from "java:net.spy.memcached.internal";

  export interface MemcachedClient {
    /** Stores only when the key is absent: the future gives true when stored, false when the key exists (or not stored). */
    add(key: string, exp: number, o: string): OperationFuture<boolean>;
    /** The value (a String stored by add comes back as a String), null when absent; throws OperationTimeoutException. */
    get(key: string): string | null;
    delete(key: string): OperationFuture<boolean>;
  }
}
