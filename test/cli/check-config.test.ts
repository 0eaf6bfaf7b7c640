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
  expect(result.stdout).toMatch(/error +otp_length: .*\(got "5"\)/);
  expect(result.stdout).toMatch(/error +otp_hash_key: /);
  expect(result.stdout).toMatch(/warning +twilio_auth_tokn: unknown property/);
  const everything = result.stdout + result.stderr;
  for (const secret of [...Object.values(SECRETS), "typo-secret-value-1234"]) {
    expect(everything).not.toContain(secret);
  }
});

test("a secret inside broken JSON is not quoted in the error", () => {
  const result = runInProcess(["check-config", "broken.json"], directory);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("broken.json: not valid JSON");
  expect(result.stderr).not.toContain(SECRET_TOKEN);
});

test.each([
  [["check-config"], "missing FILE"],
  [["check-config", "a.json", "b.json"], "unexpected argument b.json"],
  [["check-config", "--strict", "valid.json"], "unknown option --strict"],
  [["check-config", "absent.json"], "cannot read absent.json: ENOENT"],
])("bad arguments %j: exit 2 with the reason and the usage", (argv, reason) => {
  const result = runInProcess(argv, directory);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    `gamatech-ropc check-config: ${reason}\nusage: gamatech-ropc check-config FILE\n`,
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
