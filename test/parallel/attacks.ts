// Attacks released all at once: K requests on K real Java threads in Jython (the driver's `parallel` command) against
// dist/GamatechRopc.py, the store answering after a configurable round trip, on one or two script instances (cluster
// nodes) sharing the world's in-memory store. Each attack returns the numbers issue 12 and SECURITY.md quote; the
// parallel suite asserts them and scripts/parallel-figures.ts prints them. Defaults throughout: 5 codes, 3 passwords, 5 SMS
// per user and 20 per IP per hour, 3 per session, a resend every 60 s, 10 failures per login value per hour. The
// password-first attacks run on instances initialised with login_order=password_first, where the password is checked at
// step 1 before any session exists: the per-login failure limit (the lockout) is then the only one a password guess meets.
// With `script: "challenge"` the same attacks run against dist/GamatechAuthzChallenge.py: each request, written in the ROPC
// wire's terms, is sent as test/conformance/challenge-wire.ts translates it, and each JSON answer (reply.http) is read
// back into the ROPC header's vocabulary (fields, answerOf); an answer outside the challenge spec throws.

import { BUILT_CHALLENGE_SCRIPT, BUILT_SCRIPT } from "../conformance/jython-side";
import { challengeParams, decodeChallenge, decodeGrant } from "../conformance/challenge-wire";
import type { Wire } from "../conformance/challenge-wire";
import { errorName } from "../../src/flow/error-codes";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import { backendJars } from "../../src/world/backends";
import { CacheServer, PostgresServer, startPostgres, startRedis } from "../../src/world/servers";
import type {
  AuthenticateReply,
  CacheBackendSpec,
  ParallelReply,
  ParallelRequest,
  WorldUser,
} from "../../src/world/protocol";

export const CLIENT_ID = "parallel-client";
const HEADER = "X-ROPC-TWO-FA";
const START_CLOCK_MS = Date.UTC(2026, 0, 1);

export const PROPERTIES: Record<string, string> = {
  twilio_account_sid: "AC" + "0123456789abcdef".repeat(2),
  twilio_auth_token: "tok3n-s3cret-value-that-must-never-leak",
  twilio_from_number: "+15005550006",
};

/** The defaults of the properties the attacks meet (src/flow/config-table.ts). */
export const LIMITS = {
  codes: 5,
  passwords: 3,
  smsPerUser: 5,
  smsPerIp: 20,
  smsPerSession: 3,
  resendCooldownSeconds: 60,
  failuresPerUser: 10,
} as const;

/** Where the password is checked: step 3 after the code (default), or step 1 before any code exists. */
export type LoginOrder = "code_first" | "password_first";

export type AttackName =
  | "wrong-codes"
  | "right-code-among-many"
  | "one-user-many-addresses"
  | "many-users-one-address"
  | "resends"
  | "wrong-passwords"
  | "right-password-among-many"
  | "password-first-wrong-passwords"
  | "password-first-right-among-many";

export const ATTACKS: readonly AttackName[] = [
  "wrong-codes",
  "right-code-among-many",
  "one-user-many-addresses",
  "many-users-one-address",
  "resends",
  "wrong-passwords",
  "right-password-among-many",
  "password-first-wrong-passwords",
  "password-first-right-among-many",
];

/** The world's own map (per-node claims), or a real server both nodes share (atomic claims). */
export type Backend = "in-memory" | "redis" | "database";

export interface AttackSetup {
  /** Requests released together (per session for right-code-among-many; per burst for resends). */
  k: number;
  /** Round trip of every store operation, real ms. */
  latencyMs: number;
  /** Script instances sharing the store; requests alternate between them. */
  nodes: 1 | 2;
  /** right-code-among-many: sessions tried, each its own user; default 10. */
  sessions?: number;
}

