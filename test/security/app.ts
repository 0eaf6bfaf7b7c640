// Drives a Target like an app (or an attacker) would: the three steps, the codes read from the recorded messages.

import { ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, user } from "../flow/doubles/scenario";
import type { AttackAnswer, Target, TargetFactory, TestUser } from "./target";
import { headerFields } from "./target";

export const CLIENT = "client-app-1";
export const OTHER_CLIENT = "client-app-2";
export const IP = "198.51.100.20";

export { user };

/** The secrets a leak scan looks for besides codes and passwords. */
export const SECRETS = [AUTH_TOKEN];

/** Properties of a valid deployment; `overrides` change or (with null) remove some. */
export function properties(overrides: Record<string, string | null> = {}): Record<string, string | null> {
  return {
    twilio_account_sid: ACCOUNT_SID,
    twilio_auth_token: AUTH_TOKEN,
    twilio_from_number: FROM_NUMBER,
    ...overrides,
  };
}

/** Users every suite knows: one with a phone, one without, one inactive (unknown users are any other name). */
export function standardUsers(): TestUser[] {
  return [
    user("alice"),
    user("bob", {}, { mobile: ["+4917000000042"] }),
    user("nophone", {}, { mobile: [], telephoneNumber: ["0151 2345678"] }),
    user("sleeper", { active: false }),
  ];
}

export interface Step {
  answer: AttackAnswer;
  fields: Record<string, string>;
}

/** One app: a client id and a source address talking to one node of a target. */
export class App {
  constructor(
    readonly target: Target,
    public clientId = CLIENT,
    public ip = IP,
    public node = 0,
  ) {}

  send(params: Record<string, string | string[]>): Step {
    const all: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(params)) {
      all[name] = Array.isArray(value) ? value : [value];
    }
    const answer = this.target.request({
      params: all,
      clientId: this.clientId,
      ipAddress: this.ip,
      node: this.node,
    });
    return { answer, fields: headerFields(answer) };
  }

  start(username: string): Step {
    return this.send({ __step: "1", username, password: "" });
  }
  resend(username: string, sessionId: string): Step {
    return this.send({ __step: "1", username, password: "", __session_id: sessionId });
  }
  code(username: string, sessionId: string, code: string): Step {
    return this.send({ __step: "2", username, password: code, __session_id: sessionId });
  }
  password(username: string, sessionId: string, password: string): Step {
    return this.send({ __step: "3", username, password, __session_id: sessionId });
  }

  /** Starts and enters the code just sent; the session id waits for the password. */
  reachPasswordStep(username: string): string {
    const sessionId = this.start(username).fields["session_id"] ?? "";
    const checked = this.code(username, sessionId, lastCode(this.target));
    if (checked.fields["step"] !== "3") {
      throw new Error("could not pass the code step: " + String(checked.answer.header));
    }
    return sessionId;
  }
}

/** The first run of exactly `length` digits in the last message's body. */
export function lastCode(target: Target, length = 6): string {
  const body = target.messages().at(-1)?.body ?? "";
  let run = "";
  for (const char of body + " ") {
    if (char >= "0" && char <= "9") {
      run += char;
      continue;
    }
    if (run.length === length) {
      return run;
    }
    run = "";
  }
  throw new Error(`no ${length}-digit code in ${JSON.stringify(body)}`);
}

/** A code of the right shape that is not `right`. */
export function wrongCode(right: string, attempt = 0): string {
  const candidate = String(100000 + attempt * 7).padStart(6, "0");
  return candidate === right ? String(999999 - attempt) : candidate;
}

/** A fresh target and an app on it. */
export function attack(factory: TargetFactory, overrides: Record<string, string | null> = {}) {
  const target = factory({ users: standardUsers(), properties: properties(overrides) });
  return { target, app: new App(target) };
}
