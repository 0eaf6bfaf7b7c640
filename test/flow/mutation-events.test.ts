// What each step records in its event (S10), and the key derivations every implementation of the script must share so that
// a Jython node and a TypeScript model agree on stored state. Written to pin behaviour that outcomes alone do not show.

import { hashKeyFor } from "../../src/flow/otp";
import type { FlowEvent } from "../../src/flow";
import { TestWorld } from "./doubles/ports";
import { AUTH_TOKEN, Driver, IP, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("gone", { active: false })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function lastEvent(app: Driver): FlowEvent {
  return app.outcomes[app.outcomes.length - 1]!.events[0]!;
}

function wrongCode(right: string): string {
  return right === "123456" ? "654321" : "123456";
}

describe("events of the code and password steps", () => {
  test("a wrong code names the user, the masked phone and the session", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    expect(lastEvent(app)).toMatchObject({
      event: "code",
      outcome: "invalid_otp",
      userId: "alice",
      maskedPhone: "********78",
      login: "alice",
      detail: null,
    });
    expect(lastEvent(app).sessionRef).toMatch(/^[0-9a-f]{12}$/);
  });

  test("a decoy's code step has no user and no phone", () => {
    const { app } = setup();
    const sessionId = app.start("ghost")["session_id"]!;
    app.code("ghost", sessionId, "123456");
    expect(lastEvent(app)).toMatchObject({ userId: null, maskedPhone: null, outcome: "invalid_otp" });
  });

  test("a wrong password names the user and the masked phone", () => {
    const { app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    app.password("alice", sessionId, "nope");
    expect(lastEvent(app)).toMatchObject({
      event: "password",
      outcome: "invalid_credentials",
      userId: "alice",
      maskedPhone: "********78",
    });
  });

  test.each([
    ["code", "2"],
    ["password", "3"],
    ["resend", "1"],
  ])("the %s step of an unknown session has no session reference and says why", (_event, step) => {
    const { app } = setup();
    app.send({ __step: step, username: "alice", password: "123456", __session_id: "a".repeat(64) });
    expect(lastEvent(app)).toMatchObject({ sessionRef: null, detail: "unknown session", errorCode: 10006 });
  });

  test("refusals of a live session say why", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    app.password("alice", sessionId, "pw-of-alice");
    expect(lastEvent(app).detail).toBe("session waits for step 2");
    app.code("bob", sessionId, "123456");
    expect(lastEvent(app).detail).toBe("session of another user");
    new Driver(world, app.config, "other-client").code("alice", sessionId, "123456");
    expect(world.log.lines.at(-1)!.line).toContain('detail="session of another client"');
    // The store may outlive the deadline (clock skew between nodes): the flow checks the deadline itself.
    world.sessions.poke(sessionId, world.sessions.peek(sessionId)!, 3600);
    world.clock.advanceSeconds(600);
    app.code("alice", sessionId, "123456");
    expect(lastEvent(app).detail).toBe("session expired");
    expect(world.sessions.peek(sessionId)).toBeNull();
  });

  test("a session at step 3 without a user was not written by the flow: server_error", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    const state = JSON.parse(world.sessions.peek(sessionId)!);
    state.userId = null;
    world.sessions.poke(sessionId, JSON.stringify(state));
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
    expect(lastEvent(app)).toMatchObject({ errorCode: 10001, detail: "decoy session at step 3" });
    expect(app.outcomes.at(-1)!.header!.value).toBe("status=error;error_code=10001;error=server_error");
    expect(world.passwords.checks).toEqual([]);
  });

  test("invalid requests say what is missing", () => {
    const { app } = setup();
    app.send({ __step: ["1", "1"], username: "alice" });
    expect(lastEvent(app).event).toBe("request");
    app.outcomes.length = 0;
    app.send({ username: "alice" });
    app.send({ __step: "4", username: "alice" });
    app.send({ __step: "2", username: "alice", __session_id: "a".repeat(64) });
    app.send({ __step: "3", username: "alice", password: "", __session_id: "a".repeat(64) });
    app.send({ __step: "1", username: "alice", __session_id: "A".repeat(64) });
    expect(app.outcomes.map((outcome) => [outcome.events[0]!.event, outcome.events[0]!.detail])).toEqual([
      ["request", "missing __step"],
      ["request", "unknown __step"],
      ["code", "missing code"],
      ["password", "missing password"],
      ["resend", "malformed __session_id"],
    ]);
  });
});

