// The Authorization Challenge wire on the TypeScript flow: which step a request is routed to by the session's state, and
// the exact JSON body and HTTP status of every answer (src/host/challenge-answer.ts).

import { details, FlowAnswer } from "../../src/flow/answer";
import { CHALLENGE_DEFAULTS } from "../../src/flow/challenge-properties";
import { parseConfig } from "../../src/flow/config";
import type { Config } from "../../src/flow/config";
import { challengeResponse } from "../../src/host/challenge-answer";
import { ChallengeOutcome, handleChallenge } from "../../src/host/challenge-request";
import { TestWorld } from "./doubles/ports";
import { rawConfig, user } from "./doubles/scenario";

const SESSION = /"auth_session":"([0-9a-f]{64})"/;
const ABSENT_SESSION = "ab".repeat(32);

function challengeConfig(overrides: Record<string, string> = {}): Config {
  const result = parseConfig({ ...CHALLENGE_DEFAULTS, ...rawConfig(overrides) });
  if (result.config === null) throw new Error(result.errors.join("; "));
  return result.config;
}

/** One app talking to the challenge handler; answers as HTTP status and body text. */
class App {
  readonly world = new TestWorld([user("alice"), user("bob")]);
  readonly config: Config;
  clientId = "first-party-app";

  constructor(loginOrder: "code_first" | "password_first") {
    this.config = challengeConfig({ login_order: loginOrder });
  }

  call(params: Record<string, string | string[]>): ChallengeOutcome {
    const all: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(params)) all[name] = Array.isArray(value) ? value : [value];
    const request = { params: all, clientId: this.clientId, ipAddress: "203.0.113.7", forwardedFor: [] };
    return handleChallenge(request, this.config, this.world.ports);
  }

  answer(params: Record<string, string | string[]>): { status: number; body: string } {
    const outcome = this.call(params);
    if (outcome.response === null) throw new Error(`granted ${String(outcome.grantedUserId)}`);
    expect(outcome.grantedUserId).toBeNull();
    return outcome.response;
  }

  session(params: Record<string, string>): string {
    const { body } = this.answer(params);
    const match = SESSION.exec(body);
    if (match === null || match[1] === undefined) throw new Error(`no session in ${body}`);
    return match[1];
  }

  code(): string {
    return this.world.otp.lastCode(this.config.otpLength);
  }
}

const invalid = (description: string) => ({
  status: 400,
  body: `{"error":"invalid_request","error_code":10011,"error_description":"${description}"}`,
});

