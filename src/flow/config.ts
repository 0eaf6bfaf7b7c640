// Parses Janssen's custom properties into a frozen Config. The same function runs at the script's init and in the CLI.

import { CONFIG_PROPERTIES } from "./config-table";
import type { ConfigProperty } from "./config-table";
import { logSafe } from "./log-text";
import { isE164 } from "./phone";
import type { PhoneHintMode } from "./phone";
import {
  editDistance,
  hasControlCharacter,
  isControlCode,
  isDigits,
  isLowerHex,
  isSimpleName,
  isTwilioSid,
  splitList,
} from "./text-checks";

export { CONFIG_PROPERTIES, DEFAULT_SMS_TEMPLATE } from "./config-table";
export type { ConfigProperty, Requirement } from "./config-table";
export type { PhoneHintMode } from "./phone";

export type SenderKind = "from_number" | "messaging_service" | "verify";

export type LoginOrder = "code_first" | "password_first";

export interface Config {
  readonly twilioAccountSid: string;
  readonly twilioAuthToken: string | null;
  readonly twilioApiKeySid: string | null;
  readonly twilioApiKeySecret: string | null;
  readonly sender: SenderKind;
  readonly twilioFromNumber: string | null;
  readonly twilioMessagingServiceSid: string | null;
  readonly twilioVerifyServiceSid: string | null;
  readonly twilioVerifyChannel: string;
  readonly twilioTimeoutSeconds: number;
  readonly otpLength: number;
  readonly otpTtlSeconds: number;
  readonly sessionTtlSeconds: number;
  readonly maxOtpAttempts: number;
  readonly maxPasswordAttempts: number;
  readonly resendCooldownSeconds: number;
  readonly maxSendsPerSession: number;
  readonly maxSendsPerUserPerHour: number;
  /** 0: no per-IP limit. */
  readonly maxSendsPerIpPerHour: number;
  readonly maxFailuresPerUserPerHour: number;
  /** 0: no per-IP limit on password_first's wrong passwords. */
  readonly maxPasswordFailuresPerIpPerHour: number;
  /** 0: the servlet's address is the client's; N: the N-th X-Forwarded-For entry from the right. */
  readonly trustedProxyCount: number;
  readonly loginAttributes: readonly string[];
  readonly phoneAttributes: readonly string[];
  readonly smsTemplate: string;
  readonly appName: string;
  readonly loginOrder: LoginOrder;
  readonly enumerationProtection: boolean;
  readonly phoneHint: PhoneHintMode;
  /** Country calling codes without "+"; empty allows every country. */
  readonly allowedCountryCodes: readonly string[];
  readonly responseHeaderName: string;
  /** null: derive the key from the Twilio secret (see otp.ts), which gives the same key on every node. */
  readonly otpHashKey: string | null;
}

export interface ConfigResult {
  config: Config | null;
  /**
   * Each message starts with the property name and says what is accepted. None quotes a malformed value: it is described
   * by its shape (valueShape), so a secret typed into the wrong field never reaches check-config's output or the log.
   */
  errors: string[];
  warnings: string[];
}

const SMS_PLACEHOLDERS = ["{code}", "{minutes}", "{app}"];
const MAX_ATTRIBUTES = 10;

function definition(name: string): ConfigProperty {
  const found = CONFIG_PROPERTIES.find((item) => item.name === name);
  if (found === undefined) {
    throw new Error("no configuration property named " + name);
  }
  return found;
}

// A malformed value is described by its shape, never quoted: a secret typed into the wrong field (the auth token in
// twilio_account_sid) would otherwise reach check-config's output and Janssen's script log. The shape is the length, the
// first 2 characters (only when the value is longer than that) and the positions of the characters that do not belong.
const SHOWN_PREFIX_LENGTH = 2;
const SHOWN_POSITIONS = 5;
const SID_LENGTH = 34;
const TOKEN_LENGTH = 32;

interface SidKind {
  prefix: string;
  kind: string;
}

