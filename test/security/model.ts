// A reference model of what a sequence of requests may achieve, checked against a Target request by request (issue 5 §2).
// It knows only what an observer of the wire and the SMS provider knows: answers, messages, the clock.

import { App, lastCode, wrongCode } from "./app";
import type { Fault, Target, TestUser } from "./target";

export const LOGINS = ["alice", "bob", "nophone", "sleeper", "ghost", "ALICE"];
export const CLIENTS = ["client-app-1", "client-app-2"];
export const IPS = ["198.51.100.20", "198.51.100.21", "203.0.113.5"];

/** Limits small enough that a short sequence reaches each of them. */
export const MODEL_LIMITS = {
  otp_ttl_seconds: "120",
  session_ttl_seconds: "240",
  max_otp_attempts: "3",
  max_password_attempts: "2",
  resend_cooldown_seconds: "30",
  max_sends_per_session: "3",
  max_sends_per_user_per_hour: "4",
  max_sends_per_ip_per_hour: "6",
  max_failures_per_user_per_hour: "5",
  phone_hint: "masked",
};

const LIMIT = {
  otpTtl: 120_000,
  sessionTtl: 240_000,
  otpAttempts: 3,
  passwordAttempts: 2,
  sendsPerSession: 3,
  sendsPerLogin: 4,
  sendsPerIp: 6,
  failuresPerLogin: 5,
};

export type Command =
  | { op: "start"; login: number; client: number; ip: number; node: number }
  | { op: "resend"; session: number; login: number; client: number; ip: number }
  | {
      op: "code";
      session: number;
      login: number;
      client: number;
      which: "right" | "old" | "wrong" | "malformed";
      field: "password" | "__otp_code";
    }
  | {
      op: "password";
      session: number;
      login: number;
      client: number;
      which: "right" | "wrong" | "another user's";
    }
  | { op: "wait"; seconds: number }
  /** The fault strikes the next request only. */
  | { op: "fault"; fault: Fault };

type RequestCommand = Exclude<Command, { op: "wait" } | { op: "fault" }>;

interface SessionModel {
  id: string;
  login: string;
  client: string;
  userId: string | null;
  startedAt: number;
  codes: { code: string; sentAt: number }[];
  wrongCodes: number;
  wrongPasswords: number;
  verified: boolean;
  finished: boolean;
}

/** A rolling hour, as the protocol documents for every hourly limit: at most N events in any hour. */
class Windows {
  private readonly events = new Map<string, number[]>();
  /** Records an event at `now` and returns how many fall within the hour that ends with it. */
  count(key: string, now: number): number {
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - 3_600_000);
    recent.push(now);
    this.events.set(key, recent);
    return recent.length;
  }
}

export class Model {
  readonly sessions: SessionModel[] = [];
  private now = 0;
  private readonly sends = new Windows();
  private readonly failures = new Windows();
  private readonly secrets: string[];
  private pendingFault: Fault | null = null;
  readonly violations: string[] = [];
  /** How far sequences got, so a run that never reaches a token or a limit is noticed. */
  readonly reached = { verified: 0, granted: 0, refusedByLimit: 0 };
  private readonly orphanCodes: string[] = [];

  constructor(
    private readonly target: Target,
    private readonly users: TestUser[],
    extraSecrets: string[],
  ) {
    this.secrets = [
      ...extraSecrets,
      ...users.map((user) => user.password),
      ...users.flatMap((user) => (user.attributes["mobile"] ?? []).map((phone) => phone.slice(1))),
    ];
  }

  private userOf(login: string): TestUser | null {
    const found = this.users.find((user) => user.id === login.toLowerCase());
    return found !== undefined && found.active && (found.attributes["mobile"] ?? []).length > 0
      ? found
      : null;
  }

  private session(index: number): SessionModel | null {
    return this.sessions.length === 0 ? null : this.sessions[index % this.sessions.length]!;
  }

  private fail(message: string): void {
    this.violations.push(`t=${this.now / 1000}s: ${message}`);
  }

  run(command: Command): void {
    if (command.op === "wait") {
      this.now += command.seconds * 1000;
      this.target.advanceSeconds(command.seconds);
      return;
    }
    if (command.op === "fault") {
      this.pendingFault = command.fault;
      return;
    }
    const fault = this.pendingFault;
    this.pendingFault = null;
    if (fault !== null) {
      // Limits are claims taken before the step that counts: a request that fails mid-way may have used a slot the model
      // does not count, which only makes the target stricter, so the hourly checks below hold under every fault.
      this.target.inject(fault);
    }
    const logged = this.target.logLines().length;
    const sentBefore = this.target.messages().length;
    const { answer, fields } = this.send(command);
    this.target.clearFaults();
    const sent = this.target.messages().slice(sentBefore);
    if (answer.escaped !== null) {
      this.fail("exception escaped: " + answer.escaped);
    }
    this.checkLeaks([answer.header ?? "", ...this.target.logLines().slice(logged)]);
    this.account(
      command,
      fields,
      answer.grantedUserId,
      sent.map(() => lastCode(this.target)),
    );
  }

  private app(client: number, ip: number, node = 0): App {
    return new App(this.target, CLIENTS[client % CLIENTS.length], IPS[ip % IPS.length], node);
  }

