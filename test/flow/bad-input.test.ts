// Malformed requests (issue 2 §5): each is refused without a look-up, an SMS, a session or a token.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, parseHeader, user } from "./doubles/scenario";

const INVALID = "status=error;error_code=10011;error=invalid_request";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice")]);
  const app = new Driver(world, makeConfig(overrides));
  return { world, app };
}

function expectNothingHappened(world: TestWorld): void {
  expect(world.otp.sms).toEqual([]);
  expect(world.directory.lookups).toEqual([]);
  expect(world.sessions.liveKeys()).toEqual([]);
  expect(world.passwords.checks).toEqual([]);
}

describe("step 1 usernames", () => {
  test.each([
    ["missing", {}],
    ["empty", { username: "" }],
    ["whitespace", { username: " \t " }],
    ["10,000 characters", { username: "a".repeat(10000) }],
    ["257 characters", { username: "a".repeat(257) }],
    ["a control character", { username: "ali\u0000ce" }],
    ["a newline", { username: "alice\nuid=admin" }],
    ["a C1 control", { username: "alice\u0085" }],
    ["LDAP metacharacters", { username: "*)(uid=*" }],
    ["a wildcard", { username: "a*" }],
    ["a backslash", { username: "alice\\2a" }],
  ])("%s is invalid_request", (_, params) => {
    const { world, app } = setup();
    const outcome = app.send({ __step: "1", ...params });
    expect(outcome.header!.value).toBe(INVALID);
    expect(outcome.grantedUserId).toBeNull();
    expectNothingHappened(world);
  });

  test("256 characters and non-ASCII letters are accepted (and unknown: a decoy)", () => {
    const { world, app } = setup();
    expect(app.start("a".repeat(256))["status"]).toBe("proceed");
    expect(app.start("jos\u00e9@exämple.com")["status"]).toBe("proceed");
    expect(world.otp.sms).toEqual([]);
  });
});

describe("steps", () => {
  test.each([
    ["missing", {}],
    ["unknown", { __step: "4" }],
    ["zero", { __step: "0" }],
    ["padded", { __step: " 1" }],
    ["word", { __step: "one" }],
  ])("%s __step is invalid_request", (_, params) => {
    const { world, app } = setup();
    expect(app.send({ username: "alice", password: "x", ...params }).header!.value).toBe(INVALID);
    expectNothingHappened(world);
  });

  test.each(["__step", "username", "password", "__session_id", "__otp_code"])(
    "a repeated %s is invalid_request",
    (name) => {
      const { world, app } = setup();
      const params: Record<string, string | string[]> = { __step: "1", username: "alice", password: "" };
      params[name] = ["1", "1"];
      expect(app.send(params).header!.value).toBe(INVALID);
      expect(app.outcomes[0]!.events[0]!.detail).toBe(`repeated parameter ${name}`);
      expectNothingHappened(world);
    },
  );

  test("unrelated parameters may repeat", () => {
    const { app } = setup();
    expect(
      parseHeader(app.send({ __step: "1", username: "alice", scope: ["a", "b"] }).header!.value)["status"],
    ).toBe("proceed");
  });
});

describe("session ids", () => {
  test.each([
    ["too short", "abc"],
    ["upper case", "A".repeat(64)],
    ["not hex", "g".repeat(64)],
    ["too long", "a".repeat(65)],
    ["padded", " " + "a".repeat(64)],
  ])("a %s __session_id is invalid_request at every step", (_, sessionId) => {
    const { world, app } = setup();
    for (const step of ["1", "2", "3"]) {
      expect(
        app.send({ __step: step, username: "alice", password: "123456", __session_id: sessionId }).header!
          .value,
      ).toBe(INVALID);
    }
    expectNothingHappened(world);
  });

  test("a missing or empty __session_id at steps 2 and 3 is invalid_request", () => {
    const { app } = setup();
    expect(app.send({ __step: "2", username: "alice", password: "123456" }).header!.value).toBe(INVALID);
    expect(app.send({ __step: "3", username: "alice", password: "pw-of-alice" }).header!.value).toBe(INVALID);
    expect(
      app.send({ __step: "2", username: "alice", password: "123456", __session_id: "" }).header!.value,
    ).toBe(INVALID);
    expect(app.outcomes.map((outcome) => outcome.events[0]!.detail)).toEqual([
      "missing __session_id",
      "missing __session_id",
      "missing __session_id",
    ]);
  });

  test("an empty __session_id or __otp_code counts as absent", () => {
    const { world, app } = setup();
    const started = app.start("alice", { __session_id: "" });
    expect(started["status"]).toBe("proceed");
    const outcome = app.send({
      __step: "2",
      username: "alice",
      password: world.otp.lastCode(),
      __otp_code: "",
      __session_id: started["session_id"]!,
    });
    expect(parseHeader(outcome.header!.value)["step"]).toBe("3");
  });

  test("a well-formed but unknown __session_id on resend is session_expired", () => {
    const { world, app } = setup();
    expect(app.resend("alice", "b".repeat(64))["error_code"]).toBe("10006");
    expect(world.otp.sms).toEqual([]);
  });
});

describe("codes", () => {
  test.each([
    ["letters", "12a456"],
    ["spaces, still too short without them", "123 56"],
    ["a no-break space (only ASCII spaces and tabs are ignored)", "123\u00a0456"],
    ["too short", "12345"],
    ["too long", "1234567"],
    ["empty", ""],
    ["non-ASCII digits", "\u0661\u0662\u0663\u0664\u0665\u0666"],
    ["a sign", "+12345"],
  ])("a code with %s is a wrong code and costs a try", (_, code) => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.code("alice", sessionId, code)).toMatchObject({ error: "invalid_otp", attempts_left: "4" });
    expect(world.hash.compared).toEqual([]);
  });

  test("a missing code is invalid_request and costs nothing", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.send({ __step: "2", username: "alice", __session_id: sessionId }).header!.value).toBe(INVALID);
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("leading zeros are part of the code", () => {
    const { world, app } = setup();
    world.random.intScript.push(0, 0, 4, 2, 0, 7);
    const sessionId = app.start("alice")["session_id"]!;
    expect(world.otp.lastCode()).toBe("004207");
    expect(app.code("alice", sessionId, "4207")["error"]).toBe("invalid_otp");
    expect(app.code("alice", sessionId, "004207")["step"]).toBe("3");
  });

  test("codes of the configured length", () => {
    const { world, app } = setup({ otp_length: "8" });
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode(8);
    expect(app.code("alice", sessionId, code.slice(0, 6))["error"]).toBe("invalid_otp");
    expect(app.code("alice", sessionId, code)["step"]).toBe("3");
  });
});

describe("passwords", () => {
  test("an empty or missing password at step 3 is invalid_request and costs nothing", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "").header!.value).toBe(INVALID);
    expect(app.send({ __step: "3", username: "alice", __session_id: sessionId }).header!.value).toBe(INVALID);
    expect(world.passwords.checks).toEqual([]);
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("the username must match the session at steps 2 and 3", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.code("mallory", sessionId, world.otp.lastCode())["error_code"]).toBe("10007");
    expect(app.code("", sessionId, world.otp.lastCode())["error_code"]).toBe("10011");
  });
});
