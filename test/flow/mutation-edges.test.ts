// The character classes and formats of the small helpers at every boundary code point: an off-by-one in any of them would
// let a control character into a log line, a malformed id into the store, or a wrong number to Twilio.

import { renderSms } from "../../src/flow/delivery";
import { logSafe } from "../../src/flow/log-text";
import { formatEventLine } from "../../src/flow/outcome";
import { decoyPhoneHint, isAllowedCountry, isE164, phoneHint } from "../../src/flow/phone";
import { parseState, serializeState } from "../../src/flow/session-state";
import type { SessionState } from "../../src/flow/session-state";
import {
  containsAnyOf,
  hasControlCharacter,
  isControlCode,
  isDigits,
  isLowerHex,
  isSimpleName,
  isTwilioSid,
  splitList,
} from "../../src/flow/text-checks";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

describe("character classes at their boundaries", () => {
  test("digits are 0-9 only", () => {
    expect(["0", "9", "0123456789"].map(isDigits)).toEqual([true, true, true]);
    expect(["/", ":", "12a", "1 "].map(isDigits)).toEqual([false, false, false, false]);
  });

  test("lower-case hexadecimal is 0-9 and a-f only", () => {
    expect(["a", "f", "09af"].map(isLowerHex)).toEqual([true, true, true]);
    expect(["`", "g", "A", "/", ":"].map(isLowerHex)).toEqual([false, false, false, false, false]);
  });

  test("Twilio SIDs: the prefix, then 32 hexadecimal characters in either case", () => {
    expect(isTwilioSid("AC" + "aB".repeat(16), "AC")).toBe(true);
    expect(isTwilioSid("MG" + "a".repeat(32), "AC")).toBe(false);
    expect(isTwilioSid("AC" + "a".repeat(33), "AC")).toBe(false);
    expect(isTwilioSid("AC" + "g".repeat(32), "AC")).toBe(false);
  });

  test("control codes are C0, DEL and C1", () => {
    expect([0, 31, 127, 128, 159].map(isControlCode)).toEqual([true, true, true, true, true]);
    expect([32, 126, 160].map(isControlCode)).toEqual([false, false, false]);
    expect(hasControlCharacter("ab\u009fc")).toBe(true);
    expect(hasControlCharacter("ab c\u00a0")).toBe(false);
  });

  test("simple names: a letter first, then letters, digits and hyphens", () => {
    expect(["a", "Z", "aZ-09", "mobile", "X-ROPC-TWO-FA"].map(isSimpleName)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["1a", "-a", "@", "[", "`", "{", "a_b", "a.b"].map(isSimpleName)).toEqual(Array(8).fill(false));
  });

  test("containsAnyOf looks at every character of the set", () => {
    expect(containsAnyOf("a)b", "*()\\")).toBe(true);
    expect(containsAnyOf("a\\b", "*()\\")).toBe(true);
    expect(containsAnyOf("ab", "*()\\")).toBe(false);
    expect(containsAnyOf("ab", "")).toBe(false);
  });

  test("lists are split on commas, trimmed, without empty items", () => {
    expect(splitList(" uid , ,mail,")).toEqual(["uid", "mail"]);
  });
});

describe("log text at its boundaries", () => {
  test("printable ASCII from ! to ~ stays, space and DEL are escaped", () => {
    expect(logSafe("!~", 10)).toBe("!~");
    expect(logSafe(" \u007f\u0000\uffff", 10)).toBe("\\u0020\\u007f\\u0000\\uffff");
  });

  test("exactly maxLength characters are not marked as cut", () => {
    expect(logSafe("abcd", 4)).toBe("abcd");
    expect(logSafe("abcde", 4)).toBe("abcd...");
  });
});

