// The two endpoints of local mode on one HTTP server: /token and /authorize-challenge, POST only, with CORS preflights for
// browser apps; any other path is a 404 naming the two.

import type { IncomingMessage, ServerResponse } from "http";
import { answerChallengeRequest, CHALLENGE_PATH } from "./challenge-endpoint";
import type { ChallengeEndpointDeps } from "./challenge-endpoint";
import { corsHeaders, oauthError, send } from "./http-answers";
import type { Answer } from "./http-answers";
import { answerTokenRequest, TOKEN_PATH } from "./token-endpoint";
import type { TokenEndpointDeps } from "./token-endpoint";

export type EndpointDeps = TokenEndpointDeps &
  ChallengeEndpointDeps & {
    /** The ROPC script's response header (response_header_name), exposed to browser apps. */
    exposedHeader: string;
    /** The Jython process failed (not the script): nothing Janssen would answer, so a 500 and the reason on the console. */
    onRunnerError(error: Error): void;
  };

function preflight(request: IncomingMessage, response: ServerResponse, exposedHeader: string): void {
  response.writeHead(204, {
    ...corsHeaders(request, exposedHeader),
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
  });
  response.end();
}

const HANDLERS: Record<string, (request: IncomingMessage, deps: EndpointDeps) => Promise<Answer>> = {
  [TOKEN_PATH]: answerTokenRequest,
  [CHALLENGE_PATH]: answerChallengeRequest,
};

export function localEndpoints(deps: EndpointDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const reply = (answer: Answer) => send(request, response, answer, deps.exposedHeader);
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const handler = HANDLERS[pathname];
    if (handler === undefined) {
      reply(oauthError(404, "not_found", `Local mode serves ${TOKEN_PATH} and ${CHALLENGE_PATH} only.`));
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
    handler(request, deps).then(reply, (error: Error) => {
      deps.onRunnerError(error);
      reply(oauthError(500, "server_error", "The local script runner failed; see the server's console."));
    });
  };
}
