// Abandoning a login (issue 13): __step=abandon removes the caller's session at once, answers the same whether or not the
// session existed, refuses sessions of other clients and users without touching them, and resets no limit.

import { TestWorld } from "./doubles/ports";
import { Driver, lastLine, makeConfig, parseHeader, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("bob", {}, { mobile: ["+4917000000042"] })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function abandon(app: Driver, username: string, sessionId: string | null) {
  const params: Record<string, string> = { __step: "abandon", username };
  if (sessionId !== null) {
    params["__session_id"] = sessionId;
  }
  return app.send(params);
}

const UNKNOWN_ID = "ab".repeat(32);

describe("abandon: the session is removed at once", () => {
  test("a live session waiting for its code is gone; the answer is a 401 with status=abandoned", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const outcome = abandon(app, "alice", sessionId);
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header).toEqual({
      name: "X-ROPC-TWO-FA",
      value: `status=abandoned;session_id=${sessionId}`,
    });
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(app.code("alice", sessionId, world.otp.lastCode())["error"]).toBe("session_expired");
  });

  test("a session waiting for its password is gone too: the right password gets no token", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(parseHeader(abandon(app, "alice", sessionId).header?.value)["status"]).toBe("abandoned");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
  });

  test("the login value is compared as everywhere else (trimmed, without case)", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(parseHeader(abandon(app, "  ALICE ", sessionId).header?.value)["status"]).toBe("abandoned");
    expect(world.sessions.peek(sessionId)).toBeNull();
  });
});

describe("abandon: the answer leaks nothing", () => {
  test("unknown, already removed, expired and decoy sessions answer exactly like a live one", () => {
    const { world, app } = setup();
    const live = app.start("alice")["session_id"]!;
    const decoy = app.start("nobody")["session_id"]!;
    const expiring = app.start("bob")["session_id"]!;
    const answers = [
      abandon(app, "alice", live).header!.value.replace(live, "<id>"),
      abandon(app, "alice", live).header!.value.replace(live, "<id>"),
      abandon(app, "alice", UNKNOWN_ID).header!.value.replace(UNKNOWN_ID, "<id>"),
      abandon(app, "nobody", decoy).header!.value.replace(decoy, "<id>"),
    ];
    // The store may keep an entry past the session's deadline (clock skew between nodes): the flow checks the deadline.
    world.sessions.poke(expiring, world.sessions.peek(expiring)!, 3600);
    world.clock.advanceSeconds(601);
    answers.push(abandon(app, "bob", expiring).header!.value.replace(expiring, "<id>"));
    expect(answers).toEqual(Array(5).fill("status=abandoned;session_id=<id>"));
    expect(world.sessions.peek(decoy)).toBeNull();
    expect(world.sessions.peek(expiring)).toBeNull();
  });

  test("the log line says what was abandoned, without the session id", () => {
    const { world, app } = setup();
    const live = app.start("alice")["session_id"]!;
    const decoy = app.start("nobody")["session_id"]!;
    abandon(app, "alice", live);
    const line = lastLine(world);
    expect(world.log.lines.at(-1)!.level).toBe("info");
    expect(line).toMatch(
      /^gamatech-ropc event=abandon outcome=abandoned error_code=- user=alice client=client-app-1 ip=203\.0\.113\.7 session=[0-9a-f]{12} phone=\*{8}78 login=alice limit=- detail=-$/,
    );
    expect(line).not.toContain(live);
    abandon(app, "alice", live);
    expect(lastLine(world)).toMatch(/event=abandon outcome=abandoned .* detail="unknown session"$/);
    abandon(app, "nobody", decoy);
    expect(lastLine(world)).toMatch(
      /event=abandon outcome=abandoned error_code=- user=- .* detail="decoy session"$/,
    );
  });
});

