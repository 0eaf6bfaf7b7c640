// Codes and the keyed hashes derived from the per-deployment hash key.

import type { Config } from "./config";
import type { KeyedHash, SecureRandom } from "./ports";
import { isDigits } from "./text-checks";

const DERIVATION_LABEL = "gamatech-ropc/otp-hash-key/v1";

/**
 * The key of every HMAC the flow computes. Without `otp_hash_key` it is derived from the Twilio secret, which every node has,
 * so all nodes of a cluster agree without another shared secret.
 */
export function hashKeyFor(config: Config, hash: KeyedHash): string {
  if (config.otpHashKey !== null) {
    return config.otpHashKey;
  }
  const secret = config.twilioApiKeySid !== null ? config.twilioApiKeySecret : config.twilioAuthToken;
  return hash.hmacSha256Hex(secret ?? "", DERIVATION_LABEL);
}

/** `length` uniform decimal digits from the secure generator, one digit at a time so leading zeros are kept (S1). */
export function generateCode(random: SecureRandom, length: number): string {
  let code = "";
  while (code.length < length) {
    code += String(random.randomInt(10));
  }
  return code;
}

const MAX_SPACED_CODE_LENGTH = 32;

/** The code without ASCII spaces and tabs: SMS apps show codes as `166 354`, and a space is no reason to spend an attempt. */
export function withoutSpaces(code: string): string {
  // Longer input cannot hold a code of at most 10 digits in any sensible spacing; it is left as typed (and so malformed)
  // rather than scanned, so a megabyte in the code field costs no more than a wrong code.
  if (code.length > MAX_SPACED_CODE_LENGTH) {
    return code;
  }
  let kept = "";
  let i = 0;
  while (i < code.length) {
    const unit = code.charCodeAt(i);
    if (unit !== 32 && unit !== 9) {
      kept += code.charAt(i);
    }
    i++;
  }
  return kept;
}

export function isWellFormedCode(code: string, length: number): boolean {
  return code.length === length && isDigits(code);
}

/** Only this is stored (S5); binding it to the session id makes a code useless in any other session (S3). */
export function codeHash(hash: KeyedHash, key: string, sessionId: string, code: string): string {
  return hash.hmacSha256Hex(key, "otp:" + sessionId + ":" + code);
}

/** A short, non-reversible reference to a session for log lines (S10): the id itself is a bearer secret. */
export function sessionRef(hash: KeyedHash, key: string, sessionId: string): string {
  return hash.hmacSha256Hex(key, "session-ref:" + sessionId).slice(0, 12);
}

/** Limit keys and decoy hints come from a hash of the login value, never from the value itself. */
export function loginHash(hash: KeyedHash, key: string, normalisedLogin: string): string {
  return hash.hmacSha256Hex(key, "login:" + normalisedLogin);
}

export function ipHash(hash: KeyedHash, key: string, ipAddress: string): string {
  return hash.hmacSha256Hex(key, "ip:" + ipAddress);
}

/** The per-session part of claim keys: the session id is a bearer secret and never becomes a key of its own. */
export function sessionClaimHash(hash: KeyedHash, key: string, sessionId: string): string {
  return hash.hmacSha256Hex(key, "session-claims:" + sessionId);
}
