// S7: unknown, inactive and phone-less users look exactly like real ones; an inactive user never gets an SMS.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, parseHeader, user } from "./doubles/scenario";

const USERS = () => [
  user("alice"),
  user("sleepy", { active: false }),
  user("nophone", {}, { mobile: [] }),
  user("badphone", {}, { mobile: ["4915112345678", "+0123"], telephoneNumber: ["015112345678"] }),
  user("foreign", {}, { mobile: ["+33612345678"] }),
];

const DECOYS = ["nobody", "sleepy", "nophone", "badphone", "foreign"];

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld(USERS());
  const config = makeConfig({ allowed_country_codes: "49", ...overrides });
  return { world, config, app: new Driver(world, config) };
}

/** What an observer can compare: the keys, the fixed values, and the format (length, characters) of the others. */
function shape(header: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(header)) {
    const fixed = ["status", "error", "error_code", "step"].includes(key);
    out[key] = fixed ? value : value.replace(/[0-9a-f]/g, "x");
  }
  return out;
}

describe.each(["none", "masked", "full"])("with phone_hint=%s", (hint) => {
  test.each(DECOYS)("%s gets the same answers as a real user, and no SMS", (login) => {
    const real = setup({ phone_hint: hint });
    const decoy = setup({ phone_hint: hint });
    const realStart = real.app.start("alice");
    const decoyStart = decoy.app.start(login);
    expect(shape(decoyStart)).toEqual(shape(realStart));
    expect(decoyStart["expires_in"]).toBe(realStart["expires_in"]);
    expect(decoyStart["resend_after"]).toBe(realStart["resend_after"]);
    expect(decoy.world.otp.sms).toHaveLength(0);

    const realWrong = real.app.code("alice", realStart["session_id"]!, "000000");
    const decoyWrong = decoy.app.code(login, decoyStart["session_id"]!, "000000");
    if (real.world.otp.lastCode() !== "000000") {
      expect(shape(decoyWrong)).toEqual(shape(realWrong));
      expect(decoyWrong["attempts_left"]).toBe(realWrong["attempts_left"]);
    }
    real.world.clock.advanceSeconds(60);
    decoy.world.clock.advanceSeconds(60);
    expect(shape(decoy.app.resend(login, decoyStart["session_id"]!))).toEqual(
      shape(real.app.resend("alice", realStart["session_id"]!)),
    );
    expect(decoy.world.otp.sms).toHaveLength(0);
    // The same claims, key for key (the session part aside): a decoy costs the limits exactly what a real login costs.
    const shapeOf = (keys: string[]) => keys.map((key) => key.replace(/[0-9a-f]{64}/g, "#")).sort();
    expect(shapeOf(decoy.world.claims.liveKeys())).toEqual(shapeOf(real.world.claims.liveKeys()));
  });
});

test("a decoy's hint is stable for a login value and differs between login values", () => {
  const { app } = setup({ phone_hint: "masked" });
  const first = app.start("nobody")["phone_number"];
  expect(first).toMatch(/^\*{8}\d{2}$/);
  expect(app.start("NoBody")["phone_number"]).toBe(first);
  const hints = new Set(
    ["a", "b", "c", "d", "e", "f", "g", "h"].map((name) => app.start(`ghost-${name}`)["phone_number"]),
  );
  expect(hints.size).toBeGreaterThan(1);
});

test("a decoy's full hint looks like an allowed E.164 number", () => {
  const { app } = setup({ phone_hint: "full", allowed_country_codes: "44,49" });
  expect(app.start("nobody")["phone_number"]).toMatch(/^\+44[2-9]\d{10}$/);
  const open = setup({ phone_hint: "full", allowed_country_codes: null });
  expect(open.app.start("nobody")["phone_number"]).toMatch(/^\+1[2-9]\d{9}$/);
});

