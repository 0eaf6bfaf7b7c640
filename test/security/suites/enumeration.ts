// S7: a known user with a phone, one without, an inactive one and an unknown login value look the same at every step.

import { App, properties, standardUsers, wrongCode } from "../app";
import type { Target, TargetFactory } from "../target";

/** The kinds of login value an attacker cannot tell apart. */
export const LOGIN_KINDS: Record<string, string> = {
  "known user with a phone": "alice",
  "known user without a usable phone": "nophone",
  "inactive user": "sleeper",
  "unknown user": "ghost",
};

/** A header with what must differ abstracted: session ids become <hex64>, the digits of a phone hint become 9. */
function shape(header: string | null): string {
  return (header ?? "<none>")
    .split(";")
    .map((part) => {
      const at = part.indexOf("=");
      const key = part.slice(0, at);
      const value = part.slice(at + 1);
      if (key === "session_id") {
        return key + "=" + (isHex64(value) ? "<hex64>" : value);
      }
      return key === "phone_number"
        ? key + "=" + [...value].map((c) => (c >= "0" && c <= "9" ? "9" : c)).join("")
        : part;
    })
    .join(";");
}

function isHex64(value: string): boolean {
  return value.length === 64 && [...value].every((c) => (c >= "0" && c <= "9") || (c >= "a" && c <= "f"));
}

/** The event and outcome names of a log line (everything else may name the user or say why). */
function eventNames(line: string): string {
  return line
    .split(" ")
    .filter(
      (field) =>
        field.startsWith("event=") || field.startsWith("outcome=") || field.startsWith("error_code="),
    )
    .join(" ");
}

/** What an attacker sees over a whole session for `login`: header shapes, granted or not, and the log's event names. */
export function observe(target: Target, login: string): string[] {
  const app = new App(target);
  const seen: string[] = [];
  const record = (answer: { header: string | null; grantedUserId: string | null }) => {
    seen.push(shape(answer.header) + (answer.grantedUserId === null ? "" : " GRANTED"));
  };
  const started = app.start(login);
  record(started.answer);
  const sessionId = started.fields["session_id"] ?? "";
  record(app.code(login, sessionId, wrongCode("", 1)).answer);
  target.advanceSeconds(61);
  record(app.resend(login, sessionId).answer);
  record(app.password(login, sessionId, "any password").answer);
  for (let guess = 2; guess < 6; guess++) {
    record(app.code(login, sessionId, wrongCode("", guess)).answer);
  }
  record(app.code(login, sessionId, wrongCode("", 9)).answer);
  for (let again = 0; again < 5; again++) {
    record(app.start(login).answer);
  }
  return [...seen, ...target.logLines().map(eventNames)];
}

/**
 * A full hint is only as plausible as the decoy's country: decoys use the first allowed country code (1 without a list), so
 * this mode is measured with the country of the real users allowed (SECURITY.md lists the limitation).
 */
export const HINT_MODES: Record<string, Record<string, string>> = {
  none: { phone_hint: "none" },
  masked: { phone_hint: "masked" },
  "full, allowed_country_codes=49": { phone_hint: "full", allowed_country_codes: "49" },
};

export function enumerationSuite(factory: TargetFactory): void {
  describe("S7: enumeration", () => {
    test.each(Object.keys(HINT_MODES))("phone_hint=%s: every kind of login value looks the same", (mode) => {
      const seen = Object.values(LOGIN_KINDS).map((login) =>
        observe(factory({ users: standardUsers(), properties: properties(HINT_MODES[mode]) }), login),
      );
      for (const other of seen.slice(1)) {
        expect(other).toEqual(seen[0]);
      }
      expect(seen[0]!.some((line) => line.includes("rate_limited"))).toBe(true);
    });

    test("only the real user with a phone gets a message", () => {
      const target = factory({ users: standardUsers(), properties: properties() });
      for (const login of Object.values(LOGIN_KINDS)) {
        new App(target).start(login);
      }
      expect(target.messages().map((message) => message.to)).toEqual(["+4915112345678"]);
    });

    test("with protection off the differences are the documented error codes, and still no message", () => {
      const target = factory({
        users: standardUsers(),
        properties: properties({ enumeration_protection: "false" }),
      });
      const errors = Object.values(LOGIN_KINDS).map(
        (login) => new App(target).start(login).fields["error_code"],
      );
      expect(errors).toEqual([undefined, "10003", "10002", "10002"]);
      expect(target.messages()).toHaveLength(1);
    });
  });
}
