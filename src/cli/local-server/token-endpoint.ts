// POST /jans-auth/restv1/token, answering the way Janssen's token endpoint does: client authentication first, then the grant
// type the client may use, then the password grant through the ROPC script (False means 401 invalid_client with the script's
// header), or the exchange of a code the challenge endpoint issued (single use, same client, PKCE).

import { randomBytes } from "crypto";
import type { IncomingMessage } from "http";
import type { AuthenticateReply } from "../../world/protocol";
import { authenticateClient } from "./client-auth";
import type { CodeGrants } from "./code-grants";
import { oauthError, readForm, scriptCall } from "./http-answers";
import type { Answer } from "./http-answers";
import type { ScriptCall } from "./script-runner";
import type { GrantType, LocalClient } from "./world-files";

export const TOKEN_PATH = "/jans-auth/restv1/token";
const ACCESS_TOKEN_SECONDS = 299;

export interface TokenEndpointDeps {
  clients: readonly LocalClient[];
  codes: CodeGrants;
  /** The ROPC script's call for a password grant. */
  authenticate(call: ScriptCall): Promise<AuthenticateReply>;
  /** Called with every answer of the script (logs, SMS) so the console shows what Janssen's logs would. */
  onScriptReply(reply: AuthenticateReply): void;
}

function grantedScopes(form: URLSearchParams, client: LocalClient): string[] | null {
  const requested = (form.get("scope") ?? "").split(" ").filter((scope) => scope !== "");
  if (requested.length === 0) return client.scopes;
  return requested.every((scope) => client.scopes.includes(scope)) ? requested : null;
}

function tokenResponse(scopes: string[], headers?: Record<string, string>): Answer {
  return {
    status: 200,
    headers,
    body: {
      access_token: randomBytes(24).toString("base64url"),
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(" "),
    },
  };
}

async function passwordGrant(
  request: IncomingMessage,
  form: URLSearchParams,
  client: LocalClient,
  deps: TokenEndpointDeps,
): Promise<Answer> {
  const scopes = grantedScopes(form, client);
  if (scopes === null) return oauthError(400, "invalid_scope", "The client may not ask for that scope.");
  const reply = await deps.authenticate(scriptCall(request, form, client.client_id));
  deps.onScriptReply(reply);
  // As in Janssen: only True together with a user on the context issues a token; False, an exception or no user is 401.
  if (reply.outcome !== "returned" || reply.value !== true || reply.user === null) {
    return oauthError(401, "invalid_client", "Invalid user.", reply.headers);
  }
  return tokenResponse(scopes, reply.headers);
}

function codeGrant(form: URLSearchParams, client: LocalClient, codes: CodeGrants): Answer {
  const code = form.getAll("code");
  const verifier = form.getAll("code_verifier");
  if (code.length !== 1 || verifier.length > 1) {
    return oauthError(400, "invalid_request", "code is required, once; code_verifier at most once.");
  }
  const redeemed = codes.redeem(code[0] as string, client.client_id, verifier[0] ?? null);
  if (redeemed.kind === "refused") return oauthError(400, "invalid_grant", redeemed.description);
  return tokenResponse(redeemed.grant.scopes);
}

export async function answerTokenRequest(request: IncomingMessage, deps: TokenEndpointDeps): Promise<Answer> {
  const form = await readForm(request);
  if (!(form instanceof URLSearchParams)) return form;
  const auth = authenticateClient(request.headers.authorization, form, deps.clients);
  if (auth.kind === "ambiguous") {
    return oauthError(400, "invalid_request", "Use one client authentication method, not several.");
  }
  if (auth.kind === "refused") {
    const challenge = auth.basic ? { "WWW-Authenticate": 'Basic realm="jans-auth"' } : undefined;
    return oauthError(401, "invalid_client", "Client authentication failed.", challenge);
  }
  const grantTypes = form.getAll("grant_type");
  if (grantTypes.length !== 1) return oauthError(400, "invalid_request", "grant_type is required, once.");
  const grant = grantTypes[0] as string;
  if (grant !== "password" && grant !== "authorization_code") {
    return oauthError(
      400,
      "unsupported_grant_type",
      "Local mode serves the password and authorization_code grants.",
    );
  }
  if (!auth.client.grant_types.includes(grant as GrantType)) {
    return oauthError(400, "unauthorized_client", `The client may not use grant_type=${grant}.`);
  }
  return grant === "password"
    ? passwordGrant(request, form, auth.client, deps)
    : codeGrant(form, auth.client, deps.codes);
}
