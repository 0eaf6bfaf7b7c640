// Everything the flow may reach. All calls are synchronous because the Jython host calls Java synchronously.
// Any method may throw (a store or provider failure); the flow catches it and fails closed.

import type { MessageListInstanceCreateOptions } from "twilio/lib/rest/api/v2010/account/message";
import type { VerificationListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verification";
import type { VerificationCheckListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verificationCheck";

/** A user as the flow needs it. `phones` holds every value of every configured phone attribute, in attribute order. */
export interface DirectoryUser {
  id: string;
  active: boolean;
  phones: string[];
}

export interface UserDirectory {
  /** The user whose value of one of `loginAttributes` equals `loginValue` (tried in order), or null. */
  findUser(loginValue: string, loginAttributes: string[], phoneAttributes: string[]): DirectoryUser | null;
}

export interface PasswordVerifier {
  verifyPassword(userId: string, password: string): boolean;
}

/** Login sessions: one opaque string per session id, expiring after its ttl (Janssen CacheService on the host). */
export interface SessionStore {
  /**
   * True when a write that returns was stored (Janssen's Redis providers throw on every failure); false where a write can
   * be lost without an error (the database and memcached providers log it and go on): the flow then reads each write back.
   */
  writesAreConfirmed(): boolean;
  create(id: string, state: string, ttlSeconds: number): void;
  /** null when missing or expired. */
  get(id: string): string | null;
  update(id: string, state: string, ttlSeconds: number): void;
  remove(id: string): void;
}

/**
 * Claims: entries created only if absent, the one primitive every limit is built from (a limit of N is N numbered claims, of
 * which at most N can be held at once). On the host, `claim` is atomic across nodes where the cache's backend offers an
 * insert-if-absent (Redis SET NX EX, memcached add, the database's unique key) and atomic per node otherwise.
 * Any method may throw when the store fails; a claim that cannot be confirmed is never reported as held.
 */
export interface ClaimStore {
  /** Creates `key` holding `value` for `ttlSeconds` when no live entry has that key: true only for the caller that created it. */
  claim(key: string, value: string, ttlSeconds: number): boolean;
  /** The value of a live claim, or null. */
  get(key: string): string | null;
  /** Gives a claim back (a send that was never attempted, a right code that must not count as a failure). */
  release(key: string): void;
}

/**
 * Per-node mutual exclusion. Janssen runs one script instance on many request threads at once, with no lock of its own, so
 * every read-check-write of a session runs inside `exclusive` with the session's key. The host stripes real locks by key; it
 * holds them only around store operations, never around a provider call. Work must not call `exclusive` again.
 */
export interface Serializer {
  exclusive<T>(key: string, work: () => T): T;
}

export interface DeliveryResult {
  delivered: boolean;
  /** False when the host never started the call (no worker free, the SDK lacks the API): the send is not counted. */
  attempted: boolean;
  /** Twilio's error code when the provider refused, else null. */
  errorCode: number | null;
}

export interface VerificationResult {
  approved: boolean;
  errorCode: number | null;
}

export interface OtpChannel {
  sendSms(options: MessageListInstanceCreateOptions): DeliveryResult;
  startVerification(serviceSid: string, options: VerificationListInstanceCreateOptions): DeliveryResult;
  checkVerification(
    serviceSid: string,
    options: VerificationCheckListInstanceCreateOptions,
  ): VerificationResult;
}

export interface Clock {
  nowMillis(): number;
}

export interface SecureRandom {
  /** Uniform in [0, bound), from a cryptographic generator; bound is at most 2^31-1. */
  randomInt(bound: number): number;
  /** `byteCount` random bytes as lower-case hexadecimal. */
  randomHex(byteCount: number): string;
}

export interface KeyedHash {
  /** HMAC-SHA256 of the UTF-8 message under the UTF-8 key, lower-case hexadecimal. */
  hmacSha256Hex(key: string, message: string): string;
  constantTimeEquals(a: string, b: string): boolean;
}

export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

export interface Ports {
  directory: UserDirectory;
  passwords: PasswordVerifier;
  sessions: SessionStore;
  claims: ClaimStore;
  serializer: Serializer;
  otp: OtpChannel;
  clock: Clock;
  random: SecureRandom;
  hash: KeyedHash;
  log: Log;
}
