// One test per row of the wire protocol (DESIGN.md §2) and per error code.

import { TestWorld } from "./doubles/ports";
import { AUTH_TOKEN, Driver, makeConfig, parseHeader, user } from "./doubles/scenario";

const HEADER_VALUE = /^status=(proceed|error)(;[a-z_]+=[A-Za-z0-9+*_.-]+)*$/;

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("bob", {}, { mobile: ["+4917000000042"] })]);
  const app = new Driver(world, makeConfig(overrides));
  return { world, app };
}

describe("step 1: start", () => {
  test("creates a session, sends a code and answers proceed with the documented keys", () => {
    const { world, app } = setup();
    const outcome = app.send({ __step: "1", username: "alice", password: "placeholder" });
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.name).toBe("X-ROPC-TWO-FA");
    expect(outcome.header!.value).toMatch(HEADER_VALUE);
    const header = parseHeader(outcome.header!.value);
    expect(Object.keys(header)).toEqual([
      "status",
      "session_id",
      "step",
      "expires_in",
      "resend_after",
      "code_length",
    ]);
    expect(header).toMatchObject({
      status: "proceed",
      step: "2",
      expires_in: "300",
      resend_after: "60",
      code_length: "6",
    });
    expect(header["session_id"]).toMatch(/^[0-9a-f]{64}$/);
    expect(world.otp.sms).toHaveLength(1);
    expect(world.otp.sms[0]).toEqual({
      to: "+4915112345678",
      from: "+15005550006",
      body: expect.stringMatching(/^Your login code is \d{6}\. It expires in 5 minutes\.$/),
    });
    expect(world.sessions.liveKeys()).toEqual([header["session_id"]]);
    expect(world.sessions.ttlOf(header["session_id"]!)).toBe(600);
  });

  test("the password parameter is optional at step 1", () => {
    const { app } = setup();
    expect(parseHeader(app.send({ __step: "1", username: "alice" }).header!.value)["status"]).toBe("proceed");
  });

  test("any configured login attribute finds the user, case and surrounding spaces ignored", () => {
    const { world, app } = setup();
    expect(app.start("  Alice@Example.COM ")["status"]).toBe("proceed");
    expect(world.otp.sms[0]!.to).toBe("+4915112345678");
    expect(world.directory.lookups[0]).toEqual({
      loginValue: "Alice@Example.COM",
      loginAttributes: ["uid", "mail"],
      phoneAttributes: ["mobile", "telephoneNumber"],
    });
  });

  test("the phone hint is added when configured", () => {
    expect(setup({ phone_hint: "masked" }).app.start("alice")["phone_number"]).toBe("********78");
    expect(setup({ phone_hint: "full" }).app.start("alice")["phone_number"]).toBe("+4915112345678");
    expect(setup({ phone_hint: "none" }).app.start("alice")["phone_number"]).toBeUndefined();
  });

  test("the header name comes from the configuration", () => {
    const { app } = setup({ response_header_name: "X-Custom-2FA" });
    expect(app.send({ __step: "1", username: "alice" }).header!.name).toBe("X-Custom-2FA");
  });

  test("the SMS text follows the template", () => {
    const { world, app } = setup({
      sms_template: "{app}: {code} ({minutes} min) {code}",
      app_name: "Acme",
      otp_ttl_seconds: "90",
    });
    app.start("alice");
    const code = world.otp.lastCode();
    // 90 s is one whole minute: the text never promises more than the code has.
    expect(world.otp.sms[0]!.body).toBe(`Acme: ${code} (1 min) ${code}`);
  });

  test("a messaging service sends through its sid instead of a from number", () => {
    const { world, app } = setup({
      twilio_from_number: null,
      twilio_messaging_service_sid: "MG" + "a".repeat(32),
    });
    app.start("alice");
    expect(world.otp.sms[0]).toEqual({
      to: "+4915112345678",
      messagingServiceSid: "MG" + "a".repeat(32),
      body: expect.any(String),
    });
  });
});

describe("step 1: resend", () => {
  test("replaces the code in the same session after the cooldown", () => {
    const { world, app } = setup();
    const first = app.start("alice");
    const firstCode = world.otp.lastCode();
    world.clock.advanceSeconds(60);
    const again = app.resend("alice", first["session_id"]!);
    expect(again).toEqual({ ...first, expires_in: "300" });
    expect(world.otp.sms).toHaveLength(2);
    const secondCode = world.otp.lastCode();
    if (secondCode !== firstCode) {
      expect(app.code("alice", first["session_id"]!, firstCode)["error"]).toBe("invalid_otp");
    }
    expect(app.code("alice", first["session_id"]!, secondCode)["step"]).toBe("3");
  });

  test("expires_in never exceeds what is left of the login", () => {
    const { world, app } = setup();
    const first = app.start("alice");
    world.clock.advanceSeconds(400);
    expect(app.resend("alice", first["session_id"]!)["expires_in"]).toBe("200");
  });
});

