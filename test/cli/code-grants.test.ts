// The local code exchange's rules (src/cli/local-server/code-grants.ts) one by one, on a clock the test moves.

import { createHash } from "crypto";
import { CODE_LIFETIME_SECONDS, CodeGrants, pkceProblem } from "../../src/cli/local-server/code-grants";

const VERIFIER = "v".repeat(43);
const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url");

function grants() {
  let now = 1_000_000;
  const codes = new CodeGrants(() => now);
  const issue = (code: string, codeChallenge: string | null = CHALLENGE) =>
    codes.issue(code, { clientId: "app", scopes: ["openid"], codeChallenge });
  return { codes, issue, advance: (seconds: number) => (now += seconds * 1000) };
}

test("the right client and verifier redeem a code once", () => {
  const { codes, issue } = grants();
  issue("c1");
  expect(codes.redeem("c1", "app", VERIFIER)).toMatchObject({
    kind: "granted",
    grant: { clientId: "app", scopes: ["openid"] },
  });
  expect(codes.redeem("c1", "app", VERIFIER)).toEqual({
    kind: "refused",
    description: "The code is unknown or was used.",
  });
});

test.each([
  ["another client", "other", VERIFIER, "The code was issued to another client."],
  ["no verifier", "app", null, "code_verifier is required."],
  ["a wrong verifier", "app", "w".repeat(43), "code_verifier does not match code_challenge."],
  ["a verifier too short", "app", "v".repeat(42), "code_verifier does not match code_challenge."],
])("%s: refused, and the code is gone", (_what, client, verifier, description) => {
  const { codes, issue } = grants();
  issue("c1");
  expect(codes.redeem("c1", client, verifier)).toEqual({ kind: "refused", description });
  expect(codes.redeem("c1", "app", VERIFIER).kind).toBe("refused");
});

test(`a code lives ${CODE_LIFETIME_SECONDS} s`, () => {
  const { codes, issue, advance } = grants();
  issue("c1");
  issue("c2");
  advance(CODE_LIFETIME_SECONDS - 1);
  expect(codes.redeem("c1", "app", VERIFIER).kind).toBe("granted");
  advance(1);
  expect(codes.redeem("c2", "app", VERIFIER)).toEqual({
    kind: "refused",
    description: "The code has expired.",
  });
});

test("a code issued without a challenge takes no verifier", () => {
  const { codes, issue } = grants();
  issue("c1", null);
  issue("c2", null);
  expect(codes.redeem("c1", "app", VERIFIER).kind).toBe("refused");
  expect(codes.redeem("c2", "app", null).kind).toBe("granted");
});

test("PKCE at the challenge endpoint: S256 only, well formed; required of public clients", () => {
  expect(pkceProblem(CHALLENGE, "S256", true)).toBeNull();
  expect(pkceProblem(null, null, false)).toBeNull();
  expect(pkceProblem(null, null, true)).toMatch(/public client must send code_challenge/);
  expect(pkceProblem(CHALLENGE, null, false)).toMatch(/must be S256/);
  expect(pkceProblem(CHALLENGE, "plain", false)).toMatch(/must be S256/);
  expect(pkceProblem("short", "S256", false)).toMatch(/43 characters/);
  expect(pkceProblem(null, "S256", false)).toMatch(/without code_challenge/);
});