const SID_KINDS: readonly SidKind[] = [
  { prefix: "AC", kind: "an Account SID" },
  { prefix: "SK", kind: "an API key SID" },
  { prefix: "MG", kind: "a Messaging Service SID" },
  { prefix: "VA", kind: "a Verify service SID" },
];

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexCode(code: number): boolean {
  return isDigitCode(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isNameCode(code: number): boolean {
  return isDigitCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

function isListCode(code: number): boolean {
  return isNameCode(code) || code === 44 || code === 32;
}

function isPrintableCode(code: number): boolean {
  return !isControlCode(code);
}

function characters(count: number): string {
  return count === 1 ? "1 character" : `${count} characters`;
}

/** `34 characters starting "9f"`: the length, and the first characters (escaped) only when that is not the whole value. */
export function valueShape(value: string): string {
  if (value.length <= SHOWN_PREFIX_LENGTH) {
    return characters(value.length);
  }
  const start = logSafe(value.slice(0, SHOWN_PREFIX_LENGTH), SHOWN_PREFIX_LENGTH);
  return `${characters(value.length)} starting "${start}"`;
}

/** `2 characters outside 0-9 (at 5, 17)`, counted from index `from`; "" when every character is allowed. */
function wrongCharacters(
  value: string,
  from: number,
  label: string,
  allowed: (code: number) => boolean,
): string {
  const positions: string[] = [];
  let count = 0;
  let i = from;
  while (i < value.length) {
    if (!allowed(value.charCodeAt(i))) {
      count = count + 1;
      if (positions.length < SHOWN_POSITIONS) {
        positions.push(`${i + 1}`);
      }
    }
    i++;
  }
  if (count === 0) {
    return "";
  }
  const more = count > positions.length ? ", ..." : "";
  return `${characters(count)} ${label} (at ${positions.join(", ")}${more})`;
}

/** The shape, then the facts that are not "" (joined with ", "). */
function described(problem: string, value: string, facts: string[]): string {
  const shown = [valueShape(value)];
  for (const fact of facts) {
    if (fact !== "") {
      shown.push(fact);
    }
  }
  return `${problem}: ${shown.join(", ")}`;
}

function sidProblem(text: string, prefix: string): string {
  for (const other of SID_KINDS) {
    if (other.prefix !== prefix && isTwilioSid(text, other.prefix)) {
      return `malformed: ${other.kind} (${other.prefix} followed by 32 hexadecimal characters), not ${prefix}...`;
    }
  }
  const prefixed = text.startsWith(prefix);
  return described("malformed", text, [
    prefixed ? "" : `not starting with ${prefix}`,
    text.length === SID_LENGTH ? "" : `expected ${SID_LENGTH}`,
    wrongCharacters(text, prefixed ? prefix.length : 0, "outside 0-9a-fA-F", isHexCode),
  ]);
}

function integerProblem(text: string, min: number, max: number): string {
  if (isDigits(text)) {
    return text.length > 9 || parseInt(text, 10) > max
      ? `out of range: above ${max}`
      : `out of range: below ${min}`;
  }
  return described("not an integer", text, [wrongCharacters(text, 0, "outside 0-9", isDigitCode)]);
}

function e164Problem(text: string): string {
  const plus = text.startsWith("+");
  const digits = plus ? text.slice(1) : text;
  return described("not an E.164 number", text, [
    plus ? "" : "not starting with +",
    wrongCharacters(text, plus ? 1 : 0, "outside 0-9", isDigitCode),
    digits.length > 15 ? "more than 15 digits" : "",
    digits.startsWith("0") ? "the first digit is 0" : "",
  ]);
}

/** Exactly 32 hexadecimal characters: how Twilio auth tokens look. */
function looksLikeToken(text: string): boolean {
  return text.length === TOKEN_LENGTH && isLowerHex(text.toLowerCase());
}

/** Collects problems while reading one set of properties. */
class PropertyReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** Names of the properties already rejected: rules between properties skip them (their value is not the one used). */
  readonly failed: string[] = [];
  readonly raw: Record<string, string | null>;

  constructor(raw: Record<string, string | null>) {
    this.raw = raw;
  }

  /** The trimmed value, or null when absent or empty. */
  value(name: string): string | null {
    const value = (this.raw[name] ?? "").trim();
    return value === "" ? null : value;
  }

  /** `problem` never quotes the value: it describes its shape (see valueShape). */
  reject(name: string, problem: string): void {
    const item = definition(name);
    if (!this.failed.includes(name)) {
      this.failed.push(name);
    }
    this.errors.push(`${name}: ${problem}; accepted values: ${item.accepted}`);
  }

  hasFailed(name: string): boolean {
    return this.failed.includes(name);
  }

  integer(name: string): number {
    const item = definition(name);
    const fallback = parseInt(item.defaultValue, 10);
    const text = this.value(name);
    if (text === null) {
      return fallback;
    }
    const min = item.min ?? 0;
    const max = item.max ?? 0;
    const parsed = isDigits(text) && text.length <= 9 ? parseInt(text, 10) : -1;
    if (parsed < min || parsed > max) {
      this.reject(name, integerProblem(text, min, max));
      return fallback;
    }
    return parsed;
  }

  choice(name: string, options: string[]): string {
    const text = (this.value(name) ?? definition(name).defaultValue).toLowerCase();
    if (!options.includes(text)) {
      this.reject(name, described("not one of the accepted values", this.value(name) ?? "", []));
      return definition(name).defaultValue;
    }
    return text;
  }

  sid(name: string, prefix: string): string | null {
    const text = this.value(name);
    if (text !== null && !isTwilioSid(text, prefix)) {
      this.reject(name, sidProblem(text, prefix));
    }
    return text;
  }

  attributeList(name: string): string[] {
    const items = splitList(this.value(name) ?? definition(name).defaultValue);
    if (items.length === 0 || items.length > MAX_ATTRIBUTES || !items.every((item) => isSimpleName(item))) {
      const text = this.value(name) ?? "";
      const wrong = wrongCharacters(text, 0, "outside letters, digits, - and ,", isListCode);
      this.reject(
        name,
        described("malformed list", text, [
          items.length === 0 ? "no names" : "",
          items.length > MAX_ATTRIBUTES ? `${items.length} names` : "",
          wrong,
          wrong === "" && items.length > 0 && items.length <= MAX_ATTRIBUTES
            ? "a name starts with a digit or -, or holds a space"
            : "",
        ]),
      );
      return splitList(definition(name).defaultValue);
    }
    return items;
  }

  text(name: string, maxLength: number): string {
    const text = this.value(name) ?? definition(name).defaultValue;
    if (text.length > maxLength || hasControlCharacter(text)) {
      this.reject(
        name,
        described("too long or contains control characters", text, [
          text.length > maxLength ? `at most ${maxLength}` : "",
          wrongCharacters(text, 0, "not printable", isPrintableCode),
        ]),
      );
    }
    return text;
  }
}

function closestName(name: string): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const item of CONFIG_PROPERTIES) {
    const distance = editDistance(name.toLowerCase(), item.name);
    if (distance < bestDistance) {
      best = item.name;
      bestDistance = distance;
    }
  }
  return best;
}

