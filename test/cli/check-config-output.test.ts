// check-config as a pipeline and an administrator use it: repeated properties and risky settings warn, messages are
// readable text (not the log's escaping), --json gives one documented object, and - reads standard input.

import * as fs from "fs";
import * as path from "path";
import { CHECK_CONFIG_JSON_FORMAT } from "../../src/cli/check-config";
import { CONFIG_PROPERTIES } from "../../src/flow/config";
import { directoryWith, removeDirectory, runProcess, SECRET_TOKEN, VALID_CONFIG } from "./run-cli";

const OTHER_SECRET = "an0ther-s3cret-T0KEN-value";
let directory: string;

/** A Config API export holding twilio_auth_token twice, with two different secrets. */
const EXPORT_WITH_REPEATS = {
  inum: "A1B2",
  name: "gamatech-ropc",
  configurationProperties: [
    ...Object.entries(VALID_CONFIG).map(([value1, value2]) => ({ value1, value2, hide: false })),
    { value1: "twilio_auth_token", value2: OTHER_SECRET, hide: true },
    { value1: "otp_length", value2: "8" },
    { value1: "otp_length", value2: "8" },
  ],
};

beforeAll(() => {
  directory = directoryWith({
    "export.json": JSON.stringify(EXPORT_WITH_REPEATS),
    "repeated.json": `{"twilio_auth_token": "${SECRET_TOKEN}", "twilio_account_sid": "${VALID_CONFIG.twilio_account_sid}", "twilio_from_number": "${VALID_CONFIG.twilio_from_number}", "twilio_auth_token": "${OTHER_SECRET}"}`,
    "repeated.properties": [
      ...Object.entries(VALID_CONFIG).map(([name, value]) => `${name}=${value}`),
      "phone_hint=masked",
      "phone_hint=full",
    ].join("\n"),
    "risky.json": JSON.stringify({
      ...VALID_CONFIG,
      phone_hint: "full",
      enumeration_protection: "false",
      max_sends_per_ip_per_hour: "0",
      resend_cooldown_seconds: "0",
    }),
    "spaces.json": JSON.stringify({
      ...VALID_CONFIG,
      app_name: "Acme\u0007Bank",
      otp_ttl_seconds: "5 min",
      "otp length": "8",
    }),
    "invalid.json": JSON.stringify({ ...VALID_CONFIG, otp_length: "99", twilio_account_sid: "x" }),
  });
});

afterAll(() => removeDirectory(directory));

describe("repeated properties", () => {
  test("a Config API export with a property twice: a warning that says whether the values differ, never them", () => {
    const result = runProcess(["check-config", "export.json"], directory);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("export.json: 0 errors, 2 warnings");
    expect(result.stdout).toContain(
      "warning  twilio_auth_token: given 2 times (different values); the last one is checked here, but Janssen " +
        "keeps one entry per name and which one is not guaranteed: keep only one",
    );
    expect(result.stdout).toContain("warning  otp_length: given 2 times (the same value each time)");
    expect(result.stdout + result.stderr).not.toContain(SECRET_TOKEN);
    expect(result.stdout + result.stderr).not.toContain(OTHER_SECRET);
  });

  test("a JSON object with a repeated name (JSON.parse keeps only the last)", () => {
    const result = runProcess(["check-config", "repeated.json"], directory);
    expect(result.stdout).toContain("warning  twilio_auth_token: given 2 times (different values)");
    expect(result.stdout + result.stderr).not.toContain(OTHER_SECRET);
  });

  test("a .properties file with a repeated key; the last value is the one checked", () => {
    const result = runProcess(["check-config", "repeated.properties"], directory);
    expect(result.stdout).toContain("warning  phone_hint: given 2 times (different values)");
    expect(result.stdout).toContain("warning  phone_hint: full puts the whole phone number");
    expect(result.stdout).toMatch(/phone_hint +full\n/);
  });
});

test("risky valid settings: accepted (exit 0), one warning each", () => {
  const result = runProcess(["check-config", "risky.json"], directory);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("risky.json: 0 errors, 4 warnings");
  expect(result.stdout).toContain(
    "warning  phone_hint: full puts the whole phone number in the start answer",
  );
  expect(result.stdout).toContain(
    "warning  enumeration_protection: false tells anyone which usernames exist",
  );
  expect(result.stdout).toContain("warning  max_sends_per_ip_per_hour: 0 turns the per-IP send limit off");
  expect(result.stdout).toContain("warning  resend_cooldown_seconds: 0 allows resends back to back");
  expect(result.stdout).toContain("init would succeed");
});