describe("step 2: code", () => {
  test("a right code moves the session to step 3 and says how long it lives", () => {
    const { world, app } = setup();
    const started = app.start("alice");
    world.clock.advanceSeconds(30);
    const outcome = app.send({
      __step: "2",
      username: "alice",
      password: world.otp.lastCode(),
      __session_id: started["session_id"]!,
    });
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe(
      `status=proceed;session_id=${started["session_id"]};step=3;expires_in=570`,
    );
  });

  test("the code may come in __otp_code instead of password", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const outcome = app.send({
      __step: "2",
      username: "alice",
      password: "ignored",
      __otp_code: world.otp.lastCode(),
      __session_id: sessionId,
    });
    expect(parseHeader(outcome.header!.value)["step"]).toBe("3");
  });
});

describe("step 3: password", () => {
  test("the right password grants the user, sets no header and removes the session", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    const outcome = app.password("alice", sessionId, "pw-of-alice");
    expect(outcome.grantedUserId).toBe("alice");
    expect(outcome.header).toBeNull();
    expect(world.sessions.liveKeys()).toEqual([]);
    expect(world.passwords.checks).toEqual([{ userId: "alice", password: "pw-of-alice" }]);
  });
});

describe("error codes", () => {
  test("10001 server_error: a store failure", () => {
    const { world, app } = setup();
    world.sessions.failing.add("create");
    const outcome = app.send({ __step: "1", username: "alice" });
    expect(outcome.header!.value).toBe("status=error;error_code=10001;error=server_error");
    expect(outcome.grantedUserId).toBeNull();
  });

  test("10002 user_not_found: only without enumeration protection", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    expect(app.send({ __step: "1", username: "nobody" }).header!.value).toBe(
      "status=error;error_code=10002;error=user_not_found",
    );
    expect(world.otp.sms).toHaveLength(0);
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("10003 phone_not_found: only without enumeration protection", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    world.directory.users.push(user("carol", {}, { mobile: [] }));
    expect(app.send({ __step: "1", username: "carol" }).header!.value).toBe(
      "status=error;error_code=10003;error=phone_not_found",
    );
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("10004 otp_not_sent: the provider refused", () => {
    const { world, app } = setup();
    world.otp.mode = { kind: "refuse", errorCode: 21211 };
    expect(app.send({ __step: "1", username: "alice" }).header!.value).toBe(
      "status=error;error_code=10004;error=otp_not_sent",
    );
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("10005 invalid_otp with attempts_left and the session id", () => {
    const { app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(
      app.send({ __step: "2", username: "alice", password: "00000x", __session_id: sessionId }).header!.value,
    ).toBe(`status=error;error_code=10005;error=invalid_otp;session_id=${sessionId};attempts_left=4`);
  });

  test("10006 session_expired: unknown session", () => {
    const { app } = setup();
    expect(
      app.send({ __step: "2", username: "alice", password: "123456", __session_id: "a".repeat(64) }).header!
        .value,
    ).toBe("status=error;error_code=10006;error=session_expired");
  });

  test("10007 invalid_session: session waits for another step", () => {
    const { app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.password("alice", sessionId, "pw-of-alice").header!.value).toBe(
      "status=error;error_code=10007;error=invalid_session",
    );
  });

  test("10008 invalid_credentials with attempts_left", () => {
    const { app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "wrong").header!.value).toBe(
      `status=error;error_code=10008;error=invalid_credentials;session_id=${sessionId};attempts_left=2`,
    );
  });

  test("10009 too_many_attempts destroys the session", () => {
    const { world, app } = setup({ max_otp_attempts: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, "000000" === world.otp.lastCode() ? "111111" : "000000");
    const last = app.send({ __step: "2", username: "alice", password: "abc", __session_id: sessionId });
    expect(last.header!.value).toBe("status=error;error_code=10009;error=too_many_attempts");
    expect(world.sessions.liveKeys()).toEqual([]);
    expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10006");
  });

  test("10010 rate_limited with retry_after", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(15);
    expect(app.send({ __step: "1", username: "alice", __session_id: sessionId }).header!.value).toBe(
      `status=error;error_code=10010;error=rate_limited;session_id=${sessionId};retry_after=45`,
    );
  });

  test("10011 invalid_request: unknown __step", () => {
    const { app } = setup();
    expect(app.send({ __step: "4", username: "alice" }).header!.value).toBe(
      "status=error;error_code=10011;error=invalid_request",
    );
  });

  test("10012 otp_expired keeps the session for a resend", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    world.clock.advanceSeconds(300);
    expect(
      app.send({ __step: "2", username: "alice", password: code, __session_id: sessionId }).header!.value,
    ).toBe(`status=error;error_code=10012;error=otp_expired;session_id=${sessionId}`);
    const resent = app.resend("alice", sessionId);
    expect(resent["status"]).toBe("proceed");
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("every header of a full walk through matches the grammar", () => {
    const { world, app } = setup({ phone_hint: "full" });
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, "999999" === world.otp.lastCode() ? "888888" : "999999");
    app.code("alice", sessionId, world.otp.lastCode());
    app.password("alice", sessionId, "nope");
    app.send({ __step: "9", username: "x y;z" });
    for (const outcome of app.outcomes) {
      if (outcome.header !== null) {
        expect(outcome.header.value).toMatch(HEADER_VALUE);
      }
    }
    expect(app.everything()).not.toContain(AUTH_TOKEN);
  });
});
