// What the two Jython targets (jython-target.ts for the ROPC script, challenge-target.ts for the challenge script) share:
// one Jython process per SDK version and script for all the targets of a test file, the suites' users as world users, the
// suites' faults as the Janssen and Twilio doubles' faults, and a base class that runs requests and records what the
// provider accepted; each target says its own wire.

import { hasVerify } from "../conformance/jython-side";
import { NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateReply, FaultSpec, WorldUser } from "../../src/world/protocol";
import type {
  AttackAnswer,
  AttackRequest,
  Fault,
  SentMessage,
  Target,
  TargetSetup,
  TestUser,
} from "./target";
import { startTestWorld } from "../support/test-world";

/**
 * The fake Twilio API answers a "timeout" only when the script gives up, so the Jython targets run with a short Twilio
 * timeout unless a test sets one: the suites then wait two seconds, not ten, for each timed-out send. One second (the
 * shortest the script accepts) was too short for a healthy first send of a fresh instance (its TLS handshake) on a CI
 * machine running four test files at once: a setup's start once sent nothing.
 */
export const TWILIO_TIMEOUT_SECONDS = "2";

const shared = new Map<string, { host: JythonScriptHost; script: string }>();

/** The Jython process of `version` with `scriptPath` loaded, started on first use. */
export function sharedJython(
  version: string,
  scriptPath: string,
): { host: JythonScriptHost; script: string } {
  const key = `${version} ${scriptPath}`;
  let world = shared.get(key);
  if (world === undefined) {
    const host = startTestWorld({ twilioVersion: version, timeoutMs: 180_000 });
    host.reset();
    world = { host, script: host.load(scriptPath) };
    shared.set(key, world);
  }
  return world;
}

/** Stops the shared Jython processes; call from afterAll. */
export function closeSharedJython(): void {
  for (const { host } of shared.values()) host.close();
  shared.clear();
}

export function worldUser(user: TestUser): WorldUser {
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(user.attributes)) {
    if (name !== "uid") attributes[name] = values;
  }
  return { uid: user.id, password: user.password, status: user.active ? "active" : "inactive", attributes };
}

/**
 * The Janssen doubles have one CacheService behind both of the flow's stores, so a store fault strikes both: coarser than
 * the TypeScript target, never milder. The log cannot fail on Janssen (print to the script log), so "log-throws" has no
 * counterpart here and injects nothing.
 */
export function faultSpecs(fault: Fault): FaultSpec[] {
  switch (fault.kind) {
    case "provider-refuses":
      return [{ target: "twilio", effect: "apiError", code: fault.errorCode, status: 400 }];
    // Through the real SDK: a read timeout is a request the fake never answers (the script's timeout ends it), a connect
    // timeout a connection that closes unanswered, anything else an answer that is not HTTP.
    case "provider-throws":
      return [
        {
          target: "twilio",
          effect: fault.message.startsWith("Read timed out")
            ? "timeout"
            : fault.message.includes("timed out")
              ? "drop"
              : "crash",
        },
      ];
    case "store-throws":
      return [
        {
          target:
            fault.method === "remove" ? "cache.remove" : fault.method === "get" ? "cache.get" : "cache.put",
          effect: "throw",
        },
      ];
    case "store-forgets":
      return [{ target: "cache.get", effect: "null" }];
    case "directory-throws":
      return [{ target: "users.getUserByAttribute", effect: "throw" }];
    case "passwords-throw":
      return [{ target: "auth.authenticate", effect: "throw" }];
    case "log-throws":
    case "stale-reads":
      return [];
  }
}

const SESSION_KEY_PREFIX = "gamatech-ropc:session:";

/** A target on a built script in a shared Jython world; `request` (the wire) is the subclass's. */
export abstract class JythonWorldTarget implements Target {
  protected readonly host: JythonScriptHost;
  protected readonly properties: Record<string, string | null>;
  private readonly script: string;
  private readonly instances: string[] = [];
  private readonly sent: SentMessage[] = [];
  private readonly logs: string[] = [];
  private staleNode: number | null = null;

  /** `defaults`: properties the target sets unless the suite does (the suites' Twilio timeout first). */
  constructor(
    setup: TargetSetup,
    version: string,
    scriptPath: string,
    defaults: Record<string, string> = {},
  ) {
    this.properties = { twilio_timeout_seconds: TWILIO_TIMEOUT_SECONDS, ...defaults, ...setup.properties };
    const verify = (this.properties.twilio_verify_service_sid ?? "") !== "";
    if (verify && !hasVerify(version)) {
      // This SDK has no Verify: the script must refuse the configuration at init; the attack then runs on the newest SDK.
      const { host, script } = sharedJython(version, scriptPath);
      host.reset({ users: setup.users.map(worldUser) });
      const init = host.init(host.create(script), this.properties);
      if (init.outcome !== "returned" || init.value !== false) {
        throw new Error(
          `twilio-java ${version} has no Verify, yet init accepted a Verify sender: ${JSON.stringify(init)}`,
        );
      }
      version = NEWEST_TWILIO_VERSION;
    }
    const { host, script } = sharedJython(version, scriptPath);
    this.host = host;
    this.script = script;
    host.reset({ users: setup.users.map(worldUser) });
  }

  abstract request(request: AttackRequest): AttackAnswer;

  /** Sends `parameters` as `request`'s node would, recording the log lines and what the provider accepted. */
  protected call(request: AttackRequest, parameters: Record<string, string[]>): AuthenticateReply {
    const node = request.node ?? 0;
    const staleReads = this.staleNode === node;
    if (staleReads) this.staleNode = null;
    const reply = this.host.authenticate(this.instance(node), {
      parameters,
      clientId: request.clientId,
      ip: request.ipAddress,
      staleReads,
    });
    this.logs.push(...reply.logs);
    for (const message of reply.sms) {
      if (message.sid !== undefined) this.sent.push({ to: message.to ?? "", body: message.body ?? "" });
    }
    for (const record of reply.verify) {
      if (record.kind === "verification" && record.sid !== undefined)
        this.sent.push({ to: record.to ?? "", body: "" });
    }
    return reply;
  }

  private instance(node: number): string {
    while (this.instances.length <= node) {
      const instance = this.host.create(this.script);
      const init = this.host.init(instance, this.properties);
      if (init.outcome !== "returned" || init.value !== true) {
        throw new Error("the script refused the target's properties at init");
      }
      this.instances.push(instance);
    }
    return this.instances[node]!;
  }

  messages(): SentMessage[] {
    return [...this.sent];
  }

  advanceSeconds(seconds: number): void {
    this.host.advanceClock(seconds * 1000);
  }

  logLines(): string[] {
    return [...this.logs];
  }

  inject(fault: Fault): void {
    if (fault.kind === "stale-reads") {
      this.instance(fault.node);
      this.host.snapshotForStaleReads();
      this.staleNode = fault.node;
      return;
    }
    for (const spec of faultSpecs(fault)) this.host.fault(spec);
  }

  clearFaults(): void {
    this.host.clearFaults();
    this.staleNode = null;
  }

  liveSessions(): number {
    return Object.keys(this.host.cache()).filter((key) => key.startsWith(SESSION_KEY_PREFIX)).length;
  }
}
