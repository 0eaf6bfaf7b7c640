// S2 (one ttl), S3 (single use, bound to session, client and user), S5 (only a keyed hash), S11 (shared state).

import { codeHash, hashKeyFor } from "../../src/flow/otp";
import { MemoryLog, TestRandom, TestWorld } from "./doubles/ports";
import { AUTH_TOKEN, Driver, makeConfig, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("bob", {}, { mobile: ["+4917000000042"] })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function wrongCode(right: string): string {
  return right === "123456" ? "654321" : "123456";
}

describe("S2: lifetimes", () => {
  test("a code is refused from its ttl on, even when right", () => {
    const { world, app } = setup({ otp_ttl_seconds: "120" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(119);
    const code = world.otp.lastCode();
    expect(app.code("alice", sessionId, wrongCode(code))["error"]).toBe("invalid_otp");
    world.clock.advanceSeconds(1);
    expect(app.code("alice", sessionId, code)["error"]).toBe("otp_expired");
  });

  test("the whole login has one ttl: step 3 fails once it is over", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    world.clock.advanceSeconds(599);
    expect(world.sessions.ttlOf(sessionId)).toBe(1);
    world.clock.advanceSeconds(1);
    const outcome = app.password("alice", sessionId, "pw-of-alice");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe("status=error;error_code=10006;error=session_expired");
  });

  test("updates keep the original deadline instead of extending it", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(100);
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    expect(world.sessions.ttlOf(sessionId)).toBe(500);
  });

  test("a session past its deadline is refused and removed even if the store still returns it", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const text = world.sessions.peek(sessionId)!;
    world.clock.advanceSeconds(700);
    world.sessions.poke(sessionId, text, 600);
    expect(app.code("alice", sessionId, world.otp.lastCode())["error"]).toBe("session_expired");
    expect(world.sessions.peek(sessionId)).toBeNull();
  });
});

describe("S3: single use and binding", () => {
  test("a code cannot be used twice", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    expect(app.code("alice", sessionId, code)["step"]).toBe("3");
    expect(app.code("alice", sessionId, code)).toEqual({
      status: "error",
      error_code: "10007",
      error: "invalid_session",
    });
  });

  test("a code only works in the session it was issued for", () => {
    const { world, app } = setup();
    const first = app.start("alice")["session_id"]!;
    const firstCode = world.otp.lastCode();
    const second = app.start("alice")["session_id"]!;
    const secondCode = world.otp.lastCode();
    if (firstCode !== secondCode) {
      expect(app.code("alice", second, firstCode)["error"]).toBe("invalid_otp");
    }
    expect(app.code("alice", first, firstCode)["step"]).toBe("3");
  });

  test("another client cannot use the session, at any step", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const intruder = new Driver(world, app.config, "other-client");
    expect(intruder.code("alice", sessionId, world.otp.lastCode())["error_code"]).toBe("10007");
    expect(intruder.resend("alice", sessionId)["error_code"]).toBe("10007");
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
    expect(intruder.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("another user cannot use the session", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    const outcome = app.password("bob", sessionId, "pw-of-bob");
    expect(outcome.grantedUserId).toBeNull();
    expect(outcome.header!.value).toBe("status=error;error_code=10007;error=invalid_session");
    expect(world.passwords.checks).toEqual([]);
  });

  test("a different spelling of the same login value is the same user", () => {
    const { app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password(" ALICE ", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("step 3 cannot be reached without step 2", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBeNull();
    expect(world.passwords.checks).toEqual([]);
  });

  test("a session replayed after success is gone", () => {
    const { app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(app.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
    const replay = app.password("alice", sessionId, "pw-of-alice");
    expect(replay.grantedUserId).toBeNull();
    expect(replay.header!.value).toBe("status=error;error_code=10006;error=session_expired");
  });

  test("a resend is refused once the code was accepted", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    world.clock.advanceSeconds(120);
    expect(app.resend("alice", sessionId)["error_code"]).toBe("10007");
    expect(world.otp.sms).toHaveLength(1);
  });
});

describe("S5: only a keyed hash of the code is stored", () => {
  test("the stored state holds the HMAC bound to the session, never the code", () => {
    const { world, config, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.lastCode();
    const stored = world.sessions.peek(sessionId)!;
    expect(stored).not.toContain(code);
    const key = hashKeyFor(config, world.hash);
    expect(JSON.parse(stored).codeHash).toBe(codeHash(world.hash, key, sessionId, code));
    for (const text of world.claims.liveKeys().map((k) => k + world.claims.peek(k))) {
      expect(text).not.toContain("alice");
    }
  });

  test("codes are compared with the constant-time comparison", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    expect(world.hash.compared).toHaveLength(1);
    expect(world.hash.compared[0]![1]).toBe(JSON.parse(world.sessions.peek(sessionId)!).codeHash);
  });

  test("the derived hash key depends on the Twilio secret and an explicit key replaces it", () => {
    const { world, config } = setup();
    const derived = hashKeyFor(config, world.hash);
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
    expect(derived).not.toContain(AUTH_TOKEN);
    expect(hashKeyFor(makeConfig({ twilio_auth_token: "another-token" }), world.hash)).not.toBe(derived);
    expect(hashKeyFor(makeConfig({ otp_hash_key: "k".repeat(40) }), world.hash)).toBe("k".repeat(40));
    const viaKey = makeConfig({
      twilio_auth_token: null,
      twilio_api_key_sid: "SK" + "2".repeat(32),
      twilio_api_key_secret: "api",
    });
    expect(hashKeyFor(viaKey, world.hash)).toBe(
      world.hash.hmacSha256Hex("api", "gamatech-ropc/otp-hash-key/v1"),
    );
  });

  test("after the code step the hash is cleared", () => {
    const { world, app } = setup();
    const sessionId = app.reachPasswordStep("alice");
    expect(JSON.parse(world.sessions.peek(sessionId)!).codeHash).toBe("");
  });
});

describe("S11: state lives in the shared stores", () => {
  test("three requests on three nodes complete one login", () => {
    const world = new TestWorld([user("alice")]);
    const config = makeConfig();
    const nodes = [0, 1, 2].map(
      () =>
        new Driver(
          world,
          config,
          "client-app-1",
          "203.0.113.7",
          world.nodePorts(new MemoryLog(), new TestRandom()),
        ),
    );
    const sessionId = nodes[0]!.start("alice")["session_id"]!;
    expect(nodes[1]!.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
    expect(nodes[2]!.password("alice", sessionId, "pw-of-alice").grantedUserId).toBe("alice");
  });

  test("limits count across nodes", () => {
    const world = new TestWorld([user("alice")]);
    const config = makeConfig({ max_otp_attempts: "2" });
    const a = new Driver(world, config, "c", "198.51.100.1", world.nodePorts(new MemoryLog()));
    const b = new Driver(world, config, "c", "198.51.100.1", world.nodePorts(new MemoryLog()));
    const sessionId = a.start("alice")["session_id"]!;
    const wrong = wrongCode(world.otp.lastCode());
    expect(a.code("alice", sessionId, wrong)["attempts_left"]).toBe("1");
    expect(b.code("alice", sessionId, wrong)["error"]).toBe("too_many_attempts");
  });

  test("the flow keeps nothing between calls: the same request on a fresh config object behaves the same", () => {
    const world = new TestWorld([user("alice")]);
    const sessionId = new Driver(world, makeConfig()).start("alice")["session_id"]!;
    expect(new Driver(world, makeConfig()).code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });
});
