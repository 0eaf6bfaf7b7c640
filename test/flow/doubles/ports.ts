// In-memory doubles of every port, with a controllable clock and fault injection. Shared with the conformance runner.

import { createHmac, randomBytes, randomInt, timingSafeEqual } from "crypto";
import type { MessageListInstanceCreateOptions } from "twilio/lib/rest/api/v2010/account/message";
import type { VerificationListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verification";
import type { VerificationCheckListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verificationCheck";
import type {
  Clock,
  CounterStore,
  DeliveryResult,
  DirectoryUser,
  KeyedHash,
  Log,
  OtpChannel,
  PasswordVerifier,
  Ports,
  SecureRandom,
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
  readonly calls: string[] = [];

  constructor(private readonly clock: ManualClock) {}

  protected enter(method: string): void {
    this.calls.push(method);
    if (this.failing.has(method)) {
      throw new PortFailure(`${method} failed`);
    }
  }

  protected read(key: string): string | null {
    if (this.forgetful) {
      return null;
    }
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.clock.now) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  protected write(key: string, value: string, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) {
      throw new Error(`ttl must be positive, got ${ttlSeconds}`);
    }
    this.entries.set(key, { value, expiresAt: this.clock.now + ttlSeconds * 1000 });
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
}

export class MemorySessionStore extends TtlStore implements SessionStore {
  create(id: string, state: string, ttlSeconds: number): void {
    this.enter("create");
    this.write(id, state, ttlSeconds);
  }
  get(id: string): string | null {
    this.enter("get");
    return this.read(id);
  }
  update(id: string, state: string, ttlSeconds: number): void {
    this.enter("update");
    this.write(id, state, ttlSeconds);
  }
  remove(id: string): void {
    this.enter("remove");
    this.entries.delete(id);
  }
}

export class MemoryCounterStore extends TtlStore implements CounterStore {
  get(key: string): string | null {
    this.enter("get");
    return this.read(key);
  }
  put(key: string, value: string, ttlSeconds: number): void {
    this.enter("put");
    this.write(key, value, ttlSeconds);
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

  constructor(private readonly directory: MemoryDirectory) {}

  verifyPassword(userId: string, password: string): boolean {
    this.checks.push({ userId, password });
    if (this.fail) {
      throw new PortFailure("password check failed");
    }
    const user = this.directory.users.find((candidate) => candidate.id === userId);
    return user !== undefined && user.active && user.password === password;
  }
}

/** How the fake provider answers the next calls. */
/** A refusal without an error code is how a timeout reaches the flow (the host maps it so). */
export type ProviderMode =
  { kind: "ok" } | { kind: "refuse"; errorCode: number | null } | { kind: "throw"; message: string };

/** Records every message and verification; in Verify mode it makes and checks codes like Twilio Verify. */
export class RecordingOtpChannel implements OtpChannel {
  readonly sms: MessageListInstanceCreateOptions[] = [];
  readonly verifications: { serviceSid: string; options: VerificationListInstanceCreateOptions }[] = [];
  readonly checks: { serviceSid: string; options: VerificationCheckListInstanceCreateOptions }[] = [];
  /** The pending Verify code per number. */
  readonly verifyCodes = new Map<string, string>();
  mode: ProviderMode = { kind: "ok" };
  checkMode: ProviderMode = { kind: "ok" };
  private verifyCounter = 0;

  private answer(mode: ProviderMode): DeliveryResult {
    if (mode.kind === "throw") {
      throw new PortFailure(mode.message);
    }
    return mode.kind === "refuse"
      ? { delivered: false, errorCode: mode.errorCode }
      : { delivered: true, errorCode: null };
  }

  sendSms(options: MessageListInstanceCreateOptions): DeliveryResult {
    const result = this.answer(this.mode);
    if (result.delivered) {
      this.sms.push(options);
    }
    return result;
  }

  startVerification(serviceSid: string, options: VerificationListInstanceCreateOptions): DeliveryResult {
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
  readonly counters = new MemoryCounterStore(this.clock);
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
    this.ports = this.nodePorts();
  }

  /** The ports of another node: its own random source and log, the cluster's stores, directory and provider. */
  nodePorts(log: Log = this.log, random: SecureRandom = this.random): Ports {
    return {
      directory: this.directory,
      passwords: this.passwords,
      sessions: this.sessions,
      counters: this.counters,
      otp: this.otp,
      clock: this.clock,
      random,
      hash: this.hash,
      log,
    };
  }
}
