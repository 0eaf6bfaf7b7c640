import type { ExternalResourceOwnerPasswordCredentialsContext } from "java:io.jans.as.server.service.external.context";
import { AuthenticationService, UserService } from "java:io.jans.as.server.service";
import type { SimpleCustomProperty } from "java:io.jans.model";
import type { CustomScript } from "java:io.jans.model.custom.script.model";
import { ResourceOwnerPasswordCredentialsType } from "java:io.jans.model.custom.script.type.owner";
import { CacheService } from "java:io.jans.service";
import { CdiUtil } from "java:io.jans.service.cdi.util";
import { SecureRandom as JavaSecureRandom } from "java:java.security";
import type { Map } from "java:java.util";
import type { Config } from "../flow/config";
import { parseConfig } from "../flow/config";
import { SERVER_ERROR } from "../flow/error-codes";
import type { ClaimStore, Ports, Serializer } from "../flow/ports";
import { CacheSessionStore } from "./cache-stores";
import { openClaimStore } from "./claim-stores";
import { newSerializer } from "./per-node-claims";
import { JanssenUserDirectory } from "./janssen-directory";
import { JanssenPasswordVerifier } from "./janssen-passwords";
import { JavaKeyedHash, JavaRandom } from "./java-crypto";
import { PrintLog } from "./print-log";
import { readProperties } from "./properties";
import { readFlowRequest } from "./request";
import { errorHeader } from "./ropc-header";
import { handleRequest } from "./ropc-request";
import { SystemClock } from "./system-clock";
import { FIRST_VERIFY_VERSION, TwilioOtpChannel, verifyAvailable } from "./twilio-channel";
import { TwilioGateway } from "./twilio-gateway";

/** The API version of Janssen's script loader this class is written for (init receives the CustomScript). */
const API_VERSION = 11;

/**
 * The Janssen ROPC script. Janssen shares one instance between concurrent requests (and each node has its own), so the
 * fields hold only what init derives from the configuration; everything about a login lives in CacheService.
 */
export class ResourceOwnerPasswordCredentials implements ResourceOwnerPasswordCredentialsType {
  private config: Config | null;
  private gateway: TwilioGateway | null;
  /** Built at init for the server's cache backend (atomic across nodes where it can be); shared by every request. */
  private claims: ClaimStore | null;
  /** This node's striped locks: one set for every request thread of this instance. */
  private readonly serializer: Serializer;
  private readonly random: JavaRandom;
  private readonly log: PrintLog;

  constructor(currentTimeMillis: number) {
    this.config = null;
    this.gateway = null;
    this.claims = null;
    this.serializer = newSerializer();
    this.random = new JavaRandom(new JavaSecureRandom());
    this.log = new PrintLog();
  }

  /** Validates every property; any error keeps the script disabled (Janssen then refuses every password grant). */
  init(customScript: CustomScript, configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    try {
      const result = parseConfig(readProperties(configurationAttributes));
      for (const warning of result.warnings) {
        this.log.warn(`config: ${warning}`);
      }
      for (const error of result.errors) {
        this.log.warn(`config error: ${error}`);
      }
      const config = result.config;
      if (config === null) {
        this.log.warn(
          "init failed: fix the custom properties above; every password grant is refused until then",
        );
        return false;
      }
      if (config.sender === "verify" && !verifyAvailable()) {
        this.log.warn(
          `init failed: twilio_verify_service_sid needs Twilio Verify, which twilio-java ${FIRST_VERIFY_VERSION} or later has; ` +
            "the server's twilio-java has none (Janssen installs 7.17.0). Put twilio-java " +
            `${FIRST_VERIFY_VERSION} or later in /opt/jans/jetty/jans-auth/custom/libs and restart jans-auth, or send with ` +
            "twilio_from_number or twilio_messaging_service_sid",
        );
        return false;
      }
      const claims = openClaimStore(new SystemClock(), this.random);
      this.log.info(claims.description);
      this.claims = claims.store;
      const gateway = new TwilioGateway(config);
      this.gateway = gateway;
      this.config = config;
      this.log.info(`initialised: sender=${config.sender}; ${gateway.describeHttp()}`);
      return true;
    } catch (error) {
      this.log.warn(
        "init failed: unexpected error while reading the configuration or creating the Twilio client",
      );
      return false;
    }
  }

  destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    const gateway = this.gateway;
    if (gateway !== null) {
      gateway.shutdown();
    }
    this.gateway = null;
    this.config = null;
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
    const config = this.config;
    const gateway = this.gateway;
    const claims = this.claims;
    if (config === null || gateway === null || claims === null) {
      this.log.warn("event=request outcome=server_error error_code=10001 detail=not_initialised");
      this.answerServerError(context);
      return false;
    }
    const request = readFlowRequest(context);
    if (request === null) {
      this.log.warn("event=request outcome=server_error error_code=10001 detail=no_client");
      this.answerServerError(context);
      return false;
    }
    const cache = CdiUtil.bean(CacheService);
    const passwords = new JanssenPasswordVerifier(CdiUtil.bean(AuthenticationService));
    const directory = new JanssenUserDirectory(CdiUtil.bean(UserService));
    const ports: Ports = {
      directory: directory,
      passwords: passwords,
      sessions: new CacheSessionStore(cache),
      claims: claims,
      serializer: this.serializer,
      otp: new TwilioOtpChannel(gateway),
      clock: new SystemClock(),
      random: this.random,
      hash: new JavaKeyedHash(),
      log: this.log,
    };
    const outcome = handleRequest(request, config, ports);
    const header = outcome.header;
    if (header !== null) {
      context.getHttpResponse().setHeader(header.name, header.value);
    }
    const userId = outcome.grantedUserId;
    if (userId === null) {
      return false;
    }
    // Code first, the grant follows the password checked in this request; password first, it follows the code.
    const user =
      config.loginOrder === "password_first"
        ? directory.grantableUser(userId)
        : passwords.userToGrant(userId);
    if (user === null) {
      this.log.warn("event=password outcome=server_error error_code=10001 detail=authenticated_user_missing");
      return false;
    }
    context.setUser(user);
    return true;
  }

  private answerServerError(context: ExternalResourceOwnerPasswordCredentialsContext): void {
    const config = this.config;
    const name = config === null ? "X-ROPC-TWO-FA" : config.responseHeaderName;
    try {
      context.getHttpResponse().setHeader(name, errorHeader(SERVER_ERROR, []));
    } catch (error) {
      this.log.warn("event=request detail=header_not_set");
    }
  }
}
