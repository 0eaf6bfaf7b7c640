// The Target of the attack suites for dist/GamatechRopc.py: the built script in Jython against Janssen's model classes and
// service doubles and the real twilio-java SDK (one version per process) talking to the fake Twilio API. One Jython
// process per SDK version serves every target of a test file; each target starts from a fresh world.

import { BUILT_SCRIPT, hasVerify } from "../conformance/jython-side";
import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import type { JythonScriptHost } from "../../src/world/JythonScriptHost";
import {
  closeSharedJython,
  faultSpecs,
  sharedJython,
  TWILIO_TIMEOUT_SECONDS,
  worldUser,
} from "./jython-world";
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

/** Stops the shared Jython processes; call from afterAll. */
export const closeJythonTargets = closeSharedJython;

class JythonTarget implements Target {
  private readonly host: JythonScriptHost;
  private readonly script: string;
  private readonly properties: Record<string, string | null>;
  private readonly instances: string[] = [];
  private readonly sent: SentMessage[] = [];
  private readonly logs: string[] = [];
  private staleNode: number | null = null;

  constructor(setup: TargetSetup, version: string) {
    this.properties = { twilio_timeout_seconds: TWILIO_TIMEOUT_SECONDS, ...setup.properties };
    const verify = (this.properties.twilio_verify_service_sid ?? "") !== "";
    if (verify && !hasVerify(version)) {
      // This SDK has no Verify: the script must refuse the configuration at init; the attack then runs on the newest SDK.
      const { host, script } = sharedJython(version, BUILT_SCRIPT);
      host.reset({ users: setup.users.map(worldUser) });
      const init = host.init(host.create(script), this.properties);
      if (init.outcome !== "returned" || init.value !== false) {
        throw new Error(
          `twilio-java ${version} has no Verify, yet init accepted a Verify sender: ${JSON.stringify(init)}`,
        );
      }
      version = NEWEST_TWILIO_VERSION;
    }
    const { host, script } = sharedJython(version, BUILT_SCRIPT);
    this.host = host;
    this.script = script;
    host.reset({ users: setup.users.map(worldUser) });
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

/** Targets on one twilio-java version (a Verify configuration on an SDK without Verify: see JythonTarget). */
export function jythonTargetOn(version: string): TargetFactory {
  return (setup) => new JythonTarget(setup, version);
}

export const jythonTarget: TargetFactory = jythonTargetOn(DEFAULT_TWILIO_VERSION);