describe("phone numbers", () => {
  test("E.164: + then 1 to 15 digits, the first not 0", () => {
    expect(["+1", "+123456789012345"].map(isE164)).toEqual([true, true]);
    expect(["+", "+1234567890123456", "+0123", "4915112345678", "+49 151", "++49"].map(isE164)).toEqual(
      Array(6).fill(false),
    );
  });

  test("allowed countries match the number's prefix; an empty list allows all", () => {
    expect(isAllowedCountry("+4915112345678", [])).toBe(true);
    expect(isAllowedCountry("+4915112345678", ["1", "49"])).toBe(true);
    expect(isAllowedCountry("+4915112345678", ["43"])).toBe(false);
  });

  test("hints: none, masked (last two digits) or full", () => {
    expect(phoneHint("none", "+4915112345678")).toBeNull();
    expect(phoneHint("masked", "+4915112345678")).toBe("********78");
    expect(phoneHint("full", "+4915112345678")).toBe("+4915112345678");
  });

  test("a decoy's hints have the shape of real ones", () => {
    const hash = "0123456789abcdef".repeat(4);
    expect(decoyPhoneHint("masked", hash, [])).toBe("********01");
    expect(decoyPhoneHint("full", hash, [])).toBe("+14345678901");
    expect(decoyPhoneHint("full", hash, ["49"])).toBe("+4943456789012");
    expect(decoyPhoneHint("full", "ff" + "f".repeat(62), ["1"])).toBe("+19555555555");
    expect(decoyPhoneHint("none", hash, [])).toBeNull();
    for (const hint of [decoyPhoneHint("full", hash, []), decoyPhoneHint("full", hash, ["49"])]) {
      expect(isE164(hint!)).toBe(true);
    }
  });
});

describe("the SMS text", () => {
  test("every placeholder is replaced, however often it appears", () => {
    const config = makeConfig({
      sms_template: "{app}:{code} {code} ({minutes}/{minutes})",
      app_name: "Acme",
    });
    expect(renderSms(config, "004207", 300)).toBe("Acme:004207 004207 (5/5)");
  });

  test("minutes are the code's remaining life, rounded down: the text never promises more", () => {
    const config = makeConfig({ sms_template: "{code}{minutes}" });
    expect(renderSms(config, "x", 60)).toBe("x1");
    expect(renderSms(config, "x", 600)).toBe("x10");
    expect(renderSms(config, "x", 119)).toBe("x1");
    expect(renderSms(config, "x", 59)).toBe("x0");
  });
});

describe("session state text", () => {
  const state: SessionState = {
    version: 1,
    clientId: "c",
    login: "alice",
    userId: "alice",
    step: 2,
    codeHash: "h",
    verifyTo: "",
    maskedPhone: "********78",
    createdAt: 1,
    expiresAt: 2,
    codeIssuedAt: 1,
    sends: 1,
    lastSendAt: 1,
    otpFailures: 0,
    passwordFailures: 0,
  };

  test.each([
    ["version 2", { version: 2 }],
    ["step 1", { step: 1 }],
    ["step 5", { step: 5 }],
    ["a fractional deadline", { expiresAt: 2.5 }],
    ["fractional failures", { otpFailures: 0.5 }],
    ["fractional password failures", { passwordFailures: 0.5 }],
    ["a fractional send count", { sends: 1.5 }],
    ["a fractional last send", { lastSendAt: 1.5 }],
    ["a fractional issue time", { codeIssuedAt: 1.5 }],
    ["a fractional creation time", { createdAt: 1.5 }],
  ])("%s is refused", (_what, change) => {
    expect(parseState(serializeState({ ...state, ...change }))).toBeNull();
  });

  test("step 3 and a decoy's null user are accepted", () => {
    expect(parseState(serializeState({ ...state, step: 3, userId: null }))).toEqual({
      ...state,
      step: 3,
      userId: null,
    });
  });

  test("step 4, a password-first session's code step, is accepted", () => {
    expect(parseState(serializeState({ ...state, step: 4 }))).toEqual({ ...state, step: 4 });
  });
});

describe("log levels", () => {
  test("successes are info, refusals are warnings", () => {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig());
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, "12345");
    expect(world.log.lines.map((entry) => entry.level)).toEqual(["info", "warn"]);
    expect(formatEventLine(app.outcomes[1]!.events[0]!)).toBe(world.log.lines[1]!.line);
  });
});
