import { CacheService } from "java:io.jans.service";
import { CdiUtil } from "java:io.jans.service.cdi.util";
import { Objects } from "java:java.util";
import { ConcurrentHashMap } from "java:java.util.concurrent";
import { ReentrantLock } from "java:java.util.concurrent.locks";
import type { ClaimStore, Clock, Serializer } from "../flow/ports";

// Per-node locks and the claim store of a cache with no insert-if-absent (IN_MEMORY, anything claim-stores.ts does not
// recognise). Nodes that share such a cache see each other's claims most of the time, but a check and a write on two nodes
// can interleave, and a give-back on one node can remove the entry another node wrote: so each node also remembers the
// claims it holds, and only its own give-backs and the ttl free them. A limit then holds exactly on each node and within
// limit × nodes across nodes, whatever the other nodes write or remove.

/** Keeps the script's claims apart from Janssen's own cache entries, on every backend. */
export const CLAIM_PREFIX = "gamatech-ropc:claim:";
/** Stripes of the per-node locks: enough that unrelated keys rarely wait for each other. */
const STRIPES = 256;
/** Below this many remembered claims no sweep runs; above it, a sweep runs each time the count doubles. */
const SWEEP_FLOOR = 1024;

/**
 * Per-node mutual exclusion: a fixed array of ReentrantLocks, a key's lock chosen by Java's String.hashCode. One instance
 * serves every request thread of a script instance (Jython has no global lock); a lock is held only while `work` runs.
 */
export class StripedSerializer implements Serializer {
  private readonly locks: ReentrantLock[];

  constructor(stripes: number) {
    const locks: ReentrantLock[] = [];
    while (locks.length < stripes) {
      locks.push(new ReentrantLock());
    }
    this.locks = locks;
  }

  exclusive<T>(key: string, work: () => T): T {
    const lock = this.lockFor(key);
    lock.lock();
    try {
      return work();
    } finally {
      lock.unlock();
    }
  }

  private lockFor(key: string): ReentrantLock {
    // String.hashCode by one static call: making a Java String first costs as much again.
    const index = Math.abs(Objects.hashCode(key)) % this.locks.length;
    const lock = this.locks[index];
    if (lock === undefined) {
      throw new Error("lock stripe out of range");
    }
    return lock;
  }
}

export function newSerializer(): Serializer {
  return new StripedSerializer(STRIPES);
}

/**
 * A claim's ttl as the whole seconds every backend takes (Redis EX and memcached want integers). Below 1 s it throws: Redis
 * refuses 0, and memcached would keep the entry for ever, a claim that never frees up.
 */
export function wholeSeconds(ttlSeconds: number): number {
  const seconds = Math.ceil(ttlSeconds);
  if (!(seconds >= 1)) {
    throw new Error("a claim needs a ttl of at least 1 s");
  }
  return seconds;
}

/** A claim this node holds, as the node remembers it. */
class HeldClaim {
  readonly value: string;
  readonly expiresAt: number;

  constructor(value: string, expiresAt: number) {
    this.value = value;
    this.expiresAt = expiresAt;
  }
}

/**
 * Per node: CacheService get, put and read-back under this store's own locks (innermost: the flow's serializer locks are
 * taken outside them, never inside, so the two never deadlock). A claim answers true only when the value read back is the
 * one written; a read-back that finds nothing (a provider that swallowed the write) throws. A claim this node holds refuses
 * the key until it is given back here or its ttl passes, even when another node's give-back removed the shared entry.
 */
export class CacheServiceClaimStore implements ClaimStore {
  private readonly locks: Serializer;
  private readonly clock: Clock;
  private readonly held: ConcurrentHashMap<string, HeldClaim>;
  private sweepAbove: number;

  constructor(clock: Clock) {
    this.locks = new StripedSerializer(STRIPES);
    this.clock = clock;
    this.held = new ConcurrentHashMap<string, HeldClaim>();
    this.sweepAbove = SWEEP_FLOOR;
  }

  claim(key: string, value: string, ttlSeconds: number): boolean {
    const cacheKey = CLAIM_PREFIX + key;
    const seconds = wholeSeconds(ttlSeconds);
    return this.locks.exclusive(cacheKey, () => {
      const now = this.clock.nowMillis();
      if (this.heldHere(cacheKey, now) !== null) {
        return false;
      }
      const cache = cacheService();
      if (cache.get(cacheKey) !== null) {
        return false;
      }
      cache.put(seconds, cacheKey, value);
      const stored = cache.get(cacheKey);
      if (stored === null) {
        throw new Error("claim not stored: the cache lost the write");
      }
      if (stored !== value) {
        return false;
      }
      this.held.put(cacheKey, new HeldClaim(value, now + seconds * 1000));
      // Checked here, not in the sweep: a call per claim costs more than the test.
      if (this.held.size() > this.sweepAbove) {
        this.sweep(now);
      }
      return true;
    });
  }

  get(key: string): string | null {
    const cacheKey = CLAIM_PREFIX + key;
    const shared = cacheService().get(cacheKey);
    if (shared !== null) {
      return shared;
    }
    const mine = this.heldHere(cacheKey, this.clock.nowMillis());
    return mine === null ? null : mine.value;
  }

  release(key: string): void {
    const cacheKey = CLAIM_PREFIX + key;
    this.locks.exclusive(cacheKey, () => {
      this.held.remove(cacheKey);
      cacheService().remove(cacheKey);
      return true;
    });
  }

  private heldHere(cacheKey: string, now: number): HeldClaim | null {
    const mine = this.held.get(cacheKey);
    return mine !== null && mine.expiresAt > now ? mine : null;
  }

  /** Forgets expired claims once their number has doubled since the last sweep: memory stays within twice the live ones. */
  private sweep(now: number): void {
    for (const cacheKey of this.held.keySet().toArray()) {
      const mine = this.held.get(cacheKey);
      if (mine !== null && mine.expiresAt <= now) {
        this.held.remove(cacheKey, mine);
      }
    }
    this.sweepAbove = Math.max(SWEEP_FLOOR, 2 * this.held.size());
  }
}

/** Looked up per call: a bean proxy in Janssen, so nothing is kept that a redeployment could leave stale. */
function cacheService(): CacheService {
  return CdiUtil.bean(CacheService);
}