describe("derivations shared by every node", () => {
  test("claim keys are HMACs of the login value, the address and the session id under the derived key", () => {
    const { world, config, app } = setup();
    app.start("Alice");
    const key = hashKeyFor(config, world.hash);
    expect(key).toBe(world.hash.hmacSha256Hex(AUTH_TOKEN, "gamatech-ropc/otp-hash-key/v1"));
    const sessionId = app.outcomes[0]!.header!.value.split("session_id=")[1]!.slice(0, 64);
    const session = "gamatech-ropc:session:" + world.hash.hmacSha256Hex(key, "session-claims:" + sessionId);
    expect(world.claims.liveKeys().sort()).toEqual(
      [
        "gamatech-ropc:sends:login:" + world.hash.hmacSha256Hex(key, "login:alice") + ":1",
        "gamatech-ropc:sends:ip:" + world.hash.hmacSha256Hex(key, "ip:" + IP) + ":1",
        session + ":send:1",
        session + ":cooldown",
      ].sort(),
    );
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    expect(world.claims.liveKeys()).toContain(
      "gamatech-ropc:failures:login:" + world.hash.hmacSha256Hex(key, "login:alice") + ":1",
    );
    expect(world.claims.liveKeys()).toContain(session + ":code:1");
    expect(lastEvent(app).sessionRef).toBe(
      world.hash.hmacSha256Hex(key, "session-ref:" + sessionId).slice(0, 12),
    );
  });

  test("a stored code is the HMAC of the session id and the code", () => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const key = hashKeyFor(config, world.hash);
    expect(JSON.parse(world.sessions.peek(sessionId)!).codeHash).toBe(
      world.hash.hmacSha256Hex(key, "otp:" + sessionId + ":" + world.otp.lastCode()),
    );
  });

  test("a decoy's masked hint comes from a hash of the login value", () => {
    const { world, config, app } = setup({ phone_hint: "masked" });
    const hint = app.start("ghost")["phone_number"]!;
    const hash = world.hash.hmacSha256Hex(hashKeyFor(config, world.hash), "login:hint:ghost");
    const digit = (at: number) => String(parseInt(hash.charAt(at), 16) % 10);
    expect(hint).toBe("********" + digit(0) + digit(1));
  });

  test("with max_sends_per_ip_per_hour=0 no address counter is written", () => {
    const { world, app } = setup({ max_sends_per_ip_per_hour: "0" });
    app.start("alice");
    expect(world.claims.liveKeys().filter((key) => key.includes(":ip:"))).toEqual([]);
  });
});

test("a locked-out login value at the code step is told when to retry", () => {
  const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
  const sessionId = app.start("alice")["session_id"]!;
  const code = world.otp.lastCode();
  app.code("alice", sessionId, wrongCode(code));
  expect(app.code("alice", sessionId, code)).toEqual({
    status: "error",
    error_code: "10010",
    error: "rate_limited",
    session_id: sessionId,
    retry_after: "3600",
  });
});

