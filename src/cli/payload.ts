// What config-api-payload prints for Janssen's Config API custom-script endpoint: the CustomScript body of
// POST (create) or PUT (replace) /jans-config-api/api/v1/config/scripts, with the field names and values of the schema in
// the Janssen admin reference, and the JSON Patch (RFC 6902) of PATCH /jans-config-api/api/v1/config/scripts/{inum} that
// changes only the script's code and revision, so that a new release can never touch the live custom properties.

import { CONFIG_PROPERTIES } from "../flow/config";
import type { RawProperties } from "./properties-file";
import type { ScriptType, ScriptTypeInfo } from "./script-type";
import { isSecretProperty } from "./secrets";

export interface ConfigurationProperty {
  value1: string;
  value2: string;
  hide: boolean;
  description: string;
}

export interface CustomScriptPayload {
  inum?: string;
  name: string;
  description: string;
  scriptType: ScriptType;
  programmingLanguage: "python";
  level: number;
  revision: number;
  enabled: boolean;
  locationType: "db";
  moduleProperties: { value1: string; value2: string }[];
  configurationProperties: ConfigurationProperty[];
  script: string;
}

export interface PayloadInput {
  type: ScriptTypeInfo;
  name: string;
  script: string;
  properties: RawProperties;
  /** Janssen reloads a script only when its revision changes. */
  revision: number;
  /** Present for an update (PUT), which the Config API matches by inum. */
  inum: string | null;
  version: string;
  /**
   * A template's required properties are empty: it is created disabled (Janssen would otherwise load it, fail its init and
   * refuse every password grant of the clients using it), and its description says what to fill in.
   */
  template?: boolean;
}

/** One operation of a JSON Patch (RFC 6902), as the Config API's PATCH endpoints take it. */
export interface PatchOperation {
  op: "test" | "replace";
  path: string;
  value: string | number;
}

export const PATCH_CONTENT_TYPE = "application/json-patch+json";

export const NAME_PATTERN = /^[a-zA-Z0-9_\-:/.]{2,60}$/;

/**
 * The properties of a template: those every configuration needs, empty, for the administrator to fill in. The sender is
 * the sample's twilio_from_number, so a sample configuration carries over unchanged.
 */
export const TEMPLATE_PROPERTIES: RawProperties = {
  twilio_account_sid: "",
  twilio_auth_token: "",
  twilio_from_number: "",
};

function describe(name: string): string {
  const known = CONFIG_PROPERTIES.find((item) => item.name === name);
  return known === undefined ? "not a property of this script" : known.meaning;
}

/** Known properties in the table's order, then any others in the order given. */
function orderedNames(properties: RawProperties): string[] {
  const known = CONFIG_PROPERTIES.map((item) => item.name).filter((name) => name in properties);
  const unknown = Object.keys(properties).filter((name) => !known.includes(name));
  return [...known, ...unknown];
}

/**
 * The sentence a template's description ends with, and what the CLI says when it prints one. A release's template is read
 * with nothing else beside it, so it also says what to set on the server.
 */
export function templateNote(type: ScriptTypeInfo, name: string): string {
  // The ROPC script is check-config's default: its template keeps the command it always named.
  const check = type.kind === "ropc" ? "check-config" : `check-config --type ${type.type}`;
  const note =
    "fill in the custom properties (at least twilio_account_sid, twilio_auth_token and twilio_from_number), " +
    `check them with gamatech-ropc ${check}, then set enabled to true`;
  return type.serverNote === null ? note : `${note}; ${type.serverNote(name)}`;
}

export function configApiPayload(input: PayloadInput): CustomScriptPayload {
  const configurationProperties = orderedNames(input.properties).map((name) => ({
    value1: name,
    value2: (input.properties[name] ?? "").trim(),
    hide: isSecretProperty(name),
    description: describe(name),
  }));
  return {
    ...(input.inum === null ? {} : { inum: input.inum }),
    name: input.name,
    description:
      `SMS one-time code (Twilio) ${input.type.summary}; gamatech-ropc ${input.version}` +
      (input.template === true
        ? `. TEMPLATE, created disabled: ${templateNote(input.type, input.name)}`
        : ""),
    scriptType: input.type.type,
    programmingLanguage: "python",
    level: 1,
    revision: input.revision,
    enabled: input.template !== true,
    locationType: "db",
    moduleProperties: [{ value1: "location_type", value2: "db" }],
    configurationProperties: configurationProperties,
    script: input.script,
  };
}

/**
 * A create template that `npm run release` publishes, the same as `config-api-payload` prints with no option but --type.
 */
export function templatePayload(script: string, version: string, type: ScriptTypeInfo): CustomScriptPayload {
  return configApiPayload({
    type: type,
    name: type.defaultName,
    script: script,
    properties: TEMPLATE_PROPERTIES,
    revision: 1,
    inum: null,
    version: version,
    template: true,
  });
}

/**
 * The update of a deployed script to a new release: PATCH /jans-config-api/api/v1/config/scripts/{inum}. It replaces the
 * code and raises the revision (Janssen reloads a script only when its revision changes) and nothing else: the custom
 * properties, enabled, name and level stay as they are. The first operation makes the Config API refuse the whole patch,
 * changing nothing, unless the current revision is the one before `revision` (a revision already used, an old
 * revision, or someone else's update in between).
 */
export function scriptPatch(script: string, revision: number): PatchOperation[] {
  return [
    { op: "test", path: "/revision", value: revision - 1 },
    { op: "replace", path: "/script", value: script },
    { op: "replace", path: "/revision", value: revision },
  ];
}

/**
 * Required properties without a value, as an administrator would name them: a PUT replaces every custom property, so a
 * body missing one of them would leave the script unable to start.
 */
export function missingRequired(properties: RawProperties): string[] {
  const has = (name: string): boolean => (properties[name] ?? "").trim() !== "";
  const missing: string[] = [];
  if (!has("twilio_account_sid")) {
    missing.push("twilio_account_sid");
  }
  if (!has("twilio_auth_token") && !(has("twilio_api_key_sid") && has("twilio_api_key_secret"))) {
    missing.push("twilio_auth_token (or twilio_api_key_sid with twilio_api_key_secret)");
  }
  const senders = CONFIG_PROPERTIES.filter((item) => item.requirement === "one sender").map(
    (item) => item.name,
  );
  if (!senders.some(has)) {
    missing.push(`a sender (${senders.join(", ")})`);
  }
  return missing;
}
