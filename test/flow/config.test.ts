import { CONFIG_PROPERTIES, DEFAULT_SMS_TEMPLATE, parseConfig } from "../../src/flow/config";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  FROM_NUMBER,
  MESSAGING_SID,
  VERIFY_SID,
  rawConfig,
} from "./doubles/scenario";

function errorsOf(overrides: Record<string, string | null>): string[] {
  return parseConfig(rawConfig(overrides)).errors;
}

function without(...names: string[]): Record<string, string | null> {
  const raw = rawConfig();
  for (const name of names) {
    delete raw[name];
  }
  return raw;
}

describe("defaults", () => {
  test("the minimal configuration gets every documented default", () => {
    const result = parseConfig(rawConfig());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const config = result.config!;
    expect(config).toMatchObject({
      twilioAccountSid: ACCOUNT_SID,
      twilioAuthToken: AUTH_TOKEN,
      sender: "from_number",
      twilioFromNumber: FROM_NUMBER,
      twilioVerifyChannel: "sms",
      twilioTimeoutSeconds: 10,
      otpLength: 6,
      otpTtlSeconds: 300,
      sessionTtlSeconds: 600,
      maxOtpAttempts: 5,
      maxPasswordAttempts: 3,
      resendCooldownSeconds: 60,
      maxSendsPerSession: 3,
      maxSendsPerUserPerHour: 5,
      maxSendsPerIpPerHour: 20,
      maxFailuresPerUserPerHour: 10,
      trustedProxyCount: 0,
      loginAttributes: ["uid", "mail"],
      phoneAttributes: ["mobile", "telephoneNumber"],
      smsTemplate: DEFAULT_SMS_TEMPLATE,
      appName: "login",
      enumerationProtection: true,
      phoneHint: "none",
      allowedCountryCodes: [],
      responseHeaderName: "X-ROPC-TWO-FA",
      otpHashKey: null,
    });
  });

  test("every default in the table is what the parser uses", () => {
    const config = parseConfig(rawConfig()).config! as unknown as Record<string, unknown>;
    for (const item of CONFIG_PROPERTIES) {
      if (item.min === null) {
        continue;
      }
      const key = item.name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
      expect([item.name, config[key]]).toEqual([item.name, Number(item.defaultValue)]);
    }
  });

  test("empty and whitespace values count as absent", () => {
    const config = parseConfig(rawConfig({ otp_length: "  ", phone_hint: "", app_name: null })).config!;
    expect(config.otpLength).toBe(6);
    expect(config.phoneHint).toBe("none");
    expect(config.appName).toBe("login");
  });

  test("the config and its lists are frozen", () => {
    const config = parseConfig(rawConfig()).config!;
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.loginAttributes)).toBe(true);
    expect(Object.isFrozen(config.allowedCountryCodes)).toBe(true);
  });

  test("the table names each property once, flags the secrets and documents every integer's range", () => {
    const names = CONFIG_PROPERTIES.map((item) => item.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CONFIG_PROPERTIES.filter((item) => item.secret).map((item) => item.name)).toEqual([
      "twilio_auth_token",
      "twilio_api_key_secret",
      "otp_hash_key",
    ]);
    for (const item of CONFIG_PROPERTIES.filter((entry) => entry.min !== null)) {
      expect(item.accepted).toBe(`an integer from ${item.min} to ${item.max}`);
    }
    expect(names).toHaveLength(31);
  });
});

