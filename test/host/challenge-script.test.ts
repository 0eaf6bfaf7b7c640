// dist/GamatechAuthzChallenge.py as Janssen's /authorize-challenge meets it (ChallengeEndpoint): its interface, init, the
// whole dialogue in both login orders, client authentication, and what it leaves in the server's records, the cache and
// the log. One Jython process for the file.

import * as path from "path";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateReply, AuthenticateRequest } from "../../src/world/protocol";
import { BUILT_CHALLENGE_SCRIPT } from "../conformance/jython-side";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(120_000);

const AUTH_TOKEN = "auth-token-never-logged-4242";
const PASSWORD = "correct horse battery";
const PHONE = "+4915112345678";
const CLIENT_SECRET = "client-secret-never-copied-99";
const CONFIG: Record<string, string> = {
  twilio_account_sid: "AC0123456789abcdef0123456789abcdef",
  twilio_auth_token: AUTH_TOKEN,
  twilio_from_number: "+15005550006",
};
const ALICE = { uid: "alice", password: PASSWORD, attributes: { mobile: [PHONE] } };
const PUBLIC_APP = "public-app";
const CONFIDENTIAL_APP = "confidential-app";
/** The server's own auth_session ids are UUIDs; one with the script's id format shows the copy is stopped either way. */
const SERVER_SESSION = "5f1c2a9e-3b7d-4e21-9c0a-1d2e3f405162";
const HEX_SERVER_SESSION = "c0ffee".repeat(10) + "c0ff";

/** An Authorization Challenge script that reports what the real one's hooks do (see the file). */
const PROBE = path.join(__dirname, "challenge-probe.py");

let host: JythonScriptHost;
let script: string;
let instance: string;
/** Every log line of the file's requests, for the leak checks. */
const logs: string[] = [];
/** Every code sent, for the leak checks. */
const codes: string[] = [];

function call(
  parameters: Record<string, string | string[]>,
  extra: Partial<AuthenticateRequest> = {},
): AuthenticateReply {
  const reply = host.authenticate(instance, {
    parameters,
    clientId: PUBLIC_APP,
    ip: "198.51.100.7",
    ...extra,
  });
  logs.push(...reply.logs);
  for (const sms of reply.sms) {
    const code = /\b[0-9]{6}\b/.exec(sms.body ?? "")?.[0];
    if (code !== undefined) codes.push(code);
  }
  return reply;
}

function body(reply: AuthenticateReply): Record<string, unknown> {
  return JSON.parse(reply.http?.body ?? "null") as Record<string, unknown>;
}

function fresh(
  properties: Record<string, string> = CONFIG,
  world: Parameters<JythonScriptHost["reset"]>[0] = {},
): void {
  host.reset({ users: [ALICE], ...world });
  instance = host.create(script);
  expect(host.init(instance, properties)).toMatchObject({ outcome: "returned", value: true });
}

function lastCode(): string {
  const code = codes[codes.length - 1];
  if (code === undefined) throw new Error("no code sent");
  return code;
}

beforeAll(() => {
  host = startTestWorld({ timeoutMs: 120_000 });
  host.reset({ users: [ALICE] });
  script = host.load(BUILT_CHALLENGE_SCRIPT);
});

afterAll(() => {
  host.close();
});

