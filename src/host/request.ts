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

/** The flow's view of a token request; null when Janssen gave no authenticated client (the flow binds sessions to one). */
export function readFlowRequest(
  context: ExternalResourceOwnerPasswordCredentialsContext,
): FlowRequest | null {
  const client = context.getExecutionContext().getClient();
  const clientId = client === null ? null : client.getClientId();
  if (clientId === null || clientId === "") {
    return null;
  }
  return { params: readParameters(context), clientId: clientId, ipAddress: context.getIpAddress() ?? "" };
}
