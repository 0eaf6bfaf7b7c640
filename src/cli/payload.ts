// The body of Janssen's Config API custom-script endpoint (POST or PUT /jans-config-api/api/v1/config/scripts), with the
// field names and values of the CustomScript schema in the Janssen admin reference.

import { CONFIG_PROPERTIES } from "../flow/config";
import type { RawProperties } from "./properties-file";
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
  scriptType: "resource_owner_password_credentials";
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
  name: string;
  script: string;
  properties: RawProperties;
  /** Janssen reloads a script only when its revision changes. */
  revision: number;
  /** Present for an update (PUT), which the Config API matches by inum. */
  inum: string | null;
  version: string;
}

export const DEFAULT_SCRIPT_NAME = "gamatech-ropc";
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
    description: `SMS one-time code (Twilio) on the OAuth password grant; gamatech-ropc ${input.version}`,
    scriptType: "resource_owner_password_credentials",
    programmingLanguage: "python",
    level: 1,
    revision: input.revision,
    enabled: true,
    locationType: "db",
    moduleProperties: [{ value1: "location_type", value2: "db" }],
    configurationProperties: configurationProperties,
    script: input.script,
  };
}
