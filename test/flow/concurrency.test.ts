// Issue 12: limits that hold under parallel requests and lost writes. Parallel requests are simulated deterministically:
// request i+1 starts when request i reaches a chosen point (a store operation or a provider call), so every request has
// done everything before that point before any of them goes past it — the interleaving that used to overshoot every limit.

import type { RopcOutcome } from "../../src/host/ropc-request";
import type { Ports } from "../../src/flow/ports";
import { TestUser, TestWorld } from "./doubles/ports";
import { CLIENT, Driver, IP, makeConfig, parseHeader, user } from "./doubles/scenario";

interface Operation {
  source: "sessions" | "claims" | "provider" | "passwords";
  method: string;
  key: string;
}

/**
 * Runs `count` requests "together". Each runs on its own node (its own lock, as on separate request threads a node's lock
 * would make the next wait rather than interleave), sharing the stores. Request i+1 is launched from inside request i, at
 * the first operation of request i that `point` accepts.
 */
function together(
  world: TestWorld,
  count: number,
  point: (operation: Operation) => boolean,
  request: (index: number, ports: Ports) => RopcOutcome,
): Record<string, string>[] {
  const results: Record<string, string>[] = [];
  const launchedBy: boolean[] = [];
  const running: number[] = [];
  let started = 0;
  const launch = (): void => {
    const index = started;
    started += 1;
    launchedBy[index] = false;
    running.push(index);
    const outcome = request(index, world.nodePorts());
    running.pop();
    results[index] = outcome.grantedUserId === null ? parseHeader(outcome.header?.value) : { granted: "yes" };
  };
  const hook = (operation: Operation): void => {
    const current = running[running.length - 1];
    if (current === undefined || launchedBy[current] === true || started >= count || !point(operation))
      return;
    launchedBy[current] = true;
    launch();
  };
  world.sessions.before = (method, key) => hook({ source: "sessions", method, key });
  world.claims.before = (method, key) => hook({ source: "claims", method, key });
  world.otp.onCall = (method) => hook({ source: "provider", method, key: "" });
  world.passwords.onCall = (method) => hook({ source: "passwords", method, key: "" });
  try {
    launch();
    while (started < count) launch();
  } finally {
    world.sessions.before = null;
    world.claims.before = null;
    world.otp.onCall = null;
    world.passwords.onCall = null;
  }
  return results;
}

const atFirstSessionWrite = (operation: Operation) =>
  operation.source === "sessions" && ["update", "remove", "create"].includes(operation.method);
const atProvider = (operation: Operation) => operation.source === "provider";
const atPasswordCheck = (operation: Operation) => operation.source === "passwords";
const atClaim = (operation: Operation) => operation.source === "claims" && operation.method === "claim";

function users(count: number): TestUser[] {
  const list = [user("alice")];
  for (let i = 0; i < count; i++)
    list.push(user(`user${i}`, {}, { mobile: [`+49151${String(1000000 + i)}`] }));
  return list;
}

