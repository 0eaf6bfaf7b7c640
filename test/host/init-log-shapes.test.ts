// Issue 13 (P1-2) on the deployed script: init's log lines describe a malformed value by its shape and never quote it, so
// an auth token pasted into twilio_account_sid does not reach jans-auth_script.log. Runs dist/GamatechRopc.py in Jython.

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import { BUILT_SCRIPT } from "../conformance/jython-side";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(120_000);

// Shaped like a real auth token: 32 lower-case hexadecimal characters.
const TOKEN = "9f86d081884c7d659a2feaa0c55ad015";
const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

let host: JythonScriptHost;
let script: string;

beforeAll(async () => {
  host = startTestWorld({ timeoutMs: 120_000 });
  await host.reset({ users: [] });
  script = await host.load(BUILT_SCRIPT);
});

afterAll(async () => {
  await host.close();
});

test("the auth token in twilio_account_sid: init fails, the log gives its shape and a warning, never the token", async () => {
  const instance = await host.create(script);
  const init = await host.init(instance, {
    twilio_account_sid: TOKEN,
    twilio_auth_token: ACCOUNT_SID,
    twilio_from_number: "+1500555\u00e90006",
    otp_ttl_seconds: "five",
    session_ttl_seconds: "60",
  });
  expect(init).toMatchObject({ outcome: "returned", value: false });
  const text = init.logs.join("\n");
  expect(text).toContain(
    'config error: twilio_account_sid: malformed: 32 characters starting "9f", not starting with AC, expected 34;',
  );
  expect(text).toContain(
    "config: twilio_account_sid: looks like a Twilio auth token (32 hexadecimal characters)",
  );
  expect(text).toContain("config: twilio_auth_token: looks like an Account SID");
  expect(text).toContain(
    'config error: twilio_from_number: not an E.164 number: 13 characters starting "+1", 1 character outside 0-9 (at 9);',
  );
  expect(text).toContain('config error: otp_ttl_seconds: not an integer: 4 characters starting "fi"');
  expect(text).not.toContain("longer than session_ttl_seconds");
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(ACCOUNT_SID.slice(2));
  expect(text).not.toContain("five");
  for (const line of init.logs) {
    expect(/^[\x20-\x7e]*$/.test(line)).toBe(true);
  }
});
