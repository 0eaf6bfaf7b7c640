// Valid settings that weaken a protection are accepted with a warning: the same lines reach check-config and the script's
// init log (parseConfig is shared).
import { parseConfig } from "../../src/flow/config";

const BASE: Record<string, string> = {
  twilio_account_sid: "AC" + "0123456789abcdef".repeat(2),
  twilio_auth_token: "a-secret-auth-token-value",
  twilio_from_number: "+15005550006",
};

function warningsOf(overrides: Record<string, string>): string[] {
  const result = parseConfig({ ...BASE, ...overrides });
  expect(result.errors).toEqual([]);
  expect(result.config).not.toBeNull();
  return result.warnings;
}

test.each([
  ["phone_hint", "full", "phone_hint: full puts the whole phone number in the start answer"],
  ["phone_hint", "FULL", "phone_hint: full puts the whole phone number in the start answer"],
  ["enumeration_protection", "false", "enumeration_protection: false tells anyone which usernames exist"],
  ["max_sends_per_ip_per_hour", "0", "max_sends_per_ip_per_hour: 0 turns the per-IP send limit off"],
  [
    "max_password_failures_per_ip_per_hour",
    "0",
    "max_password_failures_per_ip_per_hour: 0 turns the per-IP password limit off",
  ],
  [
    "resend_cooldown_seconds",
    "0",
    "resend_cooldown_seconds: 0 allows resends back to back: 3 codes per login",
  ],
])("%s=%s is accepted with a warning", (name, value, warning) => {
  const warnings = warningsOf({ [name]: value });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(new RegExp("^" + warning.replace(/[()]/g, "\\$&")));
});

test("the resend warning names the session's send cap in effect", () => {
  expect(warningsOf({ resend_cooldown_seconds: "0", max_sends_per_session: "10" })[0]).toContain(
    "10 codes per login session",
  );
});

test("all four at once: four warnings, in the table's order of concern", () => {
  const warnings = warningsOf({
    phone_hint: "full",
    enumeration_protection: "false",
    max_sends_per_ip_per_hour: "0",
    resend_cooldown_seconds: "0",
  });
  expect(warnings.map((line) => line.slice(0, line.indexOf(":")))).toEqual([
    "phone_hint",
    "enumeration_protection",
    "max_sends_per_ip_per_hour",
    "resend_cooldown_seconds",
  ]);
});

test.each([
  ["phone_hint", "masked"],
  ["phone_hint", "none"],
  ["enumeration_protection", "true"],
  ["max_sends_per_ip_per_hour", "1"],
  ["resend_cooldown_seconds", "1"],
])("%s=%s: no warning", (name, value) => {
  expect(warningsOf({ [name]: value })).toEqual([]);
});

test("a rejected value is not judged: only its error is reported", () => {
  const result = parseConfig({ ...BASE, phone_hint: "fully", max_sends_per_ip_per_hour: "-0" });
  expect(result.errors).toHaveLength(2);
  expect(result.warnings).toEqual([]);
});
