// Runs a scenario against the TypeScript flow with the in-memory ports of test/flow/doubles, through either script's
// request handler (the ROPC header or the challenge's JSON answer).

import { handleChallenge } from "../../src/host/challenge-request";
import { handleRequest } from "../../src/host/ropc-request";
import { CHALLENGE_DEFAULTS } from "../../src/flow/challenge-properties";
import { parseConfig } from "../../src/flow/config";
import type { Config } from "../../src/flow/config";
import type { FlowRequest } from "../../src/flow/flow-types";
import type { Ports } from "../../src/flow/ports";
import { challengeConfig, decodeChallenge, DecodedAnswer, Wire } from "./challenge-wire";
import { MemoryLog, TestRandom, TestUser, TestWorld } from "../flow/doubles/ports";
import { decodeRopc, StepObservation } from "./observation";
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

/** The configuration as each script reads it: the challenge script with its own defaults under the scenario's. */
function configOf(scenario: Scenario, wire: Wire): Config {
  const raw = wire === "ropc" ? scenario.config : { ...CHALLENGE_DEFAULTS, ...challengeConfig(scenario) };
  const result = parseConfig(raw);
  if (result.config === null)
    throw new Error(`${scenario.name}: config rejected: ${result.errors.join("; ")}`);
  return result.config;
}

/** What one script's handler answers, and the text of it that must hold no secret. */
interface Handled {
  answer: DecodedAnswer;
  tokenUser: string | null;
  shown: string[];
}

function handle(wire: Wire, request: FlowRequest, config: Config, ports: Ports): Handled {
  if (wire === "ropc") {
    const outcome = handleRequest(request, config, ports);
    const header = outcome.header === null ? null : outcome.header.value;
    return {
      answer: decodeRopc(header),
      tokenUser: outcome.grantedUserId,
      shown: header === null ? [] : [header],
    };
  }
  const outcome = handleChallenge(request, config, ports);
  const response = outcome.response;
  if (response === null) {
    // The server answers a grant itself (200 with a code); without a user it would be a bare False.
    if (outcome.grantedUserId === null) throw new Error("challenge: neither an answer nor a user");
    return { answer: { pairs: null, keys: [] }, tokenUser: outcome.grantedUserId, shown: [] };
  }
  if (outcome.grantedUserId !== null) throw new Error("challenge: a user and a stored answer");
  return { answer: decodeChallenge(response.status, response.body), tokenUser: null, shown: [response.body] };
}

/** The TypeScript flow with the in-memory ports; every node shares the world's stores and provider. */
class NodeSide implements ScenarioSide {
  private readonly config: Config;
  private readonly world: TestWorld;
  private readonly nodes = new Map<string, { ports: Ports; log: MemoryLog }>();

  constructor(
    scenario: Scenario,
    private readonly wire: Wire,
  ) {
    this.config = configOf(scenario, wire);
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
    let handled: Handled = { answer: { pairs: null, keys: [] }, tokenUser: null, shown: [] };
    let escaped: string | null = null;
    const flowRequest = {
      params: request.params,
      clientId: request.clientId,
      ipAddress: request.ip,
      forwardedFor: request.forwardedFor,
    };
    try {
      handled = handle(this.wire, flowRequest, this.config, node.ports);
    } catch (error) {
      escaped = String(error);
    }
    const logs = node.log.lines.slice(logBefore).map((entry) => entry.line);
    return {
      answer: handled.answer,
      tokenUser: handled.tokenUser,
      smsBodies: world.otp.sms.slice(smsBefore).map((message) => message.body ?? ""),
      verifyCodes: world.otp.verifications
        .slice(verificationsBefore)
        .map((verification) => world.otp.verifyCodes.get(verification.options.to) ?? ""),
      output: [...logs, ...handled.shown],
      logs,
      escaped,
    };
  }
}

export function runOnNode(scenario: Scenario, wire: Wire = "ropc"): Promise<(StepObservation | null)[]> {
  return runScenario(scenario, new NodeSide(scenario, wire), wire);
}
