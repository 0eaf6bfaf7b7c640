// `serve` refusals that come before Jython starts, through the real bin/gamatech-ropc: a port in use, and world files that
// are not JSON (whose text, a password or a client secret, must never be quoted).

import * as net from "net";
import { directoryWith, removeDirectory, runProcess } from "./run-cli";

jest.setTimeout(120_000);

const USER_PASSWORD = "hunter2-PASSWORD-5e4d3c";
const CLIENT_SECRET = "s3cr3t-CLIENT-8a7b6c5d";
const GOOD_USERS = JSON.stringify([{ uid: "erin", password: "erin-password" }]);
const GOOD_CLIENTS = JSON.stringify([{ client_id: "app", client_secret: "app-secret" }]);

let directory: string;

beforeAll(() => {
  directory = directoryWith({
    "users.json": GOOD_USERS,
    "clients.json": GOOD_CLIENTS,
    // A value without quotes: V8's message would quote the text around it.
    "bad-users.json": `[\n  {"uid": "erin", "password": ${USER_PASSWORD}}\n]\n`,
    // A trailing comma after the secret, on the second line.
    "bad-clients.json": `[\n  {"client_id": "app", "client_secret": "${CLIENT_SECRET}",}\n]\n`,
    "empty.json": "",
    "public-password.json": JSON.stringify([{ client_id: "app", grant_types: ["password"] }]),
    "bad-grant.json": JSON.stringify([{ client_id: "app", client_secret: "s", grant_types: ["implicit"] }]),
    "object.json": "{}",
  });
});

afterAll(() => removeDirectory(directory));

function serve(args: string[]) {
  return runProcess(["serve", ...args], directory);
}

test("a port in use: exit 1 with the reason and what to do, before Jython starts", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const result = serve(["--port", String(port)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    expect(result.stderr).toContain("--port 0");
    expect(result.stdout).not.toContain("Starting Jython");
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});

test("a port out of range is a command-line mistake: exit 2 with the usage line", () => {
  const result = serve(["--port", "70000"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("--port must be a number from 0 to 65535");
  expect(result.stderr).toContain("usage: gamatech-ropc serve");
});

test("a users file that is not JSON: exit 1, line and column, never the password on that line", () => {
  const result = serve(["--port", "0", "--users", "bad-users.json", "--clients", "clients.json"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/users file bad-users\.json: not valid JSON: .* at line 2, column 31/);
  expect(result.stderr + result.stdout).not.toContain(USER_PASSWORD.slice(0, 8));
  expect(result.stderr).not.toContain("usage:");
});

test("a clients file that is not JSON: exit 1, line and column, never the secret on that line", () => {
  const result = serve(["--port", "0", "--users", "users.json", "--clients", "bad-clients.json"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/clients file bad-clients\.json: not valid JSON: .* at line 2, column 66/);
  expect(result.stderr + result.stdout).not.toContain(CLIENT_SECRET.slice(0, 8));
});

test("missing, empty and non-array world files: exit 1 saying which and what", () => {
  const missing = serve(["--port", "0", "--users", "nope.json"]);
  expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining("nope.json: no such file")]);
  const empty = serve(["--port", "0", "--clients", "empty.json"]);
  expect([empty.code, empty.stderr]).toEqual([
    1,
    expect.stringContaining("clients file empty.json: the file is empty"),
  ]);
  const object = serve(["--port", "0", "--users", "object.json"]);
  expect([object.code, object.stderr]).toEqual([1, expect.stringContaining("expected a JSON array")]);
});

test("a public client with the password grant, or an unknown grant type: exit 1 naming the entry", () => {
  const publicPassword = serve(["--port", "0", "--clients", "public-password.json"]);
  expect([publicPassword.code, publicPassword.stderr]).toEqual([
    1,
    expect.stringContaining('entry 1: a public client (no "client_secret") cannot have the password grant'),
  ]);
  const badGrant = serve(["--port", "0", "--clients", "bad-grant.json"]);
  expect([badGrant.code, badGrant.stderr]).toEqual([
    1,
    expect.stringContaining('entry 1: "grant_types" must be a list of password, authorization_code'),
  ]);
});

test("help names the per-port default outbox", () => {
  const result = runProcess(["serve", "--help"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/gamatech-ropc-outbox-PORT\.txt/);
});
