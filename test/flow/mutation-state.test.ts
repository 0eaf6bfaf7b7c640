// The exact state a start stores and the edges of the later steps, including Twilio Verify's: what the next request, possibly
// on another node running the Jython build, will read back.

import { TestWorld } from "./doubles/ports";
import { Driver, IP, makeConfig, user, VERIFY_SID } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("gone", { active: false })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

const VERIFY = { twilio_from_number: null, twilio_verify_service_sid: VERIFY_SID };

test("a start stores exactly this state, for the session's ttl", () => {
  const { world, app } = setup();
  const now = world.clock.now;
  const sessionId = app.start("Alice")["session_id"]!;
  const state = JSON.parse(world.sessions.peek(sessionId)!);
  expect(state).toEqual({
    version: 1,
    clientId: app.clientId,
    login: "alice",
    userId: "alice",
    step: 2,
    codeHash: state.codeHash,
    verifyTo: "",
    maskedPhone: "********78",
    createdAt: now,
    expiresAt: now + 600000,
    codeIssuedAt: now,
    sends: 1,
    lastSendAt: now,
    otpFailures: 0,
    passwordFailures: 0,
  });
  expect(state.codeHash).toMatch(/^[0-9a-f]{64}$/);
  expect(world.sessions.ttlOf(sessionId)).toBe(600);
  expect(app.outcomes[0]!.events[0]).toMatchObject({ clientId: app.clientId, ipAddress: IP, detail: null });
});

test("a decoy stores no user, no code and no phone", () => {
  const { world, app } = setup();
  const sessionId = app.start("ghost")["session_id"]!;
  expect(JSON.parse(world.sessions.peek(sessionId)!)).toMatchObject({
    userId: null,
    codeHash: "",
    maskedPhone: "",
  });
  expect(world.random.bounds).toEqual([]);
});

describe("the session deadline", () => {
  test("one millisecond before it the login goes on; at it, it is over", () => {
    const { world, app } = setup({ otp_ttl_seconds: "600" });
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    world.sessions.poke(sessionId, world.sessions.peek(sessionId)!, 3600);
    world.clock.now += 600000 - 1;
    expect(app.code("alice", sessionId, code)["step"]).toBe("3");
    world.clock.now += 1;
    expect(app.password("alice", sessionId, "pw-of-alice").header!.value).toContain("error=session_expired");
  });
});

describe("Twilio Verify", () => {
  test("a start makes no code of its own and stores no hash", () => {
    const { world, app } = setup(VERIFY);
    const sessionId = app.start("alice")["session_id"]!;
    expect(world.random.bounds).toEqual([]);
    expect(JSON.parse(world.sessions.peek(sessionId)!)).toMatchObject({
      codeHash: "",
      verifyTo: "+4915112345678",
    });
  });

  test("a decoy's code and a malformed code are never sent to Twilio", () => {
    const { world, app } = setup(VERIFY);
    const decoy = app.start("ghost")["session_id"]!;
    expect(JSON.parse(world.sessions.peek(decoy)!).verifyTo).toBe("");
    app.code("ghost", decoy, "123456");
    const real = app.start("alice")["session_id"]!;
    app.code("alice", real, "12345");
    app.code("alice", real, "1234567");
    expect(world.otp.checks).toEqual([]);
    expect(app.code("alice", real, world.otp.verifyCodes.get("+4915112345678")!)["step"]).toBe("3");
  });
});

describe("enumeration protection off", () => {
  test.each([
    ["ghost", "10002", "unknown user"],
    ["gone", "10002", "inactive user"],
  ])("%s: error %s, and the log says why", (login, code, reason) => {
    const { world, app } = setup({ enumeration_protection: "false" });
    expect(app.start(login)["error_code"]).toBe(code);
    expect(app.outcomes[0]!.events[0]!.detail).toBe(reason);
    expect(world.claims.liveKeys()).toEqual([]);
  });

  test("a resend for a user who vanished meanwhile ends the session with the error", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    const sessionId = app.start("alice")["session_id"]!;
    world.directory.users = [];
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10002");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(world.otp.sms).toHaveLength(1);
  });
});

test("a decoy's resend is logged as one, and stays without a user", () => {
  const { world, app } = setup();
  const sessionId = app.start("ghost")["session_id"]!;
  world.directory.users.push(user("ghost"));
  world.clock.advanceSeconds(60);
  expect(app.resend("ghost", sessionId)["status"]).toBe("proceed");
  expect(app.outcomes[1]!.events[0]).toMatchObject({ userId: null, detail: "decoy: decoy session" });
  expect(world.otp.sms).toHaveLength(0);
});

describe("what a resend leaves in the store", () => {
  test("a resend by SMS keeps the number out of the state", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    app.resend("alice", sessionId);
    expect(JSON.parse(world.sessions.peek(sessionId)!)).toMatchObject({
      verifyTo: "",
      maskedPhone: "********78",
      sends: 2,
    });
  });

  test("a user who became inactive leaves a state without user or phone", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.directory.users[0]!.active = false;
    world.clock.advanceSeconds(60);
    app.resend("alice", sessionId);
    expect(JSON.parse(world.sessions.peek(sessionId)!)).toMatchObject({
      userId: null,
      maskedPhone: "",
      codeHash: "",
    });
  });

  test("a resend whose send and removal both fail leaves the old code dead in the store", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const before = JSON.parse(world.sessions.peek(sessionId)!);
    world.clock.advanceSeconds(60);
    world.otp.mode = { kind: "throw", message: "Read timed out" };
    world.sessions.failing.add("remove");
    app.resend("alice", sessionId);
    const after = JSON.parse(world.sessions.peek(sessionId)!);
    // The new code was stored before the send was tried: the old one is gone, the new one reached nobody.
    expect(after.codeHash).not.toBe(before.codeHash);
    expect(after).toMatchObject({ codeIssuedAt: world.clock.now, sends: 2 });
  });

  test("a decoy's resend while the login value is still unknown keeps the decoy's reason", () => {
    const { world, app } = setup();
    const sessionId = app.start("ghost")["session_id"]!;
    world.clock.advanceSeconds(60);
    app.resend("ghost", sessionId);
    expect(app.outcomes[1]!.events[0]!.detail).toBe("decoy: decoy session");
  });
});

test("an unreadable session is a server error that says so", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  world.sessions.poke(sessionId, "{}");
  expect(app.code("alice", sessionId, "123456")["error_code"]).toBe("10001");
  expect(app.outcomes[1]!.events[0]!.detail).toBe("unreadable session state");
});