test("a decoy never passes the code step, whatever is typed", () => {
  const { world, app } = setup({ max_otp_attempts: "3" });
  const sessionId = app.start("nobody")["session_id"]!;
  expect(app.code("nobody", sessionId, "123456")).toMatchObject({ error: "invalid_otp", attempts_left: "2" });
  expect(app.code("nobody", sessionId, "000000")).toMatchObject({ error: "invalid_otp", attempts_left: "1" });
  expect(app.code("nobody", sessionId, "999999")["error"]).toBe("too_many_attempts");
  expect(world.sessions.liveKeys()).toEqual([]);
  expect(world.hash.compared).toEqual([]);
});

test("decoys count towards the same limits as real users", () => {
  const { app } = setup({ max_sends_per_user_per_hour: "1", max_failures_per_user_per_hour: "1" });
  const sessionId = app.start("nobody")["session_id"]!;
  expect(app.start("nobody")["error"]).toBe("rate_limited");
  app.code("nobody", sessionId, "123456");
  expect(app.code("nobody", sessionId, "123456")["error"]).toBe("rate_limited");
});

test("the directory is asked the same way for every login value", () => {
  const { world, app } = setup();
  app.start("alice");
  app.start("nobody");
  expect(world.directory.lookups.map((lookup) => lookup.loginAttributes)).toEqual([
    ["uid", "mail"],
    ["uid", "mail"],
  ]);
});

test("the first valid number of an allowed country is used, whichever attribute holds it", () => {
  const world = new TestWorld([
    user(
      "multi",
      {},
      {
        mobile: ["4915100000001", "+33600000002"],
        telephoneNumber: ["+49 151 3", "+4915100000004", "+4915100000005"],
      },
    ),
  ]);
  const app = new Driver(world, makeConfig({ allowed_country_codes: "+49" }));
  app.start("multi");
  expect(world.otp.sms[0]!.to).toBe("+4915100000004");
});

test("without an allow-list every valid number qualifies; numbers are never prefixed with +", () => {
  const world = new TestWorld([user("multi", {}, { mobile: ["4915100000001", "+33600000002"] })]);
  new Driver(world, makeConfig()).start("multi");
  expect(world.otp.sms.map((sms) => sms.to)).toEqual(["+33600000002"]);
});

describe("with enumeration protection off", () => {
  test("an inactive user gets 10002 and no SMS", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    expect(app.start("sleepy")).toEqual({ status: "error", error_code: "10002", error: "user_not_found" });
    expect(world.otp.sms).toHaveLength(0);
  });

  test("numbers that are not E.164 or not in an allowed country give 10003", () => {
    const { app } = setup({ enumeration_protection: "false" });
    expect(app.start("badphone")["error_code"]).toBe("10003");
    expect(app.start("foreign")["error_code"]).toBe("10003");
    expect(app.start("alice")["status"]).toBe("proceed");
  });

  test("a resend for a user who became inactive fails with 10002 and removes the session", () => {
    const { world, app } = setup({ enumeration_protection: "false" });
    const sessionId = app.start("alice")["session_id"]!;
    world.directory.users[0]!.active = false;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10002");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(world.otp.sms).toHaveLength(1);
  });
});

test("an inactive user never gets an SMS, even on resend of a session started while active", () => {
  const { world, app } = setup();
  const sessionId = app.start("alice")["session_id"]!;
  const code = world.otp.lastCode();
  world.directory.users[0]!.active = false;
  world.clock.advanceSeconds(60);
  expect(
    parseHeader(app.send({ __step: "1", username: "alice", __session_id: sessionId }).header!.value)[
      "status"
    ],
  ).toBe("proceed");
  expect(world.otp.sms).toHaveLength(1);
  expect(app.code("alice", sessionId, code)["error"]).toBe("invalid_otp");
});

test("a decoy session stays a decoy when the user appears meanwhile", () => {
  const { world, app } = setup();
  const sessionId = app.start("newcomer")["session_id"]!;
  world.directory.users.push(user("newcomer"));
  world.clock.advanceSeconds(60);
  expect(app.resend("newcomer", sessionId)["status"]).toBe("proceed");
  expect(world.otp.sms).toHaveLength(0);
});
