// The configuration parser at its edges: the longest accepted values, the branch that must not warn, and the suggestion
// distance. Each case is one an administrator can hit, and a parser that gets it wrong either refuses a valid deployment or
// accepts a broken one silently.

import { parseConfig } from "../../src/flow/config";
import { VERIFY_SID, rawConfig } from "./doubles/scenario";

function parse(overrides: Record<string, string | null>) {
  return parseConfig(rawConfig(overrides));
}

function verifyConfig(overrides: Record<string, string | null>) {
  const raw: Record<string, string | null> = {
    ...rawConfig(),
    twilio_verify_service_sid: VERIFY_SID,
    ...overrides,
  };
  delete raw.twilio_from_number;
  return parseConfig(raw);
}

describe("the longest accepted values", () => {
  test("an app name of 60 characters and a template of 640 are accepted; one more is not", () => {
    expect(parse({ app_name: "a".repeat(60) }).errors).toEqual([]);
    expect(parse({ app_name: "a".repeat(61) }).errors).toHaveLength(1);
    const template = "{code}" + "x".repeat(634);
    expect(parse({ sms_template: template }).config!.smsTemplate).toBe(template);
    expect(parse({ sms_template: template + "x" }).errors).toHaveLength(1);
  });

  test("a header name of 64 characters is accepted; 65 is not", () => {
    expect(parse({ response_header_name: "X".repeat(64) }).config!.responseHeaderName).toBe("X".repeat(64));
    expect(parse({ response_header_name: "X".repeat(65) }).errors).toHaveLength(1);
  });

  test("ten attributes are accepted; eleven are not", () => {
    const ten = "a,b,c,d,e,f,g,h,i,j";
    expect(parse({ login_attributes: ten }).config!.loginAttributes).toEqual(ten.split(","));
    expect(parse({ login_attributes: ten + ",k" }).errors).toHaveLength(1);
  });

  test("a code may live exactly as long as the login", () => {
    expect(parse({ otp_ttl_seconds: "300", session_ttl_seconds: "300" }).errors).toEqual([]);
    expect(parse({ otp_ttl_seconds: "301", session_ttl_seconds: "300" }).errors).toHaveLength(1);
  });
});

describe("braces", () => {
  test("a single stray brace of either kind is refused in the template and in the app name", () => {
    for (const template of ["{code} {", "{code} }", "{code}{min}"]) {
      const errors = parse({ sms_template: template }).errors;
      expect([template, errors.length]).toEqual([template, 1]);
      expect(errors[0]).toMatch(/^sms_template: unknown placeholder or stray brace/);
    }
    for (const name of ["Acme{", "}Acme"]) {
      expect(parse({ app_name: name }).errors[0]).toMatch(/^app_name: contains a brace/);
    }
  });
});

describe("warnings only when they apply", () => {
  test("Verify with a channel and no template: no warning", () => {
    const result = verifyConfig({ twilio_verify_channel: "call" });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config!.twilioVerifyChannel).toBe("call");
  });

  test("a template without Verify: no warning", () => {
    const result = parse({ sms_template: "Your code: {code}" });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("suggestions for unknown names", () => {
  test("a name within three edits of a property gets the closest one; four edits get none", () => {
    // "otp_len" is three deletions from otp_length; "otp_le" is four.
    expect(parse({ otp_len: "8" }).warnings).toEqual([
      "otp_len: unknown property, ignored; did you mean otp_length?",
    ]);
    expect(parse({ otp_le: "8" }).warnings).toEqual(["otp_le: unknown property, ignored"]);
  });
});

describe("credentials", () => {
  const key = "0123456789abcdef".repeat(2);

  test("an API key SID must start with SK: an account SID in its place is refused", () => {
    const result = parse({ twilio_api_key_sid: "AC" + key, twilio_api_key_secret: "a-key-secret-value" });
    expect(result.config).toBeNull();
    expect(result.errors.join("\n")).toContain("twilio_api_key_sid");
  });

  test("with an API key pair the auth token is ignored, with a warning that names it but not its value", () => {
    const result = parse({ twilio_api_key_sid: "SK" + key, twilio_api_key_secret: "a-key-secret-value" });
    expect(result.errors).toEqual([]);
    expect(result.warnings.join("\n")).toContain("twilio_auth_token: ignored");
    expect([...result.errors, ...result.warnings].join("\n")).not.toContain("a-key-secret-value");
  });
});
