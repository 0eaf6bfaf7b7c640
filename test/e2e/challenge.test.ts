// `serve`'s /authorize-challenge and the code exchange at /token, spoken to over HTTP as docs/authorization-challenge.md
// tells an app developer to (curl's requests), and `login --challenge` walking the same dialogue. The server runs the
// built dist/GamatechAuthzChallenge.py with its defaults (login_order password_first).

import { spawnSync } from "child_process";
import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { killRunningLogins, LocalServer, LoginProcess } from "./processes";

jest.setTimeout(180_000);

// The example users (examples/local/users.json), so that docs/authorization-challenge.md's commands run as printed.
const PASSWORD = "alice-demo-password";
const NATIVE = "local-native-app";
const BACKEND = { client_id: "backend-app", client_secret: "backend-secret-91c2" };
const ROPC_ONLY = { client_id: "ropc-app", client_secret: "ropc-secret-5d1e" };
const files = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-e2e-challenge-"));
let server: LocalServer;

function writeJson(name: string, value: unknown): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const clientsFile = writeJson("clients.json", [
  { client_id: NATIVE, scopes: ["openid", "orders", "authorization_challenge"] },
  { ...BACKEND, scopes: ["openid", "authorization_challenge"], grant_types: ["authorization_code"] },
  { ...ROPC_ONLY, scopes: ["openid", "authorization_challenge"], grant_types: ["password"] },
  { client_id: "no-scope-app", scopes: ["openid"] },
]);

interface Pkce {
  verifier: string;
  challenge: string;
}

function newPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function post(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
  const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams(form) });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cacheControl: response.headers.get("Cache-Control"),
  };
}

function challenge(form: Record<string, string>, pkce: Pkce | null, headers: Record<string, string> = {}) {
  const withPkce: Record<string, string> =
    pkce === null ? {} : { code_challenge: pkce.challenge, code_challenge_method: "S256" };
  return post(server.challengeUrl, { client_id: NATIVE, ...withPkce, ...form }, headers);
}

function exchange(form: Record<string, string>, headers: Record<string, string> = {}) {
  return post(server.tokenUrl, { grant_type: "authorization_code", ...form }, headers);
}

/** The dialogue up to the authorization code: username and password, then the code from the SMS. */
async function codeFor(pkce: Pkce): Promise<string> {
  const sms = server.nextCode();
  const started = await challenge({ username: "alice", password: PASSWORD }, pkce);
  expect(started.body.error).toBe("insufficient_authorization");
  const done = await challenge({ auth_session: started.body.auth_session as string, otp: await sms }, pkce);
  expect(done.status).toBe(200);
  return done.body.authorization_code as string;
}

const basic = (id: string, secret: string) => ({
  Authorization: "Basic " + Buffer.from(`${id}:${secret}`).toString("base64"),
});

beforeAll(async () => {
  server = await LocalServer.start(["--clients", clientsFile]);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  fs.rmSync(files, { recursive: true, force: true });
});

// An hour later on the script's clock for each test, so no counter of an earlier test applies.
beforeEach(async () => {
  await server.advance(3601);
});

afterEach(killRunningLogins);

test("the documented dialogue: password first, the code, a code, tokens; every answer no-store", async () => {
  expect(server.challengeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/jans-auth\/restv1\/authorize-challenge$/);
  const pkce = newPkce();
  const sms = server.nextCode();
  const started = await challenge({ username: "alice", password: PASSWORD }, pkce);
  expect(started).toEqual({
    status: 401,
    cacheControl: "no-store",
    body: {
      error: "insufficient_authorization",
      auth_session: expect.stringMatching(/^[0-9a-f]{64}$/),
      next: "otp",
      expires_in: 300,
      resend_after: 60,
      code_length: 6,
      phone_number: "********78",
    },
  });
  const done = await challenge({ auth_session: started.body.auth_session as string, otp: await sms }, pkce);
  expect(done).toEqual({
    status: 200,
    cacheControl: "no-store",
    body: { authorization_code: expect.stringMatching(/^[0-9a-f-]{36}$/) },
  });
  const tokens = await exchange({
    client_id: NATIVE,
    code: done.body.authorization_code as string,
    code_verifier: pkce.verifier,
  });
  expect(tokens).toEqual({
    status: 200,
    cacheControl: "no-store",
    body: {
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      token_type: "Bearer",
      expires_in: 299,
      scope: "openid orders",
    },
  });
});

