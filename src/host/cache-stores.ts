import type { CacheService } from "java:io.jans.service";
import type { SessionStore } from "../flow/ports";

// CacheService is shared by every node (the database by default, or Redis/Memcached), which is what lets step 1 run on one
// node and steps 2 and 3 on another. Keys are prefixed so the script's entries never meet Janssen's own.
const SESSION_PREFIX = "gamatech-ropc:session:";

export class CacheSessionStore implements SessionStore {
  private readonly cache: CacheService;
  private readonly confirmed: boolean;

  /** `confirmed`: the server's cache provider throws on every failed write (writesConfirmedBy). */
  constructor(cache: CacheService, confirmed: boolean) {
    this.cache = cache;
    this.confirmed = confirmed;
  }

  writesAreConfirmed(): boolean {
    return this.confirmed;
  }

  create(id: string, state: string, ttlSeconds: number): void {
    this.cache.put(ttlSeconds, SESSION_PREFIX + id, state);
  }

  get(id: string): string | null {
    return this.cache.get(SESSION_PREFIX + id);
  }

  update(id: string, state: string, ttlSeconds: number): void {
    this.cache.put(ttlSeconds, SESSION_PREFIX + id, state);
  }

  remove(id: string): void {
    this.cache.remove(SESSION_PREFIX + id);
  }
}

/**
 * Janssen's Redis providers let every failure of a put reach CacheService's caller (reference-src RedisStandaloneProvider,
 * RedisClusterProvider: nothing caught); NATIVE_PERSISTENCE and MEMCACHED log it and return, and IN_MEMORY is one node's.
 */
export function writesConfirmedBy(providerType: string): boolean {
  return providerType === "REDIS";
}
