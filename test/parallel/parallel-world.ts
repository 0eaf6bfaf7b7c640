// The Jython world the parallel attacks run in: one JVM with the script loaded and two instances (cluster nodes) sharing
// the world's store, the users and addresses the attacks use, and step 1 of a login, which warming up needs as much as
// the attacks do.

import { BUILT_CHALLENGE_SCRIPT, BUILT_SCRIPT } from "../conformance/jython-side";
import { challengeParams } from "../conformance/challenge-wire";
import type { Wire } from "../conformance/challenge-wire";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import { CacheServer, PostgresServer, startPostgres, startRedis } from "../../src/world/servers";
import type {
  AuthenticateReply,
  CacheBackendSpec,
  ParallelReply,
  ParallelRequest,
  WorldUser,
} from "../../src/world/protocol";
import { LIMITS } from "./attack-terms";
import { codeIn, fields } from "./replies";
import { startTestWorld } from "../support/test-world";

export const CLIENT_ID = "parallel-client";
const START_CLOCK_MS = Date.UTC(2026, 0, 1);

export const PROPERTIES: Record<string, string> = {
  twilio_account_sid: "AC" + "0123456789abcdef".repeat(2),
  twilio_auth_token: "tok3n-s3cret-value-that-must-never-leak",
  twilio_from_number: "+15005550006",
  max_password_failures_per_ip_per_hour: String(LIMITS.passwordFailuresPerIp),
};

/** Where the password is checked: step 3 after the code (default), or step 1 before any code exists. */
export type LoginOrder = "code_first" | "password_first";

/** The world's own map (per-node claims), or a real server both nodes share (atomic claims). */
export type Backend = "in-memory" | "redis" | "database";

export interface Phone {
  uid: string;
  password: string;
  phone: string;
}

export function person(index: number): Phone {
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
export function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** What the world's CacheProvider runs on: its own map, or the shared server. */
function cacheBackendOf(server: CacheServer | null): CacheBackendSpec | undefined {
  if (server === null) return undefined;
  if (server.kind === "redis") return { kind: "redis", host: server.host, port: server.port };
  const postgres = server as PostgresServer;
  return { kind: "database", jdbcUrl: postgres.jdbcUrl, user: postgres.user };
}

/** One Jython process with the built script loaded and two initialised instances (nodes), reused across attacks. */
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
    if (backend === "in-memory")
      return new ParallelWorld(startTestWorld({ timeoutMs: 180_000 }), scriptPath, backend, null);
    const server = backend === "redis" ? await startRedis() : await startPostgres();
    return new ParallelWorld(startTestWorld({ timeoutMs: 180_000 }), scriptPath, backend, server);
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

  /** K requests of one session at `step` released together, the i-th on node i % nodes, carrying `password(i)`. */
  async burst(
    step: "2" | "3",
    session: { uid: string; sessionId: string },
    k: number,
    nodes: number,
    password: (i: number) => string,
  ): Promise<ParallelReply> {
    return this.all(
      Array.from({ length: k }, (_, i) =>
        this.request(i % nodes, {
          __step: step,
          username: session.uid,
          __session_id: session.sessionId,
          password: password(i),
        }),
      ),
    );
  }

  /** The session's own code at step 2, serially on the first node. */
  async rightCode(p: Phone, started: Started): Promise<AuthenticateReply> {
    return this.one(0, {
      __step: "2",
      username: p.uid,
      __session_id: started.sessionId,
      password: started.code,
    });
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

export interface Started {
  sessionId: string;
  code: string;
}

export async function start(world: ParallelWorld, p: Phone, ip: string): Promise<Started> {
  const reply = await world.one(0, { __step: "1", username: p.uid }, ip);
  const sessionId = fields(reply).session_id;
  if (fields(reply).status !== "proceed" || sessionId === undefined) {
    throw new Error(`step 1 for ${p.uid} failed: ${JSON.stringify(reply.headers)} ${reply.logs.join(" | ")}`);
  }
  return { sessionId, code: codeIn(reply) };
}

/** How many separate attempt budgets a session has: one per node on per-node claims, one on an atomic backend. */
export function budgets(world: ParallelWorld, nodes: number): number {
  return world.backend === "in-memory" ? nodes : 1;
}
