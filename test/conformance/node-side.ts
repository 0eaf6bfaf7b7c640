// Runs a scenario against the TypeScript flow with the in-memory ports of test/flow/doubles.

import { handleRequest } from "../../src/flow";
import { parseConfig } from "../../src/flow/config";
import type { Config } from "../../src/flow/config";
import type { Ports } from "../../src/flow/ports";
import { MemoryLog, TestRandom, TestUser, TestWorld } from "../flow/doubles/ports";
import { observe, SecretWatch, StepObservation } from "./observation";
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

function testUser(user: Scenario["users"][number]): TestUser {
  return {
    id: user.uid,
    active: (user.status ?? "active") === "active",
    password: user.password,
    attributes: {
      uid: [user.uid],
      ...(user.mail === undefined ? {} : { mail: [user.mail] }),
      ...user.attributes,
    },
  };
}

function armFault(world: TestWorld, fault: ScenarioFault): void {
  switch (fault.kind) {
    case "twilio-error":
      world.otp.mode = { kind: "refuse", errorCode: fault.code };
      world.otp.checkMode = { kind: "refuse", errorCode: fault.code };
      return;
    case "twilio-timeout":
    case "twilio-hang":
      world.otp.mode = { kind: "refuse", errorCode: null };
      world.otp.checkMode = { kind: "refuse", errorCode: null };
      return;
    case "cache-get-null":
      world.sessions.forgetful = true;
      world.counters.forgetful = true;
      return;
    case "cache-get-throws":
      world.sessions.failing.add("get");
      world.counters.failing.add("get");
      return;
    case "cache-put-throws":
      for (const method of ["create", "update"]) world.sessions.failing.add(method);
      world.counters.failing.add("put");
      return;
  }
}

function clearFaults(world: TestWorld): void {
  world.otp.mode = { kind: "ok" };
  world.otp.checkMode = { kind: "ok" };
  for (const store of [world.sessions, world.counters]) {
    store.forgetful = false;
    store.failing.clear();
  }
}

function configOf(scenario: Scenario): Config {
  const result = parseConfig(scenario.config);
  if (result.config === null)
    throw new Error(`${scenario.name}: config rejected: ${result.errors.join("; ")}`);
  return result.config;
}

/** Every step's observation, in order; steps without a request observe nothing. */
export function runOnNode(scenario: Scenario): (StepObservation | null)[] {
  const config = configOf(scenario);
  const world = new TestWorld(scenario.users.map(testUser));
  world.clock.now = START_CLOCK_MS;
  const nodes = new Map<string, { ports: Ports; log: MemoryLog }>();
  const watch: SecretWatch = watchSecrets(scenario);
  const learned: LearnedValues = emptyLearnedValues();
  const observations: (StepObservation | null)[] = [];
  for (const step of scenario.steps) {
    if (step.advanceSeconds !== undefined) world.clock.advanceSeconds(step.advanceSeconds);
    if (step.fault !== undefined) armFault(world, step.fault);
    if (step.clearFaults === true) clearFaults(world);
    const request = step.request;
    if (request === undefined) {
      observations.push(null);
      continue;
    }
    const nodeName = request.node ?? DEFAULT_NODE;
    let node = nodes.get(nodeName);
    if (node === undefined) {
      const log = new MemoryLog();
      node = { ports: world.nodePorts(log, new TestRandom()), log };
      nodes.set(nodeName, node);
    }
    const smsBefore = world.otp.sms.length;
    const verificationsBefore = world.otp.verifications.length;
    const logBefore = node.log.lines.length;
    const params = resolveParams(request.params, learned);
    for (const value of params.password ?? []) watch.add("password", value);
    let header: string | null = null;
    let tokenUser: string | null = null;
    let escaped: string | null = null;
    try {
      const outcome = handleRequest(
        { params, clientId: request.clientId ?? DEFAULT_CLIENT, ipAddress: request.ip ?? DEFAULT_IP },
        config,
        node.ports,
      );
      header = outcome.header === null ? null : outcome.header.value;
      tokenUser = outcome.grantedUserId;
    } catch (error) {
      escaped = String(error);
    }
    for (const message of world.otp.sms.slice(smsBefore)) {
      learnCode(learned, codeInText(message.body ?? "", config.otpLength) ?? null);
    }
    for (const verification of world.otp.verifications.slice(verificationsBefore)) {
      learnCode(learned, world.otp.verifyCodes.get(verification.options.to) ?? null);
    }
    const smsSent = world.otp.sms.length - smsBefore + world.otp.verifications.length - verificationsBefore;
    const observation = observe(header, smsSent, tokenUser, [], escaped);
    if (learned.code !== null) watch.add("code", learned.code);
    const logs = node.log.lines.slice(logBefore).map((entry) => entry.line);
    observation.leaks = watch.found([...logs, header ?? ""]);
    learnSession(learned, header);
    observations.push(observation);
  }
  return observations;
}
