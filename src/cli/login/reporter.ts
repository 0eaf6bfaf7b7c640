// How each step's outcome is shown: sentences for a person, or one JSON object per line for a script (--json).
// Neither ever contains what was typed: the code and the password only travel in the requests.

import type { Output } from "../command";
import { errorAdvice } from "./advice";
import type { StepAnswer } from "./token-client";

export type StepName = "start" | "resend" | "code" | "password" | "abandon" | "exchange";

export interface Reporter {
  step(step: StepName, answer: StepAnswer): void;
  token(answer: StepAnswer): void;
  note(message: string): void;
}

const PROCEED: Record<StepName, string> = {
  start: "a code was sent",
  resend: "a new code was sent; the previous one no longer works",
  code: "the code is right",
  password: "the password is right",
  abandon: "",
  exchange: "",
};

function proceedDetails(fields: Record<string, string>): string {
  const details: string[] = [];
  if (fields.step === "2") {
    if (fields.phone_number !== undefined) details.push(`to ${fields.phone_number}`);
    if (fields.expires_in !== undefined) details.push(`valid ${fields.expires_in} s`);
    if (fields.resend_after !== undefined)
      details.push(`a new one can be asked for after ${fields.resend_after} s`);
  } else if (fields.expires_in !== undefined) {
    details.push(`${fields.expires_in} s left to finish the login`);
  }
  return details.length === 0 ? "" : ` (${details.join(", ")})`;
}

/** `unreached` says what an answer without the script's fields means (the endpoint refused the request itself). */
export function humanReporter(output: Output, unreached: (httpStatus: number) => string): Reporter {
  const say = (line: string) => output.out(line + "\n");
  return {
    step(step, answer) {
      const { fields } = answer;
      if (fields === null) {
        say(`${step}: ${unreached(answer.httpStatus)}`);
        say(`  response body: ${JSON.stringify(answer.body)}`);
      } else if (fields.status === "abandoned") {
        say(`${step}: the server removed the login session; its code no longer works`);
      } else if (fields.status === "proceed") {
        say(`${step}: proceed, ${PROCEED[step]}${proceedDetails(fields)}`);
      } else {
        // A refused resend leaves the session as it was (docs/protocol.md, What to show the user).
        const kept =
          step === "resend" && fields.session_id !== undefined ? " The code you have still works." : "";
        const name = `${fields.error ?? "error"} (${fields.error_code ?? "no code"})`;
        say(`${step}: ${name}. ${errorAdvice(fields).advice}${kept}`);
      }
    },
    token(answer) {
      say(`Logged in. Token response (HTTP ${answer.httpStatus}):`);
      say(JSON.stringify(answer.body, null, 2));
    },
    note(message) {
      say(message);
    },
  };
}

export function jsonReporter(output: Output): Reporter {
  const emit = (record: Record<string, unknown>) => output.out(JSON.stringify(record) + "\n");
  return {
    step(step, answer) {
      const advice =
        answer.fields === null ? null : answer.fields.status === "error" ? errorAdvice(answer.fields) : null;
      emit({
        step,
        http_status: answer.httpStatus,
        header: answer.fields,
        ...(answer.fields === null ? { body: answer.body } : {}),
        ...(advice === null ? {} : { advice: advice.advice }),
      });
    },
    token(answer) {
      emit({ step: "token", http_status: answer.httpStatus, token: answer.body });
    },
    note(message) {
      emit({ note: message });
    },
  };
}
