import * as fs from "fs";

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
  twilioSdk?: "7" | "12";
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
  /** A token request. Values may use placeholders: {session}, {code}, {wrong_code}. */
  request?: ScenarioRequest;
  /** Moves the shared clock forward, in seconds. */
  advanceSeconds?: number;
  /** Arms a fault for the following requests: a Twilio error code, a timeout, or a store fault. */
  fault?: ScenarioFault;
  /** Removes every armed fault. */
  clearFaults?: boolean;
  expect?: StepExpectation;
}

export interface ScenarioRequest {
  params: Record<string, string | string[]>;
  clientId?: string;
  ip?: string;
  /** Which script instance (cluster node) answers; instances share the stores. Default "a". */
  node?: string;
}

export type ScenarioFault =
  | { kind: "twilio-error"; code: number }
  | { kind: "twilio-timeout" }
  | { kind: "cache-get-null" }
  | { kind: "cache-get-throws" }
  | { kind: "cache-put-throws" };

export interface StepExpectation {
  status?: "proceed" | "error" | "none";
  errorCode?: number;
  nextStep?: number;
  attemptsLeft?: number;
  /** SMS or Verify sends made by this step. */
  smsSent?: number;
  /** The user the token is issued for; null when no token. */
  tokenUser?: string | null;
}

export function loadScenario(file: string): Scenario {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Scenario;
  if (typeof parsed.name !== "string" || !Array.isArray(parsed.steps)) {
    throw new Error(`${file}: a scenario needs "name" and "steps"`);
  }
  return parsed;
}
