// Runs a scenario against the TypeScript flow with the in-memory ports of test/flow/doubles.

import { handleRequest } from "../../src/host/ropc-request";
import { parseConfig } from "../../src/flow/config";
import type { Config } from "../../src/flow/config";
import type { Ports } from "../../src/flow/ports";
import { MemoryLog, TestRandom, TestUser, TestWorld } from "../flow/doubles/ports";
import type { StepObservation } from "./observation";
import { runScenario, ScenarioSide, SideReply, SideRequest } from "./run-scenario";
import { Scenario, ScenarioFault, START_CLOCK_MS } from "./scenario";

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
    // Claims live in the same cache on the host (per node: get, put and a read-back under a lock): a cache whose reads
    // answer null cannot confirm a claim, which the host reports by throwing, and a cache whose reads or writes throw makes
    // claim() throw as well.
    case "cache-get-null":
      world.sessions.forgetful = true;
      world.claims.forgetful = true;
      world.claims.failing.add("claim");
      return;
    case "cache-get-throws":
      world.sessions.failing.add("get");
      for (const method of ["get", "claim"]) world.claims.failing.add(method);
      return;
    case "cache-put-throws":
      for (const method of ["create", "update"]) world.sessions.failing.add(method);
      world.claims.failing.add("claim");
      return;
  }
}

function clearFaults(world: TestWorld): void {
  world.otp.mode = { kind: "ok" };
  world.otp.checkMode = { kind: "ok" };
  for (const store of [world.sessions, world.claims]) {
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

/** The TypeScript flow with the in-memory ports; every node shares the world's stores and provider. */
class NodeSide implements ScenarioSide {
  private readonly config: Config;
  private readonly world: TestWorld;
  private readonly nodes = new Map<string, { ports: Ports; log: MemoryLog }>();

  constructor(scenario: Scenario) {
    this.config = configOf(scenario);
    this.world = new TestWorld(scenario.users.map(testUser));
    this.world.clock.now = START_CLOCK_MS;
  }

  async advanceSeconds(seconds: number): Promise<void> {
    this.world.clock.advanceSeconds(seconds);
  }

  async fault(fault: ScenarioFault): Promise<void> {
    armFault(this.world, fault);
  }

  async clearFaults(): Promise<void> {
    clearFaults(this.world);
  }

  async request(request: SideRequest): Promise<SideReply> {
    const world = this.world;
    let node = this.nodes.get(request.node);
    if (node === undefined) {
      const log = new MemoryLog();
      node = { ports: world.nodePorts(log, new TestRandom()), log };
      this.nodes.set(request.node, node);
    }
    const smsBefore = world.otp.sms.length;
    const verificationsBefore = world.otp.verifications.length;
    const logBefore = node.log.lines.length;
    let header: string | null = null;
    let tokenUser: string | null = null;
    let escaped: string | null = null;
    try {
      const outcome = handleRequest(
        {
          params: request.params,
          clientId: request.clientId,
          ipAddress: request.ip,
          forwardedFor: request.forwardedFor,
        },
        this.config,
        node.ports,
      );
      header = outcome.header === null ? null : outcome.header.value;
      tokenUser = outcome.grantedUserId;
    } catch (error) {
      escaped = String(error);
    }
    const logs = node.log.lines.slice(logBefore).map((entry) => entry.line);
    return {
      header,
      tokenUser,
      smsBodies: world.otp.sms.slice(smsBefore).map((message) => message.body ?? ""),
      verifyCodes: world.otp.verifications
        .slice(verificationsBefore)
        .map((verification) => world.otp.verifyCodes.get(verification.options.to) ?? ""),
      output: header === null ? logs : [...logs, header],
      logs,
      escaped,
    };
  }
}

export function runOnNode(scenario: Scenario): Promise<(StepObservation | null)[]> {
  return runScenario(scenario, new NodeSide(scenario));
}
