// The small building blocks, at their edges.

import fc from "fast-check";
import { renderSms } from "../../src/flow/delivery";
import { errorName } from "../../src/flow/error-codes";
import { errorHeader, formatHeader, headerSafe, pair } from "../../src/host/ropc-header";
import { logQuoted, logSafe } from "../../src/flow/log-text";
import { generateCode, isWellFormedCode } from "../../src/flow/otp";
import { choosePhone, decoyPhoneHint, isE164, maskPhone } from "../../src/flow/phone";
import { claimSlot, fullFor, slotExpiry } from "../../src/flow/rate-limits";
import { parseState, serializeState, SessionState } from "../../src/flow/session-state";
import {
  consistsOf,
  editDistance,
  hasControlCharacter,
  isDigits,
  isLowerHex,
  isSimpleName,
  isTwilioSid,
} from "../../src/flow/text-checks";
import { ManualClock, MemoryClaimStore, TestRandom } from "./doubles/ports";
import { makeConfig } from "./doubles/scenario";

describe("E.164", () => {
  test.each([
    ["+1", true],
    ["+491511234567", true],
    ["+123456789012345", true],
    ["+1234567890123456", false],
    ["+", false],
    ["", false],
    ["+0123", false],
    ["491511234567", false],
    ["00491511234567", false],
    ["+49 151", false],
    ["+49-151", false],
    ["+４９", false],
  ])("%s → %s", (text, valid) => {
    expect(isE164(text)).toBe(valid);
  });

  test("no phone qualifies: null", () => {
    expect(choosePhone(["123", "+0"], [])).toBeNull();
    expect(choosePhone(["+4915100000000"], ["1", "44"])).toBeNull();
  });

  test("masking is fixed width and shows the last two digits only", () => {
    expect(maskPhone("+12")).toBe("********12");
    expect(maskPhone("+123456789012345")).toBe("********45");
  });

  test("a decoy hint is none when hints are off", () => {
    expect(decoyPhoneHint("none", "ab".repeat(32), [])).toBeNull();
  });
});

describe("header", () => {
  test("values cannot break the grammar", () => {
    expect(headerSafe("a;b=c d\u0000\u00e9+*-._Z9")).toBe("a_b_c_d__+*-._Z9");
    expect(formatHeader("proceed", [pair("k", "v;x")])).toBe("status=proceed;k=v_x");
  });

  test("property: any value gives a parseable header", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const value = formatHeader("error", [pair("a", a), pair("b", b)]);
        expect(value.split(";").map((part) => part.split("=").length)).toEqual([2, 2, 2]);
        expect(/[\s\u0000-\u001f]/.test(value)).toBe(false);
      }),
    );
  });

  test("every error code has its name", () => {
    const names = [10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010, 10011, 10012].map(
      errorName,
    );
    expect(names).toEqual([
      "server_error",
      "user_not_found",
      "phone_not_found",
      "otp_not_sent",
      "invalid_otp",
      "session_expired",
      "invalid_session",
      "invalid_credentials",
      "too_many_attempts",
      "rate_limited",
      "invalid_request",
      "otp_expired",
    ]);
    expect(errorHeader(10005, [pair("attempts_left", "2")])).toBe(
      "status=error;error_code=10005;error=invalid_otp;attempts_left=2",
    );
  });
});

describe("log text", () => {
  test("escapes everything outside printable ASCII and the separators", () => {
    expect(logSafe('a b=c"d\\e\u007f\u00ff\u{1F600}', 100)).toBe(
      "a\\u0020b\\u003dc\\u0022d\\u005ce\\u007f\\u00ff\\ud83d\\ude00",
    );
  });

  test("caps the length before escaping and marks the cut", () => {
    expect(logSafe("abcdef", 3)).toBe("abc...");
    expect(logSafe("abc", 3)).toBe("abc");
  });

  test("property: the result is printable ASCII without spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(/^[\x21-\x7e]*$/.test(logSafe(text, 64))).toBe(true);
      }),
    );
  });
});