export interface AttackResult {
  attack: AttackName;
  k: number;
  latencyMs: number;
  nodes: number;
  /** in-memory: the world's own map (IN_MEMORY, per-node claims); redis: a real redis-server (atomic claims). */
  backend: Backend;
  /** Guesses the script judged (see evaluatedOf), the worst session for right-code-among-many; null for SMS attacks. */
  evaluated: number | null;
  /** The limit those guesses are held to (max_otp_attempts / max_password_attempts), or the SMS cap. */
  limit: number;
  /** SMS sent (Twilio accepted the message) during the attack; null where no SMS is at stake. */
  sms: number | null;
  /** Wrong-guess attacks: whether the right code / password afterwards still gave a token. Among-many: how often it passed. */
  rightAccepted: string;
  /** Tokens issued during the attack. */
  tokens: number;
  /** Answers by error name (or "proceed" / "granted"), over all the attack's parallel requests. */
  answers: Record<string, number>;
  /** resends: SMS per burst (the cooldown allows one per burst); right-code-among-many: evaluated per session. */
  perRound: number[];
  /** Real time of the whole attack, ms. */
  elapsedMs: number;
}

interface Phone {
  uid: string;
  password: string;
  phone: string;
}

function person(index: number): Phone {
  return {
    uid: `user${index}`,
    password: `pw-of-user${index}`,
    phone: `+4915112${String(index).padStart(6, "0")}`,
  };
}

function worldUser(p: Phone): WorldUser {
  return { uid: p.uid, password: p.password, attributes: { mobile: [p.phone] } };
}

/** "10.<a>.<b>.<c>" for distinct indexes. */
function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/**
 * The challenge script's answer in the ROPC header's vocabulary (status, error_code, error named by code as the ROPC
 * header names it, session_id, step, ...); {} for a grant, which has no answer of the flow's own. Throws on an answer
 * outside the spec.
 */
function challengeFields(reply: AuthenticateReply): Record<string, string> {
  const http = reply.http!;
  if (granted(reply)) {
    decodeGrant(http.status, http.body);
    return {};
  }
  const pairs = { ...decodeChallenge(http.status, http.body).pairs };
  if (pairs.error_code !== undefined) pairs.error = errorName(Number(pairs.error_code));
  return pairs;
}

export function fields(reply: AuthenticateReply): Record<string, string> {
  if (reply.http !== undefined && reply.outcome !== "raised") return challengeFields(reply);
  const header = reply.headers[HEADER] ?? "";
  const result: Record<string, string> = {};
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) result[part.slice(0, at)] = part.slice(at + 1);
  }
  return result;
}

function granted(reply: AuthenticateReply): boolean {
  return reply.outcome === "returned" && reply.value === true && reply.user !== null;
}

/** What the script answered: "granted", "proceed", an error name, "raised" or "no-header". */
export function answerOf(reply: AuthenticateReply): string {
  if (reply.outcome === "raised") return "raised";
  if (granted(reply)) return "granted";
  const f = fields(reply);
  if (f.status === "proceed") return "proceed";
  return f.error ?? "no-header";
}

function tally(replies: AuthenticateReply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const answer = answerOf(reply);
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
  return counts;
}

function mergeInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

/**
 * Guesses the script judged, read from its answers: every wrong-guess answer (invalid_otp / invalid_credentials), every
 * success (proceed to step 3 / a token), and the too_many_attempts answers that can have been judged — the one per
 * budget whose wrong guess used it up. A budget is per node where claims are per node, one for the cluster where the
 * backend's claims are atomic (Redis, the database). Further too_many_attempts answers are refusals of a spent session and judge
 * nothing. With `perBudget` (a budget's attempts), a too_many_attempts answer counts only while the other answers leave a
 * slot for it: when a success took a budget's last slot, the refusals after it judged nothing (counting one of them made a
 * right password in the third slot read as 4 of 3). Serially this is exactly the limit once the limit is reached.
 */
export function evaluatedOf(
  answers: Record<string, number>,
  wrong: string,
  success: string,
  budgets: number,
  perBudget = Infinity,
): number {
  const judged = (answers[wrong] ?? 0) + (answers[success] ?? 0);
  const slotsLeft = Math.max(0, budgets * perBudget - judged);
  return judged + Math.min(answers["too_many_attempts"] ?? 0, budgets, slotsLeft);
}

/** evaluatedOf for the password step's attacks: wrong passwords, tokens, max_password_attempts per budget. */
function passwordsJudged(answers: Record<string, number>, world: ParallelWorld, nodes: number): number {
  return evaluatedOf(answers, "invalid_credentials", "granted", budgets(world, nodes), LIMITS.passwords);
}

/** How many separate attempt budgets a session has: one per node on per-node claims, one on an atomic backend. */
function budgets(world: ParallelWorld, nodes: number): number {
  return world.backend === "in-memory" ? nodes : 1;
}

