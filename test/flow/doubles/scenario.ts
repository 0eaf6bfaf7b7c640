// Helpers that drive the flow like an app would: build requests, read headers, walk the three steps.

import type { Config } from "../../../src/flow";
import { handleRequest } from "../../../src/host/ropc-request";
import type { RopcOutcome } from "../../../src/host/ropc-request";
import { parseConfig } from "../../../src/flow/config";
import type { Ports } from "../../../src/flow/ports";
import { TestUser, TestWorld } from "./ports";

export const AUTH_TOKEN = "tok3n-s3cret-value-that-must-never-leak";
export const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
export const MESSAGING_SID = "MG" + "abcdef0123456789".repeat(2);
export const VERIFY_SID = "VA" + "fedcba9876543210".repeat(2);
export const FROM_NUMBER = "+15005550006";

/** A valid minimal configuration; an override of null makes a property absent. */
export function rawConfig(overrides: Record<string, string | null> = {}): Record<string, string | null> {
  return {
    twilio_account_sid: ACCOUNT_SID,
    twilio_auth_token: AUTH_TOKEN,
    twilio_from_number: FROM_NUMBER,
    ...overrides,
  };
}

export function makeConfig(overrides: Record<string, string | null> = {}): Config {
  const result = parseConfig(rawConfig(overrides));
  if (result.config === null) {
    throw new Error("test config rejected: " + result.errors.join(" | "));
  }
  return result.config;
}

export function user(
  id: string,
  overrides: Partial<TestUser> = {},
  attributes: Record<string, string[]> = {},
): TestUser {
  return {
    id,
    active: true,
    password: `pw-of-${id}`,
    ...overrides,
    attributes: { uid: [id], mail: [`${id}@example.com`], mobile: ["+4915112345678"], ...attributes },
  };
}

export function parseHeader(value: string | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (value ?? "").split(";")) {
    const at = part.indexOf("=");
    out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

export const CLIENT = "client-app-1";
export const IP = "203.0.113.7";

/** One app (client id, source IP) talking to one node. */
export class Driver {
  readonly outcomes: RopcOutcome[] = [];

  constructor(
    readonly world: TestWorld,
    public config: Config,
    public clientId = CLIENT,
    public ip = IP,
    public ports: Ports = world.ports,
    /** The X-Forwarded-For header values the app's requests arrive with. */
    public forwardedFor: string[] = [],
  ) {}

  send(params: Record<string, string | string[]>): RopcOutcome {
    const all: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(params)) {
      all[name] = Array.isArray(value) ? value : [value];
    }
    const outcome = handleRequest(
      { params: all, clientId: this.clientId, ipAddress: this.ip, forwardedFor: this.forwardedFor },
      this.config,
      this.ports,
    );
    this.outcomes.push(outcome);
    return outcome;
  }

  start(username: string, extra: Record<string, string> = {}): Record<string, string> {
    return parseHeader(this.send({ __step: "1", username, password: "", ...extra }).header?.value);
  }

  resend(username: string, sessionId: string): Record<string, string> {
    return parseHeader(
      this.send({ __step: "1", username, password: "", __session_id: sessionId }).header?.value,
    );
  }

  code(username: string, sessionId: string, code: string): Record<string, string> {
    return parseHeader(
      this.send({ __step: "2", username, password: code, __session_id: sessionId }).header?.value,
    );
  }

  password(username: string, sessionId: string, password: string): RopcOutcome {
    return this.send({ __step: "3", username, password, __session_id: sessionId });
  }

  /** Steps 1 and 2 with the code from the recorded SMS; returns the session id waiting for the password. */
  reachPasswordStep(username: string): string {
    const started = this.start(username);
    const sessionId = started["session_id"] ?? "";
    const checked = this.code(username, sessionId, this.world.otp.lastCode(this.config.otpLength));
    if (checked["step"] !== "3") {
      throw new Error("the code step failed: " + JSON.stringify(checked));
    }
    return sessionId;
  }

  /** Every header value and log line written so far, for leak scans. */
  everything(): string {
    const headers = this.outcomes.map((outcome) => outcome.header?.value ?? "");
    const events = this.outcomes.map((outcome) => JSON.stringify(outcome.events));
    const lines = this.world.log.lines.map((entry) => entry.line);
    return [...headers, ...events, ...lines].join("\n");
  }
}

export function lastLine(world: TestWorld): string {
  return world.log.lines[world.log.lines.length - 1]?.line ?? "";
}