  private send(command: RequestCommand) {
    const login = LOGINS[command.login % LOGINS.length]!;
    const session = this.session((command as { session?: number }).session ?? 0);
    const id = session?.id ?? "ab".repeat(32);
    switch (command.op) {
      case "start":
        return this.app(command.client, command.ip, command.node).start(login);
      case "resend":
        return this.app(command.client, command.ip).resend(login, id);
      case "code": {
        const codes = session?.codes ?? [];
        const latest = codes.at(-1)?.code ?? "000000";
        const code = {
          right: latest,
          old: codes[0]?.code ?? latest,
          wrong: wrongCode(latest),
          malformed: "12ab56",
        }[command.which];
        return this.app(command.client, 0).send({
          __step: "2",
          username: login,
          __session_id: id,
          [command.field]: code,
        });
      }
      case "password": {
        const owner = session === null ? null : this.userOf(session.login);
        const password = {
          right: owner?.password ?? "x",
          wrong: "wrong-pw-7",
          "another user's": "pw-of-bob",
        }[command.which];
        return this.app(command.client, 0).password(login, id, password);
      }
    }
  }

  private account(
    command: RequestCommand,
    fields: Record<string, string>,
    granted: string | null,
    codes: string[],
  ): void {
    const login = LOGINS[(command as { login: number }).login % LOGINS.length]!.toLowerCase();
    const client = CLIENTS[(command as { client: number }).client % CLIENTS.length]!;
    const ip = IPS[((command as { ip?: number }).ip ?? 0) % IPS.length]!;
    const error = fields["error"] ?? "";
    this.reached.refusedByLimit += error === "rate_limited" || error === "too_many_attempts" ? 1 : 0;
    if (command.op === "start" || command.op === "resend") {
      const counted = fields["step"] === "2" || error === "otp_not_sent";
      if (counted) {
        if (this.sends.count("login:" + login, this.now) > LIMIT.sendsPerLogin)
          this.fail("sends per login over the hourly cap");
        if (this.sends.count("ip:" + ip, this.now) > LIMIT.sendsPerIp)
          this.fail("sends per IP over the hourly cap");
      }
      const target =
        command.op === "start" ? this.opened(fields, login, client) : this.session(command.session);
      // A start whose session could not be stored has sent a code nobody can use: kept for the leak scan only.
      this.orphanCodes.push(...(target === null ? codes : []));
      for (const code of codes) target?.codes.push({ code, sentAt: this.now });
      if (target !== null && target.codes.length > LIMIT.sendsPerSession)
        this.fail("sends per session over the cap");
      return;
    }
    const session = this.session(command.session);
    if (["invalid_otp", "invalid_credentials", "too_many_attempts"].includes(error)) {
      if (this.failures.count(login, this.now) > LIMIT.failuresPerLogin)
        this.fail("failures per login over the hourly cap");
    }
    if (session === null) {
      if (fields["status"] !== "error" || granted !== null) this.fail("progress without any session");
      return;
    }
    const bound =
      session.client === client && session.login === login && this.now < session.startedAt + LIMIT.sessionTtl;
    if (command.op === "code") {
      if (error === "invalid_otp" || error === "too_many_attempts") {
        session.wrongCodes += 1;
        if (session.wrongCodes > LIMIT.otpAttempts)
          this.fail("more wrong codes evaluated than max_otp_attempts");
      }
      if (fields["step"] === "3") {
        const latest = session.codes.at(-1);
        const right =
          (latest !== undefined && command.which === "right") ||
          (command.which === "old" && session.codes.length === 1);
        if (
          !bound ||
          !right ||
          latest === undefined ||
          this.now >= latest.sentAt + LIMIT.otpTtl ||
          session.verified ||
          session.finished ||
          session.wrongCodes >= LIMIT.otpAttempts
        ) {
          this.fail(`code step passed without the live code of a bound session (${command.which})`);
        }
        session.verified = true;
        this.reached.verified += 1;
      }
      return;
    }
    if (error === "invalid_credentials" || error === "too_many_attempts") {
      session.wrongPasswords += 1;
      if (session.wrongPasswords > LIMIT.passwordAttempts)
        this.fail("more wrong passwords evaluated than max_password_attempts");
    }
    if (granted !== null) {
      const owner = this.userOf(session.login);
      if (
        !bound ||
        !session.verified ||
        session.finished ||
        command.which !== "right" ||
        owner === null ||
        granted !== owner.id
      ) {
        this.fail(
          `token without a verified code, the right password, the same client and login, in time (${command.which})`,
        );
      }
      session.finished = true;
      this.reached.granted += 1;
    }
  }

  private opened(fields: Record<string, string>, login: string, client: string): SessionModel | null {
    const id = fields["session_id"];
    if (fields["step"] !== "2" || id === undefined) {
      return null;
    }
    const session: SessionModel = {
      id,
      login,
      client,
      userId: this.userOf(login)?.id ?? null,
      startedAt: this.now,
      codes: [],
      wrongCodes: 0,
      wrongPasswords: 0,
      verified: false,
      finished: false,
    };
    this.sessions.push(session);
    return session;
  }

  /** No code, password, secret or full phone number in a header or a log line (S6). */
  private checkLeaks(texts: string[]): void {
    const codes = new Set([
      ...this.orphanCodes,
      ...this.sessions.flatMap((session) => session.codes.map((sent) => sent.code)),
    ]);
    for (const text of texts) {
      // Session ids and their log references are random hexadecimal and may hold any digit run by chance.
      const scrubbed = text
        .split(/[;\s]/)
        .filter((part) => !part.startsWith("session_id=") && !part.startsWith("session="))
        .join(" ");
      const runs = scrubbed.split(/\D+/).filter((run) => run !== "");
      if (runs.some((run) => codes.has(run))) this.fail("a code in: " + text);
      const secret = this.secrets.find((value) => scrubbed.includes(value));
      if (secret !== undefined) this.fail("a secret or phone number in: " + text);
      const id = this.sessions.find((session) => text.includes(session.id) && !text.startsWith("status="));
      if (id !== undefined) this.fail("a session id in a log line: " + text);
    }
  }
}