function sentSms(replies: ParallelReply | AuthenticateReply[]): number {
  const records = Array.isArray(replies)
    ? replies.flatMap((reply) => reply.sms)
    : [...replies.results.flatMap((reply) => reply.sms), ...replies.unattributed.sms];
  return records.filter((record) => record.sid !== undefined).length;
}

function codeIn(reply: AuthenticateReply): string {
  for (const record of reply.sms) {
    const match = /\b(\d{6})\b/.exec(record.body ?? "");
    if (record.sid !== undefined && match !== null) return match[1]!;
  }
  throw new Error(`no code was sent: ${JSON.stringify(reply.headers)}`);
}

function wrongCode(right: string, guess: number): string {
  const value = (Number(right) + 1 + guess) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** A small deterministic generator (mulberry32) for where the right guess sits among the K. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One Jython process with the built script loaded and two initialised instances (nodes), reused across attacks. */
/** What the world's CacheProvider runs on: its own map, or the shared server. */
function cacheBackendOf(server: CacheServer | null): CacheBackendSpec | undefined {
  if (server === null) return undefined;
  if (server.kind === "redis") return { kind: "redis", host: server.host, port: server.port };
  const postgres = server as PostgresServer;
  return { kind: "database", jdbcUrl: postgres.jdbcUrl, user: postgres.user };
}

export class ParallelWorld {
  private script: string | null = null;
  private nodes: string[] = [];
  private order: LoginOrder = "code_first";
  /** Which script's wire the attacks speak: the ROPC script's (default) or the challenge script's. */
  wire: Wire = "ropc";

  private constructor(
    readonly host: JythonScriptHost,
    private readonly scriptPath: string,
    readonly backend: Backend,
    private readonly server: CacheServer | null,
  ) {}

  /**
   * The world's own map (default), or a real server started here and shared by both nodes: redis-server, or PostgreSQL
   * behind the world's entry manager (Janssen's default database cache).
   */
  static async start(
    scriptPath?: string,
    backend: Backend = "in-memory",
    script: Wire = "ropc",
  ): Promise<ParallelWorld> {
    const world = await ParallelWorld.started(
      scriptPath ?? (script === "challenge" ? BUILT_CHALLENGE_SCRIPT : BUILT_SCRIPT),
      backend,
    );
    world.wire = script;
    return world;
  }

  private static async started(scriptPath: string, backend: Backend): Promise<ParallelWorld> {
    if (backend === "in-memory") {
      return new ParallelWorld(
        JythonScriptHost.start({ timeoutMs: 180_000, jit: "quick", reuse: true }),
        scriptPath,
        backend,
        null,
      );
    }
    const server = backend === "redis" ? await startRedis() : await startPostgres();
    const host = JythonScriptHost.start({
      timeoutMs: 180_000,
      extraJars: backendJars(),
      jit: "quick",
      reuse: true,
    });
    return new ParallelWorld(host, scriptPath, backend, server);
  }

  async close(): Promise<void> {
    await this.host.close();
    await this.server?.stop();
  }

  /**
   * A fresh world (store, directory, outbox, clock) with these users and this store latency, and two fresh instances
   * initialised with this login order, as after a restart: an instance picks its claim store at init, from the provider
   * of that moment, and remembers the claims it holds (per-node-claims.ts), which a new world must not inherit.
   */
  async reset(users: Phone[], latencyMs: number, order: LoginOrder = "code_first"): Promise<void> {
    const cacheBackend = cacheBackendOf(this.server);
    await this.host.reset({ clockMs: START_CLOCK_MS, users: users.map(worldUser), latencyMs, cacheBackend });
    if (this.script === null) this.script = await this.host.load(this.scriptPath);
    this.order = order;
    // The challenge script's own default is password_first: it is always told the order.
    const properties =
      order === "code_first" && this.wire === "ropc" ? PROPERTIES : { ...PROPERTIES, login_order: order };
    const nodes: string[] = [];
    while (nodes.length < 2) {
      const instance = await this.host.create(this.script);
      const init = await this.host.init(instance, properties);
      if (init.outcome !== "returned" || init.value !== true) {
        throw new Error(`init failed: ${JSON.stringify(init)}`);
      }
      nodes.push(instance);
    }
    this.nodes = nodes;
  }

  /** Loads the script on both nodes and runs one login and one small burst, so no attack pays the JVM's warm-up. */
  async warmUp(): Promise<void> {
    const user = person(1);
    await this.reset([user], 0);
    const started = await start(this, user, "192.0.2.1");
    await this.all(
      [0, 1].map((node) =>
        this.request(node, {
          __step: "2",
          username: user.uid,
          __session_id: started.sessionId,
          password: "000000",
        }),
      ),
    );
  }

  node(index: number): string {
    return this.nodes[index]!;
  }

  async one(node: number, parameters: Record<string, string>, ip = "192.0.2.1"): Promise<AuthenticateReply> {
    const reply = this.host.authenticate(this.node(node), {
      parameters: this.onWire(parameters),
      clientId: CLIENT_ID,
      ip,
    });
    this.checkAnswer(reply);
    return reply;
  }

  async all(requests: ParallelRequest[]): Promise<ParallelReply> {
    const reply = this.host.parallel(requests, { timeoutMs: 120_000 });
    for (const result of reply.results) this.checkAnswer(result);
    return reply;
  }

  request(node: number, parameters: Record<string, string>, ip = "192.0.2.1"): ParallelRequest {
    return { instance: this.node(node), parameters: this.onWire(parameters), clientId: CLIENT_ID, ip };
  }

  /** A request in the ROPC wire's terms as this world's script takes it. */
  private onWire(parameters: Record<string, string>): Record<string, string | string[]> {
    if (this.wire === "ropc") return parameters;
    const all: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(parameters)) all[name] = [value];
    return challengeParams(all, this.order);
  }

  /** On the challenge wire, every answer must be one the spec describes (fields throws otherwise). */
  private checkAnswer(reply: AuthenticateReply): void {
    if (this.wire === "challenge" && reply.outcome !== "raised") {
      if (reply.http === undefined) throw new Error("challenge reply without an HTTP answer");
      fields(reply);
    }
  }
}

