// Authorization codes issued at the end of a challenge dialogue, redeemed once at /token: bound to the client, the granted
// scopes and the PKCE challenge of the request that completed the dialogue, as Janssen's grant is (local tokens name no
// user, so the grant keeps none).

import { createHash, timingSafeEqual } from "crypto";

/** Janssen's default authorizationCodeLifetime. */
export const CODE_LIFETIME_SECONDS = 60;
/** RFC 7636 (4.1): 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A BASE64URL-encoded SHA-256, without padding. */
const S256_CHALLENGE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface CodeGrant {
  clientId: string;
  scopes: string[];
  /** The S256 challenge the app sent with the completing request; null when it sent none. */
  codeChallenge: string | null;
}

export type Redemption =
  | { kind: "granted"; grant: CodeGrant }
  /** RFC 6749 (5.2) invalid_grant; the description says which check failed, never a value. */
  | { kind: "refused"; description: string };

/** The challenge parameters of an /authorize-challenge request; null when acceptable, else why not. */
export function pkceProblem(
  challenge: string | null,
  method: string | null,
  isPublic: boolean,
): string | null {
  if (challenge === null) {
    if (method !== null) return "code_challenge_method without code_challenge.";
    return isPublic ? "A public client must send code_challenge (PKCE, S256)." : null;
  }
  if ((method ?? "plain") !== "S256") return "code_challenge_method must be S256 (plain is not accepted).";
  if (!S256_CHALLENGE_FORMAT.test(challenge))
    return "code_challenge must be a BASE64URL SHA-256 (43 characters).";
  return null;
}

function s256(verifier: string): Buffer {
  return Buffer.from(createHash("sha256").update(verifier, "ascii").digest("base64url"), "ascii");
}

function sameText(given: Buffer, expected: string): boolean {
  const wanted = Buffer.from(expected, "ascii");
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export class CodeGrants {
  private readonly codes = new Map<string, CodeGrant & { expiresAtMs: number }>();

  constructor(private readonly nowMs: () => number) {}

  /** The code is the one the server's endpoint put in its 200 answer (a random UUID, as Janssen's). */
  issue(code: string, grant: CodeGrant): void {
    this.dropExpired();
    this.codes.set(code, { ...grant, expiresAtMs: this.nowMs() + CODE_LIFETIME_SECONDS * 1000 });
  }

  /** A code works once: the first redemption removes it, whether it succeeds or not (RFC 6749 4.1.2). */
  redeem(code: string, clientId: string, verifier: string | null): Redemption {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (grant === undefined) return { kind: "refused", description: "The code is unknown or was used." };
    if (grant.expiresAtMs <= this.nowMs()) return { kind: "refused", description: "The code has expired." };
    if (grant.clientId !== clientId) {
      return { kind: "refused", description: "The code was issued to another client." };
    }
    if (grant.codeChallenge !== null) {
      if (verifier === null) return { kind: "refused", description: "code_verifier is required." };
      if (!VERIFIER_FORMAT.test(verifier) || !sameText(s256(verifier), grant.codeChallenge)) {
        return { kind: "refused", description: "code_verifier does not match code_challenge." };
      }
    } else if (verifier !== null) {
      return { kind: "refused", description: "code_verifier without a code_challenge." };
    }
    return { kind: "granted", grant };
  }

  private dropExpired(): void {
    const now = this.nowMs();
    for (const [code, grant] of this.codes) if (grant.expiresAtMs <= now) this.codes.delete(code);
  }
}
