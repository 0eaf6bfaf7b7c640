import type { ExternalScriptContext } from "java:io.jans.as.server.service.external.context";
import type { FlowRequest } from "../flow/flow-types";

/** Every value of the parameters the flow reads (`names`), copied out of the servlet request into plain lists. */
function readParameters(context: ExternalScriptContext, names: readonly string[]): Record<string, string[]> {
  const request = context.getHttpRequest();
  const params: Record<string, string[]> = {};
  for (const name of names) {
    const values = request.getParameterValues(name);
    if (values !== null) {
      const copied: string[] = [];
      for (const value of values) {
        copied.push(value);
      }
      params[name] = copied;
    }
  }
  return params;
}

/** The header proxies append the client's address to (Jetty's `forwarded` module reads it too). */
const FORWARDED_FOR = "X-Forwarded-For";

/**
 * Every X-Forwarded-For header line, in the order received (a line may itself list several addresses: the flow splits and
 * picks the trusted entry). Empty when there is none, or when the container refuses header access.
 */
function readForwardedFor(context: ExternalScriptContext): string[] {
  const values: string[] = [];
  const headers = context.getHttpRequest().getHeaders(FORWARDED_FOR);
  if (headers === null) {
    return values;
  }
  while (headers.hasMoreElements()) {
    values.push(headers.nextElement());
  }
  return values;
}

/**
 * The flow's view of a request for client `clientId` (the flow binds sessions to it), with the parameters `names` (the
 * flow's list for the host's wire).
 */
export function readFlowRequest(
  context: ExternalScriptContext,
  clientId: string,
  names: readonly string[],
): FlowRequest {
  return {
    params: readParameters(context, names),
    clientId: clientId,
    ipAddress: context.getIpAddress() ?? "",
    forwardedFor: readForwardedFor(context),
  };
}

/** The id of the client on the execution context; null without one (or with an empty id). */
export function contextClientId(context: ExternalScriptContext): string | null {
  const client = context.getExecutionContext().getClient();
  const clientId = client === null ? null : client.getClientId();
  return clientId === null || clientId === "" ? null : clientId;
}