interface Started {
  sessionId: string;
  code: string;
}

async function start(world: ParallelWorld, p: Phone, ip: string): Promise<Started> {
  const reply = await world.one(0, { __step: "1", username: p.uid }, ip);
  const sessionId = fields(reply).session_id;
  if (fields(reply).status !== "proceed" || sessionId === undefined) {
    throw new Error(`step 1 for ${p.uid} failed: ${JSON.stringify(reply.headers)} ${reply.logs.join(" | ")}`);
  }
  return { sessionId, code: codeIn(reply) };
}

async function reachPasswordStep(world: ParallelWorld, p: Phone): Promise<string> {
  const { sessionId, code } = await start(world, p, "192.0.2.1");
  const reply = await world.one(0, { __step: "2", username: p.uid, __session_id: sessionId, password: code });
  if (fields(reply).step !== "3") throw new Error(`step 2 failed: ${JSON.stringify(reply.headers)}`);
  return sessionId;
}

/** Step 2 then 3 with the right code and password, serially: did they give a token? */
async function rightCodeGivesToken(world: ParallelWorld, p: Phone, started: Started): Promise<boolean> {
  const code = await world.one(0, {
    __step: "2",
    username: p.uid,
    __session_id: started.sessionId,
    password: started.code,
  });
  if (fields(code).step !== "3") return false;
  const password = await world.one(0, {
    __step: "3",
    username: p.uid,
    __session_id: started.sessionId,
    password: p.password,
  });
  return granted(password);
}

type Run = Omit<AttackResult, "attack" | "k" | "latencyMs" | "nodes" | "backend" | "elapsedMs">;

