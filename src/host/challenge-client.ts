// Client authentication at /authorize-challenge. The endpoint has no client authentication filter: the server only looks
// the client up by client_id, so the script checks a confidential client's secret itself, as the token endpoint would.
// A public client (token_endpoint_auth_method none) cannot prove anything; its logins rest on the flow's limits.

import type { Client } from "java:io.jans.as.common.model.registration";
import { ClientService } from "java:io.jans.as.server.service";
import type { HttpServletRequest } from "java:jakarta.servlet.http";
import { String as JavaString } from "java:java.lang";
import { Base64 } from "java:java.util";
import { CdiUtil } from "java:io.jans.service.cdi.util";

const BASIC_PREFIX = "basic ";

/** The secret an HTTP Basic Authorization header gives for `clientId` (RFC 6749 §2.3.1); null without a usable one. */
function basicSecret(request: HttpServletRequest, clientId: string): string | null {
  const header = request.getHeader("Authorization");
  if (header === null || header.length <= BASIC_PREFIX.length) {
    return null;
  }
  if (header.substring(0, BASIC_PREFIX.length).toLowerCase() !== BASIC_PREFIX) {
    return null;
  }
  let decoded = "";
  try {
    const bytes = Base64.getDecoder().decode(header.substring(BASIC_PREFIX.length).trim());
    decoded = new JavaString(bytes, "UTF-8").toString();
  } catch (error) {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0 || decoded.substring(0, colon) !== clientId) {
    return null;
  }
  return decoded.substring(colon + 1);
}

/** client_secret_basic first, then client_secret_post; a repeated client_secret counts as none. */
function presentedSecret(request: HttpServletRequest, clientId: string): string | null {
  const basic = basicSecret(request, clientId);
  if (basic !== null) {
    return basic;
  }
  const posted = request.getParameterValues("client_secret");
  if (posted === null || posted.length !== 1) {
    return null;
  }
  return posted[0] ?? null;
}

/**
 * Whether the request may speak for `client`: a public client always may; a confidential one only with its secret
 * (client_secret_basic or client_secret_post). Clients registered for other methods (private_key_jwt, tls_client_auth)
 * present no secret the script can check, so they are refused.
 */
export function clientMayProceed(request: HttpServletRequest, client: Client): boolean {
  const service = CdiUtil.bean(ClientService);
  if (service.isPublic(client)) {
    return true;
  }
  const secret = presentedSecret(request, client.getClientId());
  return secret !== null && secret !== "" && service.authenticate(client.getClientId(), secret);
}