test("a code works once, for its client, with its verifier, within 60 s", async () => {
  const pkce = newPkce();
  const used = await codeFor(pkce);
  const first = await exchange({ client_id: NATIVE, code: used, code_verifier: pkce.verifier });
  expect(first.status).toBe(200);
  const again = await exchange({ client_id: NATIVE, code: used, code_verifier: pkce.verifier });
  expect([again.status, again.body.error]).toEqual([400, "invalid_grant"]);

  const wrongVerifier = await codeFor(pkce);
  const refused = await exchange({
    client_id: NATIVE,
    code: wrongVerifier,
    code_verifier: newPkce().verifier,
  });
  expect(refused.body).toEqual({
    error: "invalid_grant",
    error_description: "code_verifier does not match code_challenge.",
  });
  // A refused exchange uses the code up: guessing verifiers one code at a time gets nowhere.
  const thenRight = await exchange({ client_id: NATIVE, code: wrongVerifier, code_verifier: pkce.verifier });
  expect(thenRight.body.error).toBe("invalid_grant");

  const noVerifier = await exchange({ client_id: NATIVE, code: await codeFor(pkce) });
  expect(noVerifier.body.error_description).toBe("code_verifier is required.");

  const otherClient = await exchange(
    { code: await codeFor(pkce), code_verifier: pkce.verifier },
    basic(BACKEND.client_id, BACKEND.client_secret),
  );
  expect(otherClient.body.error_description).toBe("The code was issued to another client.");

  const late = await codeFor(pkce);
  await server.advance(61);
  const expired = await exchange({ client_id: NATIVE, code: late, code_verifier: pkce.verifier });
  expect(expired.body.error_description).toBe("The code has expired.");
});

test("refused before the script: no client, an unknown one, no code grant, no scope, a public one without PKCE", async () => {
  const before = server.lineCount;
  const noClient = await post(server.challengeUrl, { username: "alice", password: PASSWORD });
  expect(noClient.body).toEqual({
    error: "unauthorized_client",
    error_description: "client_id is empty or blank.",
  });
  expect(noClient.status).toBe(400);
  const unknown = await challenge({ client_id: "nobody", username: "alice" }, newPkce());
  expect([unknown.status, unknown.body.error]).toEqual([401, "unauthorized_client"]);
  const noCodeGrant = await challenge({ client_id: ROPC_ONLY.client_id, username: "alice" }, newPkce());
  expect([noCodeGrant.status, noCodeGrant.body.error]).toEqual([400, "unauthorized_client"]);
  const noScope = await challenge({ client_id: "no-scope-app", username: "alice" }, newPkce());
  expect([noScope.status, noScope.body.error]).toEqual([401, "invalid_request"]);
  const noPkce = await challenge({ username: "alice", password: PASSWORD }, null);
  expect(noPkce.body).toEqual({
    error: "invalid_request",
    error_description: "A public client must send code_challenge (PKCE, S256).",
  });
  const plain = await challenge(
    {
      username: "alice",
      password: PASSWORD,
      code_challenge: newPkce().verifier,
      code_challenge_method: "plain",
    },
    null,
  );
  expect(plain.body.error_description).toBe("code_challenge_method must be S256 (plain is not accepted).");
  // At /token each client keeps to its grants: a public client has no password grant, this one no code grant.
  const publicPassword = await post(server.tokenUrl, {
    grant_type: "password",
    client_id: NATIVE,
    username: "alice",
    password: PASSWORD,
  });
  expect([publicPassword.status, publicPassword.body.error]).toEqual([400, "unauthorized_client"]);
  const ropcCode = await exchange({ code: "x" }, basic(ROPC_ONLY.client_id, ROPC_ONLY.client_secret));
  expect([ropcCode.status, ropcCode.body.error]).toEqual([400, "unauthorized_client"]);
  expect(server.smsLinesSince(before)).toEqual([]);
  expect(server.output.split("\n").slice(before).join("\n")).not.toContain("[script log]");
});

