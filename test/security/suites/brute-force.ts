// S4: how many guesses an attacker gets, counted through the target, against the configured limits.

import { App, attack, lastCode, wrongCode } from "../app";
import type { TargetFactory } from "../target";

const EVALUATED = ["invalid_otp", "invalid_credentials", "too_many_attempts"];

export interface SessionGuesses {
  /** Wrong codes the target evaluated in one session before refusing. */
  accepted: number;
  /** The error the right code then got. */
  rightCodeAfter: string;
}

export function codeGuessesPerSession(factory: TargetFactory, limit: number): SessionGuesses {
  const { target, app } = attack(factory, { max_otp_attempts: String(limit) });
  const sessionId = app.start("alice").fields["session_id"] ?? "";
  const right = lastCode(target);
  let accepted = 0;
  for (let guess = 0; guess < limit + 5; guess++) {
    const error = app.code("alice", sessionId, wrongCode(right, guess)).fields["error"] ?? "";
    accepted += EVALUATED.includes(error) ? 1 : 0;
  }
  return { accepted, rightCodeAfter: app.code("alice", sessionId, right).fields["error"] ?? "proceed" };
}

export function passwordGuessesPerSession(factory: TargetFactory, limit: number): SessionGuesses {
  const { app } = attack(factory, { max_password_attempts: String(limit) });
  const sessionId = app.reachPasswordStep("alice");
  let accepted = 0;
  for (let guess = 0; guess < limit + 5; guess++) {
    const step = app.password("alice", sessionId, `guess-${guess}`);
    accepted += EVALUATED.includes(step.fields["error"] ?? "") ? 1 : 0;
  }
  const last = app.password("alice", sessionId, "pw-of-alice");
  return {
    accepted,
    rightCodeAfter: last.answer.grantedUserId === null ? (last.fields["error"] ?? "") : "granted",
  };
}

export interface HourlyGuesses {
  /** Wrong codes evaluated for one login value within an hour, over as many sessions as the target allows. */
  accepted: number;
  /** What the right code of a session opened before the lockout gets once locked. */
  rightCodeWhenLocked: string;
  /** Whether guessing works again after the hour. */
  unlockedAfterHour: boolean;
}

export function codeGuessesPerHour(factory: TargetFactory, limit: number): HourlyGuesses {
  const { target, app } = attack(factory, {
    max_failures_per_user_per_hour: String(limit),
    max_sends_per_user_per_hour: "100",
    max_sends_per_ip_per_hour: "0",
  });
  const kept = app.start("alice").fields["session_id"] ?? "";
  const keptCode = lastCode(target);
  let accepted = 0;
  for (let session = 0; session < limit + 3; session++) {
    target.advanceSeconds(1);
    const sessionId = app.start("alice").fields["session_id"];
    if (sessionId === undefined) {
      break;
    }
    const right = lastCode(target);
    for (let guess = 0; guess < 5; guess++) {
      const error = app.code("alice", sessionId, wrongCode(right, guess)).fields["error"] ?? "";
      accepted += EVALUATED.includes(error) ? 1 : 0;
    }
  }
  const rightCodeWhenLocked = app.code("alice", kept, keptCode).fields["error"] ?? "proceed";
  target.advanceSeconds(3600);
  const unlockedAfterHour = app.start("alice").fields["status"] === "proceed";
  return { accepted, rightCodeWhenLocked, unlockedAfterHour };
}

/** Two nodes answering interleaved guesses whose reads all precede the other's write (lost updates on every pair). */
export function codeGuessesUnderLostUpdates(factory: TargetFactory, limit: number): SessionGuesses {
  const { target, app } = attack(factory, { max_otp_attempts: String(limit) });
  const other = new App(target, app.clientId, app.ip, 1);
  const sessionId = app.start("alice").fields["session_id"] ?? "";
  const right = lastCode(target);
  // Every wrong code but the last answers invalid_otp; the last one destroys the session (too_many_attempts), and so does
  // any later request that finds no attempt slot left, evaluated or not: count that answer once.
  let wrong = 0;
  let destroyed = 0;
  for (let round = 0; round < limit + 5; round++) {
    target.inject({ kind: "stale-reads", node: 1 });
    for (const node of [app, other]) {
      const error = node.code("alice", sessionId, wrongCode(right, round)).fields["error"] ?? "";
      wrong += error === "invalid_otp" ? 1 : 0;
      destroyed = error === "too_many_attempts" ? 1 : destroyed;
    }
  }
  const accepted = wrong + destroyed;
  target.clearFaults();
  return { accepted, rightCodeAfter: app.code("alice", sessionId, right).fields["error"] ?? "proceed" };
}

export function bruteForceSuite(factory: TargetFactory): void {
  describe("S4: code brute force", () => {
    test.each([1, 3, 5, 10])("a session evaluates exactly max_otp_attempts=%d wrong codes", (limit) => {
      const result = codeGuessesPerSession(factory, limit);
      expect(result.accepted).toBe(limit);
      expect(result.rightCodeAfter).toBe("session_expired");
    });

    test.each([1, 3, 10])("a session evaluates exactly max_password_attempts=%d wrong passwords", (limit) => {
      const result = passwordGuessesPerSession(factory, limit);
      expect(result.accepted).toBe(limit);
      expect(result.rightCodeAfter).toBe("session_expired");
    });

    test.each([3, 10, 17])(
      "a login value gets exactly max_failures_per_user_per_hour=%d wrong codes",
      (limit) => {
        const result = codeGuessesPerHour(factory, limit);
        expect(result.accepted).toBe(limit);
        expect(result.rightCodeWhenLocked).toBe("rate_limited");
        expect(result.unlockedAfterHour).toBe(true);
      },
    );

    test("lost updates between two nodes let no extra guess through: every attempt takes a claim first", () => {
      const result = codeGuessesUnderLostUpdates(factory, 5);
      expect(result.accepted).toBe(5);
      // The stale node may write the destroyed session back, but with every attempt slot taken it can never pass.
      expect(["session_expired", "too_many_attempts"]).toContain(result.rightCodeAfter);
    });
  });
}
