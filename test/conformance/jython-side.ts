// Runs a scenario against dist/GamatechRopc.py or dist/GamatechAuthzChallenge.py in Jython: Janssen's model classes and
// service doubles, the real twilio-java SDK of one version per process (both scripts loaded in it), talking HTTPS to the
// world's fake Twilio API.

import * as path from "path";
import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateReply, FaultSpec, WorldUser } from "../../src/world/protocol";
import { challengeConfig, decodeChallenge, DecodedAnswer, decodeGrant, Wire } from "./challenge-wire";
import { decodeRopc, StepObservation } from "./observation";
import { runScenario, ScenarioSide, SideReply, SideRequest } from "./run-scenario";
import { Scenario, ScenarioFault, START_CLOCK_MS } from "./scenario";
import { startTestWorld } from "../support/test-world";

export const BUILT_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "GamatechRopc.py");
export const BUILT_CHALLENGE_SCRIPT = path.resolve(
  __dirname,
  "..",
  "..",
  "dist",
  "GamatechAuthzChallenge.py",
);
const DEFAULT_HEADER = "X-ROPC-TWO-FA";
const LOG_PREFIX: Record<Wire, string> = { ropc: "GamatechRopc.", challenge: "GamatechAuthzChallenge." };

/** The challenge endpoint's HTTP answer in the observations' vocabulary, and the text of it that must hold no secret. */
function challengeAnswer(reply: AuthenticateReply): { answer: DecodedAnswer; shown: string[] } {
  const http = reply.http;
  if (http === undefined) throw new Error("challenge reply without an HTTP answer");
  const granted = reply.outcome === "returned" && reply.value === true;
  const answer = granted ? decodeGrant(http.status, http.body) : decodeChallenge(http.status, http.body);
  if (granted && reply.user === null) throw new Error("a grant without a user");
  return { answer, shown: [http.body, ...Object.values(reply.headers)] };
}

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
    private readonly wire: Wire,
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
    const config = this.wire === "ropc" ? this.scenario.config : challengeConfig(this.scenario);
    const init = await this.host.init(instance, config);
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
      ...(request.forwardedFor.length === 0 ? {} : { headers: { "X-Forwarded-For": request.forwardedFor } }),
    });
    const granted = reply.outcome === "returned" && reply.value === true && reply.user !== null;
    const header = reply.headers[this.headerName] ?? null;
    const { answer, shown } =
      this.wire === "ropc"
        ? { answer: decodeRopc(header), shown: Object.values(reply.headers) }
        : challengeAnswer(reply);
    const misprefixed = reply.logs.filter((line) => !line.startsWith(LOG_PREFIX[this.wire]));
    if (misprefixed.length > 0)
      throw new Error(`log lines without ${LOG_PREFIX[this.wire]}: ${misprefixed.join(" | ")}`);
    return {
      answer,
      tokenUser: granted && reply.user !== null ? reply.user.userId : null,
      // A message or verification Twilio accepted has a sid; a refused or timed-out one has none.
      smsBodies: reply.sms
        .filter((message) => message.sid !== undefined)
        .map((message) => message.body ?? ""),
      verifyCodes: reply.verify
        .filter((record) => record.kind === "verification" && record.sid !== undefined)
        .map((record) => record.code ?? ""),
      output: [...reply.logs, ...shown],
      logs: reply.logs,
      escaped: reply.outcome === "raised" ? `${reply.exception.type}: ${reply.exception.message}` : null,
    };
  }
}

/** The first twilio-java line with Verify (VerificationCheck.creator(service, code), the shape up to 8.32). */
export const FIRST_VERIFY_VERSION = "7.37.4";
/** twilio-java 7.17.0 (Janssen's) has no com.twilio.rest.verify at all. */
export function hasVerify(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 7 || (major === 7 && minor >= 37);
}

export function usesVerify(scenario: Scenario): boolean {
  const sid = scenario.config.twilio_verify_service_sid;
  return sid !== undefined && sid !== null && sid !== "";
}

/**
 * One Jython process per twilio-java version for every runner of this process (a JVM start costs seconds of CPU): the
 * runners of two versions share the worlds of the versions both need.
 */
interface JythonWorld {
  host: JythonScriptHost;
  scripts: Partial<Record<Wire, string>>;
}
const worlds = new Map<string, JythonWorld>();

/** Stops every runner's Jython processes; call once, after the last scenario. */
export function closeJythonConformance(): void {
  for (const { host } of worlds.values()) host.close();
  worlds.clear();
}

/**
 * Runs scenarios one after another. A scenario that names a VerificationCheck shape runs on a version with that shape
 * ("7": 7.37.4, "12": the newest 12.x); the others on the version this runner was started for.
 */
export class JythonConformance {
  private readonly hosts = worlds;

  private constructor(readonly twilioVersion: string) {}

  static start(options: { twilioVersion?: string } = {}): JythonConformance {
    return new JythonConformance(options.twilioVersion ?? DEFAULT_TWILIO_VERSION);
  }

  /** The twilio-java version a scenario runs on with this runner. */
  versionFor(scenario: Scenario): string {
    if (scenario.twilioShape === "7") return FIRST_VERIFY_VERSION;
    if (scenario.twilioShape === "12") return NEWEST_TWILIO_VERSION;
    return this.twilioVersion;
  }

  private world(version: string): JythonWorld {
    let world = this.hosts.get(version);
    if (world === undefined) {
      world = {
        host: startTestWorld({ timeoutMs: 180_000, twilioVersion: version }),
        scripts: {},
      };
      this.hosts.set(version, world);
    }
    return world;
  }

  private prepare(scenario: Scenario, wire: Wire): { host: JythonScriptHost; script: string } {
    const world = this.world(this.versionFor(scenario));
    world.host.reset({ clockMs: START_CLOCK_MS, users: scenario.users.map(worldUser) });
    const script = (world.scripts[wire] ??= world.host.load(
      wire === "ropc" ? BUILT_SCRIPT : BUILT_CHALLENGE_SCRIPT,
    ));
    return { host: world.host, script };
  }

  async run(scenario: Scenario, wire: Wire = "ropc"): Promise<(StepObservation | null)[]> {
    const { host, script } = this.prepare(scenario, wire);
    return runScenario(scenario, new JythonSide(host, script, scenario, wire), wire);
  }

  /** What init answers for the scenario's configuration (on an SDK without Verify, a Verify sender must be refused). */
  initOutcome(scenario: Scenario, wire: Wire = "ropc"): ReturnType<JythonScriptHost["init"]> {
    const { host, script } = this.prepare(scenario, wire);
    return host.init(host.create(script), wire === "ropc" ? scenario.config : challengeConfig(scenario));
  }
}
