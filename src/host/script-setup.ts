// What both script types do alike: init's reading of the configuration and the Twilio client, and the ports of a request.

import type { User } from "java:io.jans.as.common.model.common";
import { AuthenticationService, UserService } from "java:io.jans.as.server.service";
import type { SimpleCustomProperty } from "java:io.jans.model";
import { CacheService } from "java:io.jans.service";
import { CdiUtil } from "java:io.jans.service.cdi.util";
import type { Map } from "java:java.util";
import type { Config } from "../flow/config";
import { unusedWarnings } from "../flow/unused-properties";
import { parseConfig, withDefaults } from "../flow/config";
import type { ClaimStore, Ports, Serializer } from "../flow/ports";
import { CacheSessionStore, writesConfirmedBy } from "./cache-stores";
import { cacheProviderType, openClaimStore } from "./claim-stores";
import { JanssenUserDirectory } from "./janssen-directory";
import { JanssenPasswordVerifier } from "./janssen-passwords";
import { SecureRandom as JavaSecureRandom } from "java:java.security";
import { newSerializer } from "./per-node-claims";
import { JavaKeyedHash, JavaRandom } from "./java-crypto";
import { PrintLog } from "./print-log";
import { readProperties } from "./properties";
import { SystemClock } from "./system-clock";
import { FIRST_VERIFY_VERSION, TwilioOtpChannel, verifyAvailable } from "./twilio-channel";
import { TwilioGateway } from "./twilio-gateway";

/** The API version of Janssen's script loader both classes are written for (init receives the CustomScript). */
export const API_VERSION = 11;

/** What init derives from the configuration: shared by every request of the instance. */
export interface ScriptSetup {
  config: Config;
  gateway: TwilioGateway;
  /** Built for the server's cache backend (atomic across nodes where it can be). */
  claims: ClaimStore;
  /** The cache backend throws on every failed write, so session writes are not read back. */
  sessionWritesConfirmed: boolean;
}

/** The ports of one request, with the two Janssen adapters the host itself needs after the decision. */
export interface RequestPorts {
  ports: Ports;
  directory: JanssenUserDirectory;
  passwords: JanssenPasswordVerifier;
}

/**
 * Validates every property (the kind's defaults standing in for absent ones) and creates the Twilio client; null (after
 * logging why) keeps the script disabled, and the kind says what Janssen then refuses ("every password grant").
 */
function setUpScript(
  configurationAttributes: Map<string, SimpleCustomProperty>,
  kind: ScriptKind,
  random: JavaRandom,
  log: PrintLog,
): ScriptSetup | null {
  const raw = readProperties(configurationAttributes);
  const result = parseConfig(withDefaults(raw, kind.defaults));
  for (const warning of result.warnings) {
    log.warn(`config: ${warning}`);
  }
  for (const warning of unusedWarnings(raw, kind.unused)) {
    log.warn(`config: ${warning}`);
  }
  for (const error of result.errors) {
    log.warn(`config error: ${error}`);
  }
  const config = result.config;
  if (config === null) {
    log.warn(`init failed: fix the custom properties above; ${kind.refused} is refused until then`);
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
  return {
    config: config,
    gateway: gateway,
    claims: claims.store,
    sessionWritesConfirmed: writesConfirmedBy(cacheProviderType()),
  };
}

/** Janssen's services for one request, looked up per request as Janssen's own scripts do. */
function requestPorts(
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
    sessions: new CacheSessionStore(CdiUtil.bean(CacheService), setup.sessionWritesConfirmed),
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

/**
 * How a script type differs in what it shares: its log prefix, what it refuses while disabled, its own defaults, and the
 * properties it does not read (with why).
 */
export interface ScriptKind {
  logPrefix: string;
  refused: string;
  defaults: Readonly<Record<string, string>>;
  unused: Readonly<Record<string, string>>;
}

/**
 * The part of a script instance both types share. Janssen shares one instance between concurrent requests (and each node
 * has its own), so it holds only what init derives from the configuration, this node's striped locks (one set for every
 * request thread) and the random source; everything about a login lives in CacheService.
 */
export class ScriptCore {
  setup: ScriptSetup | null;
  readonly log: PrintLog;
  private readonly kind: ScriptKind;
  private readonly serializer: Serializer;
  private readonly random: JavaRandom;

  constructor(kind: ScriptKind) {
    this.kind = kind;
    this.setup = null;
    this.serializer = newSerializer();
    this.random = new JavaRandom(new JavaSecureRandom());
    this.log = new PrintLog(kind.logPrefix);
  }

  /** Any error keeps the script disabled; nothing escapes to Janssen. */
  init(configurationAttributes: Map<string, SimpleCustomProperty>): boolean {
    try {
      this.setup = setUpScript(configurationAttributes, this.kind, this.random, this.log);
      return this.setup !== null;
    } catch (error) {
      this.log.warn(
        "init failed: unexpected error while reading the configuration or creating the Twilio client",
      );
      return false;
    }
  }

  destroy(): boolean {
    const setup = this.setup;
    if (setup !== null) {
      setup.gateway.shutdown();
    }
    this.setup = null;
    return true;
  }

  requestPorts(setup: ScriptSetup): RequestPorts {
    return requestPorts(setup, this.serializer, this.random, this.log);
  }
}
