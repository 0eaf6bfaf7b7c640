import * as fs from "fs";
import type { CustomScriptPayload, PatchOperation } from "../../src/cli/payload";
import { templatePayload } from "../../src/cli/payload";
import { BUILT_SCRIPT, packageVersion } from "../../src/cli/project-files";
import { ROPC_TYPE } from "../../src/cli/script-type";
import {
  directoryWith,
  removeDirectory,
  runInProcess,
  runProcess,
  SECRET_TOKEN,
  VALID_CONFIG,
} from "./run-cli";

let directory: string;

beforeAll(() => {
  directory = directoryWith({
    "valid.json": JSON.stringify({ ...VALID_CONFIG, otp_hash_key: "k".repeat(40), app_name: " Acme " }),
    "invalid.properties": `twilio_auth_token=${SECRET_TOKEN}\notp_length=99`,
    // A new release's update given only some properties: a PUT of these would drop the auth token.
    "partial.json": JSON.stringify({ twilio_account_sid: VALID_CONFIG.twilio_account_sid, otp_length: "8" }),
    "api-key.json": JSON.stringify({
      twilio_account_sid: VALID_CONFIG.twilio_account_sid,
      twilio_api_key_sid: "SK" + "0123456789abcdef".repeat(2),
      twilio_api_key_secret: SECRET_TOKEN,
      twilio_messaging_service_sid: "MG" + "0123456789abcdef".repeat(2),
    }),
  });
});

afterAll(() => removeDirectory(directory));

function payloadOf(argv: string[]): CustomScriptPayload {
  const result = runProcess(["config-api-payload", ...argv], directory);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CustomScriptPayload;
}

test("a create body with the fields and values of Janssen's CustomScript schema", () => {
  const result = runProcess(["config-api-payload", "--properties", "valid.json"], directory);
  expect(result.code).toBe(0);
  const payload = JSON.parse(result.stdout) as CustomScriptPayload;
  expect(payload).toEqual({
    name: "gamatech-ropc",
    description: `SMS one-time code (Twilio) on the OAuth password grant; gamatech-ropc ${packageVersion()}`,
    scriptType: "resource_owner_password_credentials",
    programmingLanguage: "python",
    level: 1,
    revision: 1,
    enabled: true,
    locationType: "db",
    moduleProperties: [{ value1: "location_type", value2: "db" }],
    configurationProperties: expect.any(Array),
    script: fs.readFileSync(BUILT_SCRIPT, "utf8"),
  });
  expect(payload.name).toMatch(/^[a-zA-Z0-9_\-:/.]{2,60}$/);
  expect("inum" in payload).toBe(false);
});

test("properties keep the table's order, are trimmed, and secrets are hidden", () => {
  const payload = payloadOf(["--properties", "valid.json"]);
  expect(payload.configurationProperties.map((item) => [item.value1, item.value2, item.hide])).toEqual([
    ["twilio_account_sid", VALID_CONFIG.twilio_account_sid, false],
    ["twilio_auth_token", SECRET_TOKEN, true],
    ["twilio_from_number", VALID_CONFIG.twilio_from_number, false],
    ["app_name", "Acme", false],
    ["otp_hash_key", "k".repeat(40), true],
  ]);
  expect(payload.configurationProperties.every((item) => item.description.length > 0)).toBe(true);
});

test("without --properties: a disabled template with the required properties empty, and a note", () => {
  const result = runProcess(["config-api-payload"], directory);
  expect(result.code).toBe(0);
  const payload = JSON.parse(result.stdout) as CustomScriptPayload;
  expect(payload.configurationProperties.map((item) => [item.value1, item.value2, item.hide])).toEqual([
    ["twilio_account_sid", "", false],
    ["twilio_auth_token", "", true],
    ["twilio_from_number", "", false],
  ]);
  // Janssen would load an enabled template, fail its init and refuse every password grant of its clients.
  expect(payload.enabled).toBe(false);
  expect(payload.description).toContain("TEMPLATE, created disabled: fill in the custom properties");
  expect(payload.description).toContain("then set enabled to true");
  expect(result.stderr).toContain("A template: it creates the script disabled.");
});

test("the release's template (npm run release) is the same disabled template", () => {
  const script = fs.readFileSync(BUILT_SCRIPT, "utf8");
  expect(payloadOf([])).toEqual(templatePayload(script, packageVersion(), ROPC_TYPE));
  expect(templatePayload(script, packageVersion(), ROPC_TYPE).enabled).toBe(false);
});