const ATTACK_RUNS: Record<AttackName, (world: ParallelWorld, setup: AttackSetup) => Promise<Run>> = {
  async "wrong-codes"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const started = await start(world, alice, "192.0.2.1");
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(i % nodes, {
          __step: "2",
          username: alice.uid,
          __session_id: started.sessionId,
          password: wrongCode(started.code, i),
        }),
      ),
    );
    const answers = tally(burst.results);
    const after = await rightCodeGivesToken(world, alice, started);
    return {
      evaluated: evaluatedOf(answers, "invalid_otp", "proceed", budgets(world, nodes), LIMITS.codes),
      limit: LIMITS.codes,
      sms: null,
      rightAccepted: after ? "yes, a token" : "no",
      tokens: burst.results.filter(granted).length + (after ? 1 : 0),
      answers,
      perRound: [],
    };
  },

  async "right-code-among-many"(world, { k, latencyMs, nodes, sessions = 10 }) {
    const users = Array.from({ length: sessions }, (_, i) => person(i + 1));
    await world.reset(users, latencyMs);
    const random = seeded(12);
    const answers: Record<string, number> = {};
    const perRound: number[] = [];
    let passed = 0;
    let tokens = 0;
    for (const [s, user] of users.entries()) {
      const started = await start(world, user, address(s + 1));
      const right = Math.floor(random() * k);
      const burst = await world.all(
        Array.from({ length: k }, (_, i) =>
          world.request(i % nodes, {
            __step: "2",
            username: user.uid,
            __session_id: started.sessionId,
            password: i === right ? started.code : wrongCode(started.code, i),
          }),
        ),
      );
      const counts = tally(burst.results);
      mergeInto(answers, counts);
      perRound.push(evaluatedOf(counts, "invalid_otp", "proceed", budgets(world, nodes), LIMITS.codes));
      const rightReply = burst.results[right]!;
      if (fields(rightReply).step === "3") {
        passed += 1;
        const token = await world.one(0, {
          __step: "3",
          username: user.uid,
          __session_id: started.sessionId,
          password: user.password,
        });
        tokens += granted(token) ? 1 : 0;
      }
    }
    return {
      evaluated: Math.max(...perRound),
      limit: LIMITS.codes,
      sms: null,
      rightAccepted: `${passed} of ${sessions} sessions`,
      tokens,
      answers,
      perRound,
    };
  },

  async "one-user-many-addresses"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(i % nodes, { __step: "1", username: alice.uid }, address(i + 1)),
      ),
    );
    return {
      evaluated: null,
      limit: LIMITS.smsPerUser,
      sms: sentSms(burst),
      rightAccepted: "-",
      tokens: 0,
      answers: tally(burst.results),
      perRound: [],
    };
  },

  async "many-users-one-address"(world, { k, latencyMs, nodes }) {
    const users = Array.from({ length: k }, (_, i) => person(i + 1));
    await world.reset(users, latencyMs);
    const burst = await world.all(
      users.map((user, i) => world.request(i % nodes, { __step: "1", username: user.uid }, "198.51.100.7")),
    );
    return {
      evaluated: null,
      limit: LIMITS.smsPerIp,
      sms: sentSms(burst),
      rightAccepted: "-",
      tokens: 0,
      answers: tally(burst.results),
      perRound: [],
    };
  },

  async resends(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const started = await start(world, alice, "192.0.2.1");
    const answers: Record<string, number> = {};
    const perRound: number[] = [];
    // Three bursts, each once the cooldown has passed: one send each is allowed until the session's cap (3, the first
    // send included) is used up, so a script that holds both limits sends 1, 1, 0.
    for (let round = 0; round < LIMITS.smsPerSession; round++) {
      await world.host.advanceClock(LIMITS.resendCooldownSeconds * 1000);
      const burst = await world.all(
        Array.from({ length: k }, (_, i) =>
          world.request(
            i % nodes,
            { __step: "1", username: alice.uid, __session_id: started.sessionId },
            address(i + 1),
          ),
        ),
      );
      mergeInto(answers, tally(burst.results));
      perRound.push(sentSms(burst));
    }
    return {
      evaluated: null,
      limit: LIMITS.smsPerSession,
      sms: 1 + perRound.reduce((a, b) => a + b, 0),
      rightAccepted: "-",
      tokens: 0,
      answers,
      perRound,
    };
  },

  async "wrong-passwords"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const sessionId = await reachPasswordStep(world, alice);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(i % nodes, {
          __step: "3",
          username: alice.uid,
          __session_id: sessionId,
          password: `wrong-${i}`,
        }),
      ),
    );
    const answers = tally(burst.results);
    const after = await world.one(0, {
      __step: "3",
      username: alice.uid,
      __session_id: sessionId,
      password: alice.password,
    });
    return {
      evaluated: passwordsJudged(answers, world, nodes),
      limit: LIMITS.passwords,
      sms: null,
      rightAccepted: granted(after) ? "yes, a token" : "no",
      tokens: burst.results.filter(granted).length + (granted(after) ? 1 : 0),
      answers,
      perRound: [],
    };
  },

  async "right-password-among-many"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const sessionId = await reachPasswordStep(world, alice);
    const right = Math.floor(seeded(7)() * k);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(i % nodes, {
          __step: "3",
          username: alice.uid,
          __session_id: sessionId,
          password: i === right ? alice.password : `wrong-${i}`,
        }),
      ),
    );
    const answers = tally(burst.results);
    const tokens = burst.results.filter(granted).length;
    return {
      evaluated: passwordsJudged(answers, world, nodes),
      limit: LIMITS.passwords,
      sms: null,
      rightAccepted: granted(burst.results[right]!) ? "yes" : "no",
      tokens,
      answers,
      perRound: [],
    };
  },

  async "password-first-wrong-passwords"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs, "password_first");
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(
          i % nodes,
          { __step: "1", username: alice.uid, password: `wrong-${i}` },
          address(i + 1),
        ),
      ),
    );
    const answers = tally(burst.results);
    const after = await startWithRightPassword(world, alice);
    return {
      evaluated: passwordFirstEvaluated(answers),
      limit: LIMITS.failuresPerUser,
      sms: sentSms(burst),
      rightAccepted: after === null ? "no" : "yes, a code",
      tokens: after === null ? 0 : await tokenFor(world, alice, after),
      answers,
      perRound: [],
    };
  },

  async "password-first-right-among-many"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs, "password_first");
    const right = Math.floor(seeded(7)() * k);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(
          i % nodes,
          { __step: "1", username: alice.uid, password: i === right ? alice.password : `wrong-${i}` },
          address(i + 1),
        ),
      ),
    );
    const answers = tally(burst.results);
    const rightReply = burst.results[right]!;
    const started = fields(rightReply).status === "proceed" ? startedBy(rightReply) : null;
    // The code step takes a failure slot too, so once the wrong guesses have filled the lockout the right password's
    // code is refused as well: the figure says which happened.
    const tokens = started === null ? 0 : await tokenFor(world, alice, started);
    let rightAccepted = "no";
    if (started !== null)
      rightAccepted = tokens === 1 ? "yes, then a token" : "yes, then its code locked out";
    return {
      evaluated: passwordFirstEvaluated(answers),
      limit: LIMITS.failuresPerUser,
      sms: sentSms(burst),
      rightAccepted,
      tokens,
      answers,
      perRound: [],
    };
  },
};

