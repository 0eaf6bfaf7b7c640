// The built script as Janssen meets it: loading, init with good and bad properties, destroy, and what it does when
// Janssen's own services fail. Runs dist/GamatechRopc.py in Jython against the Java doubles.

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateRequest } from "../../src/world/protocol";
import { BUILT_SCRIPT } from "../conformance/jython-side";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(120_000);

const AUTH_TOKEN = "auth-token-never-logged-4242";
const API_KEY_SECRET = "api-key-secret-never-logged-77";
const CONFIG: Record<string, string> = {
  twilio_account_sid: "AC0123456789abcdef0123456789abcdef",
  twilio_auth_token: AUTH_TOKEN,
  twilio_from_number: "+15005550006",
};
const ALICE = { uid: "alice", password: "correct horse battery", attributes: { mobile: ["+4915112345678"] } };
const START: AuthenticateRequest = {
  parameters: { __step: "1", username: "alice", password: "" },
  clientId: "app-1",
  ip: "198.51.100.7",
};

let host: JythonScriptHost;
let script: string;

beforeAll(async () => {
  host = startTestWorld({ timeoutMs: 120_000 });
  await host.reset({ users: [ALICE] });
  script = await host.load(BUILT_SCRIPT);
});

afterAll(async () => {
  await host.close();
});

beforeEach(async () => {
  await host.reset({ users: [ALICE] });
});

async function initialised(properties: Record<string, string | null> = CONFIG): Promise<string> {
  const instance = await host.create(script);
  const init = await host.init(instance, properties);
  expect(init).toMatchObject({ outcome: "returned", value: true });
  return instance;
}

test("answers API version 11 and initialises with valid properties, logging with the GamatechRopc. prefix", async () => {
  const instance = await host.create(script);
  expect(await host.getApiVersion(instance)).toMatchObject({ outcome: "returned", value: 11 });
  const init = await host.init(instance, CONFIG);
  expect(init).toMatchObject({ outcome: "returned", value: true });
  expect(init.logs.length).toBeGreaterThan(0);
  for (const line of init.logs) expect(line.startsWith("GamatechRopc. ")).toBe(true);
});

test("init returns False and names each bad property, without quoting a secret", async () => {
  const instance = await host.create(script);
  const init = await host.init(instance, {
    twilio_account_sid: "not-a-sid",
    twilio_auth_token: AUTH_TOKEN,
    twilio_from_number: "15005550006",
    otp_length: "4",
    otp_lenght: "6",
  });
  expect(init).toMatchObject({ outcome: "returned", value: false });
  const text = init.logs.join("\n");
  for (const name of ["twilio_account_sid", "twilio_from_number", "otp_length", "otp_lenght"]) {
    expect(text).toContain(name);
  }
  expect(text).toContain("did you mean");
  expect(text).not.toContain(AUTH_TOKEN);
});

test("init fails on a missing required property, and a script that failed init refuses every request", async () => {
  const instance = await host.create(script);
  const init = await host.init(instance, { twilio_account_sid: CONFIG.twilio_account_sid ?? "" });
  expect(init).toMatchObject({ outcome: "returned", value: false });
  const reply = await host.authenticate(instance, START);
  expect(reply).toMatchObject({ outcome: "returned", value: false, user: null, sms: [] });
  expect(reply.headers["X-ROPC-TWO-FA"]).toBe("status=error;error_code=10001;error=server_error");
});

test("a property Janssen hands over with a null value counts as absent", async () => {
  const instance = await host.create(script);
  const init = await host.init(instance, { ...CONFIG, phone_hint: null, otp_length: null });
  expect(init).toMatchObject({ outcome: "returned", value: true });
});

test("destroy returns True and leaves the instance refusing requests", async () => {
  const instance = await initialised();
  expect(await host.destroy(instance)).toMatchObject({ outcome: "returned", value: true });
  const reply = await host.authenticate(instance, START);
  expect(reply).toMatchObject({ outcome: "returned", value: false, sms: [] });
});

test("an API key with its secret replaces the auth token, and the secret never reaches a log line", async () => {
  const instance = await initialised({
    twilio_account_sid: CONFIG.twilio_account_sid ?? "",
    twilio_api_key_sid: "SK0123456789abcdef0123456789abcdef",
    twilio_api_key_secret: API_KEY_SECRET,
    twilio_from_number: CONFIG.twilio_from_number ?? "",
  });
  const reply = await host.authenticate(instance, START);
  expect(reply).toMatchObject({ outcome: "returned", value: false });
  expect(reply.sms).toHaveLength(1);
  expect(reply.sms[0]).toMatchObject({
    accountSid: CONFIG.twilio_account_sid,
    username: "SK0123456789abcdef0123456789abcdef",
  });
  expect(JSON.stringify(reply.logs)).not.toContain(API_KEY_SECRET);
});

test.each([
  ["auth.authenticate", "throw"],
  ["cache.remove", "throw"],
] as const)(
  "a Java exception from %s never escapes authenticate and never yields a token",
  async (target, effect) => {
    const instance = await initialised();
    const start = await host.authenticate(instance, START);
    const session = /session_id=([0-9a-f]+)/.exec(start.headers["X-ROPC-TWO-FA"] ?? "")?.[1] ?? "";
    const code = /\b(\d{6})\b/.exec(start.sms[0]?.body ?? "")?.[1] ?? "";
    const verified = await host.authenticate(instance, {
      ...START,
      parameters: { __step: "2", __session_id: session, username: "alice", password: code },
    });
    expect(verified.headers["X-ROPC-TWO-FA"]).toContain("step=3");
    await host.fault({ target, effect });
    const password = await host.authenticate(instance, {
      ...START,
      parameters: { __step: "3", __session_id: session, username: "alice", password: ALICE.password },
    });
    expect(password).toMatchObject({ outcome: "returned", value: false, user: null });
    expect(password.headers["X-ROPC-TWO-FA"]).toContain("error_code=10001");
  },
);

test("a failing user directory at step 1 answers server_error, not a decoy", async () => {
  const instance = await initialised();
  await host.fault({ target: "users.getUserByAttribute", effect: "throw" });
  const reply = await host.authenticate(instance, START);
  expect(reply).toMatchObject({ outcome: "returned", value: false, sms: [] });
  expect(reply.headers["X-ROPC-TWO-FA"]).toBe("status=error;error_code=10001;error=server_error");
});

test("a request without an authenticated client is refused before the flow runs", async () => {
  const instance = await initialised();
  const reply = await host.authenticate(instance, { ...START, clientId: "" });
  expect(reply).toMatchObject({ outcome: "returned", value: false, sms: [] });
  expect(reply.headers["X-ROPC-TWO-FA"]).toContain("error_code=10001");
});
