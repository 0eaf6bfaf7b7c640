// S12: a failing dependency fails closed: no token, a clear error, nothing half-written that a later request could use.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice")]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

const SERVER_ERROR = "status=error;error_code=10001;error=server_error";

describe("provider failures", () => {
  test.each([21211, 21608, 21610, 20003, 20429])(
    "Twilio error %d at start: 10004, no session, code in the log",
    (code) => {
      const { world, app } = setup();
      world.otp.mode = { kind: "refuse", errorCode: code };
      const outcome = app.send({ __step: "1", username: "alice" });
      expect(outcome.header!.value).toBe("status=error;error_code=10004;error=otp_not_sent");
      // The session was written (with the code's hash) before the send and removed when it failed.
      expect(world.sessions.liveKeys()).toEqual([]);
      expect(world.sessions.calls).toEqual(["create", "get", "remove"]);
      expect(outcome.events[0]!.detail).toBe(`provider error ${code}`);
    },
  );

  test("a provider exception (timeout) is 10004 and its message is not logged", () => {
    const { world, app } = setup();
    world.otp.mode = { kind: "throw", message: "The 'To' number +4915112345678 is not valid" };
    expect(app.start("alice")["error_code"]).toBe("10004");
    expect(app.everything()).not.toContain("4915112345678");
    expect(app.outcomes[0]!.events[0]!.detail).toBe("provider exception");
  });

  test("a failed resend destroys the session so the old code cannot be used", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const oldCode = world.otp.lastCode();
    world.clock.advanceSeconds(60);
    world.otp.mode = { kind: "refuse", errorCode: 20429 };
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10004");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(app.code("alice", sessionId, oldCode)["error_code"]).toBe("10006");
  });

  test("a failed resend whose session removal also fails leaves no usable code", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const oldCode = world.otp.lastCode();
    world.clock.advanceSeconds(60);
    world.otp.mode = { kind: "throw", message: "timeout" };
    world.sessions.failing.add("remove");
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10001");
    world.sessions.failing.clear();
    // The new code replaced the old one before the send was tried; the new one never reached anybody.
    expect(app.code("alice", sessionId, oldCode)["error_code"]).toBe("10005");
  });

  test("failed sends still count towards the caps", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    world.otp.mode = { kind: "refuse", errorCode: 21211 };
    app.start("alice");
    app.start("alice");
    world.otp.mode = { kind: "ok" };
    expect(app.start("alice")["error"]).toBe("rate_limited");
  });
});

describe("store failures", () => {
  test.each(["get", "update", "remove"])("session store %s failing during the code step: 10001", (method) => {
    const { world, app } = setup({ max_otp_attempts: "1" });
    const sessionId = app.start("alice")["session_id"]!;
    world.sessions.failing.add(method);
    const wrong = world.otp.lastCode() === "123456" ? "654321" : "123456";
    const outcome = app.send({
      __step: "2",
      username: "alice",
      password: method === "remove" ? wrong : world.otp.lastCode(),
      __session_id: sessionId,
    });
    expect(outcome.header!.value).toBe(SERVER_ERROR);
  });

  test("session creation failing after the SMS: 10001 and no usable session", () => {
    const { world, app } = setup();
    world.sessions.failing.add("create");
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("a failing removal after the right password gives no token", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    world.sessions.failing.add("remove");
    const outcome = app.password("alice", sessionId, "pw-of-alice");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe(SERVER_ERROR);
  });

  test("a failing update after a right code does not advance the login", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.sessions.failing.add("update");
    expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10001");
    world.sessions.failing.clear();
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
  });

  test.each(["get", "claim"])("claim store %s failing: 10001 and no SMS", (method) => {
    const { world, app } = setup();
    world.claims.failing.add(method);
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.otp.sms).toEqual([]);
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("a corrupt slot is not read as free", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    app.start("alice");
    for (const key of world.claims.liveKeys()) {
      world.claims.poke(key, '{"count":0}', 3600);
    }
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.otp.sms).toHaveLength(1);
  });

  test("a failing release keeps the event counted and changes no answer", () => {
    const { world, app } = setup({ enumeration_protection: "false", max_sends_per_user_per_hour: "1" });
    world.claims.failing.add("release");
    expect(app.start("ghost")["error_code"]).toBe("10002");
    expect(app.start("ghost")["error_code"]).toBe("10010");
  });

  test.each([
    ["not JSON", "{"],
    ["another version", (text: string) => text.replace('"version":1', '"version":2')],
    ["a wrong step", (text: string) => text.replace('"step":2', '"step":7')],
    ["a number as text", (text: string) => text.replace(/"sends":1/, '"sends":"1"')],
    ["a missing field", (text: string) => text.replace(/,"passwordFailures":0/, "")],
    ["an extra field", (text: string) => text.replace(/}$/, ',"admin":true}')],
    ["JSON null", "null"],
  ])("a session state with %s is refused with 10001", (_, change) => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const text = world.sessions.peek(sessionId)!;
    const changed = typeof change === "string" ? change : change(text);
    expect(changed).not.toBe(text);
    world.sessions.poke(sessionId, changed);
    const outcome = app.send({
      __step: "2",
      username: "alice",
      password: world.otp.lastCode(),
      __session_id: sessionId,
    });
    expect(outcome.header!.value).toBe(SERVER_ERROR);
  });

  test("a decoy state edited to step 3 still gives no token", () => {
    const { world, app } = setup();
    const sessionId = app.start("nobody")["session_id"]!;
    world.sessions.poke(sessionId, world.sessions.peek(sessionId)!.replace('"step":2', '"step":3'));
    const outcome = app.password("nobody", sessionId, "anything");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe(SERVER_ERROR);
  });
});

describe("other dependencies", () => {
  test("a directory failure is 10001 without SMS or session", () => {
    const { world, app } = setup();
    world.directory.fail = true;
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.otp.sms).toEqual([]);
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("a password verifier failure is 10001 without a token, and the session survives", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    world.passwords.fail = true;
    const outcome = app.password("alice", sessionId, "pw-of-alice");
    expect(outcome).toMatchObject({ grantedUserId: null, header: { value: SERVER_ERROR } });
    world.passwords.fail = false;
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("a failing clock or hash is 10001", () => {
    const { world, app } = setup();
    world.clock.nowMillis = () => {
      throw new Error("clock");
    };
    expect(app.send({ __step: "1", username: "alice" }).header!.value).toBe(SERVER_ERROR);
  });

  test("a failing log changes no outcome", () => {
    const { world, app } = setup();
    world.log.fail = true;
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("the unexpected-failure event names no secret and no session", () => {
    const { world, app } = setup();
    world.sessions.failing.add("create");
    const outcome = app.send({ __step: "1", username: "alice" });
    expect(outcome.events).toEqual([
      expect.objectContaining({
        event: "request",
        outcome: "server_error",
        errorCode: 10001,
        sessionRef: null,
        detail: "exception",
      }),
    ]);
    expect(world.log.lines[0]!.level).toBe("warn");
  });
});
