// `login` against `serve`, both as real processes, with the example users, clients and configuration (default limits:
// 5 wrong codes and 3 wrong passwords per login, a resend every 60 s, codes valid 300 s, logins 600 s).

import * as fs from "fs";
import { killRunningLogins, LocalServer, LoginProcess } from "./processes";

jest.setTimeout(180_000);

const ALICE_PASSWORD = "alice-demo-password";
let server: LocalServer;

function login(username: string, extra: string[] = []): LoginProcess {
  return new LoginProcess([
    "--token-url",
    server.tokenUrl,
    "--client-id",
    "local-app",
    "--client-secret",
    "local-app-secret",
    "--username",
    username,
    ...extra,
  ]);
}

/** The wrong code the tests type: any other six digits would do, but never the real one. */
function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

beforeAll(async () => {
  server = await LocalServer.start();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

// Every test starts an hour later on the script's clock, so no send or failure counter of an earlier test applies.
beforeEach(async () => {
  await server.advance(3601);
});

afterEach(killRunningLogins);

test("happy path: code from the SMS, then the password, then a token; neither is ever printed", async () => {
  const sms = server.nextCode();
  const client = login("alice");
  await client.expectLine(/^start: proceed, a code was sent \(to \*{8}78, valid 300 s/);
  const code = await sms;
  client.type(code);
  await client.expectLine(/^code: proceed, the code is right \(\d+ s left/);
  client.type(ALICE_PASSWORD);
  await client.expectLine(/^Logged in\. Token response \(HTTP 200\):$/);
  const result = await client.finished();
  expect(result.code).toBe(0);
  const token = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as Record<string, unknown>;
  expect(token).toEqual({
    access_token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    token_type: "Bearer",
    expires_in: 299,
    scope: "openid profile",
  });
  // Only the token response may hold arbitrary characters; everything before it is checked for the secrets typed.
  const beforeToken = `${result.stdout.slice(0, result.stdout.indexOf("{"))}\n${result.stderr}`;
  expect(beforeToken).not.toContain(code);
  expect(beforeToken).not.toContain(ALICE_PASSWORD);
  expect(fs.readFileSync(server.outboxFile, "utf8")).toContain(
    `[LOCAL TEST MODE - never in production] SMS to +49...78`,
  );
});

test("--json: one object per step, the token at the end", async () => {
  const sms = server.nextCode();
  const client = login("bob@example.com", ["--json"]);
  await client.expectLine(/"step":"start"/);
  client.type(await sms);
  await client.expectLine(/"step":"code"/);
  client.type("bob-demo-password");
  const result = await client.finished();
  expect(result.code).toBe(0);
  const records = result.stdout.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((record) => record.step)).toEqual(["start", "code", "token"]);
  expect(records[0]).toMatchObject({
    http_status: 401,
    header: { status: "proceed", step: "2", expires_in: "300" },
  });
  expect(records[1]).toMatchObject({ http_status: 401, header: { status: "proceed", step: "3" } });
  expect(records[2]).toMatchObject({ http_status: 200, token: { token_type: "Bearer" } });
});

test("wrong code: attempts count down; used up, the login ends and a new one can be started", async () => {
  const first = server.nextCode();
  const client = login("alice");
  const code = await first;
  for (const left of [4, 3, 2, 1]) {
    client.type(wrongCode(code));
    await client.expectLine(
      new RegExp(`^code: invalid_otp \\(10005\\)\\. That code is not right\\. ${left} attempt`),
    );
  }
  client.type(wrongCode(code));
  await client.expectLine(/^code: too_many_attempts \(10009\)\. Too many wrong attempts/);
  const second = server.nextCode();
  client.type("y");
  await client.expectLine(/^start: proceed/);
  const newCode = await second;
  client.type(code === newCode ? wrongCode(code) : code);
  if (code !== newCode) await client.expectLine(/^code: invalid_otp/);
  client.type(newCode);
  await client.expectLine(/^code: proceed/);
  client.type(ALICE_PASSWORD);
  expect((await client.finished()).code).toBe(0);
});

test("resend: too early is rate limited and the first code still works; later a new code replaces it", async () => {
  const first = server.nextCode();
  const client = login("alice");
  const firstCode = await first;
  const smsBefore = server.lineCount;
  client.type("r");
  await client.expectLine(/^resend: rate_limited \(10010\)\. Too many requests\. Wait (60|59) s/);
  expect(server.smsLinesSince(smsBefore)).toEqual([]);
  await server.advance(61);
  const second = server.nextCode();
  client.type("r");
  await client.expectLine(/^resend: proceed, a new code was sent/);
  const secondCode = await second;
  if (secondCode !== firstCode) {
    client.type(firstCode);
    await client.expectLine(/^code: invalid_otp/);
  }
  client.type(secondCode);
  await client.expectLine(/^code: proceed/);
  client.type(ALICE_PASSWORD);
  expect((await client.finished()).code).toBe(0);
});

test("expiry: an expired code asks for a resend; an expired login offers a new start", async () => {
  const first = server.nextCode();
  const client = login("alice");
  const firstCode = await first;
  await server.advance(301);
  client.type(firstCode);
  await client.expectLine(/^code: otp_expired \(10012\)\. This code has expired\. Type r for a new one\./);
  const second = server.nextCode();
  client.type("r");
  await client.expectLine(/^resend: proceed, a new code was sent; .* \(to \*{8}78, valid 29\d s/);
  const secondCode = await second;
  await server.advance(300);
  client.type(secondCode);
  await client.expectLine(/^code: session_expired \(10006\)\. The login took too long/);
  const third = server.nextCode();
  client.type("y");
  await client.expectLine(/^start: proceed/);
  client.type(await third);
  await client.expectLine(/^code: proceed/);
  client.type(ALICE_PASSWORD);
  expect((await client.finished()).code).toBe(0);
});

test("rate limit: the sixth start for one username within an hour is refused with retry_after", async () => {
  // The first five starts go straight to the endpoint, as curl would: only the refusal needs the client.
  for (let send = 1; send <= 5; send++) {
    const sms = server.nextCode();
    const response = await fetch(server.tokenUrl, {
      method: "POST",
      headers: { Authorization: "Basic " + Buffer.from("local-app:local-app-secret").toString("base64") },
      body: new URLSearchParams({ grant_type: "password", __step: "1", username: "alice" }),
    });
    expect(response.headers.get("X-ROPC-TWO-FA")).toMatch(/^status=proceed;/);
    await sms;
  }
  const before = server.lineCount;
  const refused = login("alice");
  await refused.expectLine(
    /^start: rate_limited \(10010\)\. Too many requests\. Wait \d+ s before trying again\./,
  );
  expect((await refused.finished()).code).toBe(1);
  expect(server.smsLinesSince(before)).toEqual([]);
});

test("wrong password: attempts count down, then the right one gets the token", async () => {
  const sms = server.nextCode();
  const client = login("alice");
  client.type(await sms);
  await client.expectLine(/^code: proceed/);
  client.type("not-the-password");
  await client.expectLine(/^password: invalid_credentials \(10008\)\. Wrong password\. 2 attempt/);
  client.type(ALICE_PASSWORD);
  await client.expectLine(/^Logged in\./);
  const result = await client.finished();
  expect(result.code).toBe(0);
  expect(`${result.stdout}\n${result.stderr}`).not.toContain("not-the-password");
});

test("bad client credentials: 401 without the header, no SMS, exit 1", async () => {
  const before = server.lineCount;
  const client = new LoginProcess([
    "--token-url",
    server.tokenUrl,
    "--client-id",
    "local-app",
    "--client-secret",
    "wrong-secret",
    "--username",
    "alice",
  ]);
  await client.expectLine(
    /^start: HTTP 401 without the X-ROPC-TWO-FA header: the request never reached the script/,
  );
  await client.expectLine(/"error":"invalid_client","error_description":"Client authentication failed\."/);
  expect((await client.finished()).code).toBe(1);
  expect(server.smsLinesSince(before)).toEqual([]);
});

test("quitting at the code prompt abandons the session on the server: its code no longer works", async () => {
  const sms = server.nextCode();
  const client = login("alice", ["--json"]);
  const started = JSON.parse((await client.expectLine(/"step":"start"/)).input) as {
    header: { session_id: string };
  };
  const code = await sms;
  client.type("q");
  await client.expectLine(/"step":"abandon".*"status":"abandoned"/);
  expect((await client.finished()).code).toBe(1);
  const response = await fetch(server.tokenUrl, {
    method: "POST",
    headers: { Authorization: "Basic " + Buffer.from("local-app:local-app-secret").toString("base64") },
    body: new URLSearchParams({
      grant_type: "password",
      __step: "2",
      username: "alice",
      __session_id: started.header.session_id,
      password: code,
    }),
  });
  expect(response.headers.get("X-ROPC-TWO-FA")).toBe("status=error;error_code=10006;error=session_expired");
});

test("a person quitting is told the session was removed", async () => {
  const sms = server.nextCode();
  const client = login("alice");
  await sms;
  client.type("q");
  await client.expectLine(/^Login abandoned\.$/);
  await client.expectLine(/^abandon: the server removed the login session; its code no longer works$/);
  expect((await client.finished()).code).toBe(1);
});
