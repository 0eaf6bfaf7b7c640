// docs/openapi.json against what `serve` (the built script in Jython) really answers: real logins over plain HTTP, every
// request checked against the document's step shapes, every header against its grammar and decoded schema, and every
// status, key and error the document lists seen at least once, except the few that serve cannot produce.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { decodeHeader, documentedAnswers, OpenApiChecker, loadOpenApi } from "./openapi-schema";
import type { Json } from "./openapi-schema";
import { LocalServer } from "./processes";

jest.setTimeout(180_000);

/** Documented, but serve cannot answer them: its session store and its fake Twilio API never fail. */
const UNREACHABLE_IN_SERVE = new Map([
  ["10001", "server_error needs a failing session store"],
  ["10004", "otp_not_sent needs a failing SMS provider"],
]);

const checker = new OpenApiChecker(loadOpenApi());
const documented = documentedAnswers(checker);
const seen = { statuses: new Set<string>(), keys: new Set<string>(), errors: new Map<string, string>() };
const files = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-openapi-"));
const configFile = path.join(files, "config.json");
const CONFIG = {
  twilio_account_sid: "AC00000000000000000000000000000000",
  twilio_auth_token: "local-fake-twilio-token",
  twilio_from_number: "+15005550006",
  phone_hint: "masked",
  // Off so that 10002 and 10003 can be seen; the example users include an inactive one and one without a phone.
  enumeration_protection: "false",
};
fs.writeFileSync(configFile, JSON.stringify(CONFIG));
const passwordFirstFile = path.join(files, "password-first.json");
fs.writeFileSync(passwordFirstFile, JSON.stringify({ ...CONFIG, login_order: "password_first" }));
const clientsFile = path.join(files, "clients.json");
fs.writeFileSync(
  clientsFile,
  JSON.stringify([
    { client_id: "local-app", client_secret: "local-app-secret" },
    { client_id: "other-app", client_secret: "other-app-secret" },
  ]),
);
const basic = (id: string, secret: string) => "Basic " + Buffer.from(`${id}:${secret}`).toString("base64");
const AUTH = basic("local-app", "local-app-secret");
const OTHER_AUTH = basic("other-app", "other-app-secret");
const PASSWORDS: Record<string, string> = { alice: "alice-demo-password", bob: "bob-demo-password" };
let server: LocalServer;

interface Answer {
  status: number;
  header: Record<string, string> | null;
  body: Json;
}

/** One step as an app without an OAuth library sends it; the request and the answer are checked against the document. */
async function step(
  form: Record<string, string>,
  shape: string | null,
  auth = AUTH,
  target = server,
): Promise<Answer> {
  const request = { grant_type: "password", ...form };
  const branch = checker.branch(checker.schema("StepRequest"), request);
  expect([request, branch]).toEqual([request, shape === null ? null : `#/components/schemas/${shape}`]);
  const response = await fetch(target.tokenUrl, {
    method: "POST",
    headers: { Authorization: auth },
    body: new URLSearchParams(request),
  });
  const body = (await response.json()) as Json;
  const raw = response.headers.get("X-ROPC-TWO-FA");
  if (response.status === 200) {
    expect(checker.validate(checker.schema("TokenResponse"), body)).toEqual([]);
    expect(raw).toBeNull();
    return { status: 200, header: null, body };
  }
  expect(response.status).toBe(401);
  expect(checker.validate(checker.schema("JanssenError"), body)).toEqual([]);
  expect(raw).not.toBeNull();
  const header = raw as string;
  expect([header, checker.validate(checker.schema("TwoFaHeader"), header)]).toEqual([header, []]);
  const decoded = decodeHeader(header);
  expect([header, checker.validate(checker.schema("TwoFaAnswer"), decoded)]).toEqual([header, []]);
  seen.statuses.add(decoded.status as string);
  Object.keys(decoded).forEach((key) => seen.keys.add(key));
  if (decoded.error_code !== undefined) seen.errors.set(decoded.error_code, decoded.error as string);
  return { status: 401, header: decoded, body };
}

