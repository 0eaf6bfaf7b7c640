import type { ExternalResourceOwnerPasswordCredentialsContext } from "java:io.jans.as.server.service.external.context";
import type { SimpleCustomProperty } from "java:io.jans.model";
import type { CustomScript } from "java:io.jans.model.custom.script.model";
import { ResourceOwnerPasswordCredentialsType } from "java:io.jans.model.custom.script.type.owner";
import { SecureRandom as JavaSecureRandom } from "java:java.security";
import type { Map } from "java:java.util";
import { SERVER_ERROR } from "../flow/error-codes";
import { READ_PARAMETERS } from "../flow/params";
import type { Serializer } from "../flow/ports";
import { newSerializer } from "./per-node-claims";
import { JavaRandom } from "./java-crypto";
import { PrintLog, ROPC_LOG_PREFIX } from "./print-log";
import { contextClientId, readFlowRequest } from "./request";
import { errorHeader } from "./ropc-header";
import { handleRequest } from "./ropc-request";
import { grantedUser, requestPorts, setUpScript } from "./script-setup";
import type { ScriptSetup } from "./script-setup";

/** The API version of Janssen's script loader this class is written for (init receives the CustomScript). */
const API_VERSION = 11;

/**
 * The Janssen ROPC script. Janssen shares one instance between concurrent requests (and each node has its own), so the
 * fields hold only what init derives from the configuration; everything about a login lives in CacheService.
 */
export class ResourceOwnerPasswordCredentials implements ResourceOwnerPasswordCredentialsType {
  private setup: ScriptSetup | null;
  /** This node's striped locks: one set for every request thread of this instance. */
  private readonly serializer: Serializer;
  private readonly random: JavaRandom;
  private readonly log: PrintLog;

  constructor(currentTimeMillis: number) {
    this.setup = null;
    this.serializer = newSerializer();
    this.random = new JavaRandom(new JavaSecureRandom());
    this.log = new PrintLog(ROPC_LOG_PREFIX);
  }

  /** Validates every property; any error keeps the script disabled (Janssen then refuses every password grant). */
  init(customScript: CustomScript, configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    try {
      this.setup = setUpScript(configurationAttributes, this.random, this.log, "every password grant");
      return this.setup !== null;
    } catch (error) {
      this.log.warn(
        "init failed: unexpected error while reading the configuration or creating the Twilio client",
      );
      return false;
    }
  }

  destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    const setup = this.setup;
    if (setup !== null) {
      setup.gateway.shutdown();
    }
    this.setup = null;
    return true;
  }

  getApiVersion(): number {
    return API_VERSION;
  }

  /** Returns True only when the flow grants; any failure answers server_error and never lets an exception reach Janssen. */
  authenticate(context: ExternalResourceOwnerPasswordCredentialsContext): boolean {
    try {
      return this.decide(context);
    } catch (error) {
      this.log.warn("event=request outcome=server_error error_code=10001 detail=host_exception");
      this.answerServerError(context);
      return false;
    }
  }

  private decide(context: ExternalResourceOwnerPasswordCredentialsContext): boolean {
    const setup = this.setup;
    if (setup === null) {
      this.log.warn("event=request outcome=server_error error_code=10001 detail=not_initialised");
      this.answerServerError(context);
      return false;
    }
    const clientId = contextClientId(context);
    if (clientId === null) {
      this.log.warn("event=request outcome=server_error error_code=10001 detail=no_client");
      this.answerServerError(context);
      return false;
    }
    const request = readFlowRequest(context, clientId, READ_PARAMETERS);
    const ports = requestPorts(setup, this.serializer, this.random, this.log);
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
      this.log.warn("event=password outcome=server_error error_code=10001 detail=authenticated_user_missing");
      return false;
    }
    context.setUser(user);
    return true;
  }

  private answerServerError(context: ExternalResourceOwnerPasswordCredentialsContext): void {
    const setup = this.setup;
    const name = setup === null ? "X-ROPC-TWO-FA" : setup.config.responseHeaderName;
    try {
      context.getHttpResponse().setHeader(name, errorHeader(SERVER_ERROR, []));
    } catch (error) {
      this.log.warn("event=request detail=header_not_set");
    }
  }
}
