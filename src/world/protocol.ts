// The JSON-lines protocol between JythonScriptHost (Node) and driver.py (Jython). One command per line; one reply each.

export interface WorldUser {
  uid: string;
  password?: string;
  /** Default "inum=<uid>,ou=people,o=jans". */
  dn?: string;
  /**
   * jansStatus; default "active"; null leaves the attribute out. On the "current" user model it becomes
   * SimpleUser.getStatus() (a GluuStatus) and no attribute; on "legacy" it stays the jansStatus custom attribute.
   */
  status?: string | null;
  /** Further attributes (mail, mobile, telephoneNumber...), each one value or several. Not uid or jansStatus. */
  attributes?: Record<string, string | string[]>;
}

export interface WorldSpec {
  /** Test clock start, epoch ms; default 2026-01-01T00:00:00Z. */
  clockMs?: number;
  /** Seed of the fake Twilio Verify's code generator; default 1. */
  seed?: number;
  users?: WorldUser[];
  /** When given, authenticate refuses other client ids (Janssen never runs the script for an unknown client). */
  clients?: string[];
  /**
   * Confidential clients and their secrets, as ClientService checks them at /authorize-challenge; any other client is
   * public (token_endpoint_auth_method none).
   */
  clientSecrets?: Record<string, string>;
  /** Ids of the server's own auth_session records (AuthorizationChallengeSessionService) that exist from the start. */
  serverSessions?: string[];
  /** User look-ups ignore the case of values (LDAP, MySQL: true, the default) or not (PostgreSQL: false). */
  valuesIgnoreCase?: boolean;
  /**
   * How users are built, as Janssen's ORM does: "current" (default; Janssen 1.1.x and later: uid in getUserId(), jansStatus
   * in getStatus(), the rest in customAttributes) or "legacy" (jansStatus kept as a custom attribute, getStatus() null).
   * The twilio-java version is not a reset option: it is chosen when the host starts (JythonScriptHostOptions).
   */
  userModel?: "current" | "legacy";
  /** Real milliseconds the fake Twilio API waits before every answer (a slow provider); default 0. */
  twilioLatencyMs?: number;
  /** Faults armed from the start, as with the fault command. */
  faults?: FaultSpec[];
  /**
   * Round trip of every store operation in real milliseconds (CacheService get/put/remove, and any other store double
   * through gamatech.testkit.Latency), half before and half after the operation; default 0.
   */
  latencyMs?: number;
  /**
   * The cache provider behind CacheService and CdiUtil.bean(CacheProvider): the world's own map (IN_MEMORY, default) or a
   * real server (src/world/servers.ts starts them; the driver needs the jars of src/world/backends.ts on its path).
   */
  cacheBackend?: CacheBackendSpec;
}

/** Which cache provider a world runs on; `flush` (default true) empties the server's data at the reset. */
export type CacheBackendSpec =
  | { kind: "memory" }
  | { kind: "redis"; host?: string; port: number; flush?: boolean }
  /**
   * REDIS with redisProviderType CLUSTER: a JedisCluster over these nodes (flush empties every master); soTimeoutMs is
   * Janssen's redisConfiguration.soTimeout (default 3000), which with 5 attempts bounds the retries on a lost node.
   */
  | { kind: "redisCluster"; host?: string; ports: number[]; soTimeoutMs?: number; flush?: boolean }
  | { kind: "memcached"; host?: string; port: number; flush?: boolean }
  | { kind: "database"; jdbcUrl: string; user?: string; password?: string; flush?: boolean };

/** One call on an instance's claim store (ports.ts ClaimStore), for the claims command. */
export interface ClaimOpSpec {
  op: "claim" | "get" | "release";
  key: string;
  /** claim: the value stored (default "v") and its ttl (default 60 s). */
  value?: string;
  ttlSeconds?: number;
}

