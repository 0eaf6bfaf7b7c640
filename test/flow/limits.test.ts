// S4 (guessing bounded) and S8 (resends and sends capped), with retry_after.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("bob", {}, { mobile: ["+4917000000042"] })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function wrongCode(right: string): string {
  return right === "123456" ? "654321" : "123456";
}

describe("S4: code attempts per session", () => {
  test("attempts_left counts down and the last wrong code destroys the session", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const wrong = wrongCode(world.otp.lastCode());
    const left = [1, 2, 3, 4].map(() => app.code("alice", sessionId, wrong)["attempts_left"]);
    expect(left).toEqual(["4", "3", "2", "1"]);
    expect(app.code("alice", sessionId, wrong)).toEqual({
      status: "error",
      error_code: "10009",
      error: "too_many_attempts",
    });
    expect(world.sessions.peek(sessionId)).toBeNull();
  });

  test("a resend does not reset the attempt counter", () => {
    const { world, app } = setup({ max_otp_attempts: "3", resend_cooldown_seconds: "0" });
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    app.resend("alice", sessionId);
    expect(app.code("alice", sessionId, wrongCode(world.otp.lastCode()))["error"]).toBe("too_many_attempts");
  });

  test("wrong passwords have their own limit and destroy the session", () => {
    const { world, app } = setup({ max_password_attempts: "2" });
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "bad")).toMatchObject({ grantedUserId: null });
    const last = app.password("alice", sessionId, "bad");
    expect(last.header!.value).toBe("status=error;error_code=10009;error=too_many_attempts");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
  });
});

describe("S4: failures per login value per hour", () => {
  test("after the limit, code logins are refused on every step until the window ends", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "3", max_sends_per_user_per_hour: "10" });
    const first = app.start("alice")["session_id"]!;
    const wrong = wrongCode(world.otp.lastCode());
    app.code("alice", first, wrong);
    app.code("alice", first, wrong);
    world.clock.advanceSeconds(600);
    const second = app.reachPasswordStep("alice");
    expect(app.password("alice", second, "bad")["header"]!.value).toContain("error_code=10008");
    // three failures now: the next start, code and password are refused
    world.clock.advanceSeconds(60);
    const refused = app.start("alice");
    expect(refused).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "2940",
    });
    expect(app.password("alice", second, "pw-of-alice").header!.value).toBe(
      `status=error;error_code=10010;error=rate_limited;session_id=${second};retry_after=2940`,
    );
    world.clock.advanceSeconds(2940);
    const third = app.start("alice")["session_id"]!;
    expect(app.code("alice", third, world.otp.lastCode())["step"]).toBe("3");
  });

  test("a locked-out login value cannot check a code in a live session", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    app.code("alice", sessionId, wrongCode(code));
    expect(app.code("alice", sessionId, code)).toMatchObject({
      error: "rate_limited",
      session_id: sessionId,
    });
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
  });

  test("the limit is per login value: other users are unaffected", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    expect(app.start("bob")["status"]).toBe("proceed");
  });
});

describe("S8: resend cooldown and caps", () => {
  test("a resend inside the cooldown is refused with the seconds left, and sends nothing", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(59);
    expect(app.resend("alice", sessionId)).toMatchObject({ error_code: "10010", retry_after: "1" });
    expect(world.otp.sms).toHaveLength(1);
    world.clock.advanceSeconds(1);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    expect(world.otp.sms).toHaveLength(2);
  });

  test("each resend issues a new code that replaces the old one", () => {
    const { world, app } = setup({ resend_cooldown_seconds: "0" });
    world.random.intScript.push(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2);
    const sessionId = app.start("alice")["session_id"]!;
    app.resend("alice", sessionId);
    expect(world.otp.sms.map((sms) => /\d{6}/.exec(sms.body ?? "")![0])).toEqual(["111111", "222222"]);
    expect(app.code("alice", sessionId, "111111")["error"]).toBe("invalid_otp");
    expect(app.code("alice", sessionId, "222222")["step"]).toBe("3");
  });

  test("a session sends at most max_sends_per_session codes", () => {
    const { world, app } = setup({ max_sends_per_session: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)).toMatchObject({ error: "rate_limited", retry_after: "480" });
    expect(world.otp.sms).toHaveLength(2);
  });

  test("sends per login value per hour are capped across sessions", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    app.start("alice");
    world.clock.advanceSeconds(10);
    app.start("ALICE");
    world.clock.advanceSeconds(10);
    expect(app.start("alice")).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "3580",
    });
    expect(world.otp.sms).toHaveLength(2);
    expect(app.start("bob")["status"]).toBe("proceed");
    world.clock.advanceSeconds(3580);
    expect(app.start("alice")["status"]).toBe("proceed");
  });

  test("sends per source IP per hour are capped across login values", () => {
    const { world, app } = setup({ max_sends_per_ip_per_hour: "2" });
    app.start("alice");
    app.start("bob");
    expect(app.start("nobody")["error"]).toBe("rate_limited");
    expect(world.otp.sms).toHaveLength(2);
    const otherIp = new Driver(world, app.config, app.clientId, "198.51.100.9");
    expect(otherIp.start("alice")["status"]).toBe("proceed");
  });

  test("a per-IP limit of 0 turns the IP limit off", () => {
    const { world, app } = setup({ max_sends_per_ip_per_hour: "0", max_sends_per_user_per_hour: "100" });
    for (let i = 0; i < 30; i++) {
      expect(app.start(`user${i}`)["status"]).toBe("proceed");
    }
    expect(world.claims.liveKeys().filter((key) => key.includes(":ip:"))).toEqual([]);
  });

  test("resends count towards the hourly caps", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2", resend_cooldown_seconds: "0" });
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
    expect(world.otp.sms).toHaveLength(2);
  });

  test("each send holds a slot for an hour, and the slot holds its expiry", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    app.start("alice");
    const key = world.claims.liveKeys().find((k) => k.includes(":sends:login:"))!;
    expect(key.endsWith(":1")).toBe(true);
    expect(world.claims.peek(key)).toBe(String(world.clock.now + 3600000));
    expect(world.claims.ttlOf(key)).toBe(3600);
    world.clock.advanceSeconds(1800);
    expect(app.start("alice")["retry_after"]).toBe("1800");
  });

  test("the hour rolls: a cap frees one slot at a time, as each send turns an hour old", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "3" });
    app.start("alice");
    world.clock.advanceSeconds(1000);
    app.start("alice");
    world.clock.advanceSeconds(1000);
    app.start("alice");
    world.clock.advanceSeconds(1000);
    expect(app.start("alice")["retry_after"]).toBe("600");
    world.clock.advanceSeconds(600);
    expect(app.start("alice")["status"]).toBe("proceed");
    // The second send (at 1000 s) is now the oldest: 1000 s until it is an hour old.
    expect(app.start("alice")["retry_after"]).toBe("1000");
    expect(world.otp.sms).toHaveLength(4);
  });
});
