// Parses Janssen's custom properties into a frozen Config. The same function runs at the script's init and in the CLI.

import { CONFIG_PROPERTIES } from "./config-table";
import type { ConfigProperty } from "./config-table";
import { logSafe } from "./log-text";
import { isE164 } from "./phone";
import type { PhoneHintMode } from "./phone";
import {
  editDistance,
  hasControlCharacter,
  isDigits,
  isSimpleName,
  isTwilioSid,
  splitList,
} from "./text-checks";

export { CONFIG_PROPERTIES, DEFAULT_SMS_TEMPLATE } from "./config-table";
export type { ConfigProperty, Requirement } from "./config-table";
export type { PhoneHintMode } from "./phone";

export type SenderKind = "from_number" | "messaging_service" | "verify";

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
  readonly loginAttributes: readonly string[];
  readonly phoneAttributes: readonly string[];
  readonly smsTemplate: string;
  readonly appName: string;
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
  /** Each message starts with the property name, says what is accepted, and never quotes a secret. */
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

/** Collects problems while reading one set of properties. */
class PropertyReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly raw: Record<string, string | null>;

  constructor(raw: Record<string, string | null>) {
    this.raw = raw;
  }

  /** The trimmed value, or null when absent or empty. */
  value(name: string): string | null {
    const value = (this.raw[name] ?? "").trim();
    return value === "" ? null : value;
  }

  reject(name: string, problem: string): void {
    const item = definition(name);
    const value = this.value(name);
    const shown = item.secret || value === null ? "" : ` (got "${logSafe(value, 40)}")`;
    this.errors.push(`${name}: ${problem}${shown}; accepted values: ${item.accepted}`);
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
      this.reject(name, "out of range or not an integer");
      return fallback;
    }
    return parsed;
  }

  choice(name: string, options: string[]): string {
    const text = (this.value(name) ?? definition(name).defaultValue).toLowerCase();
    if (!options.includes(text)) {
      this.reject(name, "not one of the accepted values");
      return definition(name).defaultValue;
    }
    return text;
  }

  sid(name: string, prefix: string): string | null {
    const text = this.value(name);
    if (text !== null && !isTwilioSid(text, prefix)) {
      this.reject(name, "malformed");
    }
    return text;
  }

  attributeList(name: string): string[] {
    const items = splitList(this.value(name) ?? definition(name).defaultValue);
    if (items.length === 0 || items.length > MAX_ATTRIBUTES || !items.every((item) => isSimpleName(item))) {
      this.reject(name, "malformed list");
      return splitList(definition(name).defaultValue);
    }
    return items;
  }

  text(name: string, maxLength: number): string {
    const text = this.value(name) ?? definition(name).defaultValue;
    if (text.length > maxLength || hasControlCharacter(text)) {
      this.reject(name, "too long or contains control characters");
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

function readCountryCodes(reader: PropertyReader): string[] {
  const codes: string[] = [];
  for (const item of splitList(reader.value("allowed_country_codes") ?? "")) {
    const code = item.startsWith("+") ? item.slice(1) : item;
    if (!isDigits(code) || code.length > 3 || code.charAt(0) === "0") {
      reader.reject("allowed_country_codes", "malformed country code");
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
    reader.reject("twilio_from_number", "not an E.164 number");
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
  } else if (keySid !== null && token !== null) {
    reader.warnings.push(
      "twilio_auth_token: ignored because twilio_api_key_sid and twilio_api_key_secret are set",
    );
  }
}

function checkHeaderName(reader: PropertyReader): string {
  const name = reader.value("response_header_name") ?? definition("response_header_name").defaultValue;
  if (!isSimpleName(name) || name.length > 64) {
    reader.reject("response_header_name", "not a header name");
  }
  return name;
}

function readHashKey(reader: PropertyReader): string | null {
  const key = reader.value("otp_hash_key");
  if (key !== null && key.length < 32) {
    reader.reject("otp_hash_key", "too short");
  }
  return key;
}

export function parseConfig(raw: Record<string, string | null>): ConfigResult {
  const reader = new PropertyReader(raw);
  warnUnknownNames(raw, reader);

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
  if (otpTtl > sessionTtl) {
    reader.reject("otp_ttl_seconds", `longer than session_ttl_seconds (${sessionTtl})`);
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
    loginAttributes: Object.freeze(reader.attributeList("login_attributes")),
    phoneAttributes: Object.freeze(reader.attributeList("phone_attributes")),
    smsTemplate: readTemplate(reader),
    appName: appName,
    enumerationProtection: reader.choice("enumeration_protection", ["true", "false"]) === "true",
    phoneHint: hint === "masked" ? "masked" : hint === "full" ? "full" : "none",
    allowedCountryCodes: Object.freeze(readCountryCodes(reader)),
    responseHeaderName: checkHeaderName(reader),
    otpHashKey: readHashKey(reader),
  };
  return {
    config: reader.errors.length === 0 ? Object.freeze(config) : null,
    errors: reader.errors,
    warnings: reader.warnings,
  };
}
