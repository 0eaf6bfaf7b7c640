import type { ExternalResourceOwnerPasswordCredentialsContext } from "java:io.jans.as.server.service.external.context";
import type { FlowRequest } from "../flow/flow-types";
import { READ_PARAMETERS } from "../flow/params";

/** Every value of the parameters the flow reads, copied out of the servlet request into plain lists. */
function readParameters(context: ExternalResourceOwnerPasswordCredentialsContext): Record<string, string[]> {
  const request = context.getHttpRequest();
  const params: Record<string, string[]> = {};
  for (const name of READ_PARAMETERS) {
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
function readForwardedFor(context: ExternalResourceOwnerPasswordCredentialsContext): string[] {
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

/** The flow's view of a token request; null when Janssen gave no authenticated client (the flow binds sessions to one). */
export function readFlowRequest(
  context: ExternalResourceOwnerPasswordCredentialsContext,
): FlowRequest | null {
  const client = context.getExecutionContext().getClient();
  const clientId = client === null ? null : client.getClientId();
  if (clientId === null || clientId === "") {
    return null;
  }
  return {
    params: readParameters(context),
    clientId: clientId,
    ipAddress: context.getIpAddress() ?? "",
    forwardedFor: readForwardedFor(context),
  };
}
