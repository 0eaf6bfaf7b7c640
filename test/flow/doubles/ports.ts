// In-memory doubles of every port, with a controllable clock and fault injection. Shared with the conformance runner.

import { createHmac, randomBytes, randomInt, timingSafeEqual } from "crypto";
import type { MessageListInstanceCreateOptions } from "twilio/lib/rest/api/v2010/account/message";
import type { VerificationListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verification";
import type { VerificationCheckListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verificationCheck";
import type {
  ClaimStore,
  Clock,
  DeliveryResult,
  DirectoryUser,
  KeyedHash,
  Log,
  OtpChannel,
  PasswordVerifier,
  Ports,
  SecureRandom,
  Serializer,
  SessionStore,
  UserDirectory,
  VerificationResult,
} from "../../../src/flow/ports";

export class PortFailure extends Error {}

export class ManualClock implements Clock {
  constructor(public now = Date.UTC(2026, 0, 1, 12, 0, 0)) {}
  nowMillis(): number {
    return this.now;
  }
  advanceSeconds(seconds: number): void {
    this.now += seconds * 1000;
  }
}

/** A key-value store with per-entry ttl measured on the manual clock, like Janssen's CacheService. */
export class TtlStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
  /** Method names that throw PortFailure when called. */
  readonly failing = new Set<string>();
  /** When set, every read answers null, as a cache that lost its entries would. */
  forgetful = false;
  /** When set, writes are silently dropped (Janssen's database cache and memcached swallow write errors). */
  swallowWrites = false;
  /** When set, expired entries stay (and read back with their old value) until `sweep`, like a table a cleaner empties. */
  keepExpired = false;
  readonly calls: string[] = [];
  /** Every operation with its key, in order. */
  readonly log: { method: string; key: string }[] = [];
  /**
   * Called before each operation (after it is recorded, before it runs): lets a test run another request in the middle of
   * this one, exactly between two store operations.
   */
  before: ((method: string, key: string) => void) | null = null;

  constructor(protected readonly clock: ManualClock) {}

  protected enter(method: string, key = ""): void {
    this.calls.push(method);
    this.log.push({ method, key });
    const hook = this.before;
    if (hook !== null) {
      hook(method, key);
    }
    if (this.failing.has(method)) {
      throw new PortFailure(`${method} failed`);
    }
  }

  protected read(key: string): string | null {
    if (this.forgetful) {
      return null;
    }
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return null;
    }
    if (entry.expiresAt <= this.clock.now && !this.keepExpired) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  protected present(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && (this.keepExpired || entry.expiresAt > this.clock.now);
  }

  protected write(key: string, value: string, ttlSeconds: number): void {
    if (!(ttlSeconds > 0) || !Number.isInteger(ttlSeconds)) {
      throw new Error(`ttl must be a positive integer, got ${ttlSeconds}`);
    }
    if (this.swallowWrites) {
      return;
    }
    this.entries.set(key, { value, expiresAt: this.clock.now + ttlSeconds * 1000 });
  }

  /** Drops expired entries (the cleaner of a store that keeps them). */
  sweep(): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.expiresAt <= this.clock.now) this.entries.delete(key);
    }
  }

  /** Raw access for tests: tamper with or inspect stored text. */
  peek(key: string): string | null {
    return this.read(key);
  }
  poke(key: string, value: string, ttlSeconds = 600): void {
    this.write(key, value, ttlSeconds);
  }
  ttlOf(key: string): number | null {
    const entry = this.entries.get(key);
    return entry === undefined ? null : (entry.expiresAt - this.clock.now) / 1000;
  }
  liveKeys(): string[] {
    return [...this.entries.keys()].filter((key) => this.read(key) !== null);
  }
  /** Forgets every hook and fault. */
  heal(): void {
    this.failing.clear();
    this.forgetful = false;
    this.swallowWrites = false;
    this.before = null;
  }
}

export class MemorySessionStore extends TtlStore implements SessionStore {
  /** Whether the store says a write that returns was stored (Redis); then the flow reads nothing back. */
  confirmsWrites = false;
  writesAreConfirmed(): boolean {
    return this.confirmsWrites;
  }
  create(id: string, state: string, ttlSeconds: number): void {
    this.enter("create", id);
    this.write(id, state, ttlSeconds);
  }
  get(id: string): string | null {
    this.enter("get", id);
    return this.read(id);
  }
  update(id: string, state: string, ttlSeconds: number): void {
    this.enter("update", id);
    this.write(id, state, ttlSeconds);
  }
  remove(id: string): void {
    this.enter("remove", id);
    this.entries.delete(id);
  }
}

/**
 * Add-if-absent claims, atomic like the host's on Redis or the database (a single synchronous step here). Faults: `failing`
 * ("claim", "get", "release" throw), `forgetful` (reads answer null and no claim can be confirmed, so `claim` answers false),
 * `swallowWrites` (a claim that was not stored is not confirmed either: false), `keepExpired` (an expired row still blocks
 * its key and reads back until `sweep`).
 */