describe("abandon: sessions of others are refused and kept", () => {
  test("another client's session answers 10007 and stays usable by its owner", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const other = new Driver(world, app.config, "other-client");
    expect(abandon(other, "alice", sessionId).header!.value).toBe(
      "status=error;error_code=10007;error=invalid_session",
    );
    expect(lastLine(world)).toContain(
      'session=- phone=- login=alice limit=- detail="session of another client"',
    );
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("another user's session answers 10007 and stays usable by its owner", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(abandon(app, "bob", sessionId).header!.value).toBe(
      "status=error;error_code=10007;error=invalid_session",
    );
    expect(lastLine(world)).toContain('detail="session of another user"');
    expect(world.sessions.peek(sessionId)).not.toBeNull();
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("an unreadable session state is not removed on anyone's word: 10001", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.sessions.poke(sessionId, "{not a state");
    expect(abandon(app, "alice", sessionId).header!.value).toBe(
      "status=error;error_code=10001;error=server_error",
    );
    expect(world.sessions.peek(sessionId)).toBe("{not a state");
  });
});

describe("abandon: malformed requests", () => {
  test.each([
    ["missing __session_id", null, "missing __session_id"],
    ["empty __session_id", "", "missing __session_id"],
    ["upper-case hex", "AB".repeat(32), "malformed __session_id"],
    ["too short", "ab".repeat(31), "malformed __session_id"],
  ])("%s answers 10011", (_name, sessionId, detail) => {
    const { world, app } = setup();
    expect(abandon(app, "alice", sessionId).header!.value).toBe(
      "status=error;error_code=10011;error=invalid_request",
    );
    expect(lastLine(world)).toContain(`event=abandon outcome=invalid_request`);
    expect(lastLine(world)).toContain(`detail="${detail}"`);
  });

  test("without a username it is refused like every step (10011), and the session stays", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.send({ __step: "abandon", __session_id: sessionId }).header!.value).toContain(
      "error_code=10011",
    );
    expect(lastLine(world)).toContain("event=abandon outcome=invalid_request");
    expect(lastLine(world)).toContain('detail="missing username"');
    expect(world.sessions.peek(sessionId)).not.toBeNull();
  });
});

function abandoned(app: Driver, username: string, sessionId: string): void {
  expect(parseHeader(abandon(app, username, sessionId).header?.value)["status"]).toBe("abandoned");
}

describe("abandon resets no limit", () => {
  test("hourly sends stay counted: abandoning and starting again does not buy more SMS", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    abandoned(app, "alice", app.start("alice")["session_id"]!);
    abandoned(app, "alice", app.start("alice")["session_id"]!);
    const third = app.start("alice");
    expect(third["error"]).toBe("rate_limited");
    expect(world.otp.sms).toHaveLength(2);
  });

  test("wrong codes stay counted towards the lockout", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "2", max_sends_per_user_per_hour: "10" });
    const first = app.start("alice")["session_id"]!;
    app.code("alice", first, world.otp.lastCode() === "000000" ? "111111" : "000000");
    abandoned(app, "alice", first);
    const second = app.start("alice")["session_id"]!;
    app.code("alice", second, world.otp.lastCode() === "000000" ? "111111" : "000000");
    abandoned(app, "alice", second);
    expect(app.start("alice")["error"]).toBe("rate_limited");
  });

  test("the session's own claims are not given back", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const before = world.claims.liveKeys().sort();
    abandoned(app, "alice", sessionId);
    expect(world.claims.liveKeys().sort()).toEqual(before);
    expect(world.claims.calls).not.toContain("release");
  });
});

describe("abandon while a check is in flight", () => {
  test("a right password being verified when the session is abandoned gets no token", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    let answer = "";
    world.passwords.onCall = () => {
      world.passwords.onCall = null;
      answer = parseHeader(abandon(app, "alice", sessionId).header?.value)["status"] ?? "";
    };
    const outcome = app.password("alice", sessionId, "pw-of-alice");
    expect(answer).toBe("abandoned");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe("status=error;error_code=10006;error=session_expired");
  });
});
