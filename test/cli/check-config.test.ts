import * as fs from "fs";
import * as path from "path";
import { CONFIG_PROPERTIES } from "../../src/flow/config";
import { configReport } from "../../src/cli/check-config";
import {
  directoryWith,
  removeDirectory,
  runInProcess,
  runProcess,
  SECRET_TOKEN,
  VALID_CONFIG,
} from "./run-cli";

const SECRETS = {
  twilio_auth_token: "tok-9f8e7d6c5b4a39281706",
  twilio_api_key_secret: "keysecret-0a1b2c3d4e5f",
  otp_hash_key: "hash-key-too-short",
};

let directory: string;

beforeAll(() => {
  directory = directoryWith({
    "valid.json": JSON.stringify({ ...VALID_CONFIG, otp_length: "8", phone_hint: "masked" }),
    "valid.properties": Object.entries(VALID_CONFIG)
      .map(([name, value]) => `${name}=${value}`)
      .join("\n"),
    // Invalid in several ways at once, with every secret set to a recognisable value.
    "invalid.properties": [
      "twilio_account_sid=not-a-sid",
      `twilio_auth_token=${SECRETS.twilio_auth_token}`,
      "twilio_api_key_sid=SK0123456789abcdef0123456789abcdef",
      `twilio_api_key_secret=${SECRETS.twilio_api_key_secret}`,
      `otp_hash_key=${SECRETS.otp_hash_key}`,
      "otp_length=5",
      "twilio_auth_tokn=typo-secret-value-1234",
    ].join("\n"),
    "broken.json": `{"twilio_auth_token": ${SECRET_TOKEN}}`,
  });
});

afterAll(() => removeDirectory(directory));

test("a valid configuration: exit 0, the settings in effect, defaults marked, the secret hidden", () => {
  const result = runProcess(["check-config", "valid.json"], directory);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  expect(result.stdout).toContain("valid.json: 0 errors, 0 warnings");
  expect(result.stdout).toContain("init would succeed (sender: from_number)");
  expect(result.stdout).toMatch(/otp_length +8\n/);
  expect(result.stdout).toMatch(/otp_ttl_seconds +300 \(default\)\n/);
  expect(result.stdout).toMatch(/twilio_auth_token +\(hidden\)\n/);
  expect(result.stdout).not.toContain(SECRET_TOKEN);
  for (const item of CONFIG_PROPERTIES) {
    expect(result.stdout).toContain(item.name);
  }
});

test("a .properties file is read the same way", () => {
  const result = runInProcess(["check-config", "valid.properties"], directory);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("init would succeed");
});

test("an invalid configuration: exit 1, every problem named, no secret echoed", () => {
  const result = runProcess(["check-config", "invalid.properties"], directory);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain("init would fail");
  expect(result.stdout).toMatch(/error +twilio_account_sid: /);
  expect(result.stdout).toMatch(/error +otp_length: out of range: below 6;/);
  expect(result.stdout).toMatch(/error +otp_hash_key: /);
  expect(result.stdout).toMatch(/warning +twilio_auth_tokn: unknown property/);
  const everything = result.stdout + result.stderr;
  for (const secret of [...Object.values(SECRETS), "typo-secret-value-1234"]) {
    expect(everything).not.toContain(secret);
  }
});

test("a secret inside broken JSON is not quoted in the error, which says where it goes wrong", () => {
  const result = runProcess(["check-config", "broken.json"], directory);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    "gamatech-ropc check-config: broken.json: not valid JSON: expected a value (text in double quotes, a number, " +
      "true, false, null, an object or a list) at line 1, column 23\n",
  );
  expect(result.stderr).not.toContain(SECRET_TOKEN);
});

test.each([
  [["check-config"], "missing FILE"],
  [["check-config", "a.json", "b.json"], "unexpected argument b.json"],
  [["check-config", "--strict", "valid.json"], "unknown option --strict"],
])("bad arguments %j: exit 2 with the reason and the usage", (argv, reason) => {
  const result = runInProcess(argv, directory);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    `gamatech-ropc check-config: ${reason}\nusage: gamatech-ropc check-config [--type T] [--json] FILE\n`,
  );
});

test("the report masks secret values even if a message were to quote one", () => {
  const raw = { twilio_auth_token: SECRET_TOKEN, misspelt_secret: "another-secret-value", otp_length: "6" };
  const report = configReport("f", raw, {
    config: null,
    errors: [`twilio_auth_token: bad (got "${SECRET_TOKEN}")`, 'misspelt_secret: "another-secret-value"'],
    warnings: [],
  });
  expect(report).toContain('twilio_auth_token: bad (got "(hidden)")');
  expect(report).toContain('misspelt_secret: "(hidden)"');
  expect(report).not.toContain(SECRET_TOKEN);
  expect(report).not.toContain("another-secret-value");
});