export class MemoryClaimStore extends TtlStore implements ClaimStore {
  claim(key: string, value: string, ttlSeconds: number): boolean {
    this.enter("claim", key);
    if (this.forgetful || this.swallowWrites || this.present(key)) {
      return false;
    }
    this.write(key, value, ttlSeconds);
    return true;
  }
  get(key: string): string | null {
    this.enter("get", key);
    return this.read(key);
  }
  release(key: string): void {
    this.enter("release", key);
    this.entries.delete(key);
  }
  /** Live keys starting with `prefix`. */
  held(prefix: string): string[] {
    return this.liveKeys().filter((key) => key.startsWith(prefix));
  }
}

/**
 * A per-node lock double. Work runs at once (tests are single-threaded); it records every key, refuses to nest (the port
 * forbids it, and a real striped lock would deadlock or block), and says whether a lock is held right now, so the provider
 * and password doubles can record a call made while one is.
 */
export class TestSerializer implements Serializer {
  readonly keys: string[] = [];
  private readonly holding: string[] = [];

  exclusive<T>(key: string, work: () => T): T {
    if (this.holding.length > 0) {
      throw new Error(`exclusive(${key}) nested inside exclusive(${this.holding[0]})`);
    }
    this.keys.push(key);
    this.holding.push(key);
    try {
      return work();
    } finally {
      this.holding.pop();
    }
  }

  isHeld(): boolean {
    return this.holding.length > 0;
  }
}

export interface TestUser {
  id: string;
  active: boolean;
  password: string;
  /** LDAP-style attributes: every value of each. */
  attributes: Record<string, string[]>;
}

/** Finds users by exact (case-insensitive) attribute value, as an LDAP equality filter would. */
export class MemoryDirectory implements UserDirectory {
  readonly lookups: { loginValue: string; loginAttributes: string[]; phoneAttributes: string[] }[] = [];
  fail = false;

  constructor(public users: TestUser[] = []) {}

  findUser(loginValue: string, loginAttributes: string[], phoneAttributes: string[]): DirectoryUser | null {
    this.lookups.push({ loginValue, loginAttributes, phoneAttributes });
    if (this.fail) {
      throw new PortFailure("directory down");
    }
    for (const attribute of loginAttributes) {
      const user = this.users.find((candidate) =>
        (candidate.attributes[attribute] ?? []).some(
          (value) => value.toLowerCase() === loginValue.toLowerCase(),
        ),
      );
      if (user !== undefined) {
        const phones = phoneAttributes.flatMap((name) => user.attributes[name] ?? []);
        return { id: user.id, active: user.active, phones };
      }
    }
    return null;
  }
}

export class MemoryPasswords implements PasswordVerifier {
  readonly checks: { userId: string; password: string }[] = [];
  fail = false;
  /** Called at each check, e.g. to record whether a lock is held or to run another request in the middle. */
  onCall: ((what: string) => void) | null = null;
  /** Set by TestWorld: records a check made under a lock. */
  guard: ((what: string) => void) | null = null;

  constructor(private readonly directory: MemoryDirectory) {}

  verifyPassword(userId: string, password: string): boolean {
    this.checks.push({ userId, password });
    this.guard?.("verifyPassword");
    this.onCall?.("verifyPassword");
    if (this.fail) {
      throw new PortFailure("password check failed");
    }
    const user = this.directory.users.find((candidate) => candidate.id === userId);
    return user !== undefined && user.active && user.password === password;
  }
}

/** How the fake provider answers the next calls. */
/** A refusal without an error code is how a timeout reaches the flow (the host maps it so). */
/** `not-attempted`: the host never started the call (no worker free, the SDK lacks Verify). */
export type ProviderMode =
  | { kind: "ok" }
  | { kind: "refuse"; errorCode: number | null }
  | { kind: "throw"; message: string }
  | { kind: "not-attempted" };

/** Records every message and verification; in Verify mode it makes and checks codes like Twilio Verify. */
export class RecordingOtpChannel implements OtpChannel {
  readonly sms: MessageListInstanceCreateOptions[] = [];
  readonly verifications: { serviceSid: string; options: VerificationListInstanceCreateOptions }[] = [];
  readonly checks: { serviceSid: string; options: VerificationCheckListInstanceCreateOptions }[] = [];
  /** The pending Verify code per number. */
  readonly verifyCodes = new Map<string, string>();
  mode: ProviderMode = { kind: "ok" };
  checkMode: ProviderMode = { kind: "ok" };
  /** Called at each provider call, before it is answered. */
  onCall: ((what: string) => void) | null = null;
  /** Set by TestWorld: records a call made under a lock. */
  guard: ((what: string) => void) | null = null;
  private verifyCounter = 0;

  private answer(mode: ProviderMode): DeliveryResult {
    if (mode.kind === "throw") {
      throw new PortFailure(mode.message);
    }
    if (mode.kind === "not-attempted") {
      return { delivered: false, attempted: false, errorCode: null };
    }
    return mode.kind === "refuse"
      ? { delivered: false, attempted: true, errorCode: mode.errorCode }
      : { delivered: true, attempted: true, errorCode: null };
  }

