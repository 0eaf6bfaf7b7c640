// The two scripts an administrator deploys, named on the command line (--type) by their Config API scriptType, and what
// the admin commands must say differently about each: its file, its default name, its defaults, what a failed init refuses,
// and what must be set on the server besides the script itself.

import { CHALLENGE_DEFAULTS, CHALLENGE_UNUSED } from "../flow/challenge-properties";
import { unusedWarnings } from "../flow/unused-properties";
import { UsageError } from "./args";
import type { ScriptKind } from "./build-script";
import type { RawProperties } from "./properties-file";
import { CHALLENGE_FILE_NAME, SCRIPT_FILE_NAME } from "./project-files";

export type ScriptType = "resource_owner_password_credentials" | "authorization_challenge";

export interface ScriptTypeInfo {
  type: ScriptType;
  kind: ScriptKind;
  fileName: string;
  defaultName: string;
  /** Where the payload's description says the script works. */
  summary: string;
  /** Where the script's init applies other defaults than the property table's. */
  defaults: Readonly<Record<string, string>>;
  /** The properties the script does not read, with why (check-config warns when one is given). */
  unused: Readonly<Record<string, string>>;
  /** What Janssen refuses while the script's init fails. */
  refused: string;
  /**
   * What the administrator must set on the server, beyond the script, for the script to be used at all; `name` is how to
   * show the script's name, null when it is not known.
   */
  serverNote: ((name: string | null) => string) | null;
}

/**
 * Janssen picks the challenge script by the request's acr_values, else by authorizationChallengeDefaultAcr, whose default
 * default_challenge checks the password only: unless one of the two names this script, a client that leaves out acr_values
 * logs in without the code. Neither the properties nor the script's payload can set that: the administrator must.
 */
function defaultAcrNote(name: string | null): string {
  const named = name === null ? "the script's name" : `the script's name (${name})`;
  return (
    `set the server's authorizationChallengeDefaultAcr to ${named} or disable the default_challenge script: ` +
    "otherwise a client that leaves out acr_values is answered by default_challenge, which checks the password only " +
    "and skips the SMS code"
  );
}

export const ROPC_TYPE: ScriptTypeInfo = {
  type: "resource_owner_password_credentials",
  kind: "ropc",
  fileName: SCRIPT_FILE_NAME,
  defaultName: "gamatech-ropc",
  summary: "on the OAuth password grant",
  defaults: {},
  unused: {},
  refused: "every password grant",
  // Each client is linked to the script itself (ropcScripts), and a client without one is refused: nothing to set.
  serverNote: null,
};

export const CHALLENGE_TYPE: ScriptTypeInfo = {
  type: "authorization_challenge",
  kind: "challenge",
  fileName: CHALLENGE_FILE_NAME,
  // What clients send as acr_values; written with underscores like Janssen's own default_challenge.
  defaultName: "gamatech_authz_challenge",
  summary: "at the Authorization Challenge endpoint",
  defaults: CHALLENGE_DEFAULTS,
  unused: CHALLENGE_UNUSED,
  refused: "every authorization challenge",
  serverNote: defaultAcrNote,
};

export const SCRIPT_TYPES: readonly ScriptTypeInfo[] = [ROPC_TYPE, CHALLENGE_TYPE];

/** The --type option's script; the ROPC script when absent, as before the challenge script existed. */
export function scriptTypeOption(value: string | undefined): ScriptTypeInfo {
  if (value === undefined) {
    return ROPC_TYPE;
  }
  // The admin UI shows the types in capitals (AUTHORIZATION_CHALLENGE), the Config API in lower case: both mean the same.
  const found = SCRIPT_TYPES.find((info) => info.type === value.toLowerCase());
  if (found === undefined) {
    throw new UsageError(
      `--type must be ${SCRIPT_TYPES.map((info) => info.type).join(" or ")} (got ${JSON.stringify(value)})`,
    );
  }
  return found;
}

/** Warnings about properties that only the script's type explains, added to the parser's own. */
export function typeWarnings(info: ScriptTypeInfo, raw: RawProperties): string[] {
  const warnings = unusedWarnings(raw, info.unused);
  // Compared as the parser reads a choice (trimmed, any case); for this script only a given value can be code_first.
  if (info.kind === "challenge" && (raw["login_order"] ?? "").trim().toLowerCase() === "code_first") {
    warnings.push(
      "login_order: code_first at the Authorization Challenge endpoint, which does not authenticate public clients: " +
        "anyone who knows a username can have codes sent by SMS (billed to the Twilio account), held back only by the " +
        "send limits; password_first (this script's default) sends nothing before the password is right",
    );
  }
  return warnings;
}
