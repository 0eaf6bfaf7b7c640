// check-config --type authorization_challenge: the properties as the challenge script's init reads them (its own defaults),
// the server setting it needs, and the risk of sending codes before the password at an endpoint without client
// authentication.

import {
  directoryWith,
  removeDirectory,
  runInProcess,
  runProcess,
  SECRET_TOKEN,
  VALID_CONFIG,
} from "./run-cli";

const TYPE = ["--type", "authorization_challenge"];
const SERVER_WARNING =
  "warning  set the server's authorizationChallengeDefaultAcr to the script's name (gamatech_authz_challenge unless " +
  "named otherwise) or disable the default_challenge script";
const CODE_FIRST_WARNING =
  "login_order: code_first at the Authorization Challenge endpoint, which does not authenticate public clients";

let directory: string;

beforeAll(() => {
  directory = directoryWith({
    "valid.json": JSON.stringify(VALID_CONFIG),
    "code-first.properties": [
      ...Object.entries(VALID_CONFIG).map(([name, value]) => `${name}=${value}`),
      "login_order= Code_First ",
    ].join("\n"),
    "password-first.json": JSON.stringify({ ...VALID_CONFIG, login_order: "password_first" }),
    "invalid.json": JSON.stringify({ ...VALID_CONFIG, twilio_account_sid: "x" }),
    "header.json": JSON.stringify({ ...VALID_CONFIG, response_header_name: "X-Copied-From-Ropc" }),
  });
});

afterAll(() => removeDirectory(directory));

test("the challenge script's defaults are in effect, with the server setting as a warning", () => {
  const result = runProcess(["check-config", ...TYPE, "valid.json"], directory);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  expect(result.stdout).toContain("valid.json: 0 errors, 1 warning");
  expect(result.stdout).toContain(SERVER_WARNING);
  expect(result.stdout).toMatch(/login_order +password_first \(default\)\n/);
  expect(result.stdout).not.toContain(CODE_FIRST_WARNING);
  expect(result.stdout).not.toContain(SECRET_TOKEN);
});

test("without --type: the ROPC script, code_first by default, no challenge warning", () => {
  const result = runInProcess(["check-config", "valid.json"], directory);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("valid.json: 0 errors, 0 warnings");
  expect(result.stdout).toMatch(/login_order +code_first \(default\)\n/);
  expect(result.stdout).not.toContain("authorizationChallengeDefaultAcr");
  const code = runInProcess(["check-config", "code-first.properties"], directory);
  expect(code.stdout).not.toContain(CODE_FIRST_WARNING);
});

test("login_order=code_first chosen for the challenge script (any case, spaces): a warning, still valid", () => {
  const result = runInProcess(["check-config", ...TYPE, "code-first.properties"], directory);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("code-first.properties: 0 errors, 2 warnings");
  expect(result.stdout).toContain(
    `warning  ${CODE_FIRST_WARNING}: anyone who knows a username can have codes sent by SMS (billed to the Twilio ` +
      "account), held back only by the send limits; password_first (this script's default) sends nothing before the " +
      "password is right",
  );
  expect(result.stdout).toMatch(/login_order +Code_First\n/);
});

test("password_first given explicitly: given, no code_first warning", () => {
  const result = runInProcess(["check-config", ...TYPE, "password-first.json"], directory);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/login_order +password_first\n/);
  expect(result.stdout).not.toContain(CODE_FIRST_WARNING);
});

test("--json: the type, the challenge defaults in the settings, each warning with its property", () => {
  const result = runInProcess(["check-config", "--json", ...TYPE, "code-first.properties"], directory);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report).toMatchObject({ type: "authorization_challenge", valid: true, errors: [] });
  expect(report.warnings).toEqual([
    {
      property: "login_order",
      message: expect.stringMatching(/^login_order: code_first at the Authorization/),
    },
    { property: null, message: expect.stringMatching(/^set the server's authorizationChallengeDefaultAcr/) },
  ]);
  const valid = JSON.parse(runInProcess(["check-config", "--json", ...TYPE, "valid.json"], directory).stdout);
  expect(valid.settings).toContainEqual({
    name: "login_order",
    source: "default",
    value: "password_first",
    hidden: false,
  });
});

test("response_header_name given to the challenge script: valid, with a warning on the property; none for the ROPC script", () => {
  const result = runInProcess(["check-config", "--json", ...TYPE, "header.json"], directory);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).warnings).toContainEqual({
    property: "response_header_name",
    message:
      "response_header_name: not read by this script (its answers are JSON bodies, not a response header); it " +
      "changes nothing",
  });
  // The script does not read it, so no setting of the script's shows it.
  const settings = JSON.parse(result.stdout).settings as Array<{ name: string }>;
  expect(settings.map((setting) => setting.name)).not.toContain("response_header_name");
  expect(settings.map((setting) => setting.name)).toContain("login_order");
  const ropc = JSON.parse(runInProcess(["check-config", "--json", "header.json"], directory).stdout);
  expect(ropc.warnings).toEqual([]);
  expect(ropc.settings).toContainEqual(
    expect.objectContaining({ name: "response_header_name", value: "X-Copied-From-Ropc" }),
  );
});

test("a configuration the challenge script refuses: exit 1, and what Janssen then refuses", () => {
  const result = runInProcess(["check-config", ...TYPE, "invalid.json"], directory);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    "init would fail: Janssen keeps the script disabled and refuses every authorization challenge.",
  );
  expect(runInProcess(["check-config", "invalid.json"], directory).stdout).toContain(
    "refuses every password grant.",
  );
});

test("an unknown --type: exit 2, the accepted types listed, the file not read", () => {
  const result = runProcess(["check-config", "--type", "challenge", "absent.json"], directory);
  expect(result).toEqual({
    code: 2,
    stdout: "",
    stderr:
      "gamatech-ropc check-config: --type must be resource_owner_password_credentials or authorization_challenge " +
      '(got "challenge")\nusage: gamatech-ropc check-config [--type T] [--json] FILE\n',
  });
});
