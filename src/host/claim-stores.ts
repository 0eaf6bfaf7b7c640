import type { PersistenceEntryManager } from "java:io.jans.orm";
import type { AbstractRedisProvider } from "java:io.jans.service.cache";
import { CacheProvider, NativePersistenceCacheEntity } from "java:io.jans.service.cache";
import { CdiUtil } from "java:io.jans.service.cdi.util";
import type { Class, JavaObject } from "java:java.lang";
import { String as JavaString } from "java:java.lang";
import { MessageDigest } from "java:java.security";
import { BigInteger } from "java:java.math";
import { Date as JavaDate } from "java:java.util";
import { TimeUnit } from "java:java.util.concurrent";
import type { MemcachedClient } from "java:net.spy.memcached";
import type { Jedis, JedisPool } from "java:redis.clients.jedis";
import type { JedisCommands } from "java:redis.clients.jedis.commands";
import type { SetParams, SetParamsClass } from "java:redis.clients.jedis.params";
import type { ClaimStore, Clock, SecureRandom } from "../flow/ports";
import { CacheServiceClaimStore, CLAIM_PREFIX, wholeSeconds } from "./per-node-claims";

// Claims (ports.ts): entries created only if absent. Where the server's cache backend has an insert-if-absent, a claim is
// atomic across every node: Redis SET NX EX, memcached add, the database's unique DN. Otherwise (IN_MEMORY, anything not
// recognised, any detection failure) claims go through CacheService under a per-node lock, so a limit holds exactly on
// one node and within limit × nodes across nodes. Backend objects are reached through CacheProvider.getDelegate() and
// their methods called without importing their classes: a server on memcached has no Jedis classes, and the reverse.

/** How long a claim may wait for memcached's answer before it counts as failed (fail closed). */
const MEMCACHED_TIMEOUT_MS = 3000;
/** NativePersistenceCacheProvider's branch under the configured base DN, and Janssen's default base. */
const CACHE_BRANCH = "ou=cache,";
const DEFAULT_CACHE_BASE_DN = "ou=cache,o=jans";
/** memcached reads an expiry above 30 days as an absolute Unix time. */
const MEMCACHED_MAX_RELATIVE_SECONDS = 2592000;
/** Entry managers whose persist is an insert that fails on an existing DN. */
const INSERTING_PERSISTENCE = ["sql", "ldap", "spanner"];

/** The claim store in force and the line init logs about it (no secret: backend names only). */
export interface ClaimSetup {
  store: ClaimStore;
  description: string;
  /** True when claims are atomic across nodes. */
  clusterWide: boolean;
}

/**
 * Redis: SET key value NX EX ttl, "OK" only for the caller that created the key, atomic on the server. Through a pool
 * (standalone, sentinel, sharded: one pooled connection per call, always handed back) or a JedisCluster (direct). Jedis
 * throws when Redis is unreachable, and so does every claim then.
 */
export class RedisClaimStore implements ClaimStore {
  private readonly pool: JedisPool | null;
  private readonly cluster: JedisCommands | null;
  private readonly setParams: SetParamsClass;

  constructor(pool: JedisPool | null, cluster: JedisCommands | null, setParams: SetParamsClass) {
    this.pool = pool;
    this.cluster = cluster;
    this.setParams = setParams;
  }

  claim(key: string, value: string, ttlSeconds: number): boolean {
    const params: SetParams = this.setParams.setParams().nx().ex(wholeSeconds(ttlSeconds));
    return this.run((redis) => redis.set(CLAIM_PREFIX + key, value, params) === "OK");
  }

  get(key: string): string | null {
    return this.run((redis) => redis.get(CLAIM_PREFIX + key));
  }

  release(key: string): void {
    this.run((redis) => redis.unlink(CLAIM_PREFIX + key));
  }

  private run<T>(command: (redis: JedisCommands) => T): T {
    const cluster = this.cluster;
    if (cluster !== null) {
      return command(cluster);
    }
    const pool = this.pool;
    if (pool === null) {
      throw new Error("no Redis client");
    }
    const connection: Jedis = pool.getResource();
    try {
      return command(connection);
    } finally {
      connection.close();
    }
  }
}

/**
 * memcached: add stores only when the key is absent. A false answer is "taken" only when the key then reads back as
 * present; otherwise the claim is unconfirmed and throws. Timeouts and a dead server throw too (fail closed). Keys are
 * hashed: memcached refuses keys over 250 bytes or with spaces.
 */
export class MemcachedClaimStore implements ClaimStore {
  private readonly client: MemcachedClient;
  private readonly clock: Clock;

