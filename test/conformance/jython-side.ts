// Runs a scenario against dist/GamatechRopc.py in Jython, with the Java doubles of Janssen and Twilio.

import * as path from "path";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { FaultSpec, WorldUser } from "../../src/world/protocol";
import type { StepObservation } from "./observation";
import { runScenario, ScenarioSide, SideReply, SideRequest } from "./run-scenario";
import { Scenario, ScenarioFault, START_CLOCK_MS } from "./scenario";

export const BUILT_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "GamatechRopc.py");
const DEFAULT_HEADER = "X-ROPC-TWO-FA";

function worldUser(user: Scenario["users"][number]): WorldUser {
  const attributes: Record<string, string[]> = { ...user.attributes };
  if (user.mail !== undefined) attributes.mail = [user.mail];
  return { uid: user.uid, password: user.password, status: user.status ?? "active", attributes };
}

function faultSpec(fault: ScenarioFault): FaultSpec {
  switch (fault.kind) {
    case "twilio-error":
      return { target: "twilio", effect: "apiError", code: fault.code, status: 400 };
    case "twilio-timeout":
      return { target: "twilio", effect: "timeout" };
    case "twilio-hang":
      return { target: "twilio", effect: "hang" };
    case "cache-get-null":
      return { target: "cache.get", effect: "null" };
    case "cache-get-throws":
      return { target: "cache.get", effect: "throw" };
    case "cache-put-throws":
      return { target: "cache.put", effect: "throw" };
  }
}

/** One scenario's world in the shared Jython process; each node is its own script instance. */
class JythonSide implements ScenarioSide {
  private readonly instances = new Map<string, string>();
  private readonly headerName: string;

  constructor(
    private readonly host: JythonScriptHost,
    private readonly script: string,
    private readonly scenario: Scenario,
  ) {
    this.headerName = scenario.config.response_header_name ?? DEFAULT_HEADER;
  }

  async advanceSeconds(seconds: number): Promise<void> {
    await this.host.advanceClock(seconds * 1000);
  }

  async fault(fault: ScenarioFault): Promise<void> {
    await this.host.fault(faultSpec(fault));
  }

  async clearFaults(): Promise<void> {
    await this.host.clearFaults();
  }

  private async instance(node: string): Promise<string> {
    const known = this.instances.get(node);
    if (known !== undefined) return known;
    const instance = await this.host.create(this.script);
    const init = await this.host.init(instance, this.scenario.config);
    if (init.outcome !== "returned" || init.value !== true) {
      throw new Error(`${this.scenario.name}: init failed on node ${node}: ${JSON.stringify(init)}`);
    }
    this.instances.set(node, instance);
    return instance;
  }

  async request(request: SideRequest): Promise<SideReply> {
    const reply = await this.host.authenticate(await this.instance(request.node), {
      parameters: request.params,
      clientId: request.clientId,
      ip: request.ip,
    });
    const granted = reply.outcome === "returned" && reply.value === true && reply.user !== null;
    return {
      header: reply.headers[this.headerName] ?? null,
      tokenUser: granted && reply.user !== null ? reply.user.userId : null,
      // A message or verification Twilio accepted has a sid; a refused or timed-out one has none.
      smsBodies: reply.sms
        .filter((message) => message.sid !== undefined)
        .map((message) => message.body ?? ""),
      verifyCodes: reply.verify
        .filter((record) => record.kind === "verification" && record.sid !== undefined)
        .map((record) => record.code ?? ""),
      output: [...reply.logs, ...Object.values(reply.headers)],
      escaped: reply.outcome === "raised" ? `${reply.exception.type}: ${reply.exception.message}` : null,
    };
  }
}

/** Runs scenarios one after another in one Jython process (the JVM start dominates). */
export class JythonConformance {
  private script: string | null = null;

  private constructor(private readonly host: JythonScriptHost) {}

  static start(): JythonConformance {
    return new JythonConformance(JythonScriptHost.start({ timeoutMs: 120_000 }));
  }

  async close(): Promise<void> {
    await this.host.close();
  }

  async run(scenario: Scenario): Promise<(StepObservation | null)[]> {
    await this.host.reset({
      clockMs: START_CLOCK_MS,
      users: scenario.users.map(worldUser),
      twilioShape: scenario.twilioShape ?? "7",
    });
    this.script ??= await this.host.load(BUILT_SCRIPT);
    return runScenario(scenario, new JythonSide(this.host, this.script, scenario));
  }
}