describe("required properties", () => {
  test("a missing account sid is an error naming the property and the accepted values", () => {
    const result = parseConfig(without("twilio_account_sid"));
    expect(result.config).toBeNull();
    expect(result.errors).toEqual([
      "twilio_account_sid: required; accepted values: AC followed by 32 hexadecimal characters",
    ]);
  });

  test("a malformed account sid is rejected", () => {
    expect(errorsOf({ twilio_account_sid: "AC123" })[0]).toMatch(
      /^twilio_account_sid: malformed: 5 characters starting "AC", expected 34;/,
    );
    expect(errorsOf({ twilio_account_sid: "XX" + "0".repeat(32) })).toHaveLength(1);
    expect(errorsOf({ twilio_account_sid: "AC" + "g".repeat(32) })).toHaveLength(1);
    expect(errorsOf({ twilio_account_sid: "AC" + "ABCDEF0123456789".repeat(2) })).toEqual([]);
  });

  test("an auth token or an API key pair is required", () => {
    expect(parseConfig(without("twilio_auth_token")).errors).toEqual([
      "twilio_auth_token: required (or twilio_api_key_sid with twilio_api_key_secret); accepted values: the account's auth token (not needed when twilio_api_key_sid and twilio_api_key_secret are set)",
    ]);
    const keyOnly = parseConfig({
      ...without("twilio_auth_token"),
      twilio_api_key_sid: "SK" + "1".repeat(32),
      twilio_api_key_secret: "key-secret-value",
    });
    expect(keyOnly.errors).toEqual([]);
    expect(keyOnly.config!.twilioApiKeySid).toBe("SK" + "1".repeat(32));
  });

  test("half an API key pair is an error", () => {
    expect(errorsOf({ twilio_api_key_sid: "SK" + "1".repeat(32) })[0]).toMatch(
      /^twilio_api_key_secret: required with/,
    );
    expect(errorsOf({ twilio_api_key_secret: "zzz-secret" })[0]).toMatch(
      /^twilio_api_key_sid: required with/,
    );
    expect(errorsOf({ twilio_api_key_sid: "SK12", twilio_api_key_secret: "x" })[0]).toMatch(
      /^twilio_api_key_sid: malformed/,
    );
  });

  test("an auth token next to an API key is ignored with a warning", () => {
    const result = parseConfig(
      rawConfig({ twilio_api_key_sid: "SK" + "1".repeat(32), twilio_api_key_secret: "s" }),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      "twilio_auth_token: ignored because twilio_api_key_sid and twilio_api_key_secret are set",
    ]);
  });
});

describe("senders", () => {
  test("no sender is an error listing the three", () => {
    expect(parseConfig(without("twilio_from_number")).errors).toEqual([
      "exactly one sender is required: twilio_from_number, twilio_messaging_service_sid or twilio_verify_service_sid (none is set)",
    ]);
  });

  test("two senders are an error", () => {
    expect(errorsOf({ twilio_messaging_service_sid: MESSAGING_SID })).toEqual([
      "exactly one sender is required: twilio_from_number, twilio_messaging_service_sid or twilio_verify_service_sid (twilio_from_number and twilio_messaging_service_sid are set)",
    ]);
  });

  test("each sender selects its mode", () => {
    const messaging = parseConfig({
      ...without("twilio_from_number"),
      twilio_messaging_service_sid: MESSAGING_SID,
    });
    expect(messaging.config!.sender).toBe("messaging_service");
    const verify = parseConfig({ ...without("twilio_from_number"), twilio_verify_service_sid: VERIFY_SID });
    expect(verify.config!.sender).toBe("verify");
    expect(parseConfig(rawConfig()).config!.sender).toBe("from_number");
  });

  test("the from number must be E.164 and is never repaired", () => {
    expect(errorsOf({ twilio_from_number: "15005550006" })[0]).toMatch(
      /^twilio_from_number: not an E\.164 number: 11 characters starting "15", not starting with \+; accepted values: an E\.164 number/,
    );
    expect(errorsOf({ twilio_from_number: "+05005550006" })).toHaveLength(1);
  });

  test("service sids need their prefix", () => {
    const raw = { ...without("twilio_from_number"), twilio_messaging_service_sid: VERIFY_SID };
    expect(parseConfig(raw).errors[0]).toMatch(/^twilio_messaging_service_sid: malformed/);
    const raw2 = { ...without("twilio_from_number"), twilio_verify_service_sid: MESSAGING_SID };
    expect(parseConfig(raw2).errors[0]).toMatch(/^twilio_verify_service_sid: malformed/);
  });

  test("the Verify channel accepts sms, call and whatsapp, and is only meaningful with Verify", () => {
    const base = { ...without("twilio_from_number"), twilio_verify_service_sid: VERIFY_SID };
    expect(parseConfig({ ...base, twilio_verify_channel: "WhatsApp" }).config!.twilioVerifyChannel).toBe(
      "whatsapp",
    );
    expect(parseConfig({ ...base, twilio_verify_channel: "email" }).errors[0]).toMatch(
      /^twilio_verify_channel: not one of the accepted values: 5 characters starting "em"; accepted values: sms, call or whatsapp$/,
    );
    expect(parseConfig(rawConfig({ twilio_verify_channel: "call" })).warnings).toEqual([
      "twilio_verify_channel: ignored without twilio_verify_service_sid",
    ]);
    expect(parseConfig({ ...base, sms_template: "{code}" }).warnings).toEqual([
      "sms_template: ignored with twilio_verify_service_sid (the Verify service has its own text)",
    ]);
  });
});

