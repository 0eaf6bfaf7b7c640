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
  create(id: string, state: string, ttlSeconds: number): void;
  /** null when missing or expired. */
  get(id: string): string | null;
  update(id: string, state: string, ttlSeconds: number): void;
  remove(id: string): void;
}

/** Rate-limit counters: one opaque string per key with a ttl. No atomic increment exists on the host's cache. */
export interface CounterStore {
  get(key: string): string | null;
  put(key: string, value: string, ttlSeconds: number): void;
}

export interface DeliveryResult {
  delivered: boolean;
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
  counters: CounterStore;
  otp: OtpChannel;
  clock: Clock;
  random: SecureRandom;
  hash: KeyedHash;
  log: Log;
}
