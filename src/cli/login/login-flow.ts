// The three steps as a person goes through them: start, then the code (with resend), then the password, starting over when
// the server ends the login session and the person agrees.

import { errorAdvice } from "./advice";
import type { ErrorAction } from "./advice";
import type { Prompter } from "./prompter";
import type { Reporter, StepName } from "./reporter";
import type { StepAnswer, TokenClient } from "./token-client";

/** Placeholder for the ignored password at step 1: some HTTP stacks refuse a password grant without one. */
const START_PASSWORD_PLACEHOLDER = "-";

type Stage = { kind: "next"; sessionId: string } | { kind: "restart" } | { kind: "stop" };

export interface LoginDeps {
  client: TokenClient;
  prompter: Prompter;
  reporter: Reporter;
  username: string;
}

export class LoginFlow {
  constructor(private readonly deps: LoginDeps) {}

  /** True when a token was issued. */
  async run(): Promise<boolean> {
    for (;;) {
      const started = await this.start();
      if (started.kind !== "next") return false;
      const coded = await this.codeStage(started.sessionId);
      if (coded.kind === "restart") continue;
      if (coded.kind === "stop") return false;
      const finished = await this.passwordStage(coded.sessionId);
      if (finished === "restart") continue;
      return finished === "token";
    }
  }

  private async start(): Promise<Stage> {
    const answer = await this.send("start", { __step: "1", password: START_PASSWORD_PLACEHOLDER });
    const sessionId = answer.fields?.status === "proceed" ? answer.fields.session_id : undefined;
    if (sessionId !== undefined) return { kind: "next", sessionId };
    // Whatever the error, a failed start leaves no session to retry in: the advice already says what to do.
    this.actionFor(answer);
    return { kind: "stop" };
  }

  private async codeStage(sessionId: string): Promise<Stage> {
    for (;;) {
      const typed = await this.deps.prompter.ask("Code from the SMS (r = send a new code, q = quit): ", {
        hidden: true,
      });
      const input = typed?.trim() ?? null;
      if (input === null || input === "q") return this.stopped(input, sessionId);
      if (input === "") continue;
      const resend = input === "r";
      const answer = resend
        ? await this.send("resend", {
            __step: "1",
            __session_id: sessionId,
            password: START_PASSWORD_PLACEHOLDER,
          })
        : await this.send("code", { __step: "2", __session_id: sessionId, password: input });
      if (answer.fields?.status === "proceed") {
        if (!resend) return { kind: "next", sessionId };
        continue;
      }
      const action = this.actionFor(answer);
      if (action === "restart") return (await this.offerRestart()) ? { kind: "restart" } : { kind: "stop" };
      if (action === "stop") return { kind: "stop" };
    }
  }

  private async passwordStage(sessionId: string): Promise<"token" | "restart" | "stop"> {
    for (;;) {
      const input = await this.deps.prompter.ask("Password: ", { hidden: true });
      if (input === null) return (await this.stopped(null, sessionId)).kind;
      if (input === "") continue;
      const answer = await this.send("password", { __step: "3", __session_id: sessionId, password: input });
      if (answer.httpStatus === 200) {
        this.deps.reporter.token(answer);
        return "token";
      }
      const action = this.actionFor(answer);
      if (action === "restart") return (await this.offerRestart()) ? "restart" : "stop";
      if (action === "stop") return "stop";
    }
  }

  private async send(step: StepName, parameters: Record<string, string>): Promise<StepAnswer> {
    const answer = await this.deps.client.post({ ...parameters, username: this.deps.username });
    // The token response is reported by itself, once, at the end.
    if (answer.httpStatus !== 200) this.deps.reporter.step(step, answer);
    return answer;
  }

  private actionFor(answer: StepAnswer): ErrorAction {
    if (answer.httpStatus === 200) {
      this.deps.reporter.note(
        "The server issued a token before the last step: its script does not run this protocol.",
      );
      return "stop";
    }
    return answer.fields === null ? "stop" : errorAdvice(answer.fields).action;
  }

  private async offerRestart(): Promise<boolean> {
    const answer = await this.deps.prompter.ask("Start a new login (a new code is sent)? [y/N] ", {
      hidden: false,
    });
    return /^y(es)?$/i.test(answer?.trim() ?? "");
  }

  /** The person gave up: the server is told, so the session and its code stop working now rather than at their expiry. */
  private async stopped(input: string | null, sessionId: string): Promise<{ kind: "stop" }> {
    this.deps.reporter.note(input === null ? "Input ended: login abandoned." : "Login abandoned.");
    await this.send("abandon", { __step: "abandon", __session_id: sessionId });
    return { kind: "stop" };
  }
}
