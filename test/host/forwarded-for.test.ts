// The built script reads every X-Forwarded-For header line, in order, through HttpServletRequest.getHeaders (a proxy
// chain may send the header on several lines), and the flow counts the address trusted_proxy_count picks from the right.
// Runs dist/GamatechRopc.py in Jython; the address shows in the start's log line (ip=...).

import * as path from "path";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateRequest } from "../../src/world/protocol";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(180_000);

const BUILT_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "GamatechRopc.py");
const CONFIG: Record<string, string> = {
  twilio_account_sid: "AC0123456789abcdef0123456789abcdef",
  twilio_auth_token: "auth-token-never-logged-4242",
  twilio_from_number: "+15005550006",
};
const ALICE = { uid: "alice", password: "correct horse battery", attributes: { mobile: ["+4915112345678"] } };

let host: JythonScriptHost;
let script: string;

beforeAll(() => {
  host = startTestWorld();
  host.reset({ users: [ALICE] });
  script = host.load(BUILT_SCRIPT);
});

afterAll(() => host?.close());

function startLogs(trustedProxies: number, headers: Record<string, string | string[]>): string[] {
  host.reset({ users: [ALICE] });
  const instance = host.create(script);
  const init = host.init(instance, { ...CONFIG, trusted_proxy_count: String(trustedProxies) });
  expect(init).toMatchObject({ outcome: "returned", value: true });
  const request: AuthenticateRequest = {
    parameters: { __step: "1", username: "alice", password: "" },
    clientId: "app-1",
    ip: "10.0.0.2",
    headers,
  };
  const reply = host.authenticate(instance, request);
  expect(reply.outcome).toBe("returned");
  return reply.logs;
}

const ipOf = (logs: string[]) =>
  logs.map((line) => / ip=(\S+)/.exec(line)?.[1]).find((ip) => ip !== undefined);

test("without trusted proxies the servlet's address counts, whatever X-Forwarded-For says", () => {
  expect(ipOf(startLogs(0, { "X-Forwarded-For": "203.0.113.9" }))).toBe("10.0.0.2");
});

test("header lines are read in order: one proxy trusted picks the right-most entry of the last line", () => {
  const logs = startLogs(1, { "X-Forwarded-For": ["198.51.100.1, 198.51.100.2", "192.0.2.44"] });
  expect(ipOf(logs)).toBe("192.0.2.44");
});

test("two proxies trusted pick the second entry from the right, across the lines", () => {
  const logs = startLogs(2, { "x-forwarded-for": ["198.51.100.1, 198.51.100.2", "192.0.2.44"] });
  expect(ipOf(logs)).toBe("198.51.100.2");
});

test("no X-Forwarded-For header: the servlet's address", () => {
  expect(ipOf(startLogs(1, {}))).toBe("10.0.0.2");
});
