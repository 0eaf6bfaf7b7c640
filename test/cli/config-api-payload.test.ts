import * as fs from "fs";
import type { CustomScriptPayload } from "../../src/cli/payload";
import { BUILT_SCRIPT, packageVersion } from "../../src/cli/project-files";
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
  });
});

afterAll(() => removeDirectory(directory));

// The payload embeds dist/GamatechRopc.py, which the build commits.
const haveScript = fs.existsSync(BUILT_SCRIPT);
const withScript = haveScript ? test : test.skip;

function payloadOf(argv: string[]): CustomScriptPayload {
  const result = runInProcess(["config-api-payload", ...argv], directory);
  expect(result).toMatchObject({ code: 0, stderr: "" });
  return JSON.parse(result.stdout) as CustomScriptPayload;
}

withScript("a create body with the fields and values of Janssen's CustomScript schema", () => {
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

withScript("properties keep the table's order, are trimmed, and secrets are hidden", () => {
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

withScript("without --properties: a template with the required properties, empty", () => {
  const payload = payloadOf([]);
  expect(payload.configurationProperties.map((item) => [item.value1, item.value2, item.hide])).toEqual([
    ["twilio_account_sid", "", false],
    ["twilio_auth_token", "", true],
    ["twilio_from_number", "", false],
  ]);
});

withScript("--update, --inum, --revision and --name", () => {
  const payload = payloadOf(["--update", "--inum", "A1B2-C3D4", "--revision=7", "--name", "sms_ropc"]);
  expect(payload).toMatchObject({ inum: "A1B2-C3D4", revision: 7, name: "sms_ropc" });
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
  [["--properties", "absent.json"], "cannot read absent.json"],
  [["--level", "2"], "unknown option --level"],
])("bad arguments %j: exit 2", (argv, reason) => {
  const result = runInProcess(["config-api-payload", ...argv], directory);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain(`gamatech-ropc config-api-payload: ${reason}`);
  expect(result.stderr).toContain("usage: gamatech-ropc config-api-payload [--name N]");
});

test("the update form fails as a process with exit 2", () => {
  expect(runProcess(["config-api-payload", "--update", "--inum", "A1B2"], directory).code).toBe(2);
});