describe("integers", () => {
  const ranges: [string, number, number][] = [
    ["twilio_timeout_seconds", 1, 60],
    ["otp_length", 6, 10],
    ["otp_ttl_seconds", 60, 600],
    ["session_ttl_seconds", 60, 600],
    ["max_otp_attempts", 1, 10],
    ["max_password_attempts", 1, 10],
    ["resend_cooldown_seconds", 0, 300],
    ["max_sends_per_session", 1, 10],
    ["max_sends_per_user_per_hour", 1, 100],
    ["max_sends_per_ip_per_hour", 0, 100000],
    ["max_failures_per_user_per_hour", 1, 100],
    ["trusted_proxy_count", 0, 10],
  ];

  test.each(ranges)("%s accepts %d to %d and nothing else", (name, min, max) => {
    const extra: Record<string, string> = name === "otp_ttl_seconds" ? { session_ttl_seconds: "600" } : {};
    const low: Record<string, string> = name === "session_ttl_seconds" ? { otp_ttl_seconds: "60" } : {};
    expect(errorsOf({ ...extra, ...low, [name]: String(min) })).toEqual([]);
    expect(errorsOf({ ...extra, ...low, [name]: String(max) })).toEqual([]);
    const problems: [string, string][] = [
      [
        String(min - 1),
        min === 0
          ? "not an integer: 2 characters, 1 character outside 0-9 (at 1)"
          : `out of range: below ${min}`,
      ],
      [String(max + 1), `out of range: above ${max}`],
      ["abc", 'not an integer: 3 characters starting "ab", 3 characters outside 0-9 (at 1, 2, 3)'],
      ["-1", "not an integer: 2 characters, 1 character outside 0-9 (at 1)"],
      ["5.5", 'not an integer: 3 characters starting "5.", 1 character outside 0-9 (at 2)'],
      ["1e3", 'not an integer: 3 characters starting "1e", 1 character outside 0-9 (at 2)'],
      ["9999999999", `out of range: above ${max}`],
    ];
    for (const [bad, problem] of problems) {
      const errors = errorsOf({ ...extra, ...low, [name]: bad });
      expect(errors).toEqual([`${name}: ${problem}; accepted values: an integer from ${min} to ${max}`]);
    }
  });

  test("values are read as integers", () => {
    expect(parseConfig(rawConfig({ otp_length: " 8 " })).config!.otpLength).toBe(8);
  });

  test("a code may not outlive the login", () => {
    expect(errorsOf({ otp_ttl_seconds: "400", session_ttl_seconds: "300" })).toEqual([
      "otp_ttl_seconds: 400 is longer than session_ttl_seconds (300); accepted values: an integer from 60 to 600",
    ]);
  });
});

