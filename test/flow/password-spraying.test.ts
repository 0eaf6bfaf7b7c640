// max_password_failures_per_ip_per_hour: with login_order=password_first no SMS stands before the password check, so the
// per-login lockout alone would let one address try a password against every user. The address's limit bounds that.

import { makeConfig, Driver, parseHeader, user } from "./doubles/scenario";
import { TestWorld } from "./doubles/ports";

const USERS = Array.from({ length: 12 }, (_, i) => user(`user${i}`));

function setup(overrides: Record<string, string> = {}) {
  const world = new TestWorld([...USERS, user("alice")]);
  const config = makeConfig({
    login_order: "password_first",
    max_password_failures_per_ip_per_hour: "5",
    ...overrides,
  });
  return { world, app: new Driver(world, config), config };
}

function start(app: Driver, username: string, password: string): Record<string, string> {
  return parseHeader(app.send({ __step: "1", username, password }).header?.value);
}

test("one address spraying a password over many users: 5 judged, then rate_limited for every user, unjudged", () => {
  const { world, app } = setup();
  const answers = USERS.map((u) => start(app, u.id, "Summer2026!"));
  expect(answers.slice(0, 5).map((a) => a["error"])).toEqual(Array(5).fill("invalid_credentials"));
  for (const answer of answers.slice(5)) {
    expect(answer).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "3600",
    });
  }
  expect(world.passwords.checks).toHaveLength(5);
  expect(world.otp.sms).toHaveLength(0);
  // The refusals name the limit in the log, and no per-login failure was charged for them.
  const refusals = world.log.lines.filter((entry) => entry.line.includes("limit=ip_passwords"));
  expect(refusals).toHaveLength(USERS.length - 5);
  expect(
    start(new Driver(world, app.config, "client-app-1", "198.51.100.1"), USERS[11]!.id, "x")["attempts_left"],
  ).toBe("9");
});

test("unknown users count as wrong passwords, so the limit does not tell them apart", () => {
  const { app } = setup();
  for (let i = 0; i < 5; i += 1)
    expect(start(app, `nobody${i}`, "guess")["error"]).toBe("invalid_credentials");
  expect(start(app, "alice", "guess")["error"]).toBe("rate_limited");
  expect(start(app, "nobody9", "guess")["error"]).toBe("rate_limited");
});

test("a right password gives the address's slot back; the refusal ends an hour after the oldest failure", () => {
  const { world, app } = setup();
  for (let i = 0; i < 4; i += 1) start(app, USERS[i]!.id, "wrong");
  expect(start(app, "alice", "pw-of-alice")["status"]).toBe("proceed");
  expect(start(app, USERS[4]!.id, "wrong")["error"]).toBe("invalid_credentials");
  expect(start(app, USERS[5]!.id, "wrong")["error"]).toBe("rate_limited");
  world.clock.advanceSeconds(3600);
  expect(start(app, USERS[6]!.id, "wrong")["error"]).toBe("invalid_credentials");
});

test("another address keeps its own budget; 0 turns the limit off", () => {
  const { world, app } = setup();
  for (const u of USERS.slice(0, 5)) start(app, u.id, "wrong");
  expect(start(app, USERS[5]!.id, "wrong")["error"]).toBe("rate_limited");
  const other = new Driver(world, app.config, "client-app-1", "198.51.100.2");
  expect(start(other, USERS[5]!.id, "wrong")["error"]).toBe("invalid_credentials");
  const off = setup({ max_password_failures_per_ip_per_hour: "0" });
  const answers = USERS.map((u) => start(off.app, u.id, "wrong")["error"]);
  expect(answers).toEqual(Array(USERS.length).fill("invalid_credentials"));
});

test("code_first does not use it: its password step comes after a code, which the send limits already bound", () => {
  const { world, app } = setup({ login_order: "code_first" });
  for (const u of USERS) {
    const started = app.start(u.id);
    const codeAnswer = app.code(u.id, started["session_id"]!, world.otp.lastCode());
    expect(codeAnswer["step"]).toBe("3");
    expect(parseHeader(app.password(u.id, started["session_id"]!, "wrong").header?.value)["error"]).toBe(
      "invalid_credentials",
    );
  }
});

test("the default is 100 (config-risky.test.ts: 0 given is a warning)", () => {
  expect(makeConfig().maxPasswordFailuresPerIpPerHour).toBe(100);
});