function warnUnknownNames(raw: Record<string, string | null>, reader: PropertyReader): void {
  for (const name of Object.keys(raw)) {
    if (CONFIG_PROPERTIES.some((item) => item.name === name)) {
      continue;
    }
    const suggestion = closestName(name);
    const hint = suggestion === null ? "" : `; did you mean ${suggestion}?`;
    reader.warnings.push(`${logSafe(name, 64)}: unknown property, ignored${hint}`);
  }
}

/**
 * Secrets and SIDs in each other's fields: an auth token typed into an SID field is not hidden there (the admin UI shows
 * it), and an SID in a secret field fails only later, at Twilio.
 */
function warnSwappedFields(reader: PropertyReader): void {
  for (const item of CONFIG_PROPERTIES) {
    const value = reader.value(item.name);
    if (value === null) {
      continue;
    }
    if (!item.secret && looksLikeToken(value)) {
      reader.warnings.push(
        `${item.name}: looks like a Twilio auth token (32 hexadecimal characters); if a secret was typed here, ` +
          "move it to its own field (twilio_auth_token is hidden, this one is not) and consider rotating it",
      );
    }
    if (item.secret) {
      for (const kind of SID_KINDS) {
        if (isTwilioSid(value, kind.prefix)) {
          reader.warnings.push(
            `${item.name}: looks like ${kind.kind} (${kind.prefix} followed by 32 hexadecimal characters), ` +
              "not a secret: are two fields swapped?",
          );
        }
      }
    }
  }
}

function readCountryCodes(reader: PropertyReader): string[] {
  const codes: string[] = [];
  const items = splitList(reader.value("allowed_country_codes") ?? "");
  for (const item of items) {
    const code = item.startsWith("+") ? item.slice(1) : item;
    if (!isDigits(code) || code.length > 3 || code.charAt(0) === "0") {
      const position = `item ${items.indexOf(item) + 1} of ${items.length}`;
      const wrong = wrongCharacters(item, item.startsWith("+") ? 1 : 0, "outside 0-9", isDigitCode);
      reader.reject("allowed_country_codes", described("malformed country code", item, [position, wrong]));
      return [];
    }
    codes.push(code);
  }
  return codes;
}

function readTemplate(reader: PropertyReader): string {
  const template = reader.text("sms_template", 640);
  if (!template.includes("{code}")) {
    reader.reject("sms_template", "{code} is missing");
  }
  let rest = template;
  for (const placeholder of SMS_PLACEHOLDERS) {
    rest = rest.split(placeholder).join("");
  }
  if (rest.includes("{") || rest.includes("}")) {
    reader.reject("sms_template", "unknown placeholder or stray brace");
  }
  return template;
}

