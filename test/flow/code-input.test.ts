// Issue 13 (app developers): the start answer says how long a code is, and spaces inside a typed code cost nothing.

import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice")]);
  const app = new Driver(world, makeConfig(overrides));
  return { world, app };
}

describe("code_length in the start answer", () => {
  test("a start carries the configured code length", () => {
    expect(setup().app.start("alice")["code_length"]).toBe("6");
    expect(setup({ otp_length: "8" }).app.start("alice")["code_length"]).toBe("8");
  });

  test("a resend carries it too", () => {
    const { world, app } = setup({ otp_length: "9" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)).toMatchObject({ status: "proceed", step: "2", code_length: "9" });
  });

  test("a decoy start carries exactly the same pair in the same place", () => {
    const { app } = setup({ otp_length: "7" });
    const real = app.start("alice");
    const decoy = app.start("nobody");
    expect(decoy["code_length"]).toBe("7");
    expect(Object.keys(decoy)).toEqual(Object.keys(real));
  });
});

describe("spaces inside a code", () => {
  test.each([
    ["a space in the middle", (code: string) => code.slice(0, 3) + " " + code.slice(3)],
    ["spaces around", (code: string) => " " + code + " "],
    ["a tab and spaces", (code: string) => code.slice(0, 2) + "\t" + code.slice(2, 4) + "  " + code.slice(4)],
  ])("the right code with %s passes", (_, typed) => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.code("alice", sessionId, typed(world.otp.lastCode()))).toMatchObject({
      status: "proceed",
      step: "3",
    });
  });

  test("a wrong code with spaces costs one attempt, like any wrong code", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const right = world.otp.lastCode();
    const wrong = right.slice(0, 5) + (right.endsWith("0") ? "1" : "0");
    expect(app.code("alice", sessionId, wrong.slice(0, 3) + " " + wrong.slice(3))).toMatchObject({
      error: "invalid_otp",
      attempts_left: "4",
    });
    expect(app.code("alice", sessionId, right.slice(0, 3) + " " + right.slice(3))["step"]).toBe("3");
  });

  test("a code still malformed without its spaces costs an attempt and is never compared", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.code("alice", sessionId, "12 34 5")).toMatchObject({
      error: "invalid_otp",
      attempts_left: "4",
    });
    expect(app.code("alice", sessionId, "   ")).toMatchObject({ error: "invalid_otp", attempts_left: "3" });
    expect(world.hash.compared).toEqual([]);
  });
});