describe("lists and texts", () => {
  test("attribute lists are split, trimmed and checked", () => {
    const config = parseConfig(
      rawConfig({ login_attributes: " uid , mail,, employeeNumber ", phone_attributes: "mobile" }),
    ).config!;
    expect(config.loginAttributes).toEqual(["uid", "mail", "employeeNumber"]);
    expect(config.phoneAttributes).toEqual(["mobile"]);
    expect(errorsOf({ login_attributes: "uid,(mail)" })[0]).toMatch(/^login_attributes: malformed list/);
    expect(errorsOf({ phone_attributes: ",,," })[0]).toMatch(/^phone_attributes: malformed list/);
    expect(errorsOf({ phone_attributes: "a,b,c,d,e,f,g,h,i,j,k" })[0]).toMatch(
      /^phone_attributes: malformed list/,
    );
    expect(errorsOf({ login_attributes: "1uid" })).toHaveLength(1);
  });

  test("the SMS template must contain {code} and no unknown placeholder", () => {
    expect(
      parseConfig(rawConfig({ sms_template: "Code {code} for {app}, {minutes} min" })).config!.smsTemplate,
    ).toBe("Code {code} for {app}, {minutes} min");
    expect(errorsOf({ sms_template: "no code here" })[0]).toMatch(/^sms_template: \{code\} is missing/);
    expect(errorsOf({ sms_template: "{code} {name}" })[0]).toMatch(
      /^sms_template: unknown placeholder or stray brace/,
    );
    expect(errorsOf({ sms_template: "{code} }" })).toHaveLength(1);
    expect(errorsOf({ sms_template: "{code}" + "x".repeat(640) })[0]).toMatch(/^sms_template: too long/);
    expect(errorsOf({ sms_template: "{code}\u0007" })[0]).toMatch(/control characters/);
  });

  test("the app name is short text without braces", () => {
    expect(parseConfig(rawConfig({ app_name: "Acme Bank" })).config!.appName).toBe("Acme Bank");
    expect(errorsOf({ app_name: "{code}" })[0]).toMatch(/^app_name: contains a brace/);
    expect(errorsOf({ app_name: "x".repeat(61) })[0]).toMatch(/^app_name: too long/);
  });

  test("enumeration protection is true or false", () => {
    expect(parseConfig(rawConfig({ enumeration_protection: "FALSE" })).config!.enumerationProtection).toBe(
      false,
    );
    expect(parseConfig(rawConfig({ enumeration_protection: "true" })).config!.enumerationProtection).toBe(
      true,
    );
    expect(errorsOf({ enumeration_protection: "no" })).toEqual([
      "enumeration_protection: not one of the accepted values: 2 characters; accepted values: true or false",
    ]);
  });

  test("the phone hint is none, masked or full", () => {
    expect(parseConfig(rawConfig({ phone_hint: "Masked" })).config!.phoneHint).toBe("masked");
    expect(parseConfig(rawConfig({ phone_hint: "full" })).config!.phoneHint).toBe("full");
    expect(errorsOf({ phone_hint: "partial" })[0]).toMatch(
      /^phone_hint: .*accepted values: none, masked or full$/,
    );
  });

  test("country codes are 1 to 3 digits, with or without +", () => {
    expect(
      parseConfig(rawConfig({ allowed_country_codes: "+49, 1,353" })).config!.allowedCountryCodes,
    ).toEqual(["49", "1", "353"]);
    for (const bad of ["049", "1234", "4a", "+", "++49"]) {
      expect(errorsOf({ allowed_country_codes: bad })[0]).toMatch(
        /^allowed_country_codes: malformed country code/,
      );
    }
  });

  test("the header name is a token", () => {
    expect(parseConfig(rawConfig({ response_header_name: "X-My-2FA" })).config!.responseHeaderName).toBe(
      "X-My-2FA",
    );
    for (const bad of ["X 2FA", "X:2FA", "-X", "X".repeat(65)]) {
      expect(errorsOf({ response_header_name: bad })[0]).toMatch(/^response_header_name: not a header name/);
    }
  });

  test("an explicit hash key must be long", () => {
    expect(parseConfig(rawConfig({ otp_hash_key: "k".repeat(32) })).config!.otpHashKey).toBe("k".repeat(32));
    expect(errorsOf({ otp_hash_key: "short-key-value" })).toEqual([
      "otp_hash_key: too short; accepted values: at least 32 characters; the same on every node",
    ]);
  });
});

describe("messages", () => {
  test("secret values never appear in errors or warnings", () => {
    const secrets = ["SECRET-token-value", "SECRET-api-secret", "SECRET-hash"];
    const result = parseConfig({
      twilio_auth_token: secrets[0]!,
      twilio_api_key_secret: secrets[1]!,
      otp_hash_key: secrets[2]!,
      twilio_account_sid: "bad",
      twilio_from_number: "bad",
    });
    const text = [...result.errors, ...result.warnings].join("\n");
    expect(result.errors.length).toBeGreaterThan(2);
    expect(text).toMatch(/otp_hash_key: too short; accepted/);
    expect(text).toMatch(/twilio_api_key_sid: required with twilio_api_key_secret; accepted/);
    expect(text).not.toMatch(/SECRET/);
  });

  test("unknown names are warnings with a suggestion", () => {
    const result = parseConfig(rawConfig({ otp_lenght: "8", Twilio_From_Number: "x", something_else: "1" }));
    expect(result.errors).toEqual([]);
    expect(result.config!.otpLength).toBe(6);
    expect(result.warnings).toEqual([
      "otp_lenght: unknown property, ignored; did you mean otp_length?",
      "Twilio_From_Number: unknown property, ignored; did you mean twilio_from_number?",
      "something_else: unknown property, ignored",
    ]);
  });

  test("malformed values are described, not quoted, in ASCII", () => {
    const error = errorsOf({ phone_hint: "b\u00e9d\n" + "x".repeat(100) })[0]!;
    expect(error).toBe(
      'phone_hint: not one of the accepted values: 104 characters starting "b\\u00e9"; accepted values: none, masked or full',
    );
    expect(/^[\x20-\x7e]*$/.test(error)).toBe(true);
    const warning = parseConfig(rawConfig({ "we\u0000ird": "1" })).warnings[0]!;
    expect(warning).toBe("we\\u0000ird: unknown property, ignored");
  });

  test("several problems are all reported at once", () => {
    expect(errorsOf({ otp_length: "5", phone_hint: "x", max_otp_attempts: "0" })).toHaveLength(3);
  });
});