export type FaultTarget =
  | "cache.get"
  | "cache.put"
  | "cache.remove"
  | "users.getUserByAttribute"
  | "auth.authenticate"
  | "twilio.message"
  | "twilio.verification"
  | "twilio.verificationCheck"
  /** Any Twilio call without a fault of its own. */
  | "twilio";

/**
 * Twilio faults are HTTP behaviour of the fake Twilio API, met by the real SDK (each HTTP request the SDK makes, retries
 * included, takes one use):
 * - apiError: Twilio's error body {"code","message","more_info","status"} with `code` and HTTP `status` (default 400;
 *   Retry-After: `retryAfter`, or 1 on a 429); without `code`, a plain-text body with `status` (default 500).
 * - timeout: no answer until the client gives up and closes the connection (at most `delayMs`, default 120 s).
 * - hang: the normal answer, `delayMs` late (default 5 s): a script whose timeout is shorter gives up first.
 * - crash: bytes that are not HTTP, then the connection closes.
 * - drop: the connection closes without an answer.
 */
export interface FaultSpec {
  target: FaultTarget;
  /** cache.get: "null" | "throw"; other Janssen targets: "throw"; Twilio: see above. */
  effect: "null" | "throw" | "apiError" | "timeout" | "hang" | "crash" | "drop";
  /** Twilio error code and HTTP status of an "apiError". */
  code?: number;
  status?: number;
  /** Twilio "hang": how late the answer comes; "timeout": how long the request stays unanswered at most. */
  delayMs?: number;
  /** Twilio "apiError": the Retry-After header, in seconds. */
  retryAfter?: number;
  /** How many calls fail; 0 (default) = every call until the next reset. */
  times?: number;
}

export interface AuthenticateRequest {
  /** Form parameters; an array repeats the parameter. */
  parameters: Record<string, string | string[]>;
  clientId: string;
  ip?: string;
  /** Request headers; an array is a header sent on several lines (X-Forwarded-For through several proxies). */
  headers?: Record<string, string | string[]>;
  /** Read the cache as it was at the last snapshotForStaleReads (a lost update between two nodes). */
  staleReads?: boolean;
}

export type Command =
  | ({ cmd: "reset" } & WorldSpec)
  | { cmd: "load"; path: string }
  | { cmd: "create"; script: string }
  | { cmd: "getApiVersion"; instance: string }
  | { cmd: "init"; instance: string; properties: Record<string, string | null>; scriptName?: string }
  | { cmd: "destroy"; instance: string; properties?: Record<string, string | null> }
  | ({ cmd: "authenticate"; instance: string } & AuthenticateRequest)
  | { cmd: "parallel"; requests: ParallelRequest[]; timeoutMs?: number }
  | {
      cmd: "claims";
      instance: string;
      ops: ClaimOpSpec[];
      parallel?: boolean;
      startAtMs?: number;
      detach?: boolean;
      timeoutMs?: number;
    }
  | { cmd: "claimResults"; ticket: number; timeoutMs?: number }
  | { cmd: "parallelDetached"; requests: ParallelRequest[]; startAtMs?: number; timeoutMs?: number }
  | { cmd: "parallelResults"; ticket: number; timeoutMs?: number }
  | { cmd: "advanceClock"; ms: number }
  | ({ cmd: "fault" } & FaultSpec)
  | { cmd: "clearFaults" }
  | { cmd: "snapshotForStaleReads" }
  | { cmd: "cache" }
  | { cmd: "twilioRequests" }
  | { cmd: "worldInfo" }
  | { cmd: "serverSessions" }
  | { cmd: "recycle" }
  | { cmd: "quit" };

/** What happened to a call into script code: it returned a value, or an exception (Python or Java) escaped it. */
export type ScriptOutcome<T> = (
  | { outcome: "returned"; value: T }
  | { outcome: "raised"; exception: { type: string; message: string; traceback: string } }
) & {
  /** The script's print output during the call, one entry per non-empty line. */
  logs: string[];
};