function setup(overrides: Record<string, string | null> = {}, extraUsers = 0) {
  const world = new TestWorld(users(extraUsers));
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function wrongCode(right: string, variant = 0): string {
  const digits = String(100000 + variant).slice(-6);
  return digits === right ? String(200000 + variant) : digits;
}

function count(results: Record<string, string>[], predicate: (result: Record<string, string>) => boolean) {
  return results.filter(predicate).length;
}

function codeRequest(
  config: ReturnType<typeof makeConfig>,
  world: TestWorld,
  sessionId: string,
  code: string,
) {
  return (ports: Ports) =>
    new Driver(world, config, CLIENT, IP, ports).send({
      __step: "2",
      username: "alice",
      password: code,
      __session_id: sessionId,
    });
}

describe("codes in parallel", () => {
  test.each([
    ["at the first session write", atFirstSessionWrite],
    ["at each claim", atClaim],
  ])(
    "50 wrong codes at once (%s): exactly max_otp_attempts are evaluated, then the right code fails",
    (_, point) => {
      const { world, config, app } = setup();
      const sessionId = app.start("alice")["session_id"]!;
      const right = world.otp.lastCode();
      const results = together(world, 50, point, (i, ports) =>
        codeRequest(config, world, sessionId, wrongCode(right, i))(ports),
      );
      expect(world.hash.compared).toHaveLength(5);
      expect(count(results, (r) => r["error"] === "invalid_otp")).toBe(4);
      expect(count(results, (r) => r["error"] === "too_many_attempts")).toBe(46);
      expect(
        results
          .map((r) => r["attempts_left"])
          .filter((left) => left !== undefined)
          .sort(),
      ).toEqual(["1", "2", "3", "4"]);
      // Either the session is gone, or (when another node's stale write brought it back) every attempt slot is taken.
      expect(["10006", "10009"]).toContain(app.code("alice", sessionId, right)["error_code"]);
      expect(world.hash.compared).toHaveLength(5);
    },
  );

  test("50 copies of the right code at once: exactly one moves the session to step 3", () => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const right = world.otp.lastCode();
    const results = together(world, 50, atClaim, (_, ports) =>
      codeRequest(config, world, sessionId, right)(ports),
    );
    expect(count(results, (r) => r["step"] === "3")).toBe(1);
    expect(count(results, (r) => r["status"] === "error")).toBe(49);
    expect(world.hash.compared.length).toBeLessThanOrEqual(5);
  });

  test.each([
    [3, 1],
    [5, 1],
    [6, 0],
    [40, 0],
  ])("50 codes at once, the right one %i-th: it passes %i times", (position, passes) => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const right = world.otp.lastCode();
    const results = together(world, 50, atFirstSessionWrite, (i, ports) =>
      codeRequest(config, world, sessionId, i === position - 1 ? right : wrongCode(right, i))(ports),
    );
    expect(count(results, (r) => r["step"] === "3")).toBe(passes);
  });

  test("parallel wrong codes cannot exceed the failures per login value either", () => {
    const { world, config, app } = setup({ max_failures_per_user_per_hour: "3" });
    const sessionId = app.start("alice")["session_id"]!;
    const right = world.otp.lastCode();
    const results = together(world, 20, atFirstSessionWrite, (i, ports) =>
      codeRequest(config, world, sessionId, wrongCode(right, i))(ports),
    );
    expect(world.hash.compared).toHaveLength(3);
    expect(count(results, (r) => r["error"] === "rate_limited")).toBe(17);
    expect(app.code("alice", sessionId, right)["error"]).toBe("rate_limited");
  });
});