describe("check-config: a secret in the wrong field", () => {
  // Shaped like a real auth token (32 lower-case hexadecimal characters), pasted into the Account SID's field.
  const TOKEN = "9f86d081884c7d659a2feaa0c55ad015";
  let here: string;

  beforeAll(() => {
    here = directoryWith({
      "swapped.json": JSON.stringify({ ...VALID_CONFIG, twilio_account_sid: TOKEN }),
      "sid-as-token.json": JSON.stringify({
        ...VALID_CONFIG,
        twilio_auth_token: VALID_CONFIG.twilio_account_sid,
      }),
      "token-as-app-name.json": JSON.stringify({ ...VALID_CONFIG, app_name: TOKEN }),
      "bad-ttl.json": JSON.stringify({
        ...VALID_CONFIG,
        otp_ttl_seconds: "5 minutes",
        session_ttl_seconds: "60",
      }),
    });
  });

  afterAll(() => removeDirectory(here));

  test("the auth token in twilio_account_sid: its shape and a warning, never the token", () => {
    const result = runProcess(["check-config", "swapped.json"], here);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error    twilio_account_sid: malformed: 32 characters starting "9f", not starting with AC, expected 34; ',
    );
    expect(result.stdout).toContain(
      "warning  twilio_account_sid: looks like a Twilio auth token (32 hexadecimal characters)",
    );
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(result.stdout + result.stderr).not.toContain(TOKEN.slice(2, 12));
  });

  test("an Account SID in twilio_auth_token is a warning about swapped fields", () => {
    const result = runProcess(["check-config", "sid-as-token.json"], here);
    expect(result.stdout).toContain(
      "warning  twilio_auth_token: looks like an Account SID (AC followed by 32 hexadecimal characters), not a secret",
    );
  });

  test("a token-shaped value the script accepts is not printed among the settings either", () => {
    const result = runProcess(["check-config", "token-as-app-name.json"], here);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/app_name +\(hidden\)\n/);
    expect(result.stdout).toContain("warning  app_name: looks like a Twilio auth token");
    expect(result.stdout).not.toContain(TOKEN);
  });

  test("a malformed value is not used by the rules between properties", () => {
    const result = runProcess(["check-config", "bad-ttl.json"], here);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("bad-ttl.json: 1 error, 0 warnings");
    expect(result.stdout).toContain(
      'error    otp_ttl_seconds: not an integer: 9 characters starting "5 ", 8 characters outside 0-9',
    );
    expect(result.stdout).not.toContain("longer than session_ttl_seconds");
    expect(result.stdout).not.toContain("5 minutes");
  });
});

describe("check-config: files that hold no properties exit 1 and say why, never their text", () => {
  const SECRET = "s3cr3t-in-a-broken-file";
  let here: string;

  beforeAll(() => {
    here = directoryWith({
      "empty.json": "",
      "blank.properties": "\n  \n",
      "not-json.json": `{\n  "twilio_auth_token": ${SECRET}\n}`,
      "bom.json": "\uFEFF" + JSON.stringify(VALID_CONFIG),
      "array.json": JSON.stringify([VALID_CONFIG]),
      "paged.json": JSON.stringify({
        start: 0,
        totalEntriesCount: 2,
        entriesCount: 2,
        entries: [
          { name: "basic", scriptType: "person_authentication", configurationProperties: [] },
          {
            name: "gamatech-ropc",
            scriptType: "resource_owner_password_credentials",
            configurationProperties: [{ value1: "twilio_auth_token", value2: SECRET, hide: true }],
          },
        ],
      }),
    });
    fs.mkdirSync(path.join(here, "folder.json"));
  });

  afterAll(() => removeDirectory(here));

  test.each([
    ["empty.json", "empty.json: the file is empty"],
    ["blank.properties", "blank.properties: the file is empty"],
    [
      "not-json.json",
      "not-json.json: not valid JSON: expected a value (text in double quotes, a number, true, false, null, an object " +
        "or a list) at line 2, column 24",
    ],
    [
      "array.json",
      "array.json: the JSON is an array: it must be an object of property names to values, or one exported script",
    ],
    ["absent.json", "cannot read absent.json: no such file"],
    ["folder.json", "cannot read folder.json: is a directory, not a file"],
  ])("%s", (file, message) => {
    const result = runProcess(["check-config", file], here);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `gamatech-ropc check-config: ${message}\n` });
    expect(result.stderr).not.toContain(SECRET);
  });

  test("a paged Config API export names its entries and says which one to take", () => {
    const result = runProcess(["check-config", "paged.json"], here);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("paged.json: a paged list of 2 exported scripts, not one script");
    expect(result.stderr).toContain("jq '.entries[1]' paged.json > script.json");
    expect(result.stderr).toContain('[0] "basic" person_authentication, [1] "gamatech-ropc"');
    expect(result.stderr).not.toContain(SECRET);
  });

  test("a UTF-8 byte order mark is ignored", () => {
    const result = runProcess(["check-config", "bom.json"], here);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("bom.json: 0 errors, 0 warnings");
  });

  test("exit 2 stays for command-line mistakes", () => {
    expect(runProcess(["check-config"], here).code).toBe(2);
  });
});