test("--update alone: a JSON Patch of the script and its revision only, as a process", () => {
  const result = runProcess(
    ["config-api-payload", "--update", "--inum", "A1B2-C3D4", "--revision=7"],
    directory,
  );
  expect(result.code).toBe(0);
  const patch = JSON.parse(result.stdout) as PatchOperation[];
  expect(patch).toEqual([
    { op: "test", path: "/revision", value: 6 },
    { op: "replace", path: "/script", value: fs.readFileSync(BUILT_SCRIPT, "utf8") },
    { op: "replace", path: "/revision", value: 7 },
  ]);
  expect(result.stdout).not.toContain("configurationProperties");
  expect(result.stdout).not.toContain("enabled");
  expect(result.stderr).toBe(
    "JSON Patch for PATCH /jans-config-api/api/v1/config/scripts/A1B2-C3D4 " +
      "(Content-Type: application/json-patch+json): replaces only the script and its revision (6 to 7); " +
      "the custom properties are not touched.\n",
  );
});

test("--update with --properties: the full PUT body, enabled, with the inum, revision and name", () => {
  const payload = payloadOf([
    "--update",
    "--inum",
    "A1B2-C3D4",
    "--revision=7",
    "--name",
    "sms_ropc",
    "--properties",
    "valid.json",
  ]);
  expect(payload).toMatchObject({ inum: "A1B2-C3D4", revision: 7, name: "sms_ropc", enabled: true });
  expect(payload.configurationProperties.find((item) => item.value1 === "twilio_auth_token")).toEqual(
    expect.objectContaining({ value2: SECRET_TOKEN, hide: true }),
  );
});

test("--update with --properties accepts an API key instead of the auth token", () => {
  const payload = payloadOf(["--update", "--inum", "A1", "--revision=2", "--properties", "api-key.json"]);
  expect(payload.configurationProperties.map((item) => [item.value1, item.hide])).toEqual([
    ["twilio_account_sid", false],
    ["twilio_api_key_sid", false],
    ["twilio_api_key_secret", true],
    ["twilio_messaging_service_sid", false],
  ]);
});

test("--update with properties missing a required one: exit 1, the missing ones named, no body", () => {
  const result = runProcess(
    ["config-api-payload", "--update", "--inum", "A1", "--revision", "2", "--properties", "partial.json"],
    directory,
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain(
    "No payload written: a PUT replaces every custom property of the deployed script, and these required ones " +
      "have no value in partial.json: twilio_auth_token (or twilio_api_key_sid with twilio_api_key_secret); " +
      "a sender (twilio_from_number, twilio_messaging_service_sid, twilio_verify_service_sid).",
  );
  expect(result.stderr).toContain("leave out --properties (a patch of the script only)");
});

test("--update with properties the script would refuse: exit 1, no secret", () => {
  const result = runProcess(
    [
      "config-api-payload",
      "--update",
      "--inum",
      "A1",
      "--revision",
      "2",
      "--properties",
      "invalid.properties",
    ],
    directory,
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toContain(SECRET_TOKEN);
});

test("a properties file that cannot be read: exit 1, no usage line", () => {
  const result = runProcess(["config-api-payload", "--properties", "absent.json"], directory);
  expect(result).toEqual({
    code: 1,
    stdout: "",
    stderr: "gamatech-ropc config-api-payload: cannot read absent.json: no such file\n",
  });
});

test("properties the script would refuse: exit 1, the report on stderr, no payload, no secret", () => {
  const result = runProcess(["config-api-payload", "--properties", "invalid.properties"], directory);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain("otp_length");
  expect(result.stderr).toContain("No payload written");
  expect(result.stderr).not.toContain(SECRET_TOKEN);
});

test.each([
  [["--update"], "--update needs --revision"],
  [["--update", "--revision", "2"], "--update needs --revision"],
  [["--update", "--inum", "A1B2"], "--update needs --revision"],
  [["--revision", "0"], '--revision must be a positive integer (got "0")'],
  [["--revision", "two"], '--revision must be a positive integer (got "two")'],
  [["--inum", "a b"], "--inum must be"],
  [["--name", "x"], "--name must be 2 to 60"],
  [["--name", "has space"], "--name must be 2 to 60"],
  [["--properties"], "--properties needs a value"],
  [
    ["--update", "--inum", "A1", "--revision", "2", "--name", "x1"],
    "--name has no effect on --update without",
  ],
  [["--level", "2"], "unknown option --level"],
])("bad arguments %j: exit 2", (argv, reason) => {
  const result = runInProcess(["config-api-payload", ...argv], directory);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain(`gamatech-ropc config-api-payload: ${reason}`);
  expect(result.stderr).toContain("usage: gamatech-ropc config-api-payload [--type T] [--name N]");
});

test("the update form fails as a process with exit 2", () => {
  expect(runProcess(["config-api-payload", "--update", "--inum", "A1B2"], directory).code).toBe(2);
  const named = runProcess(
    ["config-api-payload", "--update", "--inum", "A1", "--revision", "2", "--name", "x1"],
    directory,
  );
  expect(named.code).toBe(2);
  expect(named.stdout).toBe("");
  expect(named.stderr).toContain("--name has no effect on --update without --properties");
});