describe("passwords in parallel", () => {
  function passwordRequest(world: TestWorld, config: ReturnType<typeof makeConfig>, sessionId: string) {
    return (password: string, ports: Ports) =>
      new Driver(world, config, CLIENT, IP, ports).password("alice", sessionId, password);
  }

  test.each([
    ["at the password check", atPasswordCheck],
    ["at each claim", atClaim],
  ])(
    "50 wrong passwords at once (%s): exactly max_password_attempts are checked, and then no token",
    (_, point) => {
      const { world, config, app } = setup();
      const sessionId = app.reachPasswordStep("alice");
      const send = passwordRequest(world, config, sessionId);
      const results = together(world, 50, point, (i, ports) => send(`wrong-${i}`, ports));
      expect(world.passwords.checks).toHaveLength(3);
      expect(count(results, (r) => r["error"] === "too_many_attempts")).toBeGreaterThanOrEqual(1);
      expect(count(results, (r) => r["status"] === "error")).toBe(50);
      expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
    },
  );

  // With the nesting at the password check, the request that finds no attempt slot destroys the session while the three
  // checked ones wait for their answers: none of them gets a token, even a right one. Nested at each claim, the last
  // request runs first and takes the first slot.
  test.each([
    [atPasswordCheck, 1, 0],
    [atPasswordCheck, 3, 0],
    [atClaim, 50, 1],
    [atClaim, 48, 1],
    [atClaim, 47, 0],
    [atClaim, 1, 0],
  ])(
    "50 passwords at once, the right one at position %#: at most the limit allows",
    (point, position, tokens) => {
      const { world, config, app } = setup();
      const sessionId = app.reachPasswordStep("alice");
      const send = passwordRequest(world, config, sessionId);
      const results = together(world, 50, point, (i, ports) =>
        send(i === position - 1 ? "pw-of-alice" : `wrong-${i}`, ports),
      );
      expect(count(results, (r) => r["granted"] === "yes")).toBe(tokens);
      expect(world.passwords.checks).toHaveLength(3);
    },
  );

  test("50 right passwords at once: one token", () => {
    const { world, config, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    const send = passwordRequest(world, config, sessionId);
    const results = together(world, 50, atClaim, (_, ports) => send("pw-of-alice", ports));
    expect(count(results, (r) => r["granted"] === "yes")).toBe(1);
    expect(world.passwords.checks).toHaveLength(3);
  });

  test("a right password that loses the grant to another node gets no token", () => {
    const { world, config, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    const send = passwordRequest(world, config, sessionId);
    // The other node grants and removes the session while this one checks the password.
    const results = together(world, 2, atPasswordCheck, (_, ports) => send("pw-of-alice", ports));
    expect(results[1]).toEqual({ granted: "yes" });
    expect(results[0]).toEqual({ status: "error", error_code: "10006", error: "session_expired" });
  });
});

describe("sends in parallel", () => {
  test.each([
    ["at the provider call", atProvider],
    ["at each claim", atClaim],
  ])("50 starts for one user from 50 addresses (%s): max_sends_per_user_per_hour SMS", (_, point) => {
    const { world, config } = setup();
    const results = together(world, 50, point, (i, ports) =>
      new Driver(world, config, CLIENT, `198.51.100.${i + 1}`, ports).send({
        __step: "1",
        username: "alice",
      }),
    );
    expect(world.otp.sms).toHaveLength(5);
    expect(count(results, (r) => r["status"] === "proceed")).toBe(5);
    expect(count(results, (r) => r["error"] === "rate_limited")).toBe(45);
  });

  test("50 users from one address at once: max_sends_per_ip_per_hour SMS", () => {
    const { world, config } = setup({}, 50);
    const results = together(world, 50, atProvider, (i, ports) =>
      new Driver(world, config, CLIENT, IP, ports).send({ __step: "1", username: `user${i}` }),
    );
    expect(world.otp.sms).toHaveLength(20);
    expect(count(results, (r) => r["error"] === "rate_limited")).toBe(30);
  });

  test("50 resends in one session at once: max_sends_per_session SMS in all", () => {
    const { world, config, app } = setup({
      resend_cooldown_seconds: "0",
      max_sends_per_user_per_hour: "100",
    });
    const sessionId = app.start("alice")["session_id"]!;
    const results = together(world, 50, atProvider, (_, ports) =>
      new Driver(world, config, CLIENT, IP, ports).send({
        __step: "1",
        username: "alice",
        __session_id: sessionId,
      }),
    );
    expect(world.otp.sms).toHaveLength(3);
    expect(count(results, (r) => r["status"] === "proceed")).toBe(2);
  });

  test("50 resends at once after the cooldown: one SMS (the cooldown is one claim)", () => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    const results = together(world, 50, atProvider, (_, ports) =>
      new Driver(world, config, CLIENT, IP, ports).send({
        __step: "1",
        username: "alice",
        __session_id: sessionId,
      }),
    );
    expect(world.otp.sms).toHaveLength(2);
    expect(count(results, (r) => r["error"] === "rate_limited" && r["retry_after"] === "60")).toBe(49);
    // The session holds the code of the one resend that went out.
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("a code replaced by a resend while it was being checked no longer passes", () => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const old = world.otp.lastCode();
    world.clock.advanceSeconds(60);
    let resent = false;
    const compare = world.hash.constantTimeEquals.bind(world.hash);
    world.hash.constantTimeEquals = (a, b) => {
      if (!resent) {
        resent = true;
        // Outside the lock, so the same node may serve the resend meanwhile.
        expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
      }
      return compare(a, b);
    };
    expect(codeRequest(config, world, sessionId, old)(world.ports).header!.value).toBe(
      `status=error;error_code=10005;error=invalid_otp;session_id=${sessionId};attempts_left=4`,
    );
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });
});

describe("the lock", () => {
  function everyPath(overrides: Record<string, string | null> = {}) {
    const { world, app } = setup({ resend_cooldown_seconds: "0", ...overrides });
    const sessionOps: boolean[] = [];
    world.sessions.before = () => {
      sessionOps.push(world.serializer.isHeld());
    };
    const sessionId = app.start("alice")["session_id"]!;
    app.resend("alice", sessionId);
    app.code("alice", sessionId, "000000");
    const code =
      overrides["twilio_verify_service_sid"] === undefined
        ? world.otp.lastCode()
        : world.otp.verifyCodes.get("+4915112345678")!;
    app.code("alice", sessionId, code);
    app.password("alice", sessionId, "wrong");
    const granted = app.password("alice", sessionId, "pw-of-alice");
    return { world, sessionId, sessionOps, granted };
  }

  test("no provider call and no password check ever runs inside exclusive", () => {
    const { world, granted } = everyPath();
    expect(granted.grantedUserId).toBe("alice");
    expect(world.callsUnderLock).toEqual([]);
    expect(world.passwords.checks).toHaveLength(2);
    expect(world.otp.sms).toHaveLength(2);
  });

  test("nor with Twilio Verify, whose check is a provider call", () => {
    const { world, granted } = everyPath({
      twilio_from_number: null,
      twilio_verify_service_sid: "VA" + "fedcba9876543210".repeat(2),
    });
    expect(granted.grantedUserId).toBe("alice");
    expect(world.otp.checks.length).toBeGreaterThan(0);
    expect(world.callsUnderLock).toEqual([]);
  });

  test("every session read and write runs under the session's own lock key", () => {
    const { world, sessionId, sessionOps } = everyPath();
    expect(sessionOps.length).toBeGreaterThan(10);
    expect(sessionOps.every((held) => held)).toBe(true);
    expect(new Set(world.serializer.keys)).toEqual(new Set([`session:${sessionId}`]));
  });

  test("the double refuses nested locks, as the port forbids them", () => {
    const { world } = setup();
    expect(() => world.serializer.exclusive("a", () => world.serializer.exclusive("b", () => 1))).toThrow(
      "nested",
    );
    expect(world.serializer.isHeld()).toBe(false);
  });
});

describe("a session store that confirms its writes (Redis throws on every failed one)", () => {
  const sessionGets = (world: TestWorld) => world.sessions.log.filter((op) => op.method === "get").length;

  test("nothing is read back: the start reads no session, the right code reads it twice (the check, then the commit)", () => {
    const { world, app } = setup();
    world.sessions.confirmsWrites = true;
    const sessionId = app.start("alice")["session_id"]!;
    expect(sessionGets(world)).toBe(0);
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
    expect(sessionGets(world)).toBe(2);
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("where writes can be lost, each one is read back", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(sessionGets(world)).toBe(1);
    app.code("alice", sessionId, world.otp.lastCode());
    expect(sessionGets(world)).toBe(4);
  });

  test("a write that throws still fails closed: 10001, no SMS", () => {
    const { world, app } = setup();
    world.sessions.confirmsWrites = true;
    world.sessions.failing.add("create");
    expect(app.start("alice")).toEqual({ status: "error", error_code: "10001", error: "server_error" });
    expect(world.otp.sms).toEqual([]);
  });
});

describe("lost writes fail closed", () => {
  test("a session store that swallows writes: start answers 10001, sends nothing and keeps no send slot", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    world.sessions.swallowWrites = true;
    expect(app.start("alice")).toEqual({ status: "error", error_code: "10001", error: "server_error" });
    expect(world.otp.sms).toEqual([]);
    expect(app.outcomes[0]!.events[0]!.detail).toBe("session write lost");
    expect(world.claims.liveKeys().filter((key) => key.includes(":sends:"))).toEqual([]);
    world.sessions.swallowWrites = false;
    expect(app.start("alice")["status"]).toBe("proceed");
  });

  test("a lost session write at a resend: 10001, no SMS, the session is gone", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    world.sessions.swallowWrites = true;
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10001");
    expect(world.otp.sms).toHaveLength(1);
    world.sessions.swallowWrites = false;
    expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10006");
  });

  test("a lost write after the right code: 10001, and the login does not advance", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.sessions.swallowWrites = true;
    expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10001");
    world.sessions.swallowWrites = false;
    expect(app.password("alice", sessionId, "pw-of-alice").header!.value).toContain("error_code=10007");
  });

  test("a lost write after a wrong code or a wrong password: 10001, and the attempt still counts", () => {
    const { world, app } = setup({ max_otp_attempts: "2", max_password_attempts: "2" });
    const first = app.start("alice")["session_id"]!;
    world.sessions.swallowWrites = true;
    expect(app.code("alice", first, wrongCode(world.otp.lastCode()))["error_code"]).toBe("10001");
    world.sessions.swallowWrites = false;
    expect(app.code("alice", first, wrongCode(world.otp.lastCode()))["error"]).toBe("too_many_attempts");
    world.clock.advanceSeconds(60);
    const second = app.reachPasswordStep("alice");
    world.sessions.swallowWrites = true;
    expect(app.password("alice", second, "bad").header!.value).toContain("error_code=10001");
    world.sessions.swallowWrites = false;
    expect(app.password("alice", second, "bad").header!.value).toContain("error_code=10009");
  });

  test("a session whose first-send claim cannot be made is unusable: 10001 and no SMS", () => {
    const { world, app } = setup();
    const claim = world.claims.claim.bind(world.claims);
    world.claims.claim = (key, value, ttl) =>
      key.endsWith(":send:1") && !key.includes(":sends:") ? false : claim(key, value, ttl);
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.otp.sms).toEqual([]);
    expect(world.sessions.liveKeys()).toEqual([]);
  });

  test("a claim store that cannot confirm claims refuses every send (fail closed), with a short retry_after", () => {
    const { world, app } = setup();
    world.claims.forgetful = true;
    expect(app.start("alice")).toEqual({
      status: "error",
      error_code: "10010",
      error: "rate_limited",
      retry_after: "1",
    });
    world.claims.forgetful = false;
    world.claims.swallowWrites = true;
    expect(app.start("alice")["error"]).toBe("rate_limited");
    expect(world.otp.sms).toEqual([]);
  });
});