function readSender(reader: PropertyReader): SenderKind {
  const from = reader.value("twilio_from_number");
  if (from !== null && !isE164(from)) {
    reader.reject("twilio_from_number", e164Problem(from));
  }
  const messaging = reader.sid("twilio_messaging_service_sid", "MG");
  const verify = reader.sid("twilio_verify_service_sid", "VA");
  const present = ["twilio_from_number", "twilio_messaging_service_sid", "twilio_verify_service_sid"].filter(
    (name) => reader.value(name) !== null,
  );
  if (present.length !== 1) {
    const found = present.length === 0 ? "none is set" : present.join(" and ") + " are set";
    reader.errors.push(
      `exactly one sender is required: twilio_from_number, twilio_messaging_service_sid or twilio_verify_service_sid (${found})`,
    );
  }
  if (verify !== null) {
    return "verify";
  }
  return messaging !== null ? "messaging_service" : "from_number";
}

function checkCredentials(reader: PropertyReader, keySid: string | null): void {
  const token = reader.value("twilio_auth_token");
  const keySecret = reader.value("twilio_api_key_secret");
  if (keySid !== null && keySecret === null) {
    reader.reject("twilio_api_key_secret", "required with twilio_api_key_sid");
  } else if (keySid === null && keySecret !== null) {
    reader.reject("twilio_api_key_sid", "required with twilio_api_key_secret");
  } else if (keySid === null && token === null) {
    reader.reject("twilio_auth_token", "required (or twilio_api_key_sid with twilio_api_key_secret)");
  } else if (keySid !== null && token !== null && !reader.hasFailed("twilio_api_key_sid")) {
    reader.warnings.push(
      "twilio_auth_token: ignored because twilio_api_key_sid and twilio_api_key_secret are set",
    );
  }
}

function checkHeaderName(reader: PropertyReader): string {
  const name = reader.value("response_header_name") ?? definition("response_header_name").defaultValue;
  if (!isSimpleName(name) || name.length > 64) {
    reader.reject(
      "response_header_name",
      described("not a header name", name, [
        name.length > 64 ? "at most 64" : "",
        wrongCharacters(name, 0, "outside letters, digits and -", isNameCode),
      ]),
    );
  }
  return name;
}

function readHashKey(reader: PropertyReader): string | null {
  const key = reader.value("otp_hash_key");
  if (key !== null && key.length < 32) {
    // A secret: not even its shape is shown.
    reader.reject("otp_hash_key", "too short");
  }
  return key;
}

/**
 * Valid settings that weaken a protection: the script accepts them (each has a use), but an administrator should have chosen
 * them on purpose. Only given, accepted values are judged (a rejected one is replaced by its default).
 */
function warnRiskySettings(reader: PropertyReader, config: Config): void {
  const given = (name: string): boolean => reader.value(name) !== null && !reader.hasFailed(name);
  if (given("phone_hint") && config.phoneHint === "full") {
    reader.warnings.push(
      "phone_hint: full puts the whole phone number in the start answer, to anyone who knows a username, before any " +
        "code is checked; masked shows only the last 2 digits",
    );
  }
  if (given("enumeration_protection") && !config.enumerationProtection) {
    reader.warnings.push(
      "enumeration_protection: false tells anyone which usernames exist and which have a phone " +
        "(errors 10002 and 10003); keep true unless every caller is trusted",
    );
  }
  if (given("max_sends_per_ip_per_hour") && config.maxSendsPerIpPerHour === 0) {
    reader.warnings.push(
      "max_sends_per_ip_per_hour: 0 turns the per-IP send limit off: one address can have codes sent to every user " +
        "(SMS pumping is billed to the Twilio account); behind a proxy, set trusted_proxy_count instead",
    );
  }
  if (given("max_password_failures_per_ip_per_hour") && config.maxPasswordFailuresPerIpPerHour === 0) {
    reader.warnings.push(
      "max_password_failures_per_ip_per_hour: 0 turns the per-IP password limit off: with login_order=password_first " +
        "one address can try a password against every user (password spraying), held back only per login value; " +
        "behind a proxy, set trusted_proxy_count instead",
    );
  }
  if (given("resend_cooldown_seconds") && config.resendCooldownSeconds === 0) {
    reader.warnings.push(
      `resend_cooldown_seconds: 0 allows resends back to back: ${config.maxSendsPerSession} codes per login ` +
        "session (max_sends_per_session) can be sent within a second",
    );
  }
}

