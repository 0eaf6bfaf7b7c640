// The messages of the shared validation (check-config prints them, the script's init logs them): a malformed value is
// described by its shape and never quoted, swapped secrets and SIDs are pointed out, and a value that already failed is
// not used by the rules between properties.
import fc from "fast-check";
import { CONFIG_PROPERTIES, parseConfig, valueShape } from "../../src/flow/config";

// Shaped like the real thing: a Twilio auth token is 32 lower-case hexadecimal characters.
const TOKEN = "9f86d081884c7d659a2feaa0c55ad015";
const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
const API_KEY_SID = "SK" + "00112233445566778899aabbccddeeff";
const BASE: Record<string, string> = {
  twilio_account_sid: ACCOUNT_SID,
  twilio_auth_token: TOKEN,
  twilio_from_number: "+15005550006",
};

function parse(overrides: Record<string, string>): { errors: string[]; warnings: string[] } {
  const result = parseConfig({ ...BASE, ...overrides });
  return { errors: result.errors, warnings: result.warnings };
}

const ASCII_LINE = /^[\x20-\x7e]*$/;

describe("config messages: the shape of a malformed value", () => {
  test("the length, the first two characters, and nothing more", () => {
    expect(valueShape("")).toBe("0 characters");
    expect(valueShape("5")).toBe("1 character");
    expect(valueShape("no")).toBe("2 characters");
    expect(valueShape("abc")).toBe('3 characters starting "ab"');
    expect(valueShape('"\u00e9x')).toBe('3 characters starting "\\u0022\\u00e9"');
  });

  test("the auth token pasted into twilio_account_sid: its shape, a warning, never the token", () => {
    const { errors, warnings } = parse({ twilio_account_sid: TOKEN });
    expect(errors).toEqual([
      'twilio_account_sid: malformed: 32 characters starting "9f", not starting with AC, expected 34; ' +
        "accepted values: AC followed by 32 hexadecimal characters",
    ]);
    expect(warnings).toEqual([
      "twilio_account_sid: looks like a Twilio auth token (32 hexadecimal characters); if a secret was typed here, " +
        "move it to its own field (twilio_auth_token is hidden, this one is not) and consider rotating it",
    ]);
    const everything = [...errors, ...warnings].join("\n");
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(2));
  });

  test("an SID with wrong characters says how many and where", () => {
    const sid = "AC0123456789abcdef0123456789abcdXY";
    expect(parse({ twilio_account_sid: sid }).errors).toEqual([
      'twilio_account_sid: malformed: 34 characters starting "AC", 2 characters outside 0-9a-fA-F (at 33, 34); ' +
        "accepted values: AC followed by 32 hexadecimal characters",
    ]);
    const many = "AC" + "z".repeat(32);
    expect(parse({ twilio_account_sid: many }).errors[0]).toContain(
      "32 characters outside 0-9a-fA-F (at 3, 4, 5, 6, 7, ...)",
    );
  });

  test("a valid SID of another kind is named", () => {
    expect(parse({ twilio_account_sid: API_KEY_SID }).errors[0]).toBe(
      "twilio_account_sid: malformed: an API key SID (SK followed by 32 hexadecimal characters), not AC...; " +
        "accepted values: AC followed by 32 hexadecimal characters",
    );
  });

  test("a phone number without + and other E.164 mistakes", () => {
    expect(parse({ twilio_from_number: "15005550006" }).errors[0]).toMatch(
      /^twilio_from_number: not an E\.164 number: 11 characters starting "15", not starting with \+;/,
    );
    expect(parse({ twilio_from_number: "+0123 456" }).errors[0]).toMatch(
      /^twilio_from_number: not an E\.164 number: 9 characters starting "\+0", 1 character outside 0-9 \(at 6\), the first digit is 0;/,
    );
    expect(parse({ twilio_from_number: "+" + "1".repeat(16) }).errors[0]).toContain("more than 15 digits");
  });

  test("integers say which way they are out of range, without the number", () => {
    expect(parse({ otp_length: "5" }).errors).toEqual([
      "otp_length: out of range: below 6; accepted values: an integer from 6 to 10",
    ]);
    expect(parse({ otp_length: "123456789012" }).errors[0]).toBe(
      "otp_length: out of range: above 10; accepted values: an integer from 6 to 10",
    );
    expect(parse({ otp_length: "six" }).errors[0]).toBe(
      'otp_length: not an integer: 3 characters starting "si", 3 characters outside 0-9 (at 1, 2, 3); ' +
        "accepted values: an integer from 6 to 10",
    );
  });

  test("lists, header names, country codes and texts", () => {
    expect(parse({ login_attributes: "uid,(mail)" }).errors[0]).toMatch(
      /^login_attributes: malformed list: 10 characters starting "ui", 2 characters outside letters, digits, - and , \(at 5, 10\);/,
    );
    expect(parse({ phone_attributes: "1mobile" }).errors[0]).toMatch(
      /^phone_attributes: malformed list: 7 characters starting "1m", a name starts with a digit or -, or holds a space;/,
    );
    expect(parse({ response_header_name: "X Header" }).errors[0]).toMatch(
      /^response_header_name: not a header name: 8 characters starting "X\\u0020", 1 character outside letters, digits and - \(at 2\);/,
    );
    expect(parse({ allowed_country_codes: "49,+0x1" }).errors[0]).toMatch(
      /^allowed_country_codes: malformed country code: 4 characters starting "\+0", item 2 of 2, 1 character outside 0-9 \(at 3\);/,
    );
    expect(parse({ app_name: "a".repeat(61) }).errors[0]).toMatch(
      /^app_name: too long or contains control characters: 61 characters starting "aa", at most 60;/,
    );
    expect(parse({ sms_template: "a\u0001b {code}" }).errors[0]).toMatch(
      /^sms_template: too long or contains control characters: 10 characters starting "a\\u0001", 1 character not printable \(at 2\);/,
    );
  });

  test("a secret's own problems say nothing about its value", () => {
    expect(parse({ otp_hash_key: "short-key-value" }).errors).toEqual([
      "otp_hash_key: too short; accepted values: at least 32 characters; the same on every node",
    ]);
  });

  test("no value of 8 or more characters is ever quoted, whatever the property, in printable ASCII", () => {
    const names = CONFIG_PROPERTIES.map((item) => item.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.string({ unit: "binary", minLength: 8, maxLength: 80 }),
        (name, value) => {
          const { errors, warnings } = parse({ [name]: value });
          const trimmed = value.trim();
          for (const line of [...errors, ...warnings]) {
            expect(ASCII_LINE.test(line)).toBe(true);
            if (trimmed.length >= 8) {
              expect(line).not.toContain(trimmed);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("config messages: swapped secrets and SIDs", () => {
  test("an Account SID or an API key SID in twilio_auth_token", () => {
    expect(parse({ twilio_auth_token: ACCOUNT_SID }).warnings).toEqual([
      "twilio_auth_token: looks like an Account SID (AC followed by 32 hexadecimal characters), not a secret: " +
        "are two fields swapped?",
    ]);
    expect(parse({ twilio_auth_token: API_KEY_SID }).warnings).toEqual([
      "twilio_auth_token: looks like an API key SID (SK followed by 32 hexadecimal characters), not a secret: " +
        "are two fields swapped?",
    ]);
  });

  test("an SID in twilio_api_key_secret", () => {
    const { warnings } = parse({ twilio_api_key_sid: API_KEY_SID, twilio_api_key_secret: API_KEY_SID });
    expect(warnings).toContain(
      "twilio_api_key_secret: looks like an API key SID (SK followed by 32 hexadecimal characters), not a secret: " +
        "are two fields swapped?",
    );
  });

  test("a token-shaped value in any SID field or the sender", () => {
    for (const name of ["twilio_api_key_sid", "twilio_messaging_service_sid", "twilio_from_number"]) {
      const { warnings } = parse({ [name]: TOKEN.toUpperCase() });
      expect(
        warnings.filter((line) => line.startsWith(`${name}: looks like a Twilio auth token`)),
      ).toHaveLength(1);
      expect(warnings.join("\n")).not.toContain(TOKEN.toUpperCase());
    }
  });

  test("a correct configuration gets no such warning", () => {
    expect(parse({}).warnings).toEqual([]);
  });
});

describe("config messages: rules between properties use valid values only", () => {
  test("a malformed otp_ttl_seconds is not compared with session_ttl_seconds", () => {
    expect(parse({ otp_ttl_seconds: "abc", session_ttl_seconds: "60" }).errors).toEqual([
      'otp_ttl_seconds: not an integer: 3 characters starting "ab", 3 characters outside 0-9 (at 1, 2, 3); ' +
        "accepted values: an integer from 60 to 600",
    ]);
    expect(parse({ otp_ttl_seconds: "9999", session_ttl_seconds: "60" }).errors).toEqual([
      "otp_ttl_seconds: out of range: above 600; accepted values: an integer from 60 to 600",
    ]);
  });

  test("a malformed session_ttl_seconds is not compared either", () => {
    expect(parse({ otp_ttl_seconds: "120", session_ttl_seconds: "30" }).errors).toEqual([
      "session_ttl_seconds: out of range: below 60; accepted values: an integer from 60 to 600",
    ]);
  });

  test("a malformed API key SID does not make the auth token 'ignored'", () => {
    const { errors, warnings } = parse({
      twilio_api_key_sid: "SK123",
      twilio_api_key_secret: "key-secret-value",
    });
    expect(errors).toEqual([
      'twilio_api_key_sid: malformed: 5 characters starting "SK", expected 34; ' +
        "accepted values: SK followed by 32 hexadecimal characters, together with twilio_api_key_secret",
    ]);
    expect(warnings).toEqual([]);
    const valid = parse({ twilio_api_key_sid: API_KEY_SID, twilio_api_key_secret: "key-secret-value" });
    expect(valid.warnings).toEqual([
      "twilio_auth_token: ignored because twilio_api_key_sid and twilio_api_key_secret are set",
    ]);
  });

  test("two valid values are compared, and both may be shown", () => {
    expect(parse({ otp_ttl_seconds: "400", session_ttl_seconds: "300" }).errors).toEqual([
      "otp_ttl_seconds: 400 is longer than session_ttl_seconds (300); accepted values: an integer from 60 to 600",
    ]);
  });
});
