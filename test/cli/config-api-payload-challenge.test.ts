// config-api-payload --type authorization_challenge: the payload of dist/GamatechAuthzChallenge.py, and the server setting
// without which a client that leaves out acr_values would log in with the password alone.

import * as fs from "fs";
import * as path from "path";
import type { CustomScriptPayload, PatchOperation } from "../../src/cli/payload";
import { templatePayload } from "../../src/cli/payload";
import { packageVersion, PROJECT_ROOT } from "../../src/cli/project-files";
import { CHALLENGE_TYPE } from "../../src/cli/script-type";
import {
  directoryWith,
  removeDirectory,
  runInProcess,
  runProcess,
  SECRET_TOKEN,
  VALID_CONFIG,
} from "./run-cli";

const CHALLENGE_SCRIPT = fs.readFileSync(
  path.join(PROJECT_ROOT, "dist", "GamatechAuthzChallenge.py"),
  "utf8",
);
const TYPE = ["--type", "authorization_challenge"];
const SERVER_NOTE =
  "set the server's authorizationChallengeDefaultAcr to the script's name (gamatech_authz_challenge) or disable the " +
  "default_challenge script: otherwise a client that leaves out acr_values is answered by default_challenge, which " +
  "checks the password only and skips the SMS code";

let directory: string;

beforeAll(() => {
  directory = directoryWith({
    "valid.json": JSON.stringify({ ...VALID_CONFIG, otp_hash_key: "k".repeat(40), app_name: " Acme " }),
    "code-first.json": JSON.stringify({ ...VALID_CONFIG, login_order: "code_first" }),
    "invalid.json": JSON.stringify({ ...VALID_CONFIG, otp_length: "99" }),
  });
});

afterAll(() => removeDirectory(directory));

test("a create body for the challenge script: its type, name, description and the built challenge script", () => {
  const result = runProcess(["config-api-payload", ...TYPE, "--properties", "valid.json"], directory);
  expect(result.code).toBe(0);
  const payload = JSON.parse(result.stdout) as CustomScriptPayload;
  expect(payload).toEqual({
    name: "gamatech_authz_challenge",
    description: `SMS one-time code (Twilio) at the Authorization Challenge endpoint; gamatech-ropc ${packageVersion()}`,
    scriptType: "authorization_challenge",
    programmingLanguage: "python",
    level: 1,
    revision: 1,
    enabled: true,
    locationType: "db",
    moduleProperties: [{ value1: "location_type", value2: "db" }],
    configurationProperties: expect.any(Array),
    script: CHALLENGE_SCRIPT,
  });
  expect(payload.script).toContain("class AuthorizationChallenge(");
  // The same property handling as the ROPC payload: the table's order, trimmed, secrets hidden.
  expect(payload.configurationProperties.map((item) => [item.value1, item.value2, item.hide])).toEqual([
    ["twilio_account_sid", VALID_CONFIG.twilio_account_sid, false],
    ["twilio_auth_token", SECRET_TOKEN, true],
    ["twilio_from_number", VALID_CONFIG.twilio_from_number, false],
    ["app_name", "Acme", false],
    ["otp_hash_key", "k".repeat(40), true],
  ]);
  // stdout holds only the payload; what it cannot set goes to stderr.
  expect(result.stderr).toBe(`Then ${SERVER_NOTE}.\n`);
});

test("--name: the note names the script as it will be deployed; the type is accepted in capitals too", () => {
  const result = runInProcess(
    [
      "config-api-payload",
      "--type",
      "AUTHORIZATION_CHALLENGE",
      "--name",
      "sms_challenge",
      "--properties",
      "valid.json",
    ],
    directory,
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({
    name: "sms_challenge",
    scriptType: "authorization_challenge",
  });
  expect(result.stderr).toContain("authorizationChallengeDefaultAcr to the script's name (sms_challenge)");
});

test("the template: disabled, and its description says how to check it and what to set on the server", () => {
  const result = runInProcess(["config-api-payload", ...TYPE], directory);
  expect(result.code).toBe(0);
  const payload = JSON.parse(result.stdout) as CustomScriptPayload;
  expect(payload).toEqual(templatePayload(CHALLENGE_SCRIPT, packageVersion(), CHALLENGE_TYPE));
  expect(payload.enabled).toBe(false);
  expect(payload.configurationProperties.map((item) => item.value2)).toEqual(["", "", ""]);
  expect(payload.description).toContain(
    "check them with gamatech-ropc check-config --type authorization_challenge, then set enabled to true; " +
      SERVER_NOTE,
  );
  expect(result.stderr).toContain("A template: it creates the script disabled. Next: fill in");
  expect(result.stderr).toContain(SERVER_NOTE);
});

test("--update alone: a patch of the challenge script, and the reminder without a name it cannot know", () => {
  const result = runInProcess(
    ["config-api-payload", ...TYPE, "--update", "--inum", "A1B2", "--revision", "3"],
    directory,
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout) as PatchOperation[]).toEqual([
    { op: "test", path: "/revision", value: 2 },
    { op: "replace", path: "/script", value: CHALLENGE_SCRIPT },
    { op: "replace", path: "/revision", value: 3 },
  ]);
  expect(result.stderr).toContain("replaces only the script and its revision (2 to 3)");
  expect(result.stderr).toContain(
    "Then set the server's authorizationChallengeDefaultAcr to the script's name or disable the default_challenge",
  );
});

test("login_order=code_first for the challenge script: the payload, with the warning on stderr", () => {
  const result = runInProcess(["config-api-payload", ...TYPE, "--properties", "code-first.json"], directory);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).configurationProperties).toContainEqual(
    expect.objectContaining({ value1: "login_order", value2: "code_first" }),
  );
  expect(result.stderr).toContain("code-first.json: 0 errors, 1 warning");
  expect(result.stderr).toContain(
    "warning  login_order: code_first at the Authorization Challenge endpoint, which does not authenticate public " +
      "clients: anyone who knows a username can have codes sent by SMS",
  );
  expect(result.stderr).not.toContain(SECRET_TOKEN);
});

test("properties the challenge script would refuse: exit 1, the report says what it refuses", () => {
  const result = runInProcess(["config-api-payload", ...TYPE, "--properties", "invalid.json"], directory);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain("refuses every authorization challenge.");
  expect(result.stderr).toContain("No payload written: the script would refuse these properties.");
});

test("the ROPC script stays the default and needs no server note", () => {
  const result = runInProcess(["config-api-payload", "--properties", "valid.json"], directory);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({
    name: "gamatech-ropc",
    scriptType: "resource_owner_password_credentials",
  });
  expect(result.stderr).toBe("");
  const explicit = runInProcess(
    ["config-api-payload", "--type", "resource_owner_password_credentials", "--properties", "valid.json"],
    directory,
  );
  expect(explicit).toEqual(result);
});

test.each([
  [["--type", "ropc"], '"ropc"'],
  [["--type", "person_authentication"], '"person_authentication"'],
])("an unknown --type %j: exit 2, the accepted types listed", (argv, got) => {
  const result = runInProcess(["config-api-payload", ...argv], directory);
  expect(result).toEqual({
    code: 2,
    stdout: "",
    stderr:
      "gamatech-ropc config-api-payload: --type must be resource_owner_password_credentials or " +
      `authorization_challenge (got ${got})\n` +
      "usage: gamatech-ropc config-api-payload [--type T] [--name N] [--properties FILE] [--revision R] [--inum I] " +
      "[--update]\n",
  });
});

test("--type without a value, as a process: exit 2", () => {
  const result = runProcess(["config-api-payload", "--type"], directory);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("--type needs a value");
});