describe("codes", () => {
  test("digit by digit from the secure source, leading zeros kept", () => {
    const random = new TestRandom();
    random.intScript.push(0, 0, 0, 0, 0, 0, 9, 9);
    expect(generateCode(random, 8)).toBe("00000099");
    expect(random.bounds).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
  });

  test("property: generated codes are always well formed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 10 }), (length) => {
        expect(isWellFormedCode(generateCode(new TestRandom(), length), length)).toBe(true);
      }),
    );
  });

  test("every digit appears at every position (uniform source, no bias to a subset)", () => {
    const random = new TestRandom();
    const seen = [0, 1, 2, 3, 4, 5].map(() => new Set<string>());
    for (let i = 0; i < 400; i++) {
      const code = generateCode(random, 6);
      [...code].forEach((digit, position) => seen[position]!.add(digit));
    }
    expect(seen.map((digits) => digits.size)).toEqual([10, 10, 10, 10, 10, 10]);
  });
});

describe("session state", () => {
  const state: SessionState = {
    version: 1,
    clientId: "c",
    login: "l\u00e9",
    userId: null,
    step: 2,
    codeHash: "",
    verifyTo: "",
    maskedPhone: "",
    createdAt: 1,
    expiresAt: 2,
    codeIssuedAt: 1,
    sends: 1,
    lastSendAt: 1,
    otpFailures: 0,
    passwordFailures: 0,
  };

  test("round trip", () => {
    expect(parseState(serializeState(state))).toEqual(state);
  });

  test("fields in another order are refused", () => {
    const { version, ...rest } = state;
    expect(parseState(JSON.stringify({ ...rest, version }))).toBeNull();
  });

  test("a non-integer number is refused", () => {
    expect(parseState(serializeState({ ...state, sends: 1.5 }))).toBeNull();
  });
});

describe("limit slots", () => {
  test("slots are taken lowest first, each holding its expiry, and a full limit says when the earliest frees", () => {
    const clock = new ManualClock();
    const claims = new MemoryClaimStore(clock);
    expect(claimSlot(claims, "k", 2, 3600, clock.now)).toEqual({ slot: 1, key: "k:1", retryAfter: 0 });
    expect(claims.peek("k:1")).toBe(String(clock.now + 3600000));
    clock.advanceSeconds(100);
    expect(claimSlot(claims, "k", 2, 3600, clock.now)).toMatchObject({ slot: 2, key: "k:2" });
    expect(fullFor(claims, "k", 2, clock.now)).toBe(3500);
    expect(claimSlot(claims, "k", 2, 3600, clock.now)).toEqual({ slot: 0, key: "", retryAfter: 3500 });
    claims.release("k:1");
    expect(fullFor(claims, "k", 2, clock.now)).toBe(0);
    expect(claimSlot(claims, "k", 2, 3600, clock.now)).toMatchObject({ slot: 1 });
  });

  test("a held slot whose stored expiry has passed counts as taken, with a short wait", () => {
    const clock = new ManualClock();
    const claims = new MemoryClaimStore(clock);
    claims.keepExpired = true;
    claimSlot(claims, "k", 1, 3600, clock.now);
    clock.advanceSeconds(3600);
    expect(fullFor(claims, "k", 1, clock.now)).toBe(1);
    expect(claimSlot(claims, "k", 1, 3600, clock.now)).toEqual({ slot: 0, key: "", retryAfter: 1 });
    claims.sweep();
    expect(claimSlot(claims, "k", 1, 3600, clock.now)).toMatchObject({ slot: 1 });
  });

  test("a slot that cannot be confirmed or read is taken, with a short wait", () => {
    const clock = new ManualClock();
    const claims = new MemoryClaimStore(clock);
    claims.forgetful = true;
    expect(claimSlot(claims, "k", 3, 3600, clock.now)).toEqual({ slot: 0, key: "", retryAfter: 1 });
    expect(claims.calls.filter((call) => call === "claim")).toHaveLength(3);
  });

  test("a slot value the flow did not write throws", () => {
    expect(() => slotExpiry("1.0")).toThrow("corrupt limit slot");
    expect(() => slotExpiry("")).toThrow("corrupt limit slot");
    expect(slotExpiry("1767272400000")).toBe(1767272400000);
  });
});

