// login --challenge's dialogue without a server: ChallengeLoginFlow against a scripted endpoint (the answers are those
// src/host/challenge-answer.ts renders), for what the e2e test cannot reach with one server: the code-first order, a
// restart after too many codes, and the JSON answers read into the reporter's fields; and ChallengeClient's requests as
// an HTTP server receives them (acr_values, which local mode ignores, and a confidential client's Basic).

import { createHash } from "crypto";
import * as http from "http";
import type { AddressInfo } from "net";
import { ChallengeClient, challengeFields, newPkce } from "../../src/cli/login/challenge-client";
import { ChallengeLoginFlow } from "../../src/cli/login/challenge-flow";
import type { LoginOrder } from "../../src/cli/login/challenge-flow";
import { humanReporter } from "../../src/cli/login/reporter";
import type { StepAnswer } from "../../src/cli/login/token-client";
import { runInProcess } from "./run-cli";

const SESSION = "a".repeat(64);

function answer(httpStatus: number, body: Record<string, unknown>): StepAnswer {
  return { httpStatus, fields: httpStatus === 200 ? null : challengeFields(body), body };
}

const next = (what: string) =>
  answer(401, { error: "insufficient_authorization", auth_session: SESSION, next: what, expires_in: 300 });

/** An endpoint that answers from a queue and records each request's parameters. */
function scripted(answers: StepAnswer[], tokens: StepAnswer) {
  const sent: Record<string, string>[] = [];
  const exchanged: string[] = [];
  const client = {
    post: async (parameters: Record<string, string>) => {
      sent.push(parameters);
      const reply = answers.shift();
      if (reply === undefined) throw new Error(`no answer scripted for ${JSON.stringify(parameters)}`);
      return reply;
    },
    exchange: async (code: string) => {
      exchanged.push(code);
      return tokens;
    },
  } as unknown as ChallengeClient;
  return { client, sent, exchanged };
}

function run(order: LoginOrder, typed: string[], answers: StepAnswer[]) {
  const endpoint = scripted(answers, answer(200, { access_token: "t", token_type: "Bearer" }));
  const lines: string[] = [];
  const reporter = humanReporter(
    { out: (text) => lines.push(text.trimEnd()), err: () => undefined },
    () => "unreached",
  );
  const prompter = { ask: async () => typed.shift() ?? null };
  const flow = new ChallengeLoginFlow({
    client: endpoint.client,
    prompter,
    reporter,
    username: "erin",
    order,
  });
  return flow.run().then((loggedIn) => ({ loggedIn, lines, ...endpoint }));
}

test("code first: the username alone, then the code, then the password, then the exchange of the code", async () => {
  const result = await run(
    "code_first",
    ["123456", "secret"],
    [next("otp"), next("password"), answer(200, { authorization_code: "the-code" })],
  );
  expect(result.loggedIn).toBe(true);
  expect(result.sent).toEqual([
    { username: "erin" },
    { auth_session: SESSION, otp: "123456" },
    { auth_session: SESSION, password: "secret" },
  ]);
  expect(result.exchanged).toEqual(["the-code"]);
  expect(result.lines.join("\n")).not.toMatch(/123456|secret/);
});

test("too many wrong codes ends the session; y starts a new login with the password again", async () => {
  const tooMany = answer(400, { error: "too_many_attempts", error_code: "10009" });
  const result = await run(
    "password_first",
    ["pw", "000000", "y", "pw", "654321"],
    [next("otp"), tooMany, next("otp"), answer(200, { authorization_code: "c2" })],
  );
  expect(result.loggedIn).toBe(true);
  expect(result.sent.map((parameters) => Object.keys(parameters).sort().join(","))).toEqual([
    "password,username",
    "auth_session,otp",
    "password,username",
    "auth_session,otp",
  ]);
  expect(result.lines).toContain(
    "code: too_many_attempts (10009). Too many wrong attempts: this login is over.",
  );
});

test("the endpoint's own refusal (no error_code) stops the login and says it never reached the script", async () => {
  const refused = answer(401, {
    error: "invalid_request",
    error_description: "no authorization_challenge scope",
  });
  const result = await run("password_first", ["pw"], [refused]);
  expect(result.loggedIn).toBe(false);
  expect(result.lines[0]).toBe("start: unreached");
});

