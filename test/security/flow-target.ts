// The Target of the attack suites for the TypeScript flow: the in-memory doubles of test/flow, several nodes on one world.

import { parseConfig } from "../../src/flow";
import { handleRequest } from "../../src/host/ropc-request";
import type { Config } from "../../src/flow";
import type { ClaimStore, Ports, SessionStore } from "../../src/flow/ports";
import { MemoryClaimStore, MemorySessionStore, TestRandom, TestWorld, TtlStore } from "../flow/doubles/ports";
import type {
  AttackAnswer,
  AttackRequest,
  Fault,
  SentMessage,
  Target,
  TargetFactory,
  TargetSetup,
} from "./target";

/**
 * A node's view of a shared store: while frozen, reads come from a copy taken at freeze time (except for keys this node has
 * written since: a node reads its own writes back) and writes reach the shared store, so two nodes can be interleaved as if
 * one read before the other wrote. Claims stay atomic on the shared store: only their reads can be stale.
 */
class StaleReads {
  private snapshot: Map<string, string | null> | null = null;
  private readonly written = new Set<string>();

  constructor(private readonly shared: TtlStore & { get(key: string): string | null }) {}

  freeze(): void {
    this.snapshot = new Map(this.shared.liveKeys().map((key) => [key, this.shared.peek(key)]));
    this.written.clear();
  }
  thaw(): void {
    this.snapshot = null;
    this.written.clear();
  }
  wrote(key: string): void {
    this.written.add(key);
  }
  get(key: string): string | null {
    const live = this.shared.get(key);
    return this.snapshot === null || this.written.has(key) ? live : (this.snapshot.get(key) ?? null);
  }
}

class SessionView extends StaleReads implements SessionStore {
  constructor(private readonly store: MemorySessionStore) {
    super(store);
  }
  writesAreConfirmed(): boolean {
    return this.store.writesAreConfirmed();
  }
  create(key: string, value: string, ttlSeconds: number): void {
    this.wrote(key);
    this.store.create(key, value, ttlSeconds);
  }
  update(key: string, value: string, ttlSeconds: number): void {
    this.wrote(key);
    this.store.update(key, value, ttlSeconds);
  }
  remove(key: string): void {
    this.wrote(key);
    this.store.remove(key);
  }
}

class ClaimView extends StaleReads implements ClaimStore {
  constructor(private readonly store: MemoryClaimStore) {
    super(store);
  }
  claim(key: string, value: string, ttlSeconds: number): boolean {
    this.wrote(key);
    return this.store.claim(key, value, ttlSeconds);
  }
  release(key: string): void {
    this.wrote(key);
    this.store.release(key);
  }
}

/** The suites name the limit store "counters" (its name before claims); its write is the claim. */
function claimMethod(method: string): string {
  return method === "put" ? "claim" : method;
}

export class FlowTarget implements Target {
  readonly world: TestWorld;
  protected readonly config: Config;
  private readonly views: { sessions: SessionView; counters: ClaimView }[] = [];
  private readonly nodes: Ports[] = [];
  private forgetting = new Set<string>();

  /** `defaults` stand under the setup's properties (a script's own defaults, or the order a suite assumes). */
  constructor(setup: TargetSetup, defaults: Record<string, string> = {}) {
    const parsed = parseConfig({ ...defaults, ...setup.properties });
    if (parsed.config === null) {
      throw new Error("target configuration rejected: " + parsed.errors.join(" | "));
    }
    this.config = parsed.config;
    this.world = new TestWorld(setup.users);
    this.forgetOnRead(this.world.sessions, "sessions");
    this.forgetOnRead(this.world.claims, "counters");
  }

  /** Makes `store` answer null while "store-forgets" is injected for it. */
  private forgetOnRead(store: TtlStore & { get(key: string): string | null }, name: string): void {
    const read = store.get.bind(store);
    store.get = (key: string) => {
      const value = read(key);
      return this.forgetting.has(name) ? null : value;
    };
  }

  private node(index: number): Ports {
    while (this.nodes.length <= index) {
      const first = this.nodes.length === 0;
      const views = {
        sessions: new SessionView(this.world.sessions),
        counters: new ClaimView(this.world.claims),
      };
      this.views.push(views);
      const base = first ? this.world.nodePorts() : this.world.nodePorts(this.world.log, new TestRandom());
      this.nodes.push({ ...base, sessions: views.sessions, claims: views.counters });
    }
    return this.nodes[index]!;
  }

  request(request: AttackRequest): AttackAnswer {
    const index = request.node ?? 0;
    const ports = this.node(index);
    try {
      return this.decide(request, ports);
    } catch (e) {
      return { header: null, headerName: null, grantedUserId: null, escaped: String(e) };
    } finally {
      this.views[index]!.sessions.thaw();
      this.views[index]!.counters.thaw();
    }
  }

  /** The script's answer to one request on this node, in the ROPC header's terms. */
  protected decide(request: AttackRequest, ports: Ports): AttackAnswer {
    const outcome = handleRequest(
      { params: request.params, clientId: request.clientId, ipAddress: request.ipAddress, forwardedFor: [] },
      this.config,
      ports,
    );
    return {
      header: outcome.header?.value ?? null,
      headerName: outcome.header?.name ?? null,
      grantedUserId: outcome.grantedUserId,
      escaped: null,
    };
  }

  messages(): SentMessage[] {
    const sms = this.world.otp.sms.map((item) => ({ to: item.to, body: item.body ?? "" }));
    const verify = this.world.otp.verifications.map((item) => ({ to: item.options.to, body: "" }));
    return [...sms, ...verify];
  }

  advanceSeconds(seconds: number): void {
    this.world.clock.advanceSeconds(seconds);
  }

  logLines(): string[] {
    return this.world.log.lines.map((entry) => entry.line);
  }

  inject(fault: Fault): void {
    switch (fault.kind) {
      case "provider-refuses":
        this.world.otp.mode = { kind: "refuse", errorCode: fault.errorCode };
        this.world.otp.checkMode = this.world.otp.mode;
        return;
      case "provider-throws":
        this.world.otp.mode = { kind: "throw", message: fault.message };
        this.world.otp.checkMode = this.world.otp.mode;
        return;
      case "store-throws":
        if (fault.store === "sessions") this.world.sessions.failing.add(fault.method);
        else this.world.claims.failing.add(claimMethod(fault.method));
        return;
      case "store-forgets":
        this.forgetting.add(fault.store);
        return;
      case "directory-throws":
        this.world.directory.fail = true;
        return;
      case "passwords-throw":
        this.world.passwords.fail = true;
        return;
      case "log-throws":
        this.world.log.fail = true;
        return;
      case "stale-reads":
        this.node(fault.node);
        this.views[fault.node]!.sessions.freeze();
        this.views[fault.node]!.counters.freeze();
        return;
    }
  }

  clearFaults(): void {
    this.world.otp.mode = { kind: "ok" };
    this.world.otp.checkMode = { kind: "ok" };
    this.world.sessions.failing.clear();
    this.world.claims.failing.clear();
    this.forgetting.clear();
    this.world.directory.fail = false;
    this.world.passwords.fail = false;
    this.world.log.fail = false;
    for (const views of this.views) {
      views.sessions.thaw();
      views.counters.thaw();
    }
  }

  liveSessions(): number {
    return this.world.sessions.liveKeys().length;
  }
}

export const flowTarget: TargetFactory = (setup) => new FlowTarget(setup);
