// The one loop that plays a scenario against either side: the sides only say how to move the world and answer a request.

import { challengeParams, DecodedAnswer, Wire } from "./challenge-wire";
import { eventLine, observe, StepObservation } from "./observation";
import { codeInText, emptyLearnedValues, learnCode, resolveParams } from "./placeholders";
import { DEFAULT_CLIENT, DEFAULT_IP, DEFAULT_NODE, Scenario, ScenarioFault, watchSecrets } from "./scenario";

/** What one request showed on one side. */
export interface SideReply {
  answer: DecodedAnswer;
  tokenUser: string | null;
  /** Bodies of the SMS the provider accepted during the request. */
  smsBodies: string[];
  /** Codes of the Verify verifications the provider started during the request. */
  verifyCodes: string[];
  /** Everything the script wrote or answered that must hold no secret: log lines, header values, the answer's body. */
  output: string[];
  /** The log lines the script wrote during the request. */
  logs: string[];
  /** An exception that escaped the script or the flow. */
  escaped: string | null;
}

export interface SideRequest {
  params: Record<string, string[]>;
  clientId: string;
  ip: string;
  /** X-Forwarded-For header values, in order (empty: no such header). */
  forwardedFor: string[];
  node: string;
}

export interface ScenarioSide {
  advanceSeconds(seconds: number): Promise<void>;
  fault(fault: ScenarioFault): Promise<void>;
  clearFaults(): Promise<void>;
  request(request: SideRequest): Promise<SideReply>;
}

/**
 * Every step's observation, in order; steps without a request observe nothing, nor do steps the scenario marks as having
 * no meaning on the challenge wire. On that wire each request is translated (challenge-wire.ts).
 */
export async function runScenario(
  scenario: Scenario,
  side: ScenarioSide,
  wire: Wire = "ropc",
): Promise<(StepObservation | null)[]> {
  const loginOrder = scenario.config.login_order ?? "code_first";
  const otpLength = Number(scenario.config.otp_length ?? "6");
  const watch = watchSecrets(scenario);
  const learned = emptyLearnedValues();
  const observations: (StepObservation | null)[] = [];
  for (const step of scenario.steps) {
    if (step.advanceSeconds !== undefined) await side.advanceSeconds(step.advanceSeconds);
    if (step.fault !== undefined) await side.fault(step.fault);
    if (step.clearFaults === true) await side.clearFaults();
    const request = step.request;
    if (request === undefined || (wire === "challenge" && step.challenge?.ropcOnly === true)) {
      observations.push(null);
      continue;
    }
    const resolved = resolveParams(request.params, learned);
    for (const value of resolved.password ?? []) watch.add("password", value);
    const params = wire === "ropc" ? resolved : challengeParams(resolved, loginOrder);
    const reply = await side.request({
      params,
      clientId: request.clientId ?? DEFAULT_CLIENT,
      ip: request.ip ?? DEFAULT_IP,
      forwardedFor: request.forwardedFor ?? [],
      node: request.node ?? DEFAULT_NODE,
    });
    const smsTexts: string[] = [];
    for (const body of reply.smsBodies) {
      const code = codeInText(body, otpLength);
      learnCode(learned, code);
      smsTexts.push(code === null ? body : body.split(code).join("{code}"));
    }
    for (const code of reply.verifyCodes) learnCode(learned, code);
    if (learned.code !== null) watch.add("code", learned.code);
    const sent = reply.smsBodies.length + reply.verifyCodes.length;
    observations.push(
      observe(
        reply.answer,
        sent,
        smsTexts,
        reply.tokenUser,
        eventLine(reply.logs),
        watch.found(reply.output),
        reply.escaped,
      ),
    );
    const session = reply.answer.pairs?.session_id;
    if (session !== undefined) learned.session = session;
  }
  return observations;
}
