// POST /jans-auth/restv1/token for the password grant, answering the way Janssen's token endpoint does around an ROPC script:
// client authentication first, then the grant type, then the script; False means 401 invalid_client with the script's header.

import { randomBytes } from "crypto";
import type { IncomingMessage, ServerResponse } from "http";
import type { AuthenticateReply } from "../../world/protocol";
import { authenticateClient } from "./client-auth";
import type { ScriptCall } from "./script-runner";
import type { LocalClient } from "./world-files";

export const TOKEN_PATH = "/jans-auth/restv1/token";
const MAX_BODY_BYTES = 64 * 1024;
const ACCESS_TOKEN_SECONDS = 299;

export interface TokenEndpointDeps {
  clients: readonly LocalClient[];
  /** The script's response header (response_header_name), exposed to browser apps as jans-auth's CORS filter would. */
  exposedHeader: string;
  authenticate(call: ScriptCall): Promise<AuthenticateReply>;
  /** Called with every answer of the script (logs, SMS) so the console shows what Janssen's logs would. */
  onScriptReply(reply: AuthenticateReply): void;
  /** The Jython process failed (not the script): nothing Janssen would answer, so a 500 and the reason on the console. */
  onRunnerError(error: Error): void;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): Answer {
  return { status, body: { error, error_description: description }, headers };
}

/**
 * Browser apps on any local origin may call, and may read the script's header: on a real server that needs jans-auth's
 * CORS filter to list it in corsExposedHeaders (see the README).
 */
function corsHeaders(request: IncomingMessage, exposedHeader: string): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": exposedHeader,
    Vary: "Origin",
  };
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: Answer,
  exposedHeader: string,
): void {
  response.writeHead(answer.status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    Pragma: "no-cache",
    ...answer.headers,
    ...corsHeaders(request, exposedHeader),
  });
  response.end(JSON.stringify(answer.body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Every parameter as the servlet request shows it to the script: a repeated one keeps all its values. */
function scriptParameters(form: URLSearchParams): Record<string, string | string[]> {
  const parameters: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    parameters[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return parameters;
}

function grantedScopes(form: URLSearchParams, client: LocalClient): string[] | null {
  const requested = (form.get("scope") ?? "").split(" ").filter((scope) => scope !== "");
  if (requested.length === 0) return client.scopes;
  return requested.every((scope) => client.scopes.includes(scope)) ? requested : null;
}

async function answerTokenRequest(request: IncomingMessage, deps: TokenEndpointDeps): Promise<Answer> {
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const body = await readBody(request);
  if (body === null) return oauthError(413, "invalid_request", "The request body is too large.");
  if (contentType !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  const form = new URLSearchParams(body);
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
  if (grantTypes[0] !== "password") {
    return oauthError(400, "unsupported_grant_type", "Only the password grant is served in local mode.");
  }
  const scopes = grantedScopes(form, auth.client);
  if (scopes === null) return oauthError(400, "invalid_scope", "The client may not ask for that scope.");

  const reply = await deps.authenticate({
    parameters: scriptParameters(form),
    clientId: auth.client.client_id,
    ip: request.socket.remoteAddress ?? "127.0.0.1",
    headers: Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    ),
  });
  deps.onScriptReply(reply);
  // As in Janssen: only True together with a user on the context issues a token; False, an exception or no user is 401.
  if (reply.outcome !== "returned" || reply.value !== true || reply.user === null) {
    return oauthError(401, "invalid_client", "Invalid user.", reply.headers);
  }
  return {
    status: 200,
    headers: reply.headers,
    body: {
      access_token: randomBytes(24).toString("base64url"),
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(" "),
    },
  };
}

function preflight(request: IncomingMessage, response: ServerResponse, exposedHeader: string): void {
  response.writeHead(204, {
    ...corsHeaders(request, exposedHeader),
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
  });
  response.end();
}

export function tokenEndpoint(deps: TokenEndpointDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const reply = (answer: Answer) => send(request, response, answer, deps.exposedHeader);
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== TOKEN_PATH) {
      reply(oauthError(404, "not_found", `Only ${TOKEN_PATH} is served in local mode.`));
      return;
    }
    if (request.method === "OPTIONS") {
      preflight(request, response, deps.exposedHeader);
      return;
    }
    if (request.method !== "POST") {
      reply(oauthError(405, "invalid_request", "Use POST.", { Allow: "POST, OPTIONS" }));
      return;
    }
    answerTokenRequest(request, deps).then(reply, (error: Error) => {
      deps.onRunnerError(error);
      reply(oauthError(500, "server_error", "The local script runner failed; see the server's console."));
    });
  };
}
