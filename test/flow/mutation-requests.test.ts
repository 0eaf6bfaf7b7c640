// Mutation tests for the request path after the concurrency work (issue 12 §7): the survivors of the 2 December 2026 runs of
// step-code.ts, step-password.ts and handle-request.ts that a test can tell apart. Run with
//   STRYKER_TESTS=test/flow/mutation-requests.test.ts npx stryker run stryker.config.mjs --concurrency 1 --timeoutMS 30000 \
//     --mutate "src/flow/step-code.ts:36-36,src/flow/step-code.ts:62-62,src/flow/step-password.ts:49-49"
//   (and the same with --mutate "src/flow/handle-request.ts:67-67,src/flow/handle-request.ts:87-87")
//
// Equivalent mutants (no test can tell them from the original; SECURITY.md counts them as not detected):
// - rate-limits.ts:58, heldFor's `expiry <= now` replaced by `false` or by `expiry < now` (2 mutants): for an expiry at or
//   before now, secondsUntil gives max(1, ceil(≤ 0)) = 1 = UNCERTAIN_RETRY_SECONDS, the same wait.
// - rate-limits.ts:205, the `continue` of releaseAll's catch removed: it is the last statement of the loop body.
// - session-access.ts:73, the `detail: ""` of a loaded session: detail is read only when no session was loaded.
// - session-access.ts:103, removeQuietly's `return` in its catch removed: the function ends there either way.
// - step-code.ts:43, `state.userId ?? ""` (no coverage): unreachable, a decoy (null user) never matches a code.
// - step-password.ts:39 and :69, `state.userId ?? ""` (no coverage): unreachable, refuseBeforeClaims refuses a null user.
// - handle-request.ts:55, `read.username ?? ""` (no coverage): unreachable, loginProblem has already refused no username.
// - handle-request.ts:105, the initial `hashKey: ""`: overwritten before any use; the exception path never reads it.

import { parseState } from "../../src/flow/session-state";
import type { SessionState } from "../../src/flow/session-state";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, parseHeader, user, VERIFY_SID } from "./doubles/scenario";

function stored(world: TestWorld, sessionId: string): SessionState {
  const state = parseState(world.sessions.peek(sessionId) ?? "");
  if (state === null) throw new Error("no readable session " + sessionId);
  return state;
}

/** Runs `during` once, at the first provider or hash call of the code check (outside the lock). */
function codeCheckedWhile(world: TestWorld, during: () => void): void {
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      during();
    }
  };
  world.otp.onCall = (what) => {
    if (what === "checkVerification") once();
  };
  const compare = world.hash.constantTimeEquals.bind(world.hash);
  world.hash.constantTimeEquals = (a, b) => {
    once();
    return compare(a, b);
  };
}

describe("a code checked while a resend replaced it (step-code.ts:36, stillCurrent)", () => {
  test("Verify: the code hash stays empty, but the new issue time alone makes the old check stale", () => {
    const world = new TestWorld([user("alice")]);
    const config = makeConfig({ twilio_from_number: null, twilio_verify_service_sid: VERIFY_SID });
    const app = new Driver(world, config);
    const sessionId = app.start("alice")["session_id"]!;
    const code = world.otp.verifyCodes.get("+4915112345678")!;
    world.clock.advanceSeconds(60);
    codeCheckedWhile(world, () => expect(app.resend("alice", sessionId)["status"]).toBe("proceed"));
    expect(app.code("alice", sessionId, code)).toMatchObject({ error: "invalid_otp", attempts_left: "4" });
    expect(stored(world, sessionId).step).toBe(2);
  });

  test("SMS with no cooldown: a resend in the same millisecond keeps the issue time, but the new hash makes it stale", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig({ resend_cooldown_seconds: "0" }));
    const sessionId = app.start("alice")["session_id"]!;
    const old = world.otp.lastCode();
    const issuedAt = stored(world, sessionId).codeIssuedAt;
    codeCheckedWhile(world, () => expect(app.resend("alice", sessionId)["status"]).toBe("proceed"));
    expect(app.code("alice", sessionId, old)).toMatchObject({ error: "invalid_otp", attempts_left: "4" });
    expect(stored(world, sessionId)).toMatchObject({ step: 2, codeIssuedAt: issuedAt });
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });
});

describe("the session state counts each wrong answer", () => {
  test("a wrong code adds one to otpFailures (step-code.ts:62)", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig());
    const sessionId = app.start("alice")["session_id"]!;
    expect(stored(world, sessionId).otpFailures).toBe(0);
    app.code("alice", sessionId, "000000" === world.otp.lastCode() ? "111111" : "000000");
    expect(stored(world, sessionId).otpFailures).toBe(1);
    app.code("alice", sessionId, "abc");
    expect(stored(world, sessionId).otpFailures).toBe(2);
  });

  test("a wrong password adds one to passwordFailures (step-password.ts:49)", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig());
    const sessionId = app.reachPasswordStep("alice");
    expect(stored(world, sessionId).passwordFailures).toBe(0);
    app.password("alice", sessionId, "wrong");
    app.password("alice", sessionId, "wrong again");
    expect(stored(world, sessionId)).toMatchObject({ step: 3, passwordFailures: 2, otpFailures: 0 });
  });
});

describe("the event says why password_first refused a request (handle-request.ts:67, :87)", () => {
  function refused(params: Record<string, string>): { error: string | undefined; detail: string | null } {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig({ login_order: "password_first" }));
    const outcome = app.send(params);
    return { error: parseHeader(outcome.header?.value)["error"], detail: outcome.events[0]!.detail };
  }

  test("a start without a password", () => {
    expect(refused({ __step: "1", username: "alice", password: "" })).toEqual({
      error: "invalid_request",
      detail: "missing password",
    });
  });

  test("a step 3, which this order does not have", () => {
    const sessionId = "a".repeat(64);
    expect(refused({ __step: "3", username: "alice", password: "pw", __session_id: sessionId })).toEqual({
      error: "invalid_request",
      detail: "no step 3 with login_order=password_first",
    });
  });
});