/**
 * Wrong passwords judged at a password_first start: each invalid_credentials answer follows a password check, while the
 * lockout's refusal (rate_limited) comes before any. The right password, when judged, shows in rightAccepted and in the
 * answers as proceed; it gives its failure slot back, so it is not one of the limit's evaluations.
 */
function passwordFirstEvaluated(answers: Record<string, number>): number {
  return answers["invalid_credentials"] ?? 0;
}

function startedBy(reply: AuthenticateReply): Started {
  const sessionId = fields(reply).session_id;
  if (sessionId === undefined) throw new Error(`no session: ${JSON.stringify(reply.headers)}`);
  return { sessionId, code: codeIn(reply) };
}

/** A password_first start with the right password, serially: the session it opened, or null when it was refused. */
async function startWithRightPassword(world: ParallelWorld, p: Phone): Promise<Started | null> {
  const reply = await world.one(0, { __step: "1", username: p.uid, password: p.password });
  return fields(reply).status === "proceed" ? startedBy(reply) : null;
}

/** The code of a password_first session grants at step 2: 1 when it gave a token. */
async function tokenFor(world: ParallelWorld, p: Phone, started: Started): Promise<number> {
  const reply = await world.one(0, {
    __step: "2",
    username: p.uid,
    __session_id: started.sessionId,
    password: started.code,
  });
  return granted(reply) ? 1 : 0;
}

export async function runAttack(
  world: ParallelWorld,
  attack: AttackName,
  setup: AttackSetup,
): Promise<AttackResult> {
  const began = Date.now();
  const run = await ATTACK_RUNS[attack](world, setup);
  return {
    attack,
    k: setup.k,
    latencyMs: setup.latencyMs,
    nodes: setup.nodes,
    backend: world.backend,
    ...run,
    elapsedMs: Date.now() - began,
  };
}
