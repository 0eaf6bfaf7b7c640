// POST /jans-auth/restv1/authorize-challenge, answering the way Janssen's endpoint does around the challenge script: the
// client is looked up by client_id (not authenticated: the script authenticates confidential clients itself), it must have
// the authorization_code grant and the authorization_challenge scope, then the script answers. Its 200 carries a code,
// which /token exchanges once, for this client, with the PKCE verifier of the challenge sent on the completing request.

import type { IncomingMessage } from "http";
import type { AuthenticateReply } from "../../world/protocol";
import { pkceProblem } from "./code-grants";
import type { CodeGrants } from "./code-grants";
import { oauthError, readForm, scriptCall } from "./http-answers";
import type { Answer } from "./http-answers";
import type { ScriptCall } from "./script-runner";
import type { LocalClient } from "./world-files";

export const CHALLENGE_PATH = "/jans-auth/restv1/authorize-challenge";
/** The scope Janssen requires a client to hold before it runs the challenge script for it. */
export const CHALLENGE_SCOPE = "authorization_challenge";

export interface ChallengeEndpointDeps {
  clients: readonly LocalClient[];
  codes: CodeGrants;
  /** The challenge script's call; the reply's `http` is the server's answer. */
  challenge(call: ScriptCall): Promise<AuthenticateReply>;
  onScriptReply(reply: AuthenticateReply): void;
}

/**
 * Janssen's scope policy: what the client may have among those asked for (others are dropped). None asked: all it has but
 * authorization_challenge, which lets it use this endpoint and means nothing to an API.
 */
function grantedScopes(form: URLSearchParams, client: LocalClient): string[] {
  const requested = (form.get("scope") ?? "").split(" ").filter((scope) => scope !== "");
  if (requested.length === 0) return client.scopes.filter((scope) => scope !== CHALLENGE_SCOPE);
  return requested.filter((scope) => client.scopes.includes(scope));
}

/** The checks Janssen makes before the script runs (and, locally, PKCE for public clients): the client, or the refusal. */
function admittedClient(
  form: URLSearchParams,
  clients: readonly LocalClient[],
): { client: LocalClient } | { refused: Answer } {
  const refuse = (answer: Answer) => ({ refused: answer });
  const ids = form.getAll("client_id");
  if (ids.length > 1) return refuse(oauthError(400, "invalid_request", "client_id at most once."));
  if ((ids[0] ?? "").trim() === "") {
    return refuse(oauthError(400, "unauthorized_client", "client_id is empty or blank."));
  }
  const client = clients.find((candidate) => candidate.client_id === ids[0]);
  if (client === undefined) return refuse(oauthError(401, "unauthorized_client", "Unable to find client."));
  if (!client.grant_types.includes("authorization_code")) {
    return refuse(
      oauthError(400, "unauthorized_client", "The client does not support grant_type=authorization_code."),
    );
  }
  if (!client.scopes.includes(CHALLENGE_SCOPE)) {
    return refuse(
      oauthError(401, "invalid_request", `The client does not have the ${CHALLENGE_SCOPE} scope.`),
    );
  }
  const one = (name: string) => (form.getAll(name).length === 1 ? (form.get(name) as string) : null);
  if (form.getAll("code_challenge").length > 1 || form.getAll("code_challenge_method").length > 1) {
    return refuse(
      oauthError(400, "invalid_request", "code_challenge and code_challenge_method at most once."),
    );
  }
  const pkce = pkceProblem(
    one("code_challenge"),
    one("code_challenge_method"),
    client.client_secret === null,
  );
  return pkce === null ? { client } : refuse(oauthError(400, "invalid_request", pkce));
}

function issuedCode(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { authorization_code?: unknown };
    return typeof parsed.authorization_code === "string" ? parsed.authorization_code : null;
  } catch {
    return null;
  }
}

export async function answerChallengeRequest(
  request: IncomingMessage,
  deps: ChallengeEndpointDeps,
): Promise<Answer> {
  const form = await readForm(request);
  if (!(form instanceof URLSearchParams)) return form;
  const admitted = admittedClient(form, deps.clients);
  if ("refused" in admitted) return admitted.refused;
  const { client } = admitted;
  const reply = await deps.challenge(scriptCall(request, form, client.client_id));
  deps.onScriptReply(reply);
  if (reply.http === undefined) throw new Error("the challenge script's reply has no HTTP answer");
  const { status, body } = reply.http;
  if (status !== 200) return { status, body };
  const code = issuedCode(body);
  // Janssen would issue a code for an empty user; a login that names nobody must not end in a token here.
  if (code === null || reply.user === null) {
    return oauthError(500, "server_error", "The script allowed the login without a user.");
  }
  deps.codes.issue(code, {
    clientId: client.client_id,
    scopes: grantedScopes(form, client),
    codeChallenge: form.get("code_challenge"),
  });
  return { status, body };
}