describe("routing by the session's state", () => {
  test("code_first: the start, the code while a code is due, the password while the password is due, then the grant", () => {
    const app = new App("code_first");
    const started = app.answer({ username: "alice" });
    const id = SESSION.exec(started.body)?.[1] ?? "";
    expect(started).toEqual({
      status: 401,
      body: `{"error":"insufficient_authorization","auth_session":"${id}","next":"otp","expires_in":300,"resend_after":60,"code_length":6}`,
    });
    expect(app.world.otp.sms).toHaveLength(1);
    expect(app.answer({ auth_session: id, otp: app.code() })).toEqual({
      status: 401,
      body: `{"error":"insufficient_authorization","auth_session":"${id}","next":"password","expires_in":600}`,
    });
    const granted = app.call({ auth_session: id, password: "pw-of-alice" });
    expect(granted).toMatchObject({ grantedUserId: "alice", response: null });
    expect(app.world.sessions.get(id)).toBeNull();
  });

  test("password_first: the start needs the password; the code then grants", () => {
    const app = new App("password_first");
    expect(app.answer({ username: "alice" })).toEqual(invalid("missing password"));
    expect(app.answer({ username: "alice", password: "wrong" })).toEqual({
      status: 400,
      body: `{"error":"invalid_credentials","error_code":10008,"attempts_left":9}`,
    });
    expect(app.world.otp.sms).toHaveLength(0);
    const id = app.session({ username: "alice", password: "pw-of-alice" });
    expect(app.answer({ auth_session: id, password: "pw-of-alice" })).toEqual(invalid("missing otp"));
    expect(app.call({ auth_session: id, otp: app.code() })).toMatchObject({
      grantedUserId: "alice",
      response: null,
    });
  });

  test("the request must carry what is due: no otp while a code is due, no password while the password is", () => {
    const app = new App("code_first");
    const id = app.session({ username: "alice" });
    expect(app.answer({ auth_session: id, password: "pw-of-alice" })).toEqual(invalid("missing otp"));
    expect(app.answer({ auth_session: id, otp: "" })).toEqual(invalid("missing otp"));
    app.answer({ auth_session: id, otp: app.code() });
    expect(app.answer({ auth_session: id, otp: app.code() })).toEqual(invalid("missing password"));
    expect(app.call({ auth_session: id, password: "pw-of-alice" }).grantedUserId).toBe("alice");
  });

  test("an unknown session, and a malformed auth_session", () => {
    const app = new App("code_first");
    const unknown = { status: 400, body: `{"error":"invalid_session","error_code":10006}` };
    expect(app.answer({ auth_session: ABSENT_SESSION, otp: "123456" })).toEqual(unknown);
    expect(app.answer({ auth_session: ABSENT_SESSION, password: "pw-of-alice" })).toEqual(unknown);
    expect(app.answer({ auth_session: "not-a-session", otp: "123456" })).toEqual(
      invalid("malformed auth_session"),
    );
    expect(app.answer({ auth_session: ABSENT_SESSION.toUpperCase(), otp: "1" })).toEqual(
      invalid("malformed auth_session"),
    );
  });

  test("each parameter at most once", () => {
    const app = new App("code_first");
    const id = app.session({ username: "alice" });
    for (const name of ["username", "password", "otp", "auth_session", "action"]) {
      const params: Record<string, string | string[]> = {
        username: "alice",
        auth_session: id,
        otp: app.code(),
      };
      params[name] = [String(params[name] ?? "x"), String(params[name] ?? "x")];
      expect(app.answer(params)).toEqual(invalid(`repeated parameter ${name}`));
    }
    expect(app.world.sessions.get(id)).not.toBeNull();
  });

  test("actions: resend after the cooldown, abandon, nothing else, and none without a session", () => {
    const app = new App("code_first");
    const id = app.session({ username: "alice" });
    expect(app.answer({ auth_session: id, action: "resend" })).toEqual({
      status: 429,
      body: `{"error":"rate_limited","error_code":10010,"auth_session":"${id}","retry_after":60}`,
    });
    app.world.clock.advanceSeconds(61);
    expect(app.answer({ auth_session: id, action: "resend" })).toEqual({
      status: 401,
      body: `{"error":"insufficient_authorization","auth_session":"${id}","next":"otp","expires_in":300,"resend_after":60,"code_length":6}`,
    });
    expect(app.world.otp.sms).toHaveLength(2);
    expect(app.answer({ auth_session: id, action: "again" })).toEqual(invalid("unknown action"));
    expect(app.answer({ username: "alice", action: "resend" })).toEqual(invalid("missing auth_session"));
    expect(app.answer({ auth_session: id, action: "abandon" })).toEqual({
      status: 400,
      body: `{"error":"abandoned","auth_session":"${id}"}`,
    });
    expect(app.answer({ auth_session: id, otp: app.code() })).toEqual({
      status: 400,
      body: `{"error":"invalid_session","error_code":10006}`,
    });
  });

  test("the username is optional after the start; when sent it must match, and another client cannot continue", () => {
    const app = new App("code_first");
    const id = app.session({ username: "alice" });
    const mismatch = { status: 400, body: `{"error":"invalid_session","error_code":10007}` };
    expect(app.answer({ auth_session: id, username: "bob", otp: app.code() })).toEqual(mismatch);
    app.clientId = "another-app";
    expect(app.answer({ auth_session: id, otp: app.code() })).toEqual(mismatch);
    app.clientId = "first-party-app";
    expect(app.answer({ auth_session: id, username: "ALICE", otp: app.code() }).body).toMatch(
      /"next":"password"/,
    );
    expect(app.call({ auth_session: id, password: "pw-of-alice" }).grantedUserId).toBe("alice");
  });

  test("a start without a usable username", () => {
    const app = new App("code_first");
    expect(app.answer({})).toEqual(invalid("missing username"));
    expect(app.answer({ username: " " })).toEqual(invalid("missing username"));
    expect(app.answer({ username: "*)(uid=*" })).toEqual(invalid("username has forbidden characters"));
    expect(app.answer({ username: "a".repeat(300) })).toEqual(invalid("username too long"));
    expect(app.world.otp.sms).toHaveLength(0);
  });
});