test("the JSON answers in the reporter's fields: proceed, errors with their counters, abandoned, invalid_client", () => {
  expect(
    challengeFields({ error: "insufficient_authorization", auth_session: SESSION, next: "password" }),
  ).toEqual({
    status: "proceed",
    session_id: SESSION,
    step: "3",
  });
  expect(
    challengeFields({ error: "invalid_otp", error_code: "10005", auth_session: SESSION, attempts_left: 2 }),
  ).toEqual({
    status: "error",
    error: "invalid_otp",
    error_code: "10005",
    session_id: SESSION,
    attempts_left: "2",
  });
  expect(challengeFields({ error: "abandoned", auth_session: SESSION })).toEqual({ status: "abandoned" });
  expect(challengeFields({ error: "invalid_client" })).toEqual({ status: "error", error: "invalid_client" });
  expect(challengeFields({ error: "unauthorized_client", error_description: "x" })).toBeNull();
  expect(challengeFields("not json")).toBeNull();
});

test("the client's requests over HTTP: client, acr_values and an S256 challenge on each; the exchange sends its verifier", async () => {
  const forms: { path: string; form: URLSearchParams; authorization: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      forms.push({
        path: request.url ?? "",
        form: new URLSearchParams(body),
        authorization: request.headers.authorization,
      });
      response.writeHead(request.url === "/token" ? 200 : 401, { "Content-Type": "application/json" });
      response.end(
        request.url === "/token"
          ? JSON.stringify({ access_token: "t" })
          : JSON.stringify({ error: "insufficient_authorization", auth_session: SESSION, next: "otp" }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const client = new ChallengeClient({
      challengeUrl: `${base}/authorize-challenge`,
      tokenUrl: `${base}/token`,
      clientId: "backend",
      clientSecret: "s3cret",
      clientAuth: "basic",
      acrValues: "gamatech_authz_challenge",
      scope: "openid",
    });
    const first = await client.post({ username: "erin", password: "pw" });
    expect(first.fields).toEqual({ status: "proceed", session_id: SESSION, step: "2" });
    await client.post({ auth_session: SESSION, otp: "123456" });
    expect((await client.exchange("the-code")).body).toEqual({ access_token: "t" });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const [start, code, exchange] = forms;
  for (const step of [start, code]) {
    expect(step?.path).toBe("/authorize-challenge");
    // Basic for the secret, and client_id in the form too: the endpoint finds the client by that parameter.
    expect(step?.authorization).toBe("Basic " + Buffer.from("backend:s3cret").toString("base64"));
    expect(step?.form.get("client_id")).toBe("backend");
    expect(step?.form.get("acr_values")).toBe("gamatech_authz_challenge");
    expect(step?.form.get("scope")).toBe("openid");
    expect(step?.form.get("code_challenge_method")).toBe("S256");
  }
  // One login, one challenge.
  expect(code?.form.get("code_challenge")).toBe(start?.form.get("code_challenge"));
  expect(exchange?.path).toBe("/token");
  expect(Object.fromEntries(exchange?.form ?? [])).toEqual({
    grant_type: "authorization_code",
    code: "the-code",
    code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  });
  const verifier = exchange?.form.get("code_verifier") ?? "";
  expect(createHash("sha256").update(verifier).digest("base64url")).toBe(start?.form.get("code_challenge"));
  expect(newPkce().verifier).not.toBe(newPkce().verifier);
});

test("login's challenge options: refused before any prompt when wrong or without --challenge (exit 2)", () => {
  const base = ["login", "--client-id", "app", "--username", "erin"];
  const cases: [string[], string][] = [
    [["--token-url", "http://127.0.0.1:1/token", "--acr-values", "x"], "go with --challenge"],
    [
      ["--challenge", "--token-url", "http://127.0.0.1:1/token", "--login-order", "first"],
      "--login-order must be",
    ],
    [
      ["--challenge", "--token-url", "http://127.0.0.1:1/oauth"],
      "does not end in /token: give --challenge-url",
    ],
    [
      ["--challenge", "--token-url", "http://127.0.0.1:1/token", "--challenge-url", "nope"],
      "--challenge-url must be",
    ],
  ];
  for (const [extra, message] of cases) {
    const result = runInProcess([...base, ...extra]);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toContain(message);
  }
});