  sendSms(options: MessageListInstanceCreateOptions): DeliveryResult {
    this.guard?.("sendSms");
    this.onCall?.("sendSms");
    const result = this.answer(this.mode);
    if (result.delivered) {
      this.sms.push(options);
    }
    return result;
  }

  startVerification(serviceSid: string, options: VerificationListInstanceCreateOptions): DeliveryResult {
    this.guard?.("startVerification");
    this.onCall?.("startVerification");
    const result = this.answer(this.mode);
    if (result.delivered) {
      this.verifications.push({ serviceSid, options });
      if (!this.verifyCodes.has(options.to)) {
        this.verifyCounter += 1;
        this.verifyCodes.set(options.to, String(100000 + this.verifyCounter * 7919).slice(-6));
      }
    }
    return result;
  }

  checkVerification(
    serviceSid: string,
    options: VerificationCheckListInstanceCreateOptions,
  ): VerificationResult {
    this.checks.push({ serviceSid, options });
    this.guard?.("checkVerification");
    this.onCall?.("checkVerification");
    const answer = this.answer(this.checkMode);
    if (!answer.delivered) {
      return { approved: false, errorCode: answer.errorCode };
    }
    const expected = this.verifyCodes.get(options.to ?? "");
    if (expected === undefined) {
      return { approved: false, errorCode: 20404 };
    }
    if (expected !== options.code) {
      return { approved: false, errorCode: null };
    }
    this.verifyCodes.delete(options.to ?? "");
    return { approved: true, errorCode: null };
  }

  /** The code in the last SMS body, found as the first run of digits of the configured length. */
  lastCode(length = 6): string {
    const body = this.sms[this.sms.length - 1]?.body ?? "";
    const match = new RegExp(`(?<!\\d)\\d{${length}}(?!\\d)`).exec(body);
    if (match === null) {
      throw new Error(`no ${length}-digit code in ${JSON.stringify(body)}`);
    }
    return match[0];
  }
}

/** Cryptographic by default; a script of values makes codes predictable in tests. */
export class TestRandom implements SecureRandom {
  readonly intScript: number[] = [];
  readonly bounds: number[] = [];
  hexCalls = 0;

  randomInt(bound: number): number {
    this.bounds.push(bound);
    const next = this.intScript.shift();
    return next === undefined ? randomInt(bound) : next;
  }

  randomHex(byteCount: number): string {
    this.hexCalls += 1;
    return randomBytes(byteCount).toString("hex");
  }
}

export class NodeKeyedHash implements KeyedHash {
  readonly compared: [string, string][] = [];

  hmacSha256Hex(key: string, message: string): string {
    return createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("hex");
  }

  constantTimeEquals(a: string, b: string): boolean {
    this.compared.push([a, b]);
    const left = Buffer.from(a, "utf8");
    const right = Buffer.from(b, "utf8");
    return left.length === right.length && timingSafeEqual(left, right);
  }
}

export class MemoryLog implements Log {
  readonly lines: { level: "info" | "warn"; line: string }[] = [];
  fail = false;

  info(line: string): void {
    this.record("info", line);
  }
  warn(line: string): void {
    this.record("warn", line);
  }
  private record(level: "info" | "warn", line: string): void {
    if (this.fail) {
      throw new PortFailure("log failed");
    }
    this.lines.push({ level, line });
  }
}

/** One shared "cluster": stores and provider; several nodes may use it (see TestWorld.nodePorts). */
export class TestWorld {
  readonly clock = new ManualClock();
  readonly sessions = new MemorySessionStore(this.clock);
  readonly claims = new MemoryClaimStore(this.clock);
  /** The lock of the first node; every node made by nodePorts gets its own. */
  readonly serializer = new TestSerializer();
  readonly serializers: TestSerializer[] = [this.serializer];
  /** Provider and password calls made while some node held a lock: the flow must make none. */
  readonly callsUnderLock: string[] = [];
  readonly directory: MemoryDirectory;
  readonly passwords: MemoryPasswords;
  readonly otp = new RecordingOtpChannel();
  readonly random = new TestRandom();
  readonly hash = new NodeKeyedHash();
  readonly log = new MemoryLog();
  readonly ports: Ports;

  constructor(users: TestUser[] = []) {
    this.directory = new MemoryDirectory(users);
    this.passwords = new MemoryPasswords(this.directory);
    this.ports = this.nodePorts(this.log, this.random, this.serializer);
    const guard = (what: string) => {
      if (this.serializers.some((serializer) => serializer.isHeld())) this.callsUnderLock.push(what);
    };
    this.otp.guard = guard;
    this.passwords.guard = guard;
  }

  /** The ports of another node: its own random source, log and lock, the cluster's stores, directory and provider. */
  nodePorts(log: Log = this.log, random: SecureRandom = this.random, serializer?: TestSerializer): Ports {
    let lock = serializer;
    if (lock === undefined) {
      lock = new TestSerializer();
      this.serializers.push(lock);
    }
    return {
      directory: this.directory,
      passwords: this.passwords,
      sessions: this.sessions,
      claims: this.claims,
      serializer: lock,
      otp: this.otp,
      clock: this.clock,
      random,
      hash: this.hash,
      log,
    };
  }
}
