import type { ExternalResourceOwnerPasswordCredentialsContext } from "java:io.jans.as.server.service.external.context";
import type { SimpleCustomProperty } from "java:io.jans.model";
import type { CustomScript } from "java:io.jans.model.custom.script.model";
import { ResourceOwnerPasswordCredentialsType } from "java:io.jans.model.custom.script.type.owner";
import type { Map } from "java:java.util";
import { SERVER_ERROR } from "../flow/error-codes";
import { READ_PARAMETERS } from "../flow/params";
import { ROPC_LOG_PREFIX } from "./print-log";
import { contextClientId, readFlowRequest } from "./request";
import { errorHeader } from "./ropc-header";
import { handleRequest } from "./ropc-request";
import { API_VERSION, grantedUser, ScriptCore } from "./script-setup";

/** The Janssen ROPC script: the flow at the token endpoint, its answers in the response header. */
export class ResourceOwnerPasswordCredentials implements ResourceOwnerPasswordCredentialsType {
  private readonly core: ScriptCore;

  constructor(currentTimeMillis: number) {
    this.core = new ScriptCore({
      logPrefix: ROPC_LOG_PREFIX,
      refused: "every password grant",
      defaults: {},
      unused: {},
    });
  }

  /** Validates every property; any error keeps the script disabled (Janssen then refuses every password grant). */
  init(customScript: CustomScript, configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    return this.core.init(configurationAttributes);
  }

  destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    return this.core.destroy();
  }

  getApiVersion(): number {
    return API_VERSION;
  }

  /** Returns True only when the flow grants; any failure answers server_error and never lets an exception reach Janssen. */
  authenticate(context: ExternalResourceOwnerPasswordCredentialsContext): boolean {
    try {
      return this.decide(context);
    } catch (error) {
      this.core.log.warn("event=request outcome=server_error error_code=10001 detail=host_exception");
      this.answerServerError(context);
      return false;
    }
  }

  private decide(context: ExternalResourceOwnerPasswordCredentialsContext): boolean {
    const setup = this.core.setup;
    const log = this.core.log;
    if (setup === null) {
      log.warn("event=request outcome=server_error error_code=10001 detail=not_initialised");
      this.answerServerError(context);
      return false;
    }
    const clientId = contextClientId(context);
    if (clientId === null) {
      log.warn("event=request outcome=server_error error_code=10001 detail=no_client");
      this.answerServerError(context);
      return false;
    }
    const request = readFlowRequest(context, clientId, READ_PARAMETERS);
    const ports = this.core.requestPorts(setup);
    const outcome = handleRequest(request, setup.config, ports.ports);
    const header = outcome.header;
    if (header !== null) {
      context.getHttpResponse().setHeader(header.name, header.value);
    }
    const userId = outcome.grantedUserId;
    if (userId === null) {
      return false;
    }
    const user = grantedUser(setup.config, ports, userId);
    if (user === null) {
      log.warn("event=password outcome=server_error error_code=10001 detail=authenticated_user_missing");
      return false;
    }
    context.setUser(user);
    return true;
  }

  private answerServerError(context: ExternalResourceOwnerPasswordCredentialsContext): void {
    const setup = this.core.setup;
    const name = setup === null ? "X-ROPC-TWO-FA" : setup.config.responseHeaderName;
    try {
      context.getHttpResponse().setHeader(name, errorHeader(SERVER_ERROR, []));
    } catch (error) {
      this.core.log.warn("event=request detail=header_not_set");
    }
  }
}