describe("limit slots", () => {
  function stored(world: TestWorld, prefix: string): string {
    return world.claims.liveKeys().find((key) => key.startsWith(prefix))!;
  }

  test.each([
    ["a fractional expiry", "1767272400000.5"],
    ["a number with a leading zero", "01767272400000"],
    ["text", "soon"],
    ["nothing", ""],
  ])("a slot holding %s fails closed", (_what, text) => {
    const { world, app } = setup();
    app.start("alice");
    world.claims.poke(stored(world, "gamatech-ropc:sends:login:"), text, 3600);
    world.clock.advanceSeconds(60);
    expect(app.start("alice")["error_code"]).toBe("10001");
  });

  test("a slot frees exactly at its stored expiry", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    world.claims.keepExpired = true;
    app.start("alice");
    world.clock.advanceSeconds(3599);
    expect(app.start("alice")["retry_after"]).toBe("1");
    world.clock.advanceSeconds(1);
    // The store still has the row: the slot counts as taken, with a short wait, until the cleaner runs.
    expect(app.start("alice")).toMatchObject({ error: "rate_limited", retry_after: "1" });
    world.claims.sweep();
    expect(app.start("alice")["status"]).toBe("proceed");
  });

  test("retry_after is never 0 inside a window", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    app.start("alice");
    world.clock.now += 3600 * 1000 - 1;
    expect(app.start("alice")["retry_after"]).toBe("1");
  });
});

describe("resend edges", () => {
  test("the cooldown is reported before the send cap", () => {
    const { world, app } = setup({ max_sends_per_session: "1", resend_cooldown_seconds: "60" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(10);
    expect(app.resend("alice", sessionId)["retry_after"]).toBe("50");
    world.clock.advanceSeconds(50);
    expect(app.resend("alice", sessionId)["retry_after"]).toBe("540");
  });

  test("a user who became inactive gets no more codes, and the session becomes a decoy", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    world.directory.users[0]!.active = false;
    world.clock.advanceSeconds(60);
    const resent = app.resend("alice", sessionId);
    expect(resent["status"]).toBe("proceed");
    expect(world.otp.sms).toHaveLength(1);
    expect(lastEvent(app)).toMatchObject({ userId: null, detail: "decoy: user no longer usable" });
    world.directory.users[0]!.active = true;
    expect(app.code("alice", sessionId, code)["error"]).toBe("invalid_otp");
  });

  test("Twilio Verify: a resend keeps checking against the user's number", () => {
    const { world, app } = setup({
      twilio_from_number: null,
      twilio_verify_service_sid: "VA" + "ab".repeat(16),
    });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    app.resend("alice", sessionId);
    expect(JSON.parse(world.sessions.peek(sessionId)!).verifyTo).toBe("+4915112345678");
    expect(world.otp.verifications.map((item) => [item.serviceSid, item.options.channel])).toEqual([
      ["VA" + "ab".repeat(16), "sms"],
      ["VA" + "ab".repeat(16), "sms"],
    ]);
    app.code("alice", sessionId, world.otp.verifyCodes.get("+4915112345678")!);
    expect(world.otp.checks[0]).toEqual({
      serviceSid: "VA" + "ab".repeat(16),
      options: { to: "+4915112345678", code: world.otp.checks[0]!.options.code },
    });
  });
});

describe("login values", () => {
  test("256 characters are accepted, 257 are not, spaces around them not counted", () => {
    const { app } = setup();
    expect(app.start("a".repeat(256))["status"]).toBe("proceed");
    expect(app.start(" " + "b".repeat(256) + " ")["status"]).toBe("proceed");
    expect(app.start("a".repeat(257))["error"]).toBe("invalid_request");
    expect(lastEvent(app).detail).toBe("username too long");
  });

  test.each(["*", "(", ")", "\\"])("%s is refused before any look-up", (char) => {
    const { world, app } = setup();
    expect(app.start("al" + char + "ice")["error"]).toBe("invalid_request");
    expect(world.directory.lookups).toEqual([]);
  });

  test("a session id must be exactly 64 lower-case hexadecimal characters", () => {
    const { app } = setup();
    for (const id of ["a".repeat(63), "a".repeat(65), "g".repeat(64)]) {
      app.code("alice", id, "123456");
      expect(lastEvent(app).detail).toBe("malformed __session_id");
    }
  });
});