describe("escaping for headers and log lines, per code unit", () => {
  const units = fc.oneof(
    fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)),
    fc.constantFrom("\uD800", "\uDC00", "\uD83D\uDE00", " ", "=", '"', "\\", "~", "!"),
  );
  const mixed = fc.array(units, { maxLength: 12 }).map((parts) => parts.join(""));
  const escape = (unit: string): string => "\\u" + unit.charCodeAt(0).toString(16).padStart(4, "0");

  test("headerSafe replaces every unit outside the value grammar, and returns a safe value as it is", () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(headerSafe(text)).toBe(text.replace(/[^A-Za-z0-9+*\-._]/g, "_"));
      }),
      { numRuns: 2000 },
    );
  });

  test("logSafe and logQuoted escape exactly the unsafe units, cut or not", () => {
    fc.assert(
      fc.property(mixed, fc.integer({ min: 0, max: 14 }), (text, max) => {
        const kept = text.slice(0, max);
        const tail = text.length > max ? "..." : "";
        expect(logSafe(text, max)).toBe(kept.replace(/[^\x21\x23-\x3c\x3e-\x5b\x5d-\x7e]/g, escape) + tail);
        expect(logQuoted(text, max)).toBe(
          '"' + kept.replace(/[^\x20\x21\x23-\x3c\x3e-\x5b\x5d-\x7e]/g, escape) + tail + '"',
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("text checks", () => {
  test("edges", () => {
    expect(isDigits("")).toBe(false);
    expect(isLowerHex("")).toBe(false);
    expect(isLowerHex("0af")).toBe(true);
    expect(isSimpleName("")).toBe(false);
    expect(isTwilioSid("AC" + "0".repeat(31), "AC")).toBe(false);
  });

  // The checks test whole characters against a set; these pin them, per UTF-16 code unit, to the regular expressions
  // they stand for, on text mixing ASCII, controls, C1, non-ASCII, lone surrogates and surrogate pairs.
  const units = fc.oneof(
    fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)),
    fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\u2028", "\uFFFF", "\u00a0"),
  );
  const mixed = fc.array(units, { maxLength: 12 }).map((parts) => parts.join(""));

  test("each check is its regular expression, code unit by code unit", () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(isDigits(text)).toBe(/^[0-9]+$/.test(text));
        expect(isLowerHex(text)).toBe(/^[0-9a-f]+$/.test(text));
        expect(hasControlCharacter(text)).toBe(/[\u0000-\u001f\u007f-\u009f]/.test(text));
        expect(isSimpleName(text)).toBe(/^[A-Za-z][A-Za-z0-9-]*$/.test(text));
        expect(consistsOf(text, "ab-")).toBe(/^[ab-]*$/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  test("surrogates are never in a set of whole characters", () => {
    expect(consistsOf("", "0")).toBe(true);
    expect(isDigits("1\uD800")).toBe(false);
    expect(hasControlCharacter("\uD83D\uDE00\u009f")).toBe(true);
    expect(hasControlCharacter("\u00a0\uDC00")).toBe(false);
    expect(isSimpleName("\uD83D\uDE00a")).toBe(false);
  });

  test("edit distance", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("otp_lenght", "otp_length")).toBe(2);
    expect(editDistance("same", "same")).toBe(0);
  });
});

test("the SMS text rounds minutes down: 61 s is 1 minute, not 2", () => {
  expect(renderSms(makeConfig({ sms_template: "{code}/{minutes}/{app}" }), "123456", 61)).toBe(
    "123456/1/login",
  );
});