describe("bad input never throws", () => {
  const odd: Record<string, string[]>[] = [
    { username: [] },
    { auth_session: [""], otp: [""] },
    { auth_session: ["\u0000".repeat(64)] },
    { username: ["al\nice"], password: ["\uD800"] },
    { auth_session: [ABSENT_SESSION], action: ["resend"] },
    { auth_session: [ABSENT_SESSION], action: ["abandon"], username: ["x".repeat(10_000)] },
    { otp: ["123456"] },
    { unrelated: ["1"], __step: ["2"] },
  ];
  test.each(odd.map((params) => [JSON.stringify(params).slice(0, 60), params]))("%s", (_name, params) => {
    for (const order of ["code_first", "password_first"] as const) {
      const app = new App(order);
      const outcome = app.call(params);
      expect(outcome.grantedUserId).toBeNull();
      expect(outcome.response).not.toBeNull();
      expect(() => JSON.parse(outcome.response?.body ?? "")).not.toThrow();
      expect([400, 401, 429]).toContain(outcome.response?.status);
    }
  });

  test("a failing store is a 500 server_error body, not an exception", () => {
    const app = new App("code_first");
    const id = app.session({ username: "alice" });
    app.world.sessions.failing.add("get");
    app.world.claims.failing.add("claim");
    expect(app.answer({ auth_session: id, otp: app.code() })).toEqual({
      status: 500,
      body: `{"error":"server_error","error_code":10001}`,
    });
  });
});

describe("the rendering of every answer", () => {
  const STATUS: Record<number, number> = { 10001: 500, 10004: 503, 10010: 429 };
  const NAME: Record<number, string> = {
    10001: "server_error",
    10002: "user_not_found",
    10003: "phone_not_found",
    10004: "otp_not_sent",
    10005: "invalid_otp",
    10006: "invalid_session",
    10007: "invalid_session",
    10008: "invalid_credentials",
    10009: "too_many_attempts",
    10010: "rate_limited",
    10011: "invalid_request",
    10012: "otp_expired",
  };

  test.each(Object.keys(NAME).map(Number))(
    "error %i: name, status, and only the fields that apply",
    (code) => {
      const bare: FlowAnswer = { kind: "error", errorCode: code, details: details(null) };
      const description = code === 10011 ? `,"error_description":"why"` : "";
      expect(challengeResponse(bare, "why")).toEqual({
        status: STATUS[code] ?? 400,
        body: `{"error":"${NAME[code]}","error_code":${code}${description}}`,
      });
      const said = { ...details(ABSENT_SESSION), attemptsLeft: 2, retryAfter: 30 };
      expect(challengeResponse({ kind: "error", errorCode: code, details: said }, "why")?.body).toBe(
        `{"error":"${NAME[code]}","error_code":${code}${description},"auth_session":"${ABSENT_SESSION}","attempts_left":2,"retry_after":30}`,
      );
    },
  );

  test("proceed with every field, in order; abandoned; a grant has no body of the script's", () => {
    const said = {
      ...details(ABSENT_SESSION),
      step: 2,
      expiresIn: 120,
      resendAfter: 60,
      codeLength: 8,
      phoneHint: "+49*******5678",
    };
    expect(challengeResponse({ kind: "proceed", errorCode: null, details: said }, null)).toEqual({
      status: 401,
      body: `{"error":"insufficient_authorization","auth_session":"${ABSENT_SESSION}","next":"otp","expires_in":120,"resend_after":60,"code_length":8,"phone_number":"+49*******5678"}`,
    });
    const password = { ...details(ABSENT_SESSION), step: 3 };
    expect(challengeResponse({ kind: "proceed", errorCode: null, details: password }, null)?.body).toBe(
      `{"error":"insufficient_authorization","auth_session":"${ABSENT_SESSION}","next":"password"}`,
    );
    expect(
      challengeResponse({ kind: "abandoned", errorCode: null, details: details(ABSENT_SESSION) }, null),
    ).toEqual({
      status: 400,
      body: `{"error":"abandoned","auth_session":"${ABSENT_SESSION}"}`,
    });
    expect(challengeResponse({ kind: "granted", errorCode: null, details: details(null) }, null)).toBeNull();
  });

  test("a reason with quotes or control characters stays valid JSON", () => {
    const answer: FlowAnswer = { kind: "error", errorCode: 10011, details: details(null) };
    const body = challengeResponse(answer, 'a "b"\n\\c')?.body ?? "";
    expect(JSON.parse(body)).toEqual({
      error: "invalid_request",
      error_code: 10011,
      error_description: 'a "b"\n\\c',
    });
  });
});
