// Runs a scenario against dist/GamatechRopc.py in Jython, with the Java doubles of Janssen and Twilio.

import * as path from "path";
import { JythonScriptHost } from "../jython/JythonScriptHost";
import type { FaultSpec, WorldUser } from "../jython/protocol";
import { observe, StepObservation } from "./observation";
import {
  codeInText,
  emptyLearnedValues,
  LearnedValues,
  learnCode,
  learnSession,
  resolveParams,
} from "./placeholders";
import {
  DEFAULT_CLIENT,
  DEFAULT_IP,
  DEFAULT_NODE,
  Scenario,
  ScenarioFault,
  START_CLOCK_MS,
  watchSecrets,
} from "./scenario";

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
    const host = this.host;
    await host.reset({
      clockMs: START_CLOCK_MS,
      users: scenario.users.map(worldUser),
      twilioShape: scenario.twilioShape ?? "7",
    });
    this.script ??= await host.load(BUILT_SCRIPT);
    const script = this.script;
    const headerName = scenario.config.response_header_name ?? DEFAULT_HEADER;
    const otpLength = Number(scenario.config.otp_length ?? "6");
    const instances = new Map<string, string>();
    const watch = watchSecrets(scenario);
    const learned: LearnedValues = emptyLearnedValues();
    const observations: (StepObservation | null)[] = [];
    for (const step of scenario.steps) {
      if (step.advanceSeconds !== undefined) await host.advanceClock(step.advanceSeconds * 1000);
      if (step.fault !== undefined) await host.fault(faultSpec(step.fault));
      if (step.clearFaults === true) await host.clearFaults();
      const request = step.request;
      if (request === undefined) {
        observations.push(null);
        continue;
      }
      const nodeName = request.node ?? DEFAULT_NODE;
      let instance = instances.get(nodeName);
      if (instance === undefined) {
        instance = await host.create(script);
        const init = await host.init(instance, scenario.config);
        if (init.outcome !== "returned" || init.value !== true) {
          throw new Error(`${scenario.name}: init failed on node ${nodeName}: ${JSON.stringify(init)}`);
        }
        instances.set(nodeName, instance);
      }
      const params = resolveParams(request.params, learned);
      for (const value of params.password ?? []) watch.add("password", value);
      const reply = await host.authenticate(instance, {
        parameters: params,
        clientId: request.clientId ?? DEFAULT_CLIENT,
        ip: request.ip ?? DEFAULT_IP,
      });
      // A message Twilio accepted has a sid; a refused or timed-out one has none.
      const accepted = reply.sms.filter((message) => message.sid !== undefined);
      for (const message of accepted) learnCode(learned, codeInText(message.body ?? "", otpLength) ?? null);
      const verifications = reply.verify.filter(
        (record) => record.kind === "verification" && record.sid !== undefined,
      );
      for (const record of verifications) learnCode(learned, record.code ?? null);
      const header = reply.headers[headerName] ?? null;
      const granted = reply.outcome === "returned" && reply.value === true && reply.user !== null;
      const escaped =
        reply.outcome === "raised" ? `${reply.exception.type}: ${reply.exception.message}` : null;
      if (learned.code !== null) watch.add("code", learned.code);
      const observation = observe(
        header,
        accepted.length + verifications.length,
        granted && reply.user !== null ? reply.user.userId : null,
        watch.found([...reply.logs, ...Object.values(reply.headers)]),
        escaped,
      );
      learnSession(learned, header);
      observations.push(observation);
    }
    return observations;
  }
}
