// The Target of the attack suites for dist/GamatechRopc.py: the built script in Jython against the Java doubles of Janssen
// and Twilio. One Jython process serves every target of a test file; each target starts from a fresh world.

import { BUILT_SCRIPT } from "../conformance/jython-side";
import type { FaultSpec, WorldUser } from "../../src/world/protocol";
import { SyncJythonScriptHost } from "../../src/world/SyncJythonScriptHost";
import type {
  AttackAnswer,
  AttackRequest,
  Fault,
  SentMessage,
  Target,
  TargetFactory,
  TargetSetup,
  TestUser,
} from "./target";

const SESSION_KEY_PREFIX = "gamatech-ropc:session:";

let shared: { host: SyncJythonScriptHost; script: string } | null = null;

function jython(): { host: SyncJythonScriptHost; script: string } {
  if (shared === null) {
    const host = new SyncJythonScriptHost();
    host.reset();
    shared = { host, script: host.load(BUILT_SCRIPT) };
  }
  return shared;
}

/** Stops the shared Jython process; call from afterAll. */
export function closeJythonTargets(): void {
  shared?.host.close();
  shared = null;
}

function worldUser(user: TestUser): WorldUser {
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
function faultSpecs(fault: Fault): FaultSpec[] {
  switch (fault.kind) {
    case "provider-refuses":
      return [{ target: "twilio", effect: "apiError", code: fault.errorCode, status: 400 }];
    case "provider-throws":
      return [{ target: "twilio", effect: fault.message.includes("timed out") ? "timeout" : "crash" }];
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

class JythonTarget implements Target {
  private readonly host: SyncJythonScriptHost;
  private readonly script: string;
  private readonly properties: Record<string, string | null>;
  private readonly instances: string[] = [];
  private readonly sent: SentMessage[] = [];
  private readonly logs: string[] = [];
  private staleNode: number | null = null;

  constructor(setup: TargetSetup) {
    const { host, script } = jython();
    this.host = host;
    this.script = script;
    this.properties = setup.properties;
    host.reset({ users: setup.users.map(worldUser) });
  }

  private instance(node: number): string {
    while (this.instances.length <= node) {
      const instance = this.host.create(this.script);
      if (!this.host.init(instance, this.properties)) {
        throw new Error("the script refused the target's properties at init");
      }
      this.instances.push(instance);
    }
    return this.instances[node]!;
  }

  request(request: AttackRequest): AttackAnswer {
    const node = request.node ?? 0;
    const staleReads = this.staleNode === node;
    if (staleReads) this.staleNode = null;
    const reply = this.host.authenticate(this.instance(node), {
      parameters: request.params,
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
    const headerName = Object.keys(reply.headers)[0] ?? null;
    const granted = reply.outcome === "returned" && reply.value === true && reply.user !== null;
    return {
      header: headerName === null ? null : (reply.headers[headerName] ?? null),
      headerName,
      grantedUserId: granted && reply.user !== null ? reply.user.userId : null,
      escaped: reply.outcome === "raised" ? `${reply.exception.type}: ${reply.exception.message}` : null,
    };
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

export const jythonTarget: TargetFactory = (setup) => new JythonTarget(setup);
