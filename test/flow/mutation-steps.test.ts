// Mutation tests for step-password-first.ts (login_order=password_first: the password at step 1): which failures keep a
// slot of the per-login lockout, what a refused start says, and which send limit a right password still meets. Run with
//   STRYKER_TESTS=test/flow/mutation-steps.test.ts npx stryker run stryker.config.mjs --mutate src/flow/step-password-first.ts

import type { FlowEvent } from "../../src/flow/flow-types";
import { LIMIT_LOCKOUT, LIMIT_USER_HOUR } from "../../src/flow/rate-limits";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, parseHeader, user } from "./doubles/scenario";

function setup(overrides: Record<string, string> = {}) {
  const world = new TestWorld([user("alice"), user("carol", {}, { mobile: ["not a number"] })]);
  const app = new Driver(world, makeConfig({ login_order: "password_first", ...overrides }));
  return { world, app };
}

function start(app: Driver, username: string, password: string): Record<string, string> {
  return parseHeader(app.send({ __step: "1", username, password }).header?.value);
}

function lastEvent(app: Driver): FlowEvent {
  return app.outcomes[app.outcomes.length - 1]!.events[0]!;
}

describe("password_first: the lockout slot of each start", () => {
  test("an unknown user told so (enumeration protection off) keeps no failure slot", () => {
    const { world, app } = setup({ enumeration_protection: "false", max_failures_per_user_per_hour: "2" });
    for (let tries = 0; tries < 4; tries++) {
      expect(start(app, "mallory", "any")["error_code"]).toBe("10002");
      expect(start(app, "carol", "pw-of-carol")["error_code"]).toBe("10003");
    }
    expect(world.claims.liveKeys()).toEqual([]);
    expect(world.passwords.checks).toEqual([]);
  });

  test("a decoy's wrong password keeps its slot like a real one, up to the lockout", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "2" });
    expect(start(app, "mallory", "any")).toMatchObject({ error: "invalid_credentials", attempts_left: "1" });
    expect(start(app, "mallory", "any")).toMatchObject({ error: "invalid_credentials", attempts_left: "0" });
    expect(start(app, "mallory", "any")).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "3600",
    });
    expect(lastEvent(app).limit).toBe(LIMIT_LOCKOUT);
    world.clock.advanceSeconds(1800);
    expect(start(app, "mallory", "any")["retry_after"]).toBe("1800");
  });

  test("the event says why a start was refused: a wrong password, or a decoy and its reason", () => {
    const { app } = setup();
    start(app, "alice", "wrong");
    expect(lastEvent(app)).toMatchObject({ userId: "alice", detail: "wrong password", sessionRef: null });
    start(app, "mallory", "any");
    expect(lastEvent(app)).toMatchObject({ userId: null, detail: "decoy: unknown user" });
    start(app, "carol", "pw-of-carol");
    expect(lastEvent(app)).toMatchObject({ userId: null, detail: expect.stringMatching(/^decoy: /) });
  });
});

describe("password_first: a right password still meets the send limits", () => {
  test("the hourly SMS cap refuses a right password after its slot of the lockout is given back", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1", max_failures_per_user_per_hour: "3" });
    expect(start(app, "alice", "pw-of-alice")["status"]).toBe("proceed");
    expect(start(app, "alice", "pw-of-alice")).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "3600",
    });
    expect(lastEvent(app).limit).toBe(LIMIT_USER_HOUR);
    expect(world.otp.sms).toHaveLength(1);
    expect(world.sessions.liveKeys()).toHaveLength(1);
    // Neither right password took a failure for good.
    expect(start(app, "alice", "wrong")["attempts_left"]).toBe("2");
  });

  test("the right password after a lockout is refused before it is checked", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
    start(app, "alice", "wrong");
    expect(start(app, "alice", "pw-of-alice")["error"]).toBe("rate_limited");
    expect(world.passwords.checks).toHaveLength(1);
    expect(world.otp.sms).toHaveLength(0);
  });
});

describe("abandon: a session it cannot simply remove", () => {
  test("an expired one is removed from a store that keeps expired entries, and the event says it had expired", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig());
    world.sessions.keepExpired = true;
    const sessionId = app.start("alice")["session_id"]!;
    // The very millisecond the session's ttl ends counts as expired.
    world.clock.advanceSeconds(600);
    const outcome = app.send({ __step: "abandon", username: "alice", __session_id: sessionId });
    expect(parseHeader(outcome.header?.value)["status"]).toBe("abandoned");
    expect(lastEvent(app)).toMatchObject({ event: "abandon", detail: "session expired" });
    expect(world.sessions.entries.has(sessionId)).toBe(false);
  });

  test("an unreadable state is kept, and the event says it could not be read", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig());
    const sessionId = app.start("alice")["session_id"]!;
    world.sessions.poke(sessionId, "not a session state");
    const outcome = app.send({ __step: "abandon", username: "alice", __session_id: sessionId });
    expect(parseHeader(outcome.header?.value)["error_code"]).toBe("10001");
    expect(lastEvent(app)).toMatchObject({ event: "abandon", detail: "unreadable session state" });
    expect(world.sessions.peek(sessionId)).toBe("not a session state");
  });
});
