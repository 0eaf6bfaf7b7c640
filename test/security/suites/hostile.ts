// Malformed and hostile input in every place a request carries text: nothing unescaped reaches the header or the log, no
// exception escapes, no token, and the legitimate login in progress is unharmed.

import { App, attack, lastCode, wrongCode } from "../app";
import { hostileInputs } from "../hostile-inputs";
import type { AttackAnswer, Target, TargetFactory } from "../target";

/** Where a hostile value goes: a request built around it, given a session at step 2 and one at step 3 of alice. */
export const PLACES: Record<
  string,
  (value: string, atCode: string, atPassword: string) => Record<string, string>
> = {
  "username at start": (value) => ({ __step: "1", username: value, password: "" }),
  __step: (value) => ({ __step: value, username: "alice", password: "x" }),
  "__session_id at resend": (value) => ({ __step: "1", username: "alice", __session_id: value }),
  "username at code step": (value, atCode) => ({
    __step: "2",
    username: value,
    password: "123456",
    __session_id: atCode,
  }),
  "__session_id at code step": (value) => ({
    __step: "2",
    username: "alice",
    password: "123456",
    __session_id: value,
  }),
  "code in password": (value, atCode) => ({
    __step: "2",
    username: "alice",
    password: value,
    __session_id: atCode,
  }),
  "code in __otp_code": (value, atCode) => ({
    __step: "2",
    username: "alice",
    __otp_code: value,
    __session_id: atCode,
  }),
  "password at password step": (value, _atCode, atPassword) => ({
    __step: "3",
    username: "alice",
    password: value,
    __session_id: atPassword,
  }),
};

/** The only characters a header value may hold: the protocol's safe set plus the separators. */
function isHeaderCharacter(char: string): boolean {
  return (
    (char >= "a" && char <= "z") ||
    (char >= "A" && char <= "Z") ||
    (char >= "0" && char <= "9") ||
    "+*-._=;".includes(char)
  );
}

/** Why `answer` breaks the rules, or "" when it keeps them. */
export function hostileAnswerProblem(answer: AttackAnswer): string {
  if (answer.escaped !== null) {
    return "exception escaped: " + answer.escaped;
  }
  if (answer.grantedUserId !== null) {
    return "token issued";
  }
  const header = answer.header ?? "";
  if (!header.startsWith("status=") || ![...header].every(isHeaderCharacter)) {
    return "header outside its grammar: " + header.slice(0, 200);
  }
  if (!header.split(";").every((part) => part.split("=").length === 2)) {
    return "a header value holds a separator: " + header.slice(0, 200);
  }
  return "";
}

/**
 * Why the log breaks the rules: a line (from the `from`-th on) with a character outside printable ASCII, or too long to be
 * one event.
 */
export function logProblem(target: Target, from = 0): string {
  const bad = target
    .logLines()
    .slice(from)
    .find((line) => line.length > 2000 || [...line].some((char) => char < " " || char > "~"));
  return bad === undefined ? "" : "log line: " + bad.slice(0, 200);
}

const HOUR_AND_A_SECOND = 3601;

export interface CorpusResult {
  inputs: number;
  requests: number;
  problems: string[];
}

/**
 * Sends every input of the corpus in every place, all to one target: an hour passes before each input, so every window
 * and session of the one before has expired and the limits stay out of the way, while whatever an input left in the store
 * meets all the inputs after it.
 */
export function runCorpus(factory: TargetFactory): CorpusResult {
  const problems: string[] = [];
  let requests = 0;
  const inputs = hostileInputs();
  const { target, app } = attack(factory, { max_otp_attempts: "10", max_sends_per_ip_per_hour: "0" });
  for (const input of inputs) {
    target.advanceSeconds(HOUR_AND_A_SECOND);
    const logsBefore = target.logLines().length;
    const atPassword = app.reachPasswordStep("alice");
    const atCode = app.start("alice").fields["session_id"] ?? "";
    const code = lastCode(target);
    for (const [place, build] of Object.entries(PLACES)) {
      const problem = hostileAnswerProblem(app.send(build(input.value, atCode, atPassword)).answer);
      requests += 1;
      if (problem !== "") {
        problems.push(`${input.name} as ${place}: ${problem}`);
      }
    }
    for (const other of [new App(target, input.value), new App(target, undefined, input.value)]) {
      const problem = hostileAnswerProblem(other.start("alice").answer);
      requests += 1;
      if (problem !== "") {
        problems.push(`${input.name} as client id or address: ${problem}`);
      }
    }
    const problem = logProblem(target, logsBefore);
    if (problem !== "") {
      problems.push(`${input.name}: ${problem}`);
    }
    if (
      app.code("alice", atCode, code).fields["step"] !== "3" ||
      app.code("alice", atCode, wrongCode(code)).fields["error"] !== "invalid_session"
    ) {
      problems.push(`${input.name}: the login at the code step was disturbed`);
    }
    if (app.password("alice", atPassword, "pw-of-alice").answer.grantedUserId !== "alice") {
      problems.push(`${input.name}: the login at the password step was disturbed`);
    }
  }
  return { inputs: inputs.length, requests, problems };
}

export function hostileSuite(factory: TargetFactory): void {
  describe("malformed and hostile input", () => {
    test("the corpus holds at least 200 distinct inputs, up to 1 MiB", () => {
      const inputs = hostileInputs();
      expect(inputs.length).toBeGreaterThanOrEqual(200);
      expect(new Set(inputs.map((input) => input.name)).size).toBe(inputs.length);
      expect(Math.max(...inputs.map((input) => input.value.length))).toBe(1 << 20);
    });

    test("every input in every place: escaped header, clean log, no exception, no token, logins unharmed", () => {
      const result = runCorpus(factory);
      expect(result.problems).toEqual([]);
      expect(result.requests).toBe(result.inputs * (Object.keys(PLACES).length + 2));
    });
  });
}
