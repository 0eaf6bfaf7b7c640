// login_order=password_first: username and password at step 1 (no SMS without the right password), then the code grants.

import { parseConfig } from "../../src/flow/config";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, parseHeader, rawConfig, user } from "./doubles/scenario";

const HEX64 = /^[0-9a-f]{64}$/;

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([
    user("alice"),
    user("bob", { active: false }),
    user("carol", {}, { mobile: ["not a number"] }),
  ]);
  const config = makeConfig({ login_order: "password_first", ...overrides });
  return { world, config, app: new Driver(world, config) };
}

function start(app: Driver, username: string, password: string): Record<string, string> {
  return parseHeader(app.send({ __step: "1", username, password }).header?.value);
}

/** A header with its session id abstracted, to compare the shapes of two answers. */
function shape(header: Record<string, string>): Record<string, string> {
  return { ...header, ...(header["session_id"] === undefined ? {} : { session_id: "<id>" }) };
}

describe("login_order", () => {
  test("defaults to code_first, accepts password_first, and refuses anything else naming the property", () => {
    expect(makeConfig().loginOrder).toBe("code_first");
    expect(makeConfig({ login_order: "PASSWORD_FIRST" }).loginOrder).toBe("password_first");
    const bad = parseConfig(rawConfig({ login_order: "otp_first" }));
    expect(bad.config).toBeNull();
    expect(bad.errors.join("\n")).toMatch(/^login_order: /m);
  });
});

describe("password_first", () => {
  test("a right password opens the session and sends the code; the code grants without a step 3", () => {
    const { world, app } = setup();
    const started = start(app, "alice", "pw-of-alice");
    expect(started).toEqual({
      status: "proceed",
      session_id: expect.stringMatching(HEX64),
      step: "2",
      expires_in: "300",
      resend_after: "60",
      code_length: "6",
    });
    expect(world.otp.sms).toHaveLength(1);
    expect(world.passwords.checks).toEqual([{ userId: "alice", password: "pw-of-alice" }]);
    const granted = app.send({
      __step: "2",
      username: "alice",
      password: world.otp.lastCode(),
      __session_id: started["session_id"]!,
    });
    expect(granted).toMatchObject({ grantedUserId: "alice", header: null });
    expect(world.sessions.peek(started["session_id"]!)).toBeNull();
    expect(world.passwords.checks).toHaveLength(1);
  });

  test("a wrong or missing password sends nothing; a wrong one counts down the per-login failures", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "3" });
    expect(start(app, "alice", "wrong")).toEqual({
      status: "error",
      error_code: "10008",
      error: "invalid_credentials",
      attempts_left: "2",
    });
    expect(start(app, "alice", "")["error_code"]).toBe("10011");
    expect(parseHeader(app.send({ __step: "1", username: "alice" }).header?.value)["error_code"]).toBe(
      "10011",
    );
    expect(start(app, "alice", "wrong")["attempts_left"]).toBe("1");
    expect(start(app, "alice", "wrong")["attempts_left"]).toBe("0");
    expect(start(app, "alice", "pw-of-alice")).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "3600",
    });
    expect(world.otp.sms).toHaveLength(0);
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("a right password gives its failure slot back", () => {
    const { app } = setup({ max_failures_per_user_per_hour: "3" });
    start(app, "alice", "wrong");
    start(app, "alice", "pw-of-alice");
    expect(start(app, "alice", "wrong")["attempts_left"]).toBe("1");
  });

  test("unknown, inactive and phone-less users answer like a wrong password, get no SMS and no password check", () => {
    const { world, app } = setup();
    const wrong = shape(start(app, "alice", "wrong"));
    for (const [login, password] of [
      ["mallory", "any"],
      ["bob", "pw-of-bob"],
      ["carol", "pw-of-carol"],
    ]) {
      expect(shape(start(app, login!, password!))).toEqual(wrong);
    }
    expect(start(app, "mallory", "again")["attempts_left"]).toBe("8");
    expect(world.otp.sms).toHaveLength(0);
    expect(world.passwords.checks.map((check) => check.userId)).toEqual(["alice"]);
    const events = world.log.lines.map((entry) => entry.line.split(" ").slice(1, 4).join(" "));
    expect(new Set(events)).toEqual(new Set(["event=start outcome=invalid_credentials error_code=10008"]));
  });

  test("without enumeration protection an unknown user is told so, before any password check", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    expect(start(app, "mallory", "any")["error_code"]).toBe("10002");
    expect(start(app, "carol", "pw-of-carol")["error_code"]).toBe("10003");
    expect(world.passwords.checks).toEqual([]);
  });

  test("a resend needs no password; step 3 does not exist", () => {
    const { world, app } = setup({ resend_cooldown_seconds: "0" });
    const sessionId = start(app, "alice", "pw-of-alice")["session_id"]!;
    const old = world.otp.lastCode();
    expect(app.resend("alice", sessionId)).toMatchObject({
      status: "proceed",
      session_id: sessionId,
      step: "2",
    });
    expect(world.otp.sms).toHaveLength(2);
    expect(app.password("alice", sessionId, "pw-of-alice").header!.value).toBe(
      "status=error;error_code=10011;error=invalid_request",
    );
    const code = world.otp.lastCode();
    expect(app.code("alice", sessionId, code === old ? "000000" : old)["error_code"]).toBe("10005");
    expect(
      app.send({ __step: "2", username: "alice", password: code, __session_id: sessionId }).grantedUserId,
    ).toBe("alice");
  });

  test("changing the order while a session lives never grants on the code alone", () => {
    const world = new TestWorld([user("alice")]);
    const codeFirst = new Driver(world, makeConfig());
    const passwordFirst = new Driver(world, makeConfig({ login_order: "password_first" }));
    const waiting = codeFirst.start("alice")["session_id"]!;
    const granted = passwordFirst.send({
      __step: "2",
      username: "alice",
      password: world.otp.lastCode(),
      __session_id: waiting,
    });
    expect(granted.grantedUserId).toBeNull();
    expect(parseHeader(granted.header?.value)["error_code"]).toBe("10007");
    const proven = start(passwordFirst, "alice", "pw-of-alice")["session_id"]!;
    expect(codeFirst.code("alice", proven, world.otp.lastCode())["error_code"]).toBe("10007");
  });
});