/** The properties with `defaults` standing in for each one that is absent or empty (as the table's defaults do). */
export function withDefaults(
  raw: Record<string, string | null>,
  defaults: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of Object.keys(raw)) {
    out[name] = raw[name] ?? null;
  }
  for (const name of Object.keys(defaults)) {
    const given = out[name] ?? null;
    if (given === null || given.trim() === "") {
      out[name] = defaults[name] ?? null;
    }
  }
  return out;
}

export function parseConfig(raw: Record<string, string | null>): ConfigResult {
  const reader = new PropertyReader(raw);
  warnUnknownNames(raw, reader);
  warnSwappedFields(reader);

  const accountSid = reader.value("twilio_account_sid");
  if (accountSid === null) {
    reader.reject("twilio_account_sid", "required");
  } else {
    reader.sid("twilio_account_sid", "AC");
  }
  const keySid = reader.sid("twilio_api_key_sid", "SK");
  checkCredentials(reader, keySid);
  const sender = readSender(reader);
  const channel = reader.choice("twilio_verify_channel", ["sms", "call", "whatsapp"]);
  if (sender !== "verify" && reader.value("twilio_verify_channel") !== null) {
    reader.warnings.push("twilio_verify_channel: ignored without twilio_verify_service_sid");
  }
  if (sender === "verify" && reader.value("sms_template") !== null) {
    reader.warnings.push(
      "sms_template: ignored with twilio_verify_service_sid (the Verify service has its own text)",
    );
  }

  const otpTtl = reader.integer("otp_ttl_seconds");
  const sessionTtl = reader.integer("session_ttl_seconds");
  // A rule between properties compares given values only: a rejected value was replaced by its default.
  const ttlsValid = !reader.hasFailed("otp_ttl_seconds") && !reader.hasFailed("session_ttl_seconds");
  if (ttlsValid && otpTtl > sessionTtl) {
    reader.reject("otp_ttl_seconds", `${otpTtl} is longer than session_ttl_seconds (${sessionTtl})`);
  }
  const appName = reader.text("app_name", 60);
  if (appName.includes("{") || appName.includes("}")) {
    reader.reject("app_name", "contains a brace");
  }
  const hint = reader.choice("phone_hint", ["none", "masked", "full"]);

  const config: Config = {
    twilioAccountSid: accountSid ?? "",
    twilioAuthToken: reader.value("twilio_auth_token"),
    twilioApiKeySid: keySid,
    twilioApiKeySecret: reader.value("twilio_api_key_secret"),
    sender: sender,
    twilioFromNumber: reader.value("twilio_from_number"),
    twilioMessagingServiceSid: reader.value("twilio_messaging_service_sid"),
    twilioVerifyServiceSid: reader.value("twilio_verify_service_sid"),
    twilioVerifyChannel: channel,
    twilioTimeoutSeconds: reader.integer("twilio_timeout_seconds"),
    otpLength: reader.integer("otp_length"),
    otpTtlSeconds: otpTtl,
    sessionTtlSeconds: sessionTtl,
    maxOtpAttempts: reader.integer("max_otp_attempts"),
    maxPasswordAttempts: reader.integer("max_password_attempts"),
    resendCooldownSeconds: reader.integer("resend_cooldown_seconds"),
    maxSendsPerSession: reader.integer("max_sends_per_session"),
    maxSendsPerUserPerHour: reader.integer("max_sends_per_user_per_hour"),
    maxSendsPerIpPerHour: reader.integer("max_sends_per_ip_per_hour"),
    maxFailuresPerUserPerHour: reader.integer("max_failures_per_user_per_hour"),
    maxPasswordFailuresPerIpPerHour: reader.integer("max_password_failures_per_ip_per_hour"),
    trustedProxyCount: reader.integer("trusted_proxy_count"),
    loginAttributes: Object.freeze(reader.attributeList("login_attributes")),
    phoneAttributes: Object.freeze(reader.attributeList("phone_attributes")),
    smsTemplate: readTemplate(reader),
    appName: appName,
    loginOrder:
      reader.choice("login_order", ["code_first", "password_first"]) === "password_first"
        ? "password_first"
        : "code_first",
    enumerationProtection: reader.choice("enumeration_protection", ["true", "false"]) === "true",
    phoneHint: hint === "masked" ? "masked" : hint === "full" ? "full" : "none",
    allowedCountryCodes: Object.freeze(readCountryCodes(reader)),
    responseHeaderName: checkHeaderName(reader),
    otpHashKey: readHashKey(reader),
  };
  warnRiskySettings(reader, config);
  return {
    config: reader.errors.length === 0 ? Object.freeze(config) : null,
    errors: reader.errors,
    warnings: reader.warnings,
  };
}