test("the terminal gets readable text: spaces and names as typed, control characters still escaped", () => {
  const result = runProcess(["check-config", "spaces.json"], directory);
  expect(result.stdout).toContain('error    otp_ttl_seconds: not an integer: 5 characters starting "5 "');
  expect(result.stdout).toContain("warning  otp length: unknown property, ignored; did you mean otp_length?");
  expect(result.stdout).toContain("app_name: too long or contains control characters");
  expect(result.stdout).not.toContain("\\u0020");
  expect(result.stdout).not.toContain("\u0007");
});

describe("--json", () => {
  test("a valid configuration: the documented shape, the settings in effect, no secret", () => {
    const result = runProcess(["check-config", "--json", "export.json"], directory);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      "format",
      "input",
      "type",
      "valid",
      "sender",
      "errors",
      "warnings",
      "settings",
    ]);
    expect(report).toMatchObject({
      format: CHECK_CONFIG_JSON_FORMAT,
      input: "export.json",
      type: "resource_owner_password_credentials",
      valid: true,
      sender: "from_number",
      errors: [],
    });
    expect(report.warnings).toEqual([
      { property: "twilio_auth_token", message: expect.stringMatching(/^twilio_auth_token: given 2 times/) },
      { property: "otp_length", message: expect.stringMatching(/^otp_length: given 2 times/) },
    ]);
    expect(report.settings.map((setting: { name: string }) => setting.name)).toEqual(
      CONFIG_PROPERTIES.map((item) => item.name),
    );
    const byName = Object.fromEntries(
      report.settings.map((setting: { name: string }) => [setting.name, setting]),
    );
    expect(byName.otp_length).toEqual({ name: "otp_length", source: "given", value: "8", hidden: false });
    expect(byName.otp_ttl_seconds).toEqual({
      name: "otp_ttl_seconds",
      source: "default",
      value: "300",
      hidden: false,
    });
    expect(byName.twilio_auth_token).toEqual({
      name: "twilio_auth_token",
      source: "given",
      value: null,
      hidden: true,
    });
    expect(byName.allowed_country_codes).toEqual({
      name: "allowed_country_codes",
      source: "not set",
      value: null,
      hidden: false,
    });
    expect(result.stdout).not.toContain(OTHER_SECRET);
    expect(result.stdout).not.toContain(SECRET_TOKEN);
  });

  test("an invalid configuration: exit 1, valid false, each error with its property, no settings", () => {
    const result = runProcess(["check-config", "--json", "invalid.json"], directory);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ valid: false, sender: null, settings: null, warnings: [] });
    expect(report.errors.map((error: { property: string }) => error.property)).toEqual([
      "twilio_account_sid",
      "otp_length",
    ]);
    expect(report.errors[1].message).toMatch(/^otp_length: out of range: above 10; accepted values: /);
  });

  test("messages are readable text there too", () => {
    const report = JSON.parse(runProcess(["check-config", "--json", "spaces.json"], directory).stdout);
    const unknown = report.warnings.find((item: { property: string }) => item.property === "otp length");
    expect(unknown.message).toBe("otp length: unknown property, ignored; did you mean otp_length?");
  });

  test("the shape is the one docs/configuration.md documents", () => {
    const docs = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
    for (const field of ["format", "input", "valid", "sender", "errors", "warnings", "settings"]) {
      expect(docs).toContain(`\`${field}\``);
    }
    expect(docs).toContain("check-config --json");
  });
});

describe("- reads standard input", () => {
  test("JSON from a pipe", () => {
    const result = runProcess(["check-config", "-"], directory, JSON.stringify(VALID_CONFIG));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("standard input: 0 errors, 0 warnings");
  });

  test(".properties from a pipe, with --json", () => {
    const text = fs.readFileSync(path.join(directory, "repeated.properties"), "utf8");
    const report = JSON.parse(runProcess(["check-config", "--json", "-"], directory, text).stdout);
    expect(report.input).toBe("standard input");
    expect(report.warnings[0].property).toBe("phone_hint");
  });

  test("nothing on standard input: exit 1 with the reason", () => {
    expect(runProcess(["check-config", "-"], directory, "")).toEqual({
      code: 1,
      stdout: "",
      stderr: "gamatech-ropc check-config: standard input: no input\n",
    });
  });
});