  constructor(client: MemcachedClient, clock: Clock) {
    this.client = client;
    this.clock = clock;
  }

  claim(key: string, value: string, ttlSeconds: number): boolean {
    const cacheKey = memcachedKey(key);
    const seconds = wholeSeconds(ttlSeconds);
    const expiry =
      seconds <= MEMCACHED_MAX_RELATIVE_SECONDS
        ? seconds
        : Math.floor(this.clock.nowMillis() / 1000) + seconds;
    const added = this.client.add(cacheKey, expiry, value).get(MEMCACHED_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    if (added) {
      return true;
    }
    if (this.client.get(cacheKey) !== null) {
      return false;
    }
    throw new Error("claim not confirmed: memcached neither stored the key nor holds it");
  }

  get(key: string): string | null {
    return this.client.get(memcachedKey(key));
  }

  release(key: string): void {
    this.client.delete(memcachedKey(key)).get(MEMCACHED_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}

function memcachedKey(key: string): string {
  return CLAIM_PREFIX + sha256Hex(key);
}

/**
 * The two calls of PersistenceEntryManager that Janssen's own cache clean-up makes (reference-src
 * NativePersistenceCacheProvider.cleanup): a remove of the entries under a base that match a filter, answering how many it
 * removed, and the backend's encoding of a time for a filter. Type-only, like the rest of the entry manager.
 */
interface CacheEntryManager extends PersistenceEntryManager {
  remove<T>(primaryKey: string, entryClass: { prototype: T }): void;
  remove<T>(baseDn: string, entryClass: { prototype: T }, filter: Filter, count: number): number;
  encodeTime(baseDn: string, date: JavaDate): string;
}

/** io.jans.orm.search.filter.Filter, opaque to the script. */
type Filter = JavaObject;

/** The class io.jans.orm.search.filter.Filter as Jython exposes a loaded java.lang.Class: its static factories. */
interface FilterClass {
  /** Java varargs (Filter...): Jython packs the arguments into the array; the guest language has no rest parameters. */
  createANDFilter(first: Filter, second: Filter, third: Filter): Filter;
  createEqualityFilter(attributeName: string, value: unknown): Filter;
  createLessOrEqualFilter(attributeName: string, value: unknown): Filter;
}

/** Rounds of insert, read and removal of an expired entry before a claim that keeps meeting a vanished entry throws. */
const DATABASE_CLAIM_ROUNDS = 3;

/**
 * The database behind NATIVE_PERSISTENCE: persist of an entry keyed like Janssen's cache table (DN
 * uuid=<sha256 hex of the key>,ou=cache,<base>) is an insert that fails when the DN exists, so the database's unique key
 * decides every claim, across nodes. A failed persist is a duplicate only when the entry then reads back as present.
 * An expired entry that Janssen's clean-up has not removed yet is removed with the clean-up's own filter (this key, and
 * only while it is still expired), never by its DN alone: a node that lost the race to replace it must not remove the
 * fresh entry of the node that won. Then the insert is tried again. An entry that is absent after a failed persist (one
 * just removed that way, or released) gets another round; one that stays absent is an outage, and the claim throws.
 * The value is stored as plain text (Janssen's own entries hold Base64 Java serialization): only this store reads it.
 */
export class DatabaseClaimStore implements ClaimStore {
  private readonly entries: CacheEntryManager;
  private readonly baseDn: string;
  private readonly clock: Clock;
  private readonly filters: FilterClass;

  constructor(entries: CacheEntryManager, baseDn: string, clock: Clock, filters: FilterClass) {
    this.entries = entries;
    this.baseDn = baseDn;
    this.clock = clock;
    this.filters = filters;
  }

  claim(key: string, value: string, ttlSeconds: number): boolean {
    const id = sha256Hex(CLAIM_PREFIX + key);
    const dn = `uuid=${id},${this.baseDn}`;
    const seconds = wholeSeconds(ttlSeconds);
    let round = 0;
    while (round < DATABASE_CLAIM_ROUNDS) {
      if (this.insert(dn, id, value, seconds)) {
        return true;
      }
      const existing = this.read(dn);
      if (existing !== null) {
        if (!this.isExpired(existing)) {
          return false;
        }
        this.removeIfExpired(id);
      }
      round++;
    }
    throw new Error("claim not stored: the database refused the entry and holds none");
  }

  get(key: string): string | null {
    const dn = `uuid=${sha256Hex(CLAIM_PREFIX + key)},${this.baseDn}`;
    // Most slots a flow reads are free: one round trip (contains) tells so; find only for an entry that is there.
    if (!this.entries.contains(dn, NativePersistenceCacheEntity)) {
      return null;
    }
    const entry = this.read(dn);
    if (entry === null || this.isExpired(entry)) {
      return null;
    }
    return entry.getData();
  }

  release(key: string): void {
    const dn = `uuid=${sha256Hex(CLAIM_PREFIX + key)},${this.baseDn}`;
    if (this.read(dn) !== null) {
      this.entries.remove(dn, NativePersistenceCacheEntity);
    }
  }

  /** True when this call created the entry; false when persist failed, for whatever reason. */
  private insert(dn: string, id: string, value: string, ttlSeconds: number): boolean {
    const now = this.clock.nowMillis();
    const entry = new NativePersistenceCacheEntity();
    entry.setDn(dn);
    entry.setId(id);
    entry.setTtl(ttlSeconds);
    entry.setData(value);
    entry.setCreationDate(new JavaDate(now));
    entry.setExpirationDate(new JavaDate(now + ttlSeconds * 1000));
    entry.setDeletable(true);
    try {
      this.entries.persist(entry);
      return true;
    } catch (error) {
      return false;
    }
  }

  /** Removes entry `id` only if it is still expired now: the filter of Janssen's clean-up, narrowed to this key. */
  private removeIfExpired(id: string): void {
    const filters = this.filters;
    const now = this.entries.encodeTime(this.baseDn, new JavaDate(this.clock.nowMillis()));
    const expired = filters.createANDFilter(
      filters.createEqualityFilter("uuid", id),
      filters.createEqualityFilter("del", true),
      filters.createLessOrEqualFilter("exp", now),
    );
    this.entries.remove(this.baseDn, NativePersistenceCacheEntity, expired, 1);
  }

  /**
   * The entry, or null when there is none; throws when the database cannot say. find fails both for a missing entry and
   * for an outage: contains tells them apart, and an entry that appeared in between is read once more.
   */
  private read(dn: string): NativePersistenceCacheEntity | null {
    try {
      return this.entries.find(NativePersistenceCacheEntity, dn);
    } catch (error) {
      if (!this.entries.contains(dn, NativePersistenceCacheEntity)) {
        return null;
      }
      return this.entries.find(NativePersistenceCacheEntity, dn);
    }
  }

  private isExpired(entry: NativePersistenceCacheEntity): boolean {
    const expiresAt = entry.getExpirationDate();
    return expiresAt === null || expiresAt.getTime() <= this.clock.nowMillis();
  }
}

function sha256Hex(text: string): string {
  const digest = MessageDigest.getInstance("SHA-256").digest(new JavaString(text).getBytes("UTF-8"));
  // Java 11 has no HexFormat; BigInteger drops leading zeros, put back to the digest's 64 digits.
  return new BigInteger(1, digest).toString(16).padStart(64, "0");
}

/** Every class name from the object's own class up to java.lang.Object. */
function classNames(value: unknown): string[] {
  const names: string[] = [];
  let current: Class | null = (value as JavaObject).getClass();
  while (current !== null) {
    names.push(current.getName());
    current = current.getSuperclass();
  }
  return names;
}

function perNode(reason: string, clock: Clock): ClaimSetup {
  return {
    store: new CacheServiceClaimStore(clock),
    description: `claims=per-node (CacheService, limits hold per node; ${reason})`,
    clusterWide: false,
  };
}

/** A claim and its release on a key no flow uses: proves the backend's calls work before init relies on them. */
function probe(store: ClaimStore, random: SecureRandom): boolean {
  const key = `probe:${random.randomHex(16)}`;
  const won = store.claim(key, "probe", 30);
  store.release(key);
  return won;
}

function atomic(
  store: ClaimStore,
  name: string,
  how: string,
  clock: Clock,
  random: SecureRandom,
): ClaimSetup {
  try {
    if (!probe(store, random)) {
      return perNode(`the ${name} probe claim was refused`, clock);
    }
  } catch (error) {
    return perNode(`the ${name} probe claim failed`, clock);
  }
  return { store: store, description: `claims=${name} (atomic across nodes: ${how})`, clusterWide: true };
}

function redisSetup(provider: CacheProvider<unknown>, clock: Clock, random: SecureRandom): ClaimSetup {
  const client = (provider.getDelegate() as AbstractRedisProvider).getDelegate();
  if (client === null || client === undefined) {
    return perNode("the Redis provider has no client", clock);
  }
  const names = classNames(client);
  const loader = (client as JavaObject).getClass().getClassLoader();
  if (loader === null) {
    return perNode("no class loader for the Redis client", clock);
  }
  const setParams = loader.loadClass("redis.clients.jedis.params.SetParams") as SetParamsClass;
  if (names.includes("redis.clients.jedis.JedisCluster")) {
    return atomic(
      new RedisClaimStore(null, client as JedisCommands, setParams),
      "redis",
      "SET NX EX, cluster",
      clock,
      random,
    );
  }
  if (names.includes("redis.clients.jedis.util.Pool") || names.includes("redis.clients.util.Pool")) {
    return atomic(
      new RedisClaimStore(client as JedisPool, null, setParams),
      "redis",
      "SET NX EX",
      clock,
      random,
    );
  }
  return perNode("unknown Redis client", clock);
}

function memcachedSetup(provider: CacheProvider<unknown>, clock: Clock, random: SecureRandom): ClaimSetup {
  const client = provider.getDelegate();
  if (client === null || client === undefined) {
    return perNode("the memcached provider has no client", clock);
  }
  if (!classNames(client).includes("net.spy.memcached.MemcachedClient")) {
    return perNode("unknown memcached client", clock);
  }
  return atomic(new MemcachedClaimStore(client as MemcachedClient, clock), "memcached", "add", clock, random);
}

function databaseSetup(provider: CacheProvider<unknown>, clock: Clock, random: SecureRandom): ClaimSetup {
  const delegate = provider.getDelegate();
  if (delegate === null || delegate === undefined) {
    return perNode("the database provider has no entry manager", clock);
  }
  const entries = delegate as CacheEntryManager;
  const baseDn = cacheBaseDn(provider);
  const persistence = entries.getPersistenceType(baseDn);
  if (!INSERTING_PERSISTENCE.includes(persistence)) {
    return perNode(`database persistence ${persistence} has no insert-if-absent`, clock);
  }
  // The ORM's Filter, from the entry manager's own class loader (the script's may not see jans-orm-core).
  const loader = (delegate as JavaObject).getClass().getClassLoader();
  if (loader === null) {
    return perNode("no class loader for the entry manager", clock);
  }
  const filters = loader.loadClass("io.jans.orm.search.filter.Filter") as FilterClass;
  return atomic(
    new DatabaseClaimStore(entries, baseDn, clock, filters),
    "database",
    `unique DN, ${persistence}`,
    clock,
    random,
  );
}

/** The provider's base DN once started ("ou=cache,o=jans" on a default install). */
function cacheBaseDn(provider: CacheProvider<unknown>): string {
  let configured: string | null = null;
  try {
    configured = provider.getCacheConfiguration().getNativePersistenceConfiguration().getBaseDn();
  } catch (error) {
    configured = null;
  }
  if (configured === null || configured === "") {
    return DEFAULT_CACHE_BASE_DN;
  }
  return configured.startsWith(CACHE_BRANCH) ? configured : CACHE_BRANCH + configured;
}

/** The server's cache provider with its type by Janssen's name (REDIS, MEMCACHED, NATIVE_PERSISTENCE, IN_MEMORY). */
interface FoundProvider {
  provider: CacheProvider<unknown>;
  type: string;
}

/** The server's cache provider, or null when there is none or its type cannot be read. */
function findCacheProvider(): FoundProvider | null {
  try {
    const provider: CacheProvider<unknown> = CdiUtil.bean(CacheProvider);
    return { provider: provider, type: provider.getProviderType().name() };
  } catch (error) {
    return null;
  }
}

/** The server's cache backend by Janssen's name, "" when unknown. */
export function cacheProviderType(): string {
  const found = findCacheProvider();
  return found === null ? "" : found.type;
}

/**
 * Detects the server's cache backend (CdiUtil.bean(CacheProvider).getProviderType()) and builds the claim store for it,
 * once, at init; an atomic store must first win and release a probe claim. Never throws and never leaves the script without claims: anything unexpected falls back to per node.
 */
export function openClaimStore(clock: Clock, random: SecureRandom): ClaimSetup {
  const found = findCacheProvider();
  if (found === null) {
    return perNode("no cache provider found", clock);
  }
  const provider = found.provider;
  const type = found.type;
  try {
    switch (type) {
      case "REDIS":
        return redisSetup(provider, clock, random);
      case "MEMCACHED":
        return memcachedSetup(provider, clock, random);
      case "NATIVE_PERSISTENCE":
        return databaseSetup(provider, clock, random);
      case "IN_MEMORY":
        return perNode("cache provider IN_MEMORY", clock);
      default:
        return perNode(`unknown cache provider ${type}`, clock);
    }
  } catch (error) {
    return perNode(`cache provider ${type} not usable for claims`, clock);
  }
}
