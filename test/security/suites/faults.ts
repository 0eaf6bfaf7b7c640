// S12: a failing SMS provider or store fails closed and leaves nothing behind that a later request could exploit.

import { App, attack, lastCode, wrongCode } from "../app";
import type { Fault, TargetFactory } from "../target";

/** Every Twilio error code in shared/reference/twilio.md, on a send and on a Verify check. */
export const TWILIO_ERROR_CODES = [20003, 20404, 20429, 21211, 21608, 21610, 60202, 60203];

export const PROVIDER_EXCEPTIONS = [
  "Read timed out",
  "connect timed out",
  "java.lang.NullPointerException",
  "java.lang.OutOfMemoryError: Java heap space",
];

/** Faults that may strike any step; provider faults only matter where the provider is called. */
export function faultCatalogue(): Record<string, Fault> {
  const faults: Record<string, Fault> = {};
  for (const errorCode of TWILIO_ERROR_CODES) {
    faults[`Twilio error ${errorCode}`] = { kind: "provider-refuses", errorCode };
  }
  for (const message of PROVIDER_EXCEPTIONS) {
    faults[`provider throws "${message}"`] = { kind: "provider-throws", message };
  }
  for (const method of ["create", "get", "update", "remove"]) {
    faults[`session store ${method} throws`] = { kind: "store-throws", store: "sessions", method };
  }
  for (const method of ["get", "claim"]) {
    faults[`claim store ${method} throws`] = { kind: "store-throws", store: "counters", method };
  }
  faults["session store answers null"] = { kind: "store-forgets", store: "sessions" };
  faults["directory throws"] = { kind: "directory-throws" };
  faults["password check throws"] = { kind: "passwords-throw" };
  faults["log throws"] = { kind: "log-throws" };
  return faults;
}

/** The request a fault strikes, from a login at its natural point: each returns whether that request may grant. */
export const STRUCK_STEPS = [
  "start",
  "resend",
  "right code",
  "wrong code",
  "right password",
  "wrong password",
] as const;
export type StruckStep = (typeof STRUCK_STEPS)[number];

export interface FaultRun {
  /** A rule the struck request or a later one broke, or "". */
  problem: string;
  /** Whether the struck request failed (answered an error) rather than went through. */
  failed: boolean;
}

/** Error codes a struck request may answer with: anything else would blame the user for the server's fault. */
const FAIL_CLOSED = ["10001", "10004", "10005", "10006", "10008"];

/**
 * Brings a login to `step`, strikes that request with `fault`, clears it, then tries what an attacker with the password but not
 * the code would: the password step and the known old code. A token is only acceptable where the code had been verified.
 */
export function strike(
  factory: TargetFactory,
  step: StruckStep,
  fault: Fault,
  sender: Record<string, string> = {},
): FaultRun {
  const { target, app } = attack(factory, { resend_cooldown_seconds: "0", ...sender });
  const sessionId = app.start("alice").fields["session_id"] ?? "";
  const code = lastCode(target);
  let verified = false;
  if (step === "right password" || step === "wrong password") {
    verified = app.code("alice", sessionId, code).fields["step"] === "3";
  }
  target.inject(fault);
  const struck = perform(app, step, sessionId, code);
  target.clearFaults();
  const fields = struck.fields;
  if (struck.answer.escaped !== null) {
    return { problem: "exception escaped: " + struck.answer.escaped, failed: true };
  }
  const grantedOk = step === "right password" && verified;
  if (struck.answer.grantedUserId !== null && !grantedOk) {
    return { problem: "token from the struck request", failed: false };
  }
  const failed = fields["status"] === "error";
  if (failed && !FAIL_CLOSED.includes(fields["error_code"] ?? "")) {
    return { problem: "unexpected error " + String(struck.answer.header), failed };
  }
  verified = verified || (step === "right code" && fields["step"] === "3");
  // A resend that failed before replacing the code leaves the old one valid: it reached the user and was never replaced.
  const replaced = step === "resend" && !failed;
  return { problem: afterwards(app, sessionId, code, verified, replaced), failed };
}

function perform(app: App, step: StruckStep, sessionId: string, code: string) {
  switch (step) {
    case "start":
      return app.start("alice");
    case "resend":
      return app.resend("alice", sessionId);
    case "right code":
      return app.code("alice", sessionId, code);
    case "wrong code":
      return app.code("alice", sessionId, wrongCode(code));
    case "right password":
      return app.password("alice", sessionId, "pw-of-alice");
    case "wrong password":
      return app.password("alice", sessionId, "not-her-password");
  }
}

