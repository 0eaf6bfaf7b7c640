import * as fs from "fs";
import { SecretWatch } from "./observation";

export const DEFAULT_CLIENT = "conformance-client";
export const DEFAULT_IP = "198.51.100.20";
export const DEFAULT_NODE = "a";
/** Both sides start their clocks here: 2026-01-01T00:00:00Z. */
export const START_CLOCK_MS = Date.UTC(2026, 0, 1);

/**
 * A conformance scenario: one JSON file, run unchanged against the TypeScript flow (Node) and the built script (Jython).
 * The format is documented in docs/scenarios.md.
 */
export interface Scenario {
  name: string;
  /** Custom properties as an admin would set them in the script's configuration. */
  config: Record<string, string>;
  users: ScenarioUser[];
  /** The twilio-java release the Jython side loads: "7" (Janssen's bundled 7.17) or "12". Default "7". */
  twilioShape?: "7" | "12";
  steps: ScenarioStep[];
}

export interface ScenarioUser {
  uid: string;
  password: string;
  mail?: string;
  /** Attribute name to all of its values, e.g. { "mobile": ["+15550100"] }. */
  attributes?: Record<string, string[]>;
  /** jansStatus; "active" when omitted. */
  status?: string;
}

/** One request, or one change of the world between requests. Exactly one of the action fields is set. */
export interface ScenarioStep {
  /** A token request. Values may use placeholders: {session}, {code}, {wrong_code}, {previous_code}, {spaced_code}, {spaced_wrong_code}. */
  request?: ScenarioRequest;
  /** Moves the shared clock forward, in seconds. */
  advanceSeconds?: number;
  /** Arms a fault for the following requests: a Twilio error code, a timeout, or a store fault. */
  fault?: ScenarioFault;
  /** Removes every armed fault. */
  clearFaults?: boolean;
  expect?: StepExpectation;
  /** Where the request cannot mean the same on the Authorization Challenge wire: what it means there, and why. */
  challenge?: ChallengeOverride;
}

/**
 * A request's meaning on the challenge wire, when it differs from the ROPC one. Exactly one of `expect` (the challenge
 * answers differently: these expectations replace the step's there, and the step is not compared with the ROPC one) and
 * `ropcOnly` (the request cannot be said on the challenge wire at all: it is not sent there).
 */
export interface ChallengeOverride {
  reason: string;
  expect?: StepExpectation;
  ropcOnly?: true;
}

export interface ScenarioRequest {
  params: Record<string, string | string[]>;
  clientId?: string;
  ip?: string;
  /** X-Forwarded-For header values as the servlet receives them, in order. */
  forwardedFor?: string[];
  /** Which script instance (cluster node) answers; instances share the stores. Default "a". */
  node?: string;
}

export type ScenarioFault =
  | { kind: "twilio-error"; code: number }
  | { kind: "twilio-timeout" }
  /** Twilio stops answering; the script must give up after twilio_timeout_seconds. */
  | { kind: "twilio-hang" }
  | { kind: "cache-get-null" }
  | { kind: "cache-get-throws" }
  | { kind: "cache-put-throws" };

export interface StepExpectation {
  status?: "proceed" | "error" | "abandoned" | "none";
  errorCode?: number;
  nextStep?: number;
  attemptsLeft?: number;
  /** The retry_after of a rate_limited answer, in seconds. */
  retryAfter?: number;
  /** The code_length of a start or resend answer. */
  codeLength?: number;
  /** The expires_in of a proceed answer, in seconds. */
  expiresIn?: number;
  /** The SMS texts sent by this step, each code shown as {code}. */
  smsTexts?: string[];
  /** SMS or Verify sends made by this step. */
  smsSent?: number;
  /** The limit= of the step's log line (rate_limited answers name the limit that refused; "-" otherwise). */
  limit?: string;
  /** The user the token is issued for; null when no token. */
  tokenUser?: string | null;
}

export function loadScenario(file: string): Scenario {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Scenario;
  if (typeof parsed.name !== "string" || !Array.isArray(parsed.steps)) {
    throw new Error(`${file}: a scenario needs "name" and "steps"`);
  }
  parsed.steps.forEach((step, index) => {
    const override = step.challenge;
    if (override === undefined) return;
    const where = `${file}: step ${index + 1}: "challenge"`;
    if (step.request === undefined) throw new Error(`${where} needs a request`);
    if (typeof override.reason !== "string" || override.reason.trim() === "")
      throw new Error(`${where} needs a reason`);
    if ((override.expect === undefined) === (override.ropcOnly !== true)) {
      throw new Error(`${where} needs exactly one of "expect" and "ropcOnly": true`);
    }
    if (override.expect !== undefined && override.expect.status === undefined) {
      throw new Error(`${where}: "expect" must name the status`);
    }
    const known = new Set(["reason", "expect", "ropcOnly"]);
    const unknown = Object.keys(override).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new Error(`${where}: unknown ${unknown.join(", ")}`);
  });
  return parsed;
}

/** The secrets of a scenario: config secrets, passwords and, unless the admin chose to show them, phone numbers. */
export function watchSecrets(scenario: Scenario): SecretWatch {
  const watch = new SecretWatch();
  for (const name of ["twilio_auth_token", "twilio_api_key_secret", "otp_hash_key"]) {
    watch.add(name, scenario.config[name]);
  }
  for (const user of scenario.users) {
    watch.add("password", user.password);
    if (scenario.config.phone_hint !== "full") {
      for (const values of Object.values(user.attributes ?? {})) {
        for (const value of values) if (value.startsWith("+")) watch.add("phone", value);
      }
    }
  }
  return watch;
}
