// What both script types do alike: init's reading of the configuration and the Twilio client, and the ports of a request.

import type { User } from "java:io.jans.as.common.model.common";
import { AuthenticationService, UserService } from "java:io.jans.as.server.service";
import type { SimpleCustomProperty } from "java:io.jans.model";
import { CacheService } from "java:io.jans.service";
import { CdiUtil } from "java:io.jans.service.cdi.util";
import type { Map } from "java:java.util";
import type { Config } from "../flow/config";
import { parseConfig } from "../flow/config";
import type { ClaimStore, Ports, Serializer } from "../flow/ports";
import { CacheSessionStore } from "./cache-stores";
import { openClaimStore } from "./claim-stores";
import { JanssenUserDirectory } from "./janssen-directory";
import { JanssenPasswordVerifier } from "./janssen-passwords";
import type { JavaRandom } from "./java-crypto";
import { JavaKeyedHash } from "./java-crypto";
import type { PrintLog } from "./print-log";
import { readProperties } from "./properties";
import { SystemClock } from "./system-clock";
import { FIRST_VERIFY_VERSION, TwilioOtpChannel, verifyAvailable } from "./twilio-channel";
import { TwilioGateway } from "./twilio-gateway";

/** What init derives from the configuration: shared by every request of the instance. */
export interface ScriptSetup {
  config: Config;
  gateway: TwilioGateway;
  /** Built for the server's cache backend (atomic across nodes where it can be). */
  claims: ClaimStore;
}

/** The ports of one request, with the two Janssen adapters the host itself needs after the decision. */
export interface RequestPorts {
  ports: Ports;
  directory: JanssenUserDirectory;
  passwords: JanssenPasswordVerifier;
}

/**
 * Validates every property and creates the Twilio client; null (after logging why) keeps the script disabled, and
 * `refused` says what Janssen then refuses ("every password grant").
 */
export function setUpScript(
  configurationAttributes: Map<string, SimpleCustomProperty>,
  random: JavaRandom,
  log: PrintLog,
  refused: string,
): ScriptSetup | null {
  const result = parseConfig(readProperties(configurationAttributes));
  for (const warning of result.warnings) {
    log.warn(`config: ${warning}`);
  }
  for (const error of result.errors) {
    log.warn(`config error: ${error}`);
  }
  const config = result.config;
  if (config === null) {
    log.warn(`init failed: fix the custom properties above; ${refused} is refused until then`);
    return null;
  }
  if (config.sender === "verify" && !verifyAvailable()) {
    log.warn(
      `init failed: twilio_verify_service_sid needs Twilio Verify, which twilio-java ${FIRST_VERIFY_VERSION} or later has; ` +
        "the server's twilio-java has none (Janssen installs 7.17.0). Put twilio-java " +
        `${FIRST_VERIFY_VERSION} or later in /opt/jans/jetty/jans-auth/custom/libs and restart jans-auth, or send with ` +
        "twilio_from_number or twilio_messaging_service_sid",
    );
    return null;
  }
  const claims = openClaimStore(new SystemClock(), random);
  log.info(claims.description);
  const gateway = new TwilioGateway(config);
  log.info(`initialised: sender=${config.sender}; ${gateway.describeHttp()}`);
  return { config: config, gateway: gateway, claims: claims.store };
}

/** Janssen's services for one request, looked up per request as Janssen's own scripts do. */
export function requestPorts(
  setup: ScriptSetup,
  serializer: Serializer,
  random: JavaRandom,
  log: PrintLog,
): RequestPorts {
  const passwords = new JanssenPasswordVerifier(CdiUtil.bean(AuthenticationService));
  const directory = new JanssenUserDirectory(CdiUtil.bean(UserService));
  const ports: Ports = {
    directory: directory,
    passwords: passwords,
    sessions: new CacheSessionStore(CdiUtil.bean(CacheService)),
    claims: setup.claims,
    serializer: serializer,
    otp: new TwilioOtpChannel(setup.gateway),
    clock: new SystemClock(),
    random: random,
    hash: new JavaKeyedHash(),
    log: log,
  };
  return { ports: ports, directory: directory, passwords: passwords };
}

/** The user the flow granted: code first, the one whose password this request checked; password first, the code's. */
export function grantedUser(config: Config, request: RequestPorts, userId: string): User | null {
  return config.loginOrder === "password_first"
    ? request.directory.grantableUser(userId)
    : request.passwords.userToGrant(userId);
}
