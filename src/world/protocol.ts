// The JSON-lines protocol between JythonScriptHost (Node) and driver.py (Jython). One command per line; one reply each.

export type TwilioShape = "7" | "12";

export interface WorldUser {
  uid: string;
  password?: string;
  /** Default "inum=<uid>,ou=people,o=jans". */
  dn?: string;
  /** jansStatus; default "active"; null leaves the attribute out. */
  status?: string | null;
  /** Further attributes (mail, mobile, telephoneNumber...), each one value or several. Not uid or jansStatus. */
  attributes?: Record<string, string | string[]>;
}

export interface WorldSpec {
  /** Test clock start, epoch ms; default 2026-01-01T00:00:00Z. */
  clockMs?: number;
  /** Seed of the Verify double's code generator; default 1. */
  seed?: number;
  users?: WorldUser[];
  /** When given, authenticate refuses other client ids (Janssen never runs the script for an unknown client). */
  clients?: string[];
  /** User look-ups ignore the case of values (LDAP, MySQL: true, the default) or not (PostgreSQL: false). */
  valuesIgnoreCase?: boolean;
  /** Which VerificationCheck the scripts see (and, for "12", no Apache HttpClient 4); default "7". */
  twilioShape?: TwilioShape;
  /** Faults armed from the start, as with the fault command. */
  faults?: FaultSpec[];
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

export interface FaultSpec {
  target: FaultTarget;
  /** cache.get: "null" | "throw"; other Janssen targets: "throw"; Twilio: "apiError" | "timeout" | "hang" | "crash". */
  effect: "null" | "throw" | "apiError" | "timeout" | "hang" | "crash";
  /** Twilio error code and HTTP status of an "apiError". */
  code?: number;
  status?: number;
  /** How many calls fail; 0 (default) = every call until the next reset. */
  times?: number;
}

export interface AuthenticateRequest {
  /** Form parameters; an array repeats the parameter. */
  parameters: Record<string, string | string[]>;
  clientId: string;
  ip?: string;
  headers?: Record<string, string>;
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
  | { cmd: "advanceClock"; ms: number }
  | ({ cmd: "fault" } & FaultSpec)
  | { cmd: "clearFaults" }
  | { cmd: "snapshotForStaleReads" }
  | { cmd: "cache" }
  | { cmd: "quit" };

/** What happened to a call into script code: it returned a value, or an exception (Python or Java) escaped it. */
export type ScriptOutcome<T> = (
  | { outcome: "returned"; value: T }
  | { outcome: "raised"; exception: { type: string; message: string; traceback: string } }
) & {
  /** The script's print output during the call, one entry per non-empty line. */
  logs: string[];
};

export interface SmsRecord {
  accountSid: string;
  username: string;
  to: string | null;
  from: string | null;
  messagingServiceSid: string | null;
  body: string | null;
  sid?: string;
  errorCode?: number | null;
  connectTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export interface VerifyRecord {
  kind: "verification" | "check";
  accountSid: string;
  username: string;
  serviceSid: string;
  to: string | null;
  /** verification: the code Twilio generated and delivered; check: the code submitted. */
  code?: string | null;
  channel?: string;
  locale?: string | null;
  sid?: string;
  status?: "pending" | "approved";
  errorCode?: number | null;
  connectTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export type AuthenticateReply = ScriptOutcome<boolean> & {
  /** Response headers the script set (last value per name). */
  headers: Record<string, string>;
  /** The user the script put on the context (a token is issued only when the result is true and this is set). */
  user: { userId: string; dn: string } | null;
  sms: SmsRecord[];
  verify: VerifyRecord[];
};

export interface CacheEntry {
  value: string;
  ttlMs: number;
}