test("a confidential client: the script checks its secret (Basic); a wrong one is invalid_client, no SMS", async () => {
  const before = server.lineCount;
  const wrong = await challenge(
    { client_id: BACKEND.client_id, username: "alice", password: PASSWORD },
    null,
    basic(BACKEND.client_id, "not-the-secret"),
  );
  expect(wrong).toEqual({ status: 401, cacheControl: "no-store", body: { error: "invalid_client" } });
  expect(server.smsLinesSince(before)).toEqual([]);

  const sms = server.nextCode();
  const auth = basic(BACKEND.client_id, BACKEND.client_secret);
  const started = await challenge(
    { client_id: BACKEND.client_id, username: "alice", password: PASSWORD },
    null,
    auth,
  );
  expect(started.body.next).toBe("otp");
  const session = started.body.auth_session as string;
  const done = await challenge(
    { client_id: BACKEND.client_id, auth_session: session, otp: await sms },
    null,
    auth,
  );
  const tokens = await exchange({ code: done.body.authorization_code as string }, auth);
  expect([tokens.status, tokens.body.scope]).toEqual([200, "openid"]);
  // The clients file is this test's, so its secrets may be real ones: none reaches the console, the banner included. The
  // users are the shipped examples, whose fake passwords the banner lists: the password is not printed after it. The code
  // is, as local mode prints every SMS.
  for (const secret of [BACKEND.client_secret, ROPC_ONLY.client_secret, "not-the-secret"])
    expect(server.output).not.toContain(secret);
  expect(server.output).toContain(`client id ${BACKEND.client_id}  secret (not shown)`);
  expect(server.output.split("\n").slice(before).join("\n")).not.toContain(PASSWORD);
});

test("both scripts count in the same limits: five SMS through /token leave none for /authorize-challenge", async () => {
  for (let send = 1; send <= 5; send++) {
    const sms = server.nextCode();
    const started = await fetch(server.tokenUrl, {
      method: "POST",
      headers: basic(ROPC_ONLY.client_id, ROPC_ONLY.client_secret),
      body: new URLSearchParams({ grant_type: "password", __step: "1", username: "alice" }),
    });
    expect(started.headers.get("X-ROPC-TWO-FA")).toMatch(/^status=proceed;/);
    await sms;
  }
  const before = server.lineCount;
  const refused = await challenge({ username: "alice", password: PASSWORD }, newPkce());
  expect(refused).toMatchObject({
    status: 429,
    body: { error: "rate_limited", error_code: 10010, retry_after: expect.any(Number) },
  });
  expect(server.smsLinesSince(before)).toEqual([]);
});

function login(extra: string[] = []): LoginProcess {
  return new LoginProcess([
    "--challenge",
    "--token-url",
    server.tokenUrl,
    "--client-id",
    NATIVE,
    "--username",
    "alice",
    ...extra,
  ]);
}

test("login --challenge: a wrong password, the right one, a wrong code, the right one, then tokens", async () => {
  const client = login();
  client.type("not-the-password");
  await client.expectLine(/^start: invalid_credentials \(10008\)\. Wrong password\. \d+ attempt\(s\) left\./);
  const sms = server.nextCode();
  client.type(PASSWORD);
  await client.expectLine(/^start: proceed, a code was sent \(to \*{8}78, valid 300 s/);
  const code = await sms;
  client.type(code === "000000" ? "111111" : "000000");
  await client.expectLine(/^code: invalid_otp \(10005\)\. That code is not right\. 4 attempt/);
  client.type(code);
  await client.expectLine(/^Logged in\. Token response \(HTTP 200\):$/);
  const result = await client.finished();
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout.slice(result.stdout.indexOf("{")))).toMatchObject({
    scope: "openid orders",
  });
  const beforeToken = `${result.stdout.slice(0, result.stdout.indexOf("{"))}\n${result.stderr}`;
  for (const typed of [code, PASSWORD, "not-the-password"]) expect(beforeToken).not.toContain(typed);
});

