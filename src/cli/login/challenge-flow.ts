// The Authorization Challenge dialogue as a person goes through it: the start (with the password first when the script
// checks it first), then whatever the server's `next` asks for (the code, with resend, or the password), until it answers
// with an authorization code, which is exchanged for tokens with the PKCE verifier.

import { errorAdvice } from "./advice";
import type { ErrorAction } from "./advice";
import type { ChallengeClient } from "./challenge-client";
import type { Prompter } from "./prompter";
import type { Reporter, StepName } from "./reporter";
import type { StepAnswer } from "./token-client";

export type LoginOrder = "code_first" | "password_first";

/** Where the dialogue stands: a session waiting for the code ("2") or the password ("3"), or over. */
type Position = { sessionId: string; step: string } | "token" | "restart" | "stop";

const CODE_STEP = "2";

export interface ChallengeLoginDeps {
  client: ChallengeClient;
  prompter: Prompter;
  reporter: Reporter;
  username: string;
  order: LoginOrder;
}

export class ChallengeLoginFlow {
  constructor(private readonly deps: ChallengeLoginDeps) {}

  /** True when tokens were issued. */
  async run(): Promise<boolean> {
    for (;;) {
      let position = await this.start();
      while (typeof position === "object") position = await this.next(position.sessionId, position.step);
      if (position !== "restart") return position === "token";
    }
  }

  private async start(): Promise<Position> {
    for (;;) {
      const parameters: Record<string, string> = { username: this.deps.username };
      if (this.deps.order === "password_first") {
        const password = await this.deps.prompter.ask("Password: ", { hidden: true });
        if (password === null) return "stop";
        if (password === "") continue;
        parameters.password = password;
      }
      const answer = await this.send("start", parameters);
      const position = await this.positionAfter(answer, null);
      // A wrong password at the start leaves no session: trying again is a new start.
      if (position !== "retry") return position;
    }
  }

  private async next(sessionId: string, step: string): Promise<Position> {
    const session = { auth_session: sessionId };
    if (step !== CODE_STEP) {
      const password = await this.deps.prompter.ask("Password: ", { hidden: true });
      if (password === null) return this.abandon(null, sessionId);
      if (password === "") return { sessionId, step };
      return this.after(await this.send("password", { ...session, password }), sessionId, step);
    }
    const typed = await this.deps.prompter.ask("Code from the SMS (r = send a new code, q = quit): ", {
      hidden: true,
    });
    const input = typed?.trim() ?? null;
    if (input === null || input === "q") return this.abandon(input, sessionId);
    if (input === "") return { sessionId, step };
    const answer =
      input === "r"
        ? await this.send("resend", { ...session, action: "resend" })
        : await this.send("code", { ...session, otp: input });
    return this.after(answer, sessionId, step);
  }

  /** The position after an answer within a session: a refused attempt stays where it was. */
  private async after(answer: StepAnswer, sessionId: string, step: string): Promise<Position> {
    const position = await this.positionAfter(answer, sessionId);
    return position === "retry" ? { sessionId, step } : position;
  }

  private async positionAfter(answer: StepAnswer, sessionId: string | null): Promise<Position | "retry"> {
    if (answer.httpStatus === 200) return this.exchange(answer);
    const fields = answer.fields;
    if (fields?.status === "proceed" && fields.session_id !== undefined && fields.step !== undefined) {
      return { sessionId: fields.session_id, step: fields.step };
    }
    const action: ErrorAction = fields === null ? "stop" : errorAdvice(fields).action;
    if (sessionId === null) {
      // A failed start leaves no session; only a wrong password is worth typing again.
      return fields?.error === "invalid_credentials" ? "retry" : "stop";
    }
    if (action === "retry") return "retry";
    if (action === "restart") return (await this.offerRestart()) ? "restart" : "stop";
    return "stop";
  }

  private async exchange(answer: StepAnswer): Promise<Position> {
    const code = (answer.body as { authorization_code?: unknown } | null)?.authorization_code;
    if (typeof code !== "string") {
      this.deps.reporter.note(
        "HTTP 200 without an authorization_code: the endpoint does not run this dialogue.",
      );
      return "stop";
    }
    const tokens = await this.deps.client.exchange(code);
    if (tokens.httpStatus !== 200) {
      this.deps.reporter.step("exchange", tokens);
      return "stop";
    }
    this.deps.reporter.token(tokens);
    return "token";
  }

  private async send(step: StepName, parameters: Record<string, string>): Promise<StepAnswer> {
    const answer = await this.deps.client.post(parameters);
    if (answer.httpStatus !== 200) this.deps.reporter.step(step, answer);
    return answer;
  }

  private async offerRestart(): Promise<boolean> {
    const answer = await this.deps.prompter.ask("Start a new login? [y/N] ", {
      hidden: false,
    });
    return /^y(es)?$/i.test(answer?.trim() ?? "");
  }

  /** The person gave up: the server is told, so the session and its code stop working now. */
  private async abandon(input: string | null, sessionId: string): Promise<Position> {
    this.deps.reporter.note(input === null ? "Input ended: login abandoned." : "Login abandoned.");
    await this.send("abandon", { auth_session: sessionId, action: "abandon" });
    return "stop";
  }
}
