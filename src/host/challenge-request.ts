// One Authorization Challenge request as the challenge script answers it: the flow's decision, its answer as a JSON body.

import type { Config } from "../flow/config";
import type { FlowEvent, FlowRequest } from "../flow/flow-types";
import { decideChallenge } from "../flow/handle-request";
import type { Ports } from "../flow/ports";
import { challengeResponse } from "./challenge-answer";
import type { ChallengeResponse } from "./challenge-answer";

export interface ChallengeOutcome {
  /** The user to set on the execution context; null means return False with `response` stored. */
  grantedUserId: string | null;
  /** Null for a grant: the server answers 200 with the authorization code. */
  response: ChallengeResponse | null;
  events: FlowEvent[];
}

export function handleChallenge(request: FlowRequest, config: Config, ports: Ports): ChallengeOutcome {
  const outcome = decideChallenge(request, config, ports);
  const event = outcome.events[0];
  return {
    grantedUserId: outcome.grantedUserId,
    response: challengeResponse(outcome.answer, event === undefined ? null : event.detail),
    events: outcome.events,
  };
}
