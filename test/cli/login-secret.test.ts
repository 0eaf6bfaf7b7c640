// login takes the client secret from GAMATECH_CLIENT_SECRET or a prompt, not only from the command line (where every
// local user sees it). The real bin/gamatech-ropc runs against a token endpoint in this test that records what it got.

import { spawn } from "child_process";
import * as http from "http";
import type { AddressInfo } from "net";
import { BIN } from "./run-cli";

jest.setTimeout(120_000);

const SECRET = "s3cr3t-client-Secret-42";
let server: http.Server;
let tokenUrl: string;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    request.resume();
    request.on("end", () => {
      // An answer the client gives up on at once: no prompt for a code follows.
      response.writeHead(401, { "X-ROPC-TWO-FA": "status=error;error_code=10011;error=invalid_request" });
      response.end('{"error":"invalid_grant"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jans-auth/restv1/token`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  authorizations.length = 0;
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Async, so that this process's token endpoint can answer while the CLI waits. */
function login(extra: string[], environment: Record<string, string>, stdin: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [BIN, "login", "--token-url", tokenUrl, "--client-id", "app", "--username", "alice", ...extra],
      { env: { ...process.env, GAMATECH_CLIENT_SECRET: "", ...environment }, stdio: "pipe" },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function basic(secret: string): string {
  return "Basic " + Buffer.from(`app:${secret}`).toString("base64");
}

test("the secret from GAMATECH_CLIENT_SECRET, never printed, no warning", async () => {
  const run = await login([], { GAMATECH_CLIENT_SECRET: SECRET }, "");
  expect(run.code).toBe(1);
  expect(authorizations).toEqual([basic(SECRET)]);
  expect(run.stdout).toContain("start: invalid_request (10011)");
  expect(run.stdout + run.stderr).not.toContain(SECRET);
  expect(run.stderr).not.toContain("visible to other local users");
});

test("--ask-client-secret prompts for it (one line of a pipe) before the first step", async () => {
  const run = await login(["--ask-client-secret"], { GAMATECH_CLIENT_SECRET: "not-this-one" }, SECRET + "\n");
  expect(run.code).toBe(1);
  expect(authorizations).toEqual([basic(SECRET)]);
  expect(run.stderr).toContain("Client secret: ");
  expect(run.stdout + run.stderr).not.toContain(SECRET);
});

test("--ask-client-secret with nothing typed: exit 1 before any request", async () => {
  const run = await login(["--ask-client-secret"], {}, "");
  expect(run.code).toBe(1);
  expect(authorizations).toEqual([]);
  expect(run.stderr).toContain("login: no client secret typed");
});

test("--client-secret still works, with a warning that it is visible", async () => {
  const run = await login(["--client-secret", SECRET], {}, "");
  expect(authorizations).toEqual([basic(SECRET)]);
  expect(run.stderr).toContain(
    "login: --client-secret is visible to other local users and kept in the shell's history; prefer " +
      "GAMATECH_CLIENT_SECRET or --ask-client-secret",
  );
});

test("no secret anywhere: a public client (client_id only)", async () => {
  const run = await login([], {}, "");
  expect(run.code).toBe(1);
  expect(authorizations).toEqual([undefined]);
});

test("--client-secret with --ask-client-secret: exit 2", async () => {
  const run = await login(["--client-secret", "x", "--ask-client-secret"], {}, "");
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("--client-secret and --ask-client-secret: give one");
  expect(authorizations).toEqual([]);
});
