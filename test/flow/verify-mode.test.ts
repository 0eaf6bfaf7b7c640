// Twilio Verify: Twilio makes and checks the code; the session stores no code hash; our limits still apply.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user, VERIFY_SID } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("ghost", { active: false })]);
  const config = makeConfig({
    twilio_from_number: null,
    twilio_verify_service_sid: VERIFY_SID,
    ...overrides,
  });
  return { world, config, app: new Driver(world, config) };
}

test("a start asks Verify to send, with the configured channel, and generates no code itself", () => {
  const { world, app } = setup({ twilio_verify_channel: "whatsapp" });
  const started = app.start("alice");
  expect(started["status"]).toBe("proceed");
  expect(world.otp.verifications).toEqual([
    { serviceSid: VERIFY_SID, options: { to: "+4915112345678", channel: "whatsapp" } },
  ]);
  expect(world.otp.sms).toEqual([]);
  expect(world.random.bounds).toEqual([]);
  const stored = JSON.parse(world.sessions.peek(started["session_id"]!)!);
  expect(stored.codeHash).toBe("");
  expect(stored.verifyTo).toBe("+4915112345678");
});

test("the code is checked by Verify against the session's number, then the password grants", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  const code = world.otp.verifyCodes.get("+4915112345678")!;
  expect(app.code("alice", sessionId, code)["step"]).toBe("3");
  expect(world.otp.checks).toEqual([{ serviceSid: VERIFY_SID, options: { to: "+4915112345678", code } }]);
  expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
});

test("a wrong code counts against our own attempt limit", () => {
  const { world, app } = setup({ max_otp_attempts: "2" });
  const sessionId = app.start("alice")["session_id"]!;
  const wrong = world.otp.verifyCodes.get("+4915112345678") === "111111" ? "222222" : "111111";
  expect(app.code("alice", sessionId, wrong)).toMatchObject({ error: "invalid_otp", attempts_left: "1" });
  expect(app.code("alice", sessionId, wrong)["error"]).toBe("too_many_attempts");
});

test("malformed codes are refused without asking Twilio", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  expect(app.code("alice", sessionId, "12ab56")["error"]).toBe("invalid_otp");
  expect(world.otp.checks).toEqual([]);
});

test("Verify's own refusal (e.g. 20404 after its limits) is a wrong code", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  world.otp.checkMode = { kind: "refuse", errorCode: 60202 };
  expect(app.code("alice", sessionId, world.otp.verifyCodes.get("+4915112345678")!)["error"]).toBe(
    "invalid_otp",
  );
});

test("a provider exception while checking fails closed without a step change", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  world.otp.checkMode = { kind: "throw", message: "timeout" };
  expect(app.code("alice", sessionId, world.otp.verifyCodes.get("+4915112345678")!)["error_code"]).toBe(
    "10001",
  );
  expect(JSON.parse(world.sessions.peek(sessionId)!).step).toBe(2);
});

test("our cooldown and caps apply to Verify sends too", () => {
  const { world, app } = setup({ max_sends_per_session: "2" });
  const sessionId = app.start("alice")["session_id"]!;
  expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
  world.clock.advanceSeconds(60);
  expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
  world.clock.advanceSeconds(60);
  expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
  expect(world.otp.verifications).toHaveLength(2);
});

test("Verify refusing to send (60203) is otp_not_sent and leaves no session", () => {
  const { world, app } = setup();
  world.otp.mode = { kind: "refuse", errorCode: 60203 };
  expect(app.start("alice")["error_code"]).toBe("10004");
  expect(world.sessions.liveKeys()).toEqual([]);
});

test("an inactive user gets no verification", () => {
  const { world, app } = setup();
  expect(app.start("ghost")["status"]).toBe("proceed");
  expect(world.otp.verifications).toEqual([]);
});