describe("sends the host never attempted", () => {
  test("do not count against any cap: the slots are given back", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2", max_sends_per_ip_per_hour: "2" });
    world.otp.mode = { kind: "not-attempted" };
    for (let i = 0; i < 5; i++) {
      expect(app.start("alice")["error_code"]).toBe("10004");
    }
    expect(app.outcomes[0]!.events[0]!.detail).toBe("provider not called");
    expect(world.claims.liveKeys().filter((key) => key.includes(":sends:"))).toEqual([]);
    expect(world.sessions.liveKeys()).toEqual([]);
    world.otp.mode = { kind: "ok" };
    expect(app.start("alice")["status"]).toBe("proceed");
    expect(app.start("alice")["status"]).toBe("proceed");
    expect(app.start("alice")["error"]).toBe("rate_limited");
  });

  test("a resend the host never attempted gives its hourly slots back, and the session ends", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    world.otp.mode = { kind: "not-attempted" };
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10004");
    expect(world.claims.liveKeys().filter((key) => key.includes(":sends:login:"))).toHaveLength(1);
    expect(world.sessions.peek(sessionId)).toBeNull();
  });

  test("with Twilio Verify too", () => {
    const { world, app } = setup({
      twilio_from_number: null,
      twilio_verify_service_sid: "VA" + "fedcba9876543210".repeat(2),
      max_sends_per_user_per_hour: "1",
    });
    world.otp.mode = { kind: "not-attempted" };
    expect(app.start("alice")["error_code"]).toBe("10004");
    world.otp.mode = { kind: "ok" };
    expect(app.start("alice")["status"]).toBe("proceed");
  });

  test("a refused attempt stays counted", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "1" });
    world.otp.mode = { kind: "refuse", errorCode: 20429 };
    expect(app.start("alice")["error_code"]).toBe("10004");
    world.otp.mode = { kind: "ok" };
    expect(app.start("alice")["error"]).toBe("rate_limited");
  });
});