/** How an HTTP request reached the fake Twilio API: the JVM's proxy (useSystemProperties) or straight to port 443. */
export type TwilioVia = "proxy" | "direct";

/**
 * One POST .../Messages.json the fake Twilio API received (one per HTTP request: the SDK's retries are records too).
 * Never a secret: the basic-auth password is not kept.
 */
export interface SmsRecord {
  /** From the path. */
  accountSid: string;
  /** Basic-auth user: the Account SID or an API key SID. */
  username: string | null;
  to: string | null;
  from: string | null;
  messagingServiceSid: string | null;
  body: string | null;
  userAgent?: string | null;
  via?: TwilioVia;
  /** The HTTP status answered; null when no answer was sent (timeout, crash, drop), absent while a hang still waits. */
  httpStatus?: number | null;
  /** Set when Twilio accepted the message (201). */
  sid?: string;
  /** The message's status in the 201 answer: "queued", or "accepted" through a Messaging Service. */
  status?: string;
  /** Twilio's error code of an error answer. */
  errorCode?: number | null;
}

/** One Verify request the fake Twilio API received (one per HTTP request). */
export interface VerifyRecord {
  kind: "verification" | "check";
  /** The basic-auth user when it is an Account SID (Verify's paths carry no account); else null. */
  accountSid: string | null;
  username: string | null;
  serviceSid: string;
  to: string | null;
  /** verification: the code Twilio generated and delivered; check: the code submitted. */
  code?: string | null;
  channel?: string;
  locale?: string | null;
  sid?: string;
  status?: "pending" | "approved";
  errorCode?: number | null;
  httpStatus?: number | null;
  userAgent?: string | null;
  via?: TwilioVia;
}

/** Any HTTP request the fake Twilio API received (the twilioRequests command). */
export interface TwilioRequestRecord {
  method: string;
  host: string;
  path: string;
  form: Record<string, string>;
  username: string | null;
  userAgent: string | null;
  via: TwilioVia;
  /** The test request (of a parallel command) it was made for, when known. */
  requestId: string | null;
  /** Test clock when it arrived. */
  atMs: number;
  httpStatus?: number | null;
  /** The injected fault's effect, when one struck it. */
  fault?: string;
  /** timeout: whether the client closed the connection before the hold ended. */
  clientGaveUp?: boolean;
}

export interface WorldInfo {
  /** The twilio-java version the JVM loaded (from the jar). */
  twilioVersion: string;
  /** How the fake Twilio API is reached (proxy port; direct 443 or why not). */
  fakeTwilio: string;
  java: string;
}

export type AuthenticateReply = ScriptOutcome<boolean> & {
  /** Response headers the script set (last value per name). */
  headers: Record<string, string>;
  /** The user the script put on the context (a token is issued only when the result is true and this is set). */
  user: { userId: string; dn: string } | null;
  sms: SmsRecord[];
  verify: VerifyRecord[];
  /**
   * Authorization Challenge scripts only: the HTTP answer the server sends (ChallengeEndpoint): the script's stored
   * answer, the server's own for a bare False (401) or an exception (500), or 200 with an authorization code.
   */
  http?: { status: number; body: string };
};

/** One request of a parallel command: an authenticate request and the script instance (cluster node) that serves it. */
export type ParallelRequest = Omit<AuthenticateRequest, "staleReads"> & { instance: string };

export type ParallelResult = AuthenticateReply & {
  /** Real time from the release of all requests to this one's answer. */
  elapsedMs: number;
};

export interface ParallelReply {
  /** One per request, in the order given. */
  results: ParallelResult[];
  /** Records and log lines no request thread made (e.g. a send that finished after its request gave up). */
  unattributed: { sms: SmsRecord[]; verify: VerifyRecord[]; logs: string[] };
  /** Real time from the release until the last answer. */
  elapsedMs: number;
}

export interface CacheEntry {
  value: string;
  ttlMs: number;
}