describe("the script's interface", () => {
  test("getApiVersion is 11", () => {
    instance = host.create(script);
    expect(host.getApiVersion(instance)).toMatchObject({ outcome: "returned", value: 11 });
  });

  test("init accepts good properties and refuses bad ones naming the property, never logging a secret", () => {
    const good = host.init(host.create(script), CONFIG);
    expect(good).toMatchObject({ outcome: "returned", value: true });
    const bad = host.init(host.create(script), { ...CONFIG, twilio_account_sid: "not-a-sid" });
    expect(bad).toMatchObject({ outcome: "returned", value: false });
    expect(bad.logs.join("\n")).toMatch(/GamatechAuthzChallenge\..*twilio_account_sid/);
    for (const line of [...good.logs, ...bad.logs]) expect(line).not.toContain(AUTH_TOKEN);
  });

  test("response_header_name, which only the ROPC script reads, is accepted with a warning that it does nothing", () => {
    const given = host.init(host.create(script), { ...CONFIG, response_header_name: "X-Copied-From-Ropc" });
    expect(given).toMatchObject({ outcome: "returned", value: true });
    expect(given.logs).toContainEqual(
      expect.stringMatching(
        /GamatechAuthzChallenge\. WARN config: response_header_name: not read by this script \(its answers are JSON bodies/,
      ),
    );
    const blank = host.init(host.create(script), { ...CONFIG, response_header_name: " " });
    expect(blank.logs.join("\n")).not.toContain("response_header_name");
  });

  test("a script whose init failed answers 500 server_error, not an exception", () => {
    host.reset({ users: [ALICE] });
    instance = host.create(script);
    host.init(instance, { ...CONFIG, twilio_account_sid: "not-a-sid" });
    const reply = call({ username: "alice", password: PASSWORD });
    expect(reply.outcome).toBe("returned");
    expect(reply.http).toEqual({ status: 500, body: '{"error":"server_error","error_code":10001}' });
  });

  test("prepareAuthzRequest does nothing and getAuthenticationMethodClaims is an empty map", () => {
    host.reset({ users: [ALICE], serverSessions: [SERVER_SESSION] });
    instance = host.create(host.load(PROBE));
    expect(host.init(instance, CONFIG)).toMatchObject({ outcome: "returned", value: true });
    const reply = call({ username: "alice", auth_session: SERVER_SESSION });
    expect(reply.http?.status).toBe(299);
    expect(body(reply)).toEqual({
      prepared: "None",
      sessionKept: true,
      stored: false,
      user: false,
      claimsIsMap: true,
      claims: {},
    });
    // The probe keeps the server's record attached, so the endpoint copied the request into it: the copy the real
    // script's authorize must prevent (below) is there to prevent.
    expect(host.serverSessions()[SERVER_SESSION]).toMatchObject({ username: "alice" });
  });
});

describe("the dialogue", () => {
  test("code_first: username, otp, password end in 200 with an authorization code and the user set", () => {
    fresh({ ...CONFIG, login_order: "code_first" });
    const started = call({ username: "alice" });
    expect(started.http?.status).toBe(401);
    expect(body(started)).toMatchObject({ error: "insufficient_authorization", next: "otp", code_length: 6 });
    const session = String(body(started).auth_session);
    expect(started.sms).toHaveLength(1);
    const checked = call({ auth_session: session, otp: lastCode() });
    expect(checked.http?.status).toBe(401);
    expect(body(checked)).toEqual({
      error: "insufficient_authorization",
      auth_session: session,
      next: "password",
      expires_in: 600,
    });
    const granted = call({ auth_session: session, password: PASSWORD });
    expect(granted).toMatchObject({ outcome: "returned", value: true, user: { userId: "alice" } });
    expect(granted.http?.status).toBe(200);
    expect(Object.keys(body(granted))).toEqual(["authorization_code"]);
    expect(body(granted).authorization_code).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("password_first (the default): username and password, then the otp ends in 200 with the user set", () => {
    fresh();
    const started = call({ username: "alice", password: PASSWORD });
    expect(body(started)).toMatchObject({ error: "insufficient_authorization", next: "otp" });
    const granted = call({
      username: "alice",
      auth_session: String(body(started).auth_session),
      otp: lastCode(),
    });
    expect(granted).toMatchObject({ outcome: "returned", value: true, user: { userId: "alice" } });
    expect(granted.http?.status).toBe(200);
    expect(Object.keys(body(granted))).toEqual(["authorization_code"]);
  });

  test("every other answer is the script's stored JSON body, never the server's access_denied or an escaped 500", () => {
    fresh();
    const session = String(body(call({ username: "alice", password: PASSWORD })).auth_session);
    const requests: Record<string, string | string[]>[] = [
      {},
      { username: "alice" },
      { username: "alice", password: "wrong" },
      { username: "*)(uid=*", password: "x" },
      { username: ["alice", "alice"], password: PASSWORD },
      { auth_session: session },
      { auth_session: session, otp: "000000x" },
      { auth_session: session, action: "resend" },
      { auth_session: session, action: "unknown" },
      { auth_session: "ab".repeat(32), otp: "123456" },
      { auth_session: "not-a-session", otp: "123456" },
      { auth_session: session, action: "abandon" },
      { auth_session: session, otp: lastCode() },
    ];
    for (const parameters of requests) {
      const reply = call(parameters);
      expect(reply).toMatchObject({ outcome: "returned", value: false, user: null });
      expect([400, 401, 429]).toContain(reply.http?.status);
      expect(body(reply).error).not.toBe("access_denied");
      expect(typeof body(reply).error).toBe("string");
    }
  });

  test("a failing cache answers the stored 500 server_error body", () => {
    fresh();
    const session = String(body(call({ username: "alice", password: PASSWORD })).auth_session);
    host.fault({ target: "cache.get", effect: "throw" });
    const reply = call({ auth_session: session, otp: lastCode() });
    host.clearFaults();
    expect(reply).toMatchObject({ outcome: "returned", value: false, user: null });
    expect(reply.http).toEqual({ status: 500, body: '{"error":"server_error","error_code":10001}' });
  });
});

describe("client authentication", () => {
  const INVALID_CLIENT = { status: 401, body: '{"error":"invalid_client"}' };
  const start = { username: "alice", password: PASSWORD };
  const basic = (secret: string) => ({
    Authorization: "Basic " + Buffer.from(`${CONFIDENTIAL_APP}:${secret}`).toString("base64"),
  });

  beforeEach(() => fresh(CONFIG, { clientSecrets: { [CONFIDENTIAL_APP]: CLIENT_SECRET } }));

  test("a public client needs no secret", () => {
    const reply = call(start);
    expect(reply.http?.status).toBe(401);
    expect(body(reply).error).toBe("insufficient_authorization");
  });

  test("a confidential client with its secret posted or in a Basic header goes on", () => {
    for (const extra of [
      { parameters: { ...start, client_secret: CLIENT_SECRET } },
      { headers: basic(CLIENT_SECRET) },
    ]) {
      const reply = call(start, { clientId: CONFIDENTIAL_APP, ...extra });
      expect(body(reply)).toMatchObject({ error: "insufficient_authorization", next: "otp" });
      expect(reply.sms).toHaveLength(1);
    }
  });

  test("a confidential client with a wrong secret or none is invalid_client and no SMS is sent", () => {
    const attempts: Partial<AuthenticateRequest>[] = [
      { parameters: { ...start, client_secret: "wrong" } },
      { headers: basic("wrong") },
      {},
      { parameters: { ...start, client_secret: [CLIENT_SECRET, CLIENT_SECRET] } },
    ];
    for (const extra of attempts) {
      const reply = call(start, { clientId: CONFIDENTIAL_APP, ...extra });
      expect(reply.http).toEqual(INVALID_CLIENT);
      expect(reply).toMatchObject({ outcome: "returned", value: false, user: null });
      expect(reply.sms).toHaveLength(0);
    }
  });
});

describe("what the script leaves behind", () => {
  test("the server's auth_session record, the cache and the log hold no code, password or secret", () => {
    fresh(
      { ...CONFIG, login_order: "code_first" },
      {
        clientSecrets: { [CONFIDENTIAL_APP]: CLIENT_SECRET },
        serverSessions: [SERVER_SESSION, HEX_SERVER_SESSION],
      },
    );
    const app = { clientId: CONFIDENTIAL_APP };
    const secret = { client_secret: CLIENT_SECRET };
    const started = call({ username: "alice", ...secret }, app);
    const session = String(body(started).auth_session);
    const code = lastCode();
    // The same values sent under the ids of the server's own records: the endpoint would copy each parameter into them.
    const aimed = { username: "alice", otp: code, password: PASSWORD, ...secret };
    expect(call({ ...aimed, auth_session: SERVER_SESSION }, app).http).toEqual({
      status: 400,
      body: '{"error":"invalid_request","error_code":10011,"error_description":"malformed auth_session"}',
    });
    expect(call({ ...aimed, auth_session: HEX_SERVER_SESSION }, app).http).toEqual({
      status: 400,
      body: '{"error":"invalid_session","error_code":10006}',
    });
    expect(body(call({ username: "alice", auth_session: session, otp: code, ...secret }, app)).next).toBe(
      "password",
    );
    const cached = JSON.stringify(host.cache());
    expect(cached).not.toContain(code);
    expect(cached).not.toContain(PASSWORD);
    const granted = call({ username: "alice", auth_session: session, password: PASSWORD, ...secret }, app);
    expect(granted).toMatchObject({ value: true, user: { userId: "alice" } });
    // The records hold exactly what they were created with: no attribute at all.
    expect(host.serverSessions()).toEqual({ [SERVER_SESSION]: {}, [HEX_SERVER_SESSION]: {} });
    const afterwards = JSON.stringify(host.cache());
    for (const value of [code, PASSWORD, CLIENT_SECRET]) expect(afterwards).not.toContain(value);
  });

  test("no log line of the file holds a code, a password, a secret or the full phone number", () => {
    expect(logs.length).toBeGreaterThan(10);
    expect(codes.length).toBeGreaterThan(3);
    for (const line of logs) {
      expect(line.startsWith("GamatechAuthzChallenge.")).toBe(true);
      for (const secret of [PASSWORD, PHONE, AUTH_TOKEN, CLIENT_SECRET, ...codes])
        expect(line).not.toContain(secret);
    }
  });
});
