// `serve` with its own users, clients and custom properties, spoken to over HTTP as curl would, and `login` with the
// non-default options those need (another header name, client_secret_post).

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { killRunningLogins, LocalServer, LoginProcess } from "./processes";

jest.setTimeout(180_000);

const HEADER = "X-Login-Step";
const CLIENT = { client_id: "shop-app", client_secret: "shop-app-secret" };
const files = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-e2e-files-"));
let server: LocalServer;

function writeJson(name: string, value: unknown): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const usersFile = writeJson("users.json", [
  {
    uid: "erin",
    password: "erin-password",
    attributes: { mail: "erin@shop.example", mobile: "+33612345678" },
  },
]);
const clientsFile = writeJson("clients.json", [{ ...CLIENT, scopes: ["openid", "orders"] }]);
const configFile = writeJson("config.json", {
  twilio_account_sid: "AC11111111111111111111111111111111",
  twilio_auth_token: "another-fake-token",
  twilio_from_number: "+15005550006",
  response_header_name: HEADER,
});

function post(form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.tokenUrl, { method: "POST", headers, body: new URLSearchParams(form) });
}

async function errorOf(response: Response): Promise<[number, string]> {
  return [response.status, ((await response.json()) as { error: string }).error];
}

const basic = (id: string, secret: string) => ({
  Authorization: "Basic " + Buffer.from(`${id}:${secret}`).toString("base64"),
});

beforeAll(async () => {
  server = await LocalServer.start(["--users", usersFile, "--clients", clientsFile, "--config", configFile]);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  fs.rmSync(files, { recursive: true, force: true });
});

afterEach(killRunningLogins);

test("client_secret_post reaches the script; its answer is in the configured header, with Janssen's 401 body", async () => {
  const response = await post({ grant_type: "password", __step: "1", username: "erin", ...CLIENT });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: "invalid_client", error_description: "Invalid user." });
  expect(response.headers.get(HEADER)).toMatch(
    /^status=proceed;session_id=[0-9a-f]{64};step=2;expires_in=300;/,
  );
  expect(response.headers.get("X-ROPC-TWO-FA")).toBeNull();
});

test("bad client authentication: 401 invalid_client before the script runs; two methods at once: 400", async () => {
  const before = server.lineCount;
  const wrongBasic = await post(
    { grant_type: "password", __step: "1", username: "erin" },
    basic("shop-app", "nope"),
  );
  expect(wrongBasic.headers.get("WWW-Authenticate")).toMatch(/^Basic /);
  expect(wrongBasic.headers.get(HEADER)).toBeNull();
  expect(await errorOf(wrongBasic)).toEqual([401, "invalid_client"]);
  const unknownPost = await post({
    grant_type: "password",
    username: "erin",
    client_id: "who",
    client_secret: "x",
  });
  expect(unknownPost.status).toBe(401);
  const both = await post(
    { grant_type: "password", username: "erin", client_secret: "shop-app-secret" },
    basic("shop-app", "shop-app-secret"),
  );
  expect(await errorOf(both)).toEqual([400, "invalid_request"]);
  expect(server.smsLinesSince(before)).toEqual([]);
});

test("grant type: missing is invalid_request, another is unsupported_grant_type; a foreign scope is invalid_scope", async () => {
  const auth = basic(CLIENT.client_id, CLIENT.client_secret);
  const missing = await post({ username: "erin" }, auth);
  expect(await errorOf(missing)).toEqual([400, "invalid_request"]);
  const other = await post({ grant_type: "client_credentials" }, auth);
  expect(await errorOf(other)).toEqual([400, "unsupported_grant_type"]);
  const scope = await post({ grant_type: "password", __step: "1", username: "erin", scope: "admin" }, auth);
  expect(await errorOf(scope)).toEqual([400, "invalid_scope"]);
});

test("CORS: browser apps may read the script's header; preflight allowed", async () => {
  const origin = "http://localhost:5173";
  const response = await post(
    { grant_type: "password", __step: "1", username: "erin" },
    { ...basic(CLIENT.client_id, CLIENT.client_secret), Origin: origin },
  );
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
  expect(response.headers.get("Access-Control-Expose-Headers")).toBe(HEADER);
  const preflight = await fetch(server.tokenUrl, { method: "OPTIONS", headers: { Origin: origin } });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
});

test("other methods and paths", async () => {
  expect((await fetch(server.tokenUrl)).status).toBe(405);
  expect(
    (await fetch(new URL("/jans-auth/restv1/userinfo", server.tokenUrl), { method: "POST" })).status,
  ).toBe(404);
});

test("login with --client-auth post, --header and --scope, by mail", async () => {
  await server.advance(3601);
  const sms = server.nextCode();
  const client = new LoginProcess([
    "--token-url",
    server.tokenUrl,
    "--client-id",
    CLIENT.client_id,
    "--client-secret",
    CLIENT.client_secret,
    "--client-auth",
    "post",
    "--header",
    HEADER,
    "--scope",
    "orders",
    "--username",
    "erin@shop.example",
  ]);
  await client.expectLine(/^start: proceed, a code was sent \(valid 300 s/);
  client.type(await sms);
  await client.expectLine(/^code: proceed/);
  client.type("erin-password");
  await client.expectLine(/^Logged in\./);
  const result = await client.finished();
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('"scope": "orders"');
});

test("serve refuses custom properties the script's init refuses, naming the property", () => {
  const badConfig = writeJson("bad-config.json", { twilio_account_sid: "AC123", twilio_auth_token: "x" });
  const bin = path.resolve(__dirname, "..", "..", "bin", "gamatech-ropc");
  const run = spawnSync(process.execPath, [bin, "serve", "--port", "0", "--config", badConfig], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("GamatechRopc.py refused the custom properties");
  expect(run.stderr).toContain("twilio_account_sid");
  expect(run.stderr).toContain("check-config");
});