test("login --challenge --json: a resend too early is refused, q abandons the session on the server", async () => {
  const sms = server.nextCode();
  const client = login(["--json"]);
  client.type(PASSWORD);
  await client.expectLine(/"step":"start"/);
  const code = await sms;
  client.type("r");
  await client.expectLine(/"step":"resend".*"error":"rate_limited"/);
  client.type("q");
  const result = await client.finished();
  expect(result.code).toBe(1);
  const records = result.stdout.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((record) => record.step ?? "note")).toEqual(["start", "resend", "note", "abandon"]);
  expect(records[0]).toMatchObject({ http_status: 401, header: { status: "proceed", step: "2" } });
  expect(records[3]).toMatchObject({ http_status: 400, header: { status: "abandoned" } });
  const session = (records[0] as { header: { session_id: string } }).header.session_id;
  // The abandoned session's code no longer works.
  const after = await challenge({ auth_session: session, otp: code }, newPkce());
  expect(after.body.error).toBe("invalid_session");
});

/** The fenced blocks of one language in the app developers' page, in order. */
function documented(language: string): string[] {
  const text = fs.readFileSync(
    path.join(__dirname, "..", "..", "docs", "authorization-challenge.md"),
    "utf8",
  );
  return [...text.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map(
    (m) => m[1] as string,
  );
}

function documentedBlock(language: string, marker: string): string {
  const found = documented(language).filter((block) => block.includes(marker));
  expect(found).toHaveLength(1);
  return found[0] as string;
}

/** Runs a documented command; the text it replaces must be in it, so a changed page cannot pass by replacing nothing. */
function bash(script: string, replacements: [string, string][] = []): string {
  let text = script;
  for (const [from, to] of replacements) {
    expect(text).toContain(from);
    text = text.split(from).join(to);
  }
  const run = spawnSync("bash", ["-euo", "pipefail", "-c", text], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bash failed (${run.status}): ${run.stderr}\n${text}`);
  return run.stdout;
}

/** The keys of the JSON answer a documented ```http block shows. */
function documentedKeys(marker: string): string[] {
  const block = documentedBlock("http", marker);
  return Object.keys(JSON.parse(block.slice(block.indexOf("{"))) as object);
}

test("docs/authorization-challenge.md: its commands, run as printed, log alice in; its answers have those fields", async () => {
  const [verifier, challenge] = bash(
    documentedBlock("sh", "openssl rand") + 'printf "%s %s" "$VERIFIER" "$CHALLENGE"',
  ).split(" ");
  const base = server.tokenUrl.slice(0, -"/token".length);
  const setup = `VERIFIER=${verifier}\nCHALLENGE=${challenge}\n${documentedBlock("sh", "AS=http")}`.replace(
    "http://127.0.0.1:8080/jans-auth/restv1",
    base,
  );
  const sms = server.nextCode();
  const started = JSON.parse(bash(setup + documentedBlock("sh", "-d username=alice"))) as Record<
    string,
    string
  >;
  expect(Object.keys(started)).toEqual(documentedKeys('"next":"otp"'));
  const session = documentedBlock("sh", "otp=").match(/^S=(\S+)/m)?.[1] as string;
  const typedCode = documentedBlock("sh", "otp=").match(/otp=(\d+)/)?.[1] as string;
  const granted = JSON.parse(
    bash(setup + documentedBlock("sh", "otp="), [
      [`S=${session}`, `S=${started.auth_session}`],
      [`otp=${typedCode}`, `otp=${await sms}`],
    ]),
  ) as Record<string, string>;
  expect(Object.keys(granted)).toEqual(documentedKeys("authorization_code"));
  const exchange = documentedBlock("sh", "grant_type=authorization_code");
  const shownCode = exchange.match(/-d code=(\S+)/)?.[1] as string;
  const tokens = JSON.parse(
    bash(setup + exchange, [[shownCode, granted.authorization_code as string]]),
  ) as object;
  const shownTokens = JSON.parse(documentedBlock("json", "access_token")) as object;
  expect(Object.keys(tokens)).toEqual(Object.keys(shownTokens));
});
