// One password-grant request as the ROPC script answers it: the flow's decision, its answer rendered as the header.

import type { Config } from "../flow/config";
import type { FlowEvent, FlowRequest } from "../flow/flow-types";
import { decideRequest } from "../flow/handle-request";
import type { Ports } from "../flow/ports";
import { ropcHeaderValue } from "./ropc-header";
import type { ResponseHeader } from "./ropc-header";

export interface RopcOutcome {
  /** The user to pass to context.setUser; null means return False. */
  grantedUserId: string | null;
  header: ResponseHeader | null;
  events: FlowEvent[];
}

export function handleRequest(request: FlowRequest, config: Config, ports: Ports): RopcOutcome {
  const outcome = decideRequest(request, config, ports);
  const value = ropcHeaderValue(outcome.answer);
  return {
    grantedUserId: outcome.grantedUserId,
    header: value === null ? null : { name: config.responseHeaderName, value: value },
    events: outcome.events,
  };
}