/** What a later request can get out of the leftovers. */
function afterwards(app: App, sessionId: string, code: string, verified: boolean, replaced: boolean): string {
  const early = app.password("alice", sessionId, "pw-of-alice");
  if (early.answer.grantedUserId !== null && !verified) {
    return "the password step granted without a verified code";
  }
  const replay = app.code("alice", sessionId, code);
  if (replay.fields["step"] === "3" && (verified || replaced)) {
    return "a spent or replaced code passed again";
  }
  const granted = app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId;
  if (granted !== null && replay.fields["step"] !== "3") {
    return "a token without the code step";
  }
  const again = app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId;
  return again === null ? "" : "a session granted twice";
}

/** `steps`: the requests struck by every fault of the catalogue (default all of them). */
export function faultSuite(factory: TargetFactory, steps: readonly StruckStep[] = STRUCK_STEPS): void {
  const catalogue = faultCatalogue();
  const cases = steps.flatMap((step) => Object.keys(catalogue).map((name) => [step, name] as const));

  describe("S12: provider and store faults fail closed", () => {
    test.each(cases)("%s struck by %s", (step, name) => {
      expect(strike(factory, step, catalogue[name]!).problem).toBe("");
    });

    test.each(TWILIO_ERROR_CODES)(
      "Twilio error %d at the start: 10004, no session, no message",
      (errorCode) => {
        const { target, app } = attack(factory);
        target.inject({ kind: "provider-refuses", errorCode });
        expect(app.start("alice").fields["error_code"]).toBe("10004");
        expect(target.liveSessions()).toBe(0);
        expect(target.messages()).toHaveLength(0);
      },
    );

    test.each([...TWILIO_ERROR_CODES.map(String), ...PROVIDER_EXCEPTIONS])(
      "Twilio Verify: %s at the code check never passes the code step",
      (failure) => {
        const verify = {
          twilio_from_number: null,
          twilio_verify_service_sid: "VA" + "fedcba9876543210".repeat(2),
        };
        const { target, app } = attack(factory, verify);
        const sessionId = app.start("alice").fields["session_id"] ?? "";
        const errorCode = Number(failure);
        target.inject(
          Number.isNaN(errorCode)
            ? { kind: "provider-throws", message: failure }
            : { kind: "provider-refuses", errorCode },
        );
        const checked = app.code("alice", sessionId, "123456");
        expect(checked.answer.escaped).toBeNull();
        expect(checked.fields["status"]).toBe("error");
        target.clearFaults();
        expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBeNull();
      },
    );

    test("a failed resend whose session removal also fails leaves no code that works", () => {
      const { target, app } = attack(factory, { resend_cooldown_seconds: "0" });
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const old = lastCode(target);
      target.inject({ kind: "provider-throws", message: "Read timed out" });
      target.inject({ kind: "store-throws", store: "sessions", method: "remove" });
      expect(app.resend("alice", sessionId).answer.grantedUserId).toBeNull();
      target.clearFaults();
      expect(app.code("alice", sessionId, old).fields["step"]).toBeUndefined();
    });

    test("a lost update between two nodes at the password step grants only a login that passed its code", () => {
      const { target, app } = attack(factory);
      const other = new App(target, app.clientId, app.ip, 1);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      target.inject({ kind: "stale-reads", node: 1 });
      expect(app.code("alice", sessionId, lastCode(target)).fields["step"]).toBe("3");
      expect(other.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBeNull();
      expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBe("alice");
    });

    test("a lost update cannot bring back a session destroyed by too many wrong codes with room for the right one", () => {
      const { target, app } = attack(factory, { max_otp_attempts: "2" });
      const other = new App(target, app.clientId, app.ip, 1);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const code = lastCode(target);
      app.code("alice", sessionId, wrongCode(code, 1));
      target.inject({ kind: "stale-reads", node: 1 });
      app.code("alice", sessionId, wrongCode(code, 2));
      other.code("alice", sessionId, wrongCode(code, 3));
      expect(app.code("alice", sessionId, code).fields["step"]).toBeUndefined();
    });
  });
}