describe("failure slots", () => {
  test("a right code and a right password cost no failure", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
    expect(world.claims.liveKeys().filter((key) => key.includes(":failures:"))).toEqual([]);
  });

  test("an expired code costs no failure", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "1" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(300);
    expect(app.code("alice", sessionId, world.otp.lastCode())["error"]).toBe("otp_expired");
    expect(world.claims.liveKeys().filter((key) => key.includes(":failures:"))).toEqual([]);
  });

  test("a session whose attempt slots are all taken is destroyed, and the request costs no failure", () => {
    const { world, app } = setup({ max_otp_attempts: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    const taken = world.claims.liveKeys().find((key) => key.endsWith(":code:1"))!;
    world.claims.poke(taken.replace(/:1$/, ":2"), String(world.clock.now + 600000), 600);
    expect(app.code("alice", sessionId, world.otp.lastCode())["error"]).toBe("too_many_attempts");
    expect(world.sessions.peek(sessionId)).toBeNull();
    expect(world.claims.liveKeys().filter((key) => key.includes(":failures:"))).toHaveLength(1);
  });

  test("password attempt slots all taken: the session is destroyed", () => {
    const { world, app } = setup({ max_password_attempts: "1" });
    const sessionId = app.reachPasswordStep("alice");
    const prefix = world.claims
      .liveKeys()
      .find((key) => key.endsWith(":send:1"))!
      .replace(/:send:1$/, "");
    world.claims.poke(prefix + ":password:1", String(world.clock.now + 600000), 600);
    expect(app.password("alice", sessionId, "pw-of-alice").header!.value).toContain("error_code=10009");
    expect(world.sessions.peek(sessionId)).toBeNull();
  });

  test("a one-shot step already claimed elsewhere: the code is not accepted twice, no grant twice", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const prefix = world.claims
      .liveKeys()
      .find((key) => key.endsWith(":send:1"))!
      .replace(/:send:1$/, "");
    world.claims.poke(prefix + ":step3", String(world.clock.now + 600000), 600);
    expect(app.code("alice", sessionId, world.otp.lastCode())).toMatchObject({ error_code: "10007" });
    expect(app.outcomes[1]!.events[0]!.detail).toBe("code already accepted");
    const other = app.reachPasswordStep("alice");
    const otherPrefix = world.claims
      .liveKeys()
      .filter((key) => key.endsWith(":step3"))
      .map((key) => key.replace(/:step3$/, ""))
      .find((key) => key !== prefix)!;
    world.claims.poke(otherPrefix + ":grant", String(world.clock.now + 600000), 600);
    const outcome = app.password("alice", other, "pw-of-alice");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe("status=error;error_code=10006;error=session_expired");
    expect(outcome.events[0]!.detail).toBe("session already granted");
  });
});