async function start(username: string): Promise<{ session: string; code: string }> {
  const sms = server.nextCode();
  const answer = await step({ __step: "1", username, password: "-" }, "StartRequest");
  expect(answer.header).toMatchObject({ status: "proceed", step: "2" });
  return { session: answer.header?.session_id as string, code: await sms };
}

function wrong(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

beforeAll(async () => {
  server = await LocalServer.start(["--config", configFile, "--clients", clientsFile], {
    defaultOutbox: true,
  });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  fs.rmSync(files, { recursive: true, force: true });
});

// Every test starts an hour later on the script's clock, so no limit of an earlier test applies.
beforeEach(async () => {
  await server.advance(3601);
});

test("a whole login with a resend, a wrong code, a spaced code and a wrong password; the default outbox is per port", async () => {
  const { session, code } = await start("alice");
  const port = new URL(server.tokenUrl).port;
  expect(server.outboxFile).toBe(path.join(os.tmpdir(), `gamatech-ropc-outbox-${port}.txt`));
  expect(fs.readFileSync(server.outboxFile, "utf8")).toContain("SMS to +49...78");
  const early = await step({ __step: "1", username: "alice", __session_id: session }, "ResendRequest");
  expect(early.header).toMatchObject({ error_code: "10010", session_id: session });
  await server.advance(61);
  const sms = server.nextCode();
  const resent = await step({ __step: "1", username: "alice", __session_id: session }, "ResendRequest");
  expect(resent.header).toMatchObject({ status: "proceed", session_id: session });
  const fresh = await sms;
  expect(fresh).not.toBe(code);
  const bad = await step(
    { __step: "2", username: "alice", __session_id: session, password: wrong(fresh) },
    "CodeRequest",
  );
  expect(bad.header).toMatchObject({ error_code: "10005" });
  const spaced = `${fresh.slice(0, 3)} ${fresh.slice(3)}`;
  const right = await step(
    { __step: "2", username: "alice", __session_id: session, __otp_code: spaced },
    "CodeRequest",
  );
  expect(right.header).toMatchObject({ status: "proceed", step: "3" });
  const badPassword = { __step: "3", username: "alice", __session_id: session, password: "not-it" };
  expect((await step(badPassword, "PasswordRequest")).header).toMatchObject({ error_code: "10008" });
  const password = { ...badPassword, password: PASSWORDS.alice as string };
  expect((await step(password, "PasswordRequest")).status).toBe(200);
  expect((await step(password, "PasswordRequest")).header).toMatchObject({ error_code: "10006" });
});

test("enumeration protection off: an unknown or inactive user, a user without a phone", async () => {
  expect((await step({ __step: "1", username: "nobody" }, "StartRequest")).header?.error_code).toBe("10002");
  expect((await step({ __step: "1", username: "carol" }, "StartRequest")).header?.error_code).toBe("10002");
  expect((await step({ __step: "1", username: "dave" }, "StartRequest")).header?.error_code).toBe("10003");
});

test("a request without __step, a session used by another username, a code too old", async () => {
  expect((await step({ username: "alice" }, null)).header?.error_code).toBe("10011");
  const bob = await start("bob");
  const other = { __step: "2", username: "alice", __session_id: bob.session, password: bob.code };
  expect((await step(other, "CodeRequest")).header?.error_code).toBe("10007");
  const alice = await start("alice");
  await server.advance(301);
  const late = { __step: "2", username: "alice", __session_id: alice.session, password: alice.code };
  expect((await step(late, "CodeRequest")).header).toMatchObject({
    error_code: "10012",
    session_id: alice.session,
  });
});

test("wrong codes until the session is destroyed", async () => {
  const { session, code } = await start("bob");
  const attempt = { __step: "2", username: "bob", __session_id: session, password: wrong(code) };
  for (const left of ["4", "3", "2", "1"]) {
    expect((await step(attempt, "CodeRequest")).header).toMatchObject({
      error_code: "10005",
      attempts_left: left,
    });
  }
  expect((await step(attempt, "CodeRequest")).header?.error_code).toBe("10009");
});

test("abandon: the session is gone at once; again or unknown, the same answer; another user's or client's session, 10007", async () => {
  const alice = await start("alice");
  const abandon = { __step: "abandon", username: "alice", __session_id: alice.session };
  const expected = { status: "abandoned", session_id: alice.session };
  expect((await step(abandon, "AbandonRequest")).header).toEqual(expected);
  const after = { __step: "2", username: "alice", __session_id: alice.session, password: alice.code };
  expect((await step(after, "CodeRequest")).header?.error_code).toBe("10006");
  expect((await step(abandon, "AbandonRequest")).header).toEqual(expected);
  const unknown = "e".repeat(64);
  const unknownAnswer = await step({ ...abandon, __session_id: unknown }, "AbandonRequest");
  expect(unknownAnswer.header).toEqual({ status: "abandoned", session_id: unknown });
  const bob = await start("bob");
  const foreign = await step({ ...abandon, __session_id: bob.session }, "AbandonRequest");
  expect(foreign.header?.error_code).toBe("10007");
  const bobs = { __step: "abandon", username: "bob", __session_id: bob.session };
  expect((await step(bobs, "AbandonRequest", OTHER_AUTH)).header?.error_code).toBe("10007");
  // Neither refusal removed it: bob's code still passes.
  const code = { __step: "2", username: "bob", __session_id: bob.session, password: bob.code };
  expect((await step(code, "CodeRequest")).header).toMatchObject({ status: "proceed", step: "3" });
});

test("abandoning gives nothing back: five starts abandoned at once, and the sixth start is rate limited", async () => {
  for (let send = 1; send <= 5; send++) {
    const { session } = await start("bob");
    const abandon = { __step: "abandon", username: "bob", __session_id: session };
    expect((await step(abandon, "AbandonRequest")).header?.status).toBe("abandoned");
  }
  const sixth = await step({ __step: "1", username: "bob" }, "StartRequest");
  expect(sixth.header).toMatchObject({
    error_code: "10010",
    retry_after: expect.stringMatching(/^[1-9][0-9]*$/),
  });
});

test("login_order=password_first: a wrong password sends nothing, the right one sends the code, the code gives the tokens", async () => {
  const first = await LocalServer.start(["--config", passwordFirstFile, "--clients", clientsFile]);
  try {
    const pass = (form: Record<string, string>, shape: string) => step(form, shape, AUTH, first);
    const wrongPassword = await pass({ __step: "1", username: "alice", password: "not-it" }, "StartRequest");
    expect(wrongPassword.header).toEqual({
      status: "error",
      error_code: "10008",
      error: "invalid_credentials",
      attempts_left: "9",
    });
    const outbox = fs.existsSync(first.outboxFile) ? fs.readFileSync(first.outboxFile, "utf8") : "";
    expect(outbox).not.toContain("SMS to");
    const sms = first.nextCode();
    const started = await pass(
      { __step: "1", username: "alice", password: PASSWORDS.alice as string },
      "StartRequest",
    );
    expect(started.header).toMatchObject({ status: "proceed", step: "2" });
    const session = started.header?.session_id as string;
    const code = { __step: "2", username: "alice", __session_id: session, password: await sms };
    expect((await pass(code, "CodeRequest")).status).toBe(200);
  } finally {
    expect(await first.stop()).toBe(0);
  }
});

test("every status, key and error the document lists was answered, and nothing else (bar what serve cannot produce)", () => {
  expect(seen.statuses).toEqual(documented.statuses);
  expect(seen.keys).toEqual(documented.keys);
  const reachable = new Map([...documented.errors].filter(([code]) => !UNREACHABLE_IN_SERVE.has(code)));
  expect(seen.errors).toEqual(reachable);
});
