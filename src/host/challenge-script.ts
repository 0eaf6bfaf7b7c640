import type { ExternalScriptContext } from "java:io.jans.as.server.service.external.context";
import type { SimpleCustomProperty } from "java:io.jans.model";
import type { CustomScript } from "java:io.jans.model.custom.script.model";
import { AuthorizationChallengeType } from "java:io.jans.model.custom.script.type.authzchallenge";
import { HashMap } from "java:java.util";
import type { Map } from "java:java.util";
import { CHALLENGE_PARAMETERS } from "../flow/challenge-route";
import { SERVER_ERROR } from "../flow/error-codes";
import { CHALLENGE_DEFAULTS, CHALLENGE_UNUSED } from "../flow/challenge-properties";
import { challengeErrorStatus, errorBody, HTTP_UNAUTHORIZED } from "./challenge-answer";
import { clientMayProceed } from "./challenge-client";
import { handleChallenge } from "./challenge-request";
import { CHALLENGE_LOG_PREFIX } from "./print-log";
import { contextClientId, readFlowRequest } from "./request";
import { API_VERSION, grantedUser, ScriptCore } from "./script-setup";

const INVALID_CLIENT_BODY = '{"error":"invalid_client"}';

/**
 * The Janssen Authorization Challenge script: the ROPC script's flow, limits and logging at /authorize-challenge, ending in
 * an authorization code. Everything about a login lives in CacheService under the script's own 256-bit session id (the
 * server's auth_session records are not used); by default the password comes first (CHALLENGE_DEFAULTS).
 */
export class AuthorizationChallenge implements AuthorizationChallengeType {
  private readonly core: ScriptCore;

  constructor(currentTimeMillis: number) {
    this.core = new ScriptCore({
      logPrefix: CHALLENGE_LOG_PREFIX,
      refused: "every authorization challenge",
      defaults: CHALLENGE_DEFAULTS,
      unused: CHALLENGE_UNUSED,
    });
  }

  /** Validates every property; any error keeps the script disabled (the server then refuses every challenge). */
  init(customScript: CustomScript, configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    return this.core.init(configurationAttributes);
  }

  destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    return this.core.destroy();
  }

  getApiVersion(): number {
    return API_VERSION;
  }

  /** Nothing to prepare: the script keeps its own session, so nothing is restored from the server's. */
  prepareAuthzRequest(context: ExternalScriptContext): void {
    return;
  }

  /** No claims beyond the server's own: the login's facts are in the script's log lines, not in the id_token. */
  getAuthenticationMethodClaims(context: ExternalScriptContext): Map<string, string> {
    return new HashMap<string, string>();
  }

  /**
   * Returns True only when the flow grants. Every other answer is stored as a JSON body before returning False (a bare
   * False would be the server's own access_denied), and no exception reaches the server.
   */
  authorize(context: ExternalScriptContext): boolean {
    try {
      this.keepParametersOutOfServerSession(context);
      return this.decide(context);
    } catch (error) {
      this.core.log.warn("event=request outcome=server_error error_code=10001 detail=host_exception");
      this.answerServerError(context);
      return false;
    }
  }

  /**
   * After authorize the server copies every request parameter (the password and the code too) into the auth_session
   * record it found by the request's auth_session. The script's own ids are not the server's, so normally there is none;
   * should one match, it is detached from this request so that nothing is copied into it.
   */
  private keepParametersOutOfServerSession(context: ExternalScriptContext): void {
    const authz = context.getAuthzRequest();
    if (authz !== null && authz.getAuthorizationChallengeSessionObject() !== null) {
      authz.setAuthorizationChallengeSessionObject(null);
    }
  }

  private decide(context: ExternalScriptContext): boolean {
    const setup = this.core.setup;
    const log = this.core.log;
    if (setup === null) {
      log.warn("event=request outcome=server_error error_code=10001 detail=not_initialised");
      this.answerServerError(context);
      return false;
    }
    const execution = context.getExecutionContext();
    const client = execution.getClient();
    const clientId = contextClientId(context);
    if (client === null || clientId === null || !clientMayProceed(context.getHttpRequest(), client)) {
      log.warn("event=request outcome=invalid_client detail=client_not_authenticated");
      context.createWebApplicationException(HTTP_UNAUTHORIZED, INVALID_CLIENT_BODY);
      return false;
    }
    const request = readFlowRequest(context, clientId, CHALLENGE_PARAMETERS);
    const ports = this.core.requestPorts(setup);
    const outcome = handleChallenge(request, setup.config, ports.ports);
    const response = outcome.response;
    if (response !== null) {
      context.createWebApplicationException(response.status, response.body);
    }
    const userId = outcome.grantedUserId;
    if (userId === null) {
      return false;
    }
    const user = grantedUser(setup.config, ports, userId);
    if (user === null) {
      log.warn("event=password outcome=server_error error_code=10001 detail=authenticated_user_missing");
      this.answerServerError(context);
      return false;
    }
    execution.setUser(user);
    return true;
  }

  private answerServerError(context: ExternalScriptContext): void {
    try {
      context.createWebApplicationException(challengeErrorStatus(SERVER_ERROR), errorBody(SERVER_ERROR, []));
    } catch (error) {
      this.core.log.warn("event=request detail=answer_not_stored");
    }
  }
}
