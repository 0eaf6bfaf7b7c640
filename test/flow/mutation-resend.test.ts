// Mutation tests for step-resend.ts: what a refused or failed resend gives back, and who a resend may still reach. Each case
// is named after what a mutant of the resend plan got wrong; every assertion goes through the request entry point and the
// stores' doubles. Run the resend file's mutants against it with
//   STRYKER_TESTS=test/flow/mutation-resend.test.ts npx stryker run stryker.config.mjs --mutate src/flow/step-resend.ts

import type { FlowEvent } from "../../src/flow/flow-types";
import { LIMIT_COOLDOWN, LIMIT_SESSION_SENDS, LIMIT_USER_HOUR } from "../../src/flow/rate-limits";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string> = {}) {
  const world = new TestWorld([user("alice")]);
  const app = new Driver(world, makeConfig({ resend_cooldown_seconds: "60", ...overrides }));
  return { world, app };
}

function lastEvent(app: Driver): FlowEvent {
  return app.outcomes[app.outcomes.length - 1]!.events[0]!;
}

describe("a refused resend gives back what it claimed", () => {
  test("a session out of sends frees its cooldown, so the next resend is refused for the cap again", () => {
    const { world, app } = setup({ max_sends_per_session: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)).toMatchObject({ error: "rate_limited", retry_after: "480" });
    expect(lastEvent(app).limit).toBe(LIMIT_SESSION_SENDS);
    // Had the refusal kept the cooldown, this one would be refused for the cooldown instead.
    expect(app.resend("alice", sessionId)["retry_after"]).toBe("480");
    expect(lastEvent(app).limit).toBe(LIMIT_SESSION_SENDS);
    expect(world.otp.sms).toHaveLength(2);
  });

  test("a resend the hourly cap refuses frees its cooldown and its session send slot", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1", max_sends_per_session: "3" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
    expect(lastEvent(app).limit).toBe(LIMIT_USER_HOUR);
    app.resend("alice", sessionId);
    expect(lastEvent(app).limit).toBe(LIMIT_USER_HOUR);
    // The operator raises the hourly cap: the session still has both of its two remaining sends.
    app.config = makeConfig({
      resend_cooldown_seconds: "60",
      max_sends_per_user_per_hour: "10",
      max_sends_per_session: "3",
    });
    for (let resend = 0; resend < 2; resend++) {
      world.clock.advanceSeconds(60);
      expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    }
    world.clock.advanceSeconds(60);
    app.resend("alice", sessionId);
    expect(lastEvent(app).limit).toBe(LIMIT_SESSION_SENDS);
    expect(world.otp.sms).toHaveLength(3);
  });

  test("a resend inside the cooldown claims no send slot", () => {
    const { world, app } = setup({ max_sends_per_session: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    for (let early = 0; early < 3; early++) {
      app.resend("alice", sessionId);
      expect(lastEvent(app).limit).toBe(LIMIT_COOLDOWN);
    }
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    expect(world.otp.sms).toHaveLength(2);
  });

  test("a resend for a user who became inactive gives its hourly slot back (enumeration protection off)", () => {
    const { world, app } = setup({ enumeration_protection: "false", max_sends_per_user_per_hour: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.directory.users[0]!.active = false;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10002");
    expect(lastEvent(app).sessionRef).toBeNull();
    world.directory.users[0]!.active = true;
    expect(app.start("alice")["status"]).toBe("proceed");
    expect(app.start("alice")["error"]).toBe("rate_limited");
    expect(world.otp.sms).toHaveLength(2);
  });

  test("a resend whose session write is lost gives its hourly slot back and sends nothing", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    world.sessions.swallowWrites = true;
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10001");
    expect(lastEvent(app).sessionRef).toBeNull();
    world.sessions.heal();
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(app.start("alice")["status"]).toBe("proceed");
    expect(app.start("alice")["error"]).toBe("rate_limited");
    expect(world.otp.sms).toHaveLength(2);
  });
});

describe("who a resend reaches", () => {
  test("a login value now naming another user makes the session a decoy: no SMS to the new holder", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    world.directory.users[0] = user("intruder", {}, { uid: ["alice"], mobile: ["+4915199999999"] });
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    expect(lastEvent(app)).toMatchObject({ userId: null, detail: "decoy: user no longer usable" });
    expect(world.otp.sms).toHaveLength(1);
    // The session lost its user and its phone: not even the code sent to alice passes now.
    app.send({ __step: "abandon", username: "alice", __session_id: sessionId });
    expect(lastEvent(app)).toMatchObject({ userId: null, maskedPhone: null, detail: "decoy session" });
    expect(app.code("alice", sessionId, code)["error"]).toBe("session_expired");
  });

  test("a decoy session's resend says so in its event", () => {
    const { world, app } = setup();
    const sessionId = app.start("mallory")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("mallory", sessionId)["status"]).toBe("proceed");
    expect(lastEvent(app)).toMatchObject({ userId: null, detail: "decoy: decoy session" });
  });

  test("expires_in of a late resend is what is left of the session, rounded down", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.now += 400_500;
    expect(app.resend("alice", sessionId)["expires_in"]).toBe("199");
    world.clock.now += 100_000;
    // 99.5 s left; the code's own 300 s ttl is longer, so the session's end is what expires_in says.
    expect(app.resend("alice", sessionId)["expires_in"]).toBe("99");
  });
});

describe("what a refused resend's event says", () => {
  test("an unknown session: no session reference, and why", () => {
    const { app } = setup();
    expect(app.resend("alice", "ab".repeat(32))["error"]).toBe("session_expired");
    expect(lastEvent(app)).toMatchObject({ event: "resend", sessionRef: null, detail: "unknown session" });
  });

  test("a refusal inside a live session names the session's user and the session", () => {
    const { app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const started = lastEvent(app);
    app.resend("alice", sessionId);
    expect(lastEvent(app)).toMatchObject({
      event: "resend",
      userId: "alice",
      sessionRef: started.sessionRef,
      limit: LIMIT_COOLDOWN,
    });
  });
});

test("a resend the provider refuses ends the session, and its event names no session", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  world.clock.advanceSeconds(60);
  world.otp.mode = { kind: "refuse", errorCode: 21211 };
  expect(app.resend("alice", sessionId)["error"]).toBe("otp_not_sent");
  expect(lastEvent(app)).toMatchObject({ event: "resend", sessionRef: null, userId: "alice" });
  expect(world.sessions.peek(sessionId)).toBeNull();
});