describe("edges", () => {
  test("a right code whose session vanished while it was checked: 10006, and it costs no failure", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const compare = world.hash.constantTimeEquals.bind(world.hash);
    world.hash.constantTimeEquals = (a, b) => {
      world.sessions.entries.delete(sessionId);
      return compare(a, b);
    };
    expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10006");
    expect(world.claims.liveKeys().filter((key) => key.includes(":failures:"))).toEqual([]);
  });

  test("a session rewritten while its code was checked is read and checked again under the second lock", () => {
    for (const [rewrite, error] of [
      [(text: string) => text.slice(0, -1), "10001"],
      [(text: string) => text.replace('"step":2', '"step":3'), "10007"],
    ] as const) {
      const { world, app } = setup();
      const sessionId = app.start("alice")["session_id"]!;
      const compare = world.hash.constantTimeEquals.bind(world.hash);
      world.hash.constantTimeEquals = (a, b) => {
        world.sessions.poke(sessionId, rewrite(world.sessions.peek(sessionId)!), 600);
        return compare(a, b);
      };
      expect(app.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe(error);
    }
  });

  test("a lost session write whose clean-up fails too is still 10001 without SMS", () => {
    const { world, app } = setup();
    world.sessions.swallowWrites = true;
    world.sessions.failing.add("remove");
    expect(app.start("alice")["error_code"]).toBe("10001");
    expect(world.otp.sms).toEqual([]);
  });

  test("a provider that reports a delivery as not attempted is believed about the delivery", () => {
    const { world, app } = setup();
    world.otp.sendSms = () => ({ delivered: true, attempted: false, errorCode: null });
    expect(app.start("alice")["status"]).toBe("proceed");
    expect(world.claims.liveKeys().filter((key) => key.includes(":sends:"))).toHaveLength(2);
  });
});
