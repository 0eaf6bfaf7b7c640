// check-config FILE: the validation the script runs at init, on a file, as a report an administrator can act on (or, with
// --json, one JSON object a pipeline can act on).

import { CONFIG_PROPERTIES, parseConfig, withDefaults } from "../flow/config";
import type { ConfigResult } from "../flow/config";
import { logSafe } from "../flow/log-text";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { inputName, readPropertiesInput, STANDARD_INPUT } from "./properties-file";
import type { RawProperties, RepeatedProperty } from "./properties-file";
import { printableValue, readableMessage } from "./readable";
import { CHALLENGE_TYPE, ROPC_TYPE, scriptTypeOption, typeWarnings } from "./script-type";
import type { ScriptTypeInfo } from "./script-type";
import { HIDDEN, isSecretProperty, maskSecrets, secretValues } from "./secrets";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The warning for a name given more than once; it never shows the values, only whether they differ. */
export function repeatedWarning(item: RepeatedProperty): string {
  const values = item.sameValue ? "the same value each time" : "different values";
  return (
    `${logSafe(item.name, 64)}: given ${item.count} times (${values}); the last one is checked here, but Janssen ` +
    "keeps one entry per name and which one is not guaranteed: keep only one"
  );
}

/**
 * The shared validation's result, as the `type` script's init reads the properties (its own defaults standing in for
 * absent ones), with the warnings about repeated names first and those only the type explains last.
 */
export function checkProperties(
  raw: RawProperties,
  repeated: readonly RepeatedProperty[] = [],
  type: ScriptTypeInfo = ROPC_TYPE,
): ConfigResult {
  const result = parseConfig(withDefaults(raw, type.defaults));
  return {
    ...result,
    warnings: [...repeated.map(repeatedWarning), ...result.warnings, ...typeWarnings(type, raw)],
  };
}

type SettingSource = "given" | "default" | "not set";

interface Setting {
  name: string;
  source: SettingSource;
  /** null when not set, or hidden: a secret, or a value that looks like one. */
  value: string | null;
  hidden: boolean;
}

/**
 * What the `type` script will use for each property it reads: the given value, or its default. Secrets only say whether
 * they are set.
 */
function effectiveSettings(raw: RawProperties, type: ScriptTypeInfo): Setting[] {
  const secrets = secretValues(raw);
  const read = CONFIG_PROPERTIES.filter((item) => type.unused[item.name] === undefined);
  return read.map((item) => {
    const given = raw[item.name]?.trim() ?? "";
    if (given === "") {
      const fallback = type.defaults[item.name] ?? item.defaultValue;
      return fallback === ""
        ? { name: item.name, source: "not set", value: null, hidden: false }
        : { name: item.name, source: "default", value: fallback, hidden: false };
    }
    const hidden = isSecretProperty(item.name) || maskSecrets(given, secrets) !== given;
    return { name: item.name, source: "given", value: hidden ? null : given, hidden };
  });
}

function settingText(setting: Setting): string {
  if (setting.hidden) {
    return HIDDEN;
  }
  if (setting.value === null) {
    return "(not set)";
  }
  const value = printableValue(setting.value);
  return setting.source === "default" ? `${value} (default)` : value;
}

/** The messages as a terminal shows them: readable text, and no secret even if a message quoted one. */
function readableMessages(messages: readonly string[], raw: RawProperties): string[] {
  const secrets = secretValues(raw);
  return messages.map((message) => maskSecrets(readableMessage(message), secrets));
}

export function configReport(
  file: string,
  raw: RawProperties,
  result: ConfigResult,
  type: ScriptTypeInfo = ROPC_TYPE,
): string {
  const errors = readableMessages(result.errors, raw);
  const warnings = readableMessages(result.warnings, raw);
  const lines = [`${file}: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`];
  for (const error of errors) {
    lines.push(`  error    ${error}`);
  }
  for (const warning of warnings) {
    lines.push(`  warning  ${warning}`);
  }
  if (result.config === null) {
    lines.push("", `init would fail: Janssen keeps the script disabled and refuses ${type.refused}.`);
  } else {
    lines.push("", `init would succeed (sender: ${result.config.sender}). Settings in effect:`);
    const width = Math.max(...CONFIG_PROPERTIES.map((item) => item.name.length));
    for (const setting of effectiveSettings(raw, type)) {
      lines.push(`  ${setting.name.padEnd(width)}  ${settingText(setting)}`);
    }
  }
  return maskSecrets(lines.join("\n") + "\n", secretValues(raw));
}

/** The property a message is about: the longest known or given name it starts with (`name: ...`); null for none. */
function subjectOf(message: string, names: readonly string[]): string | null {
  let best: string | null = null;
  for (const name of names) {
    if (message.startsWith(`${name}: `) && (best === null || name.length > best.length)) {
      best = name;
    }
  }
  return best;
}

/** Version of the --json shape: raised only when a field changes meaning or disappears (new fields may be added). */
export const CHECK_CONFIG_JSON_FORMAT = 1;

/** check-config --json: one object, documented in docs/configuration.md ("check-config --json"). */
export function configJson(
  file: string,
  raw: RawProperties,
  result: ConfigResult,
  type: ScriptTypeInfo = ROPC_TYPE,
): string {
  const names = [...new Set([...CONFIG_PROPERTIES.map((item) => item.name), ...Object.keys(raw)])];
  const messages = (list: readonly string[]) =>
    readableMessages(list, raw).map((message) => ({ property: subjectOf(message, names), message }));
  const report = {
    format: CHECK_CONFIG_JSON_FORMAT,
    input: file,
    type: type.type,
    valid: result.config !== null,
    sender: result.config?.sender ?? null,
    errors: messages(result.errors),
    warnings: messages(result.warnings),
    settings: result.config === null ? null : effectiveSettings(raw, type),
  };
  return JSON.stringify(report, null, 2) + "\n";
}

export const checkConfigCommand: Command = {
  name: "check-config",
  summary: "validate custom properties (JSON or .properties) exactly as the script's init does",
  synopsis: "[--type T] [--json] FILE",
  optionHelp: [
    "FILE      a JSON object of property names to values, an exported Config API script, or a Java .properties file;",
    `          ${STANDARD_INPUT} reads it from standard input`,
    `--type T  the script: ${ROPC_TYPE.type} (default) or ${CHALLENGE_TYPE.type}`,
    `          (the challenge script: its defaults, login_order ${CHALLENGE_TYPE.defaults["login_order"]}, and what to`,
    "          set on the server)",
    "--json    one JSON object on stdout (format, input, type, valid, sender, errors, warnings, settings), for pipelines",
    "Exit code 0 when the script would accept this configuration, 1 when it would refuse it or the file cannot be",
    "read, 2 for a command-line mistake. Secret values are never printed.",
  ],
  spec: { options: { type: { takesValue: true }, json: { takesValue: false } }, positionals: ["FILE"] },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const type = scriptTypeOption(args.options.get("type"));
    const file = args.positionals[0] as string;
    const input = readPropertiesInput(file, cwd);
    const checked = checkProperties(input.properties, input.repeated, type);
    // Not about the properties, but a check before deploying is where an administrator learns it; the file does not say
    // what the script will be named.
    const serverWarnings =
      type.serverNote === null ? [] : [type.serverNote(`${type.defaultName} unless named otherwise`)];
    const result = { ...checked, warnings: [...checked.warnings, ...serverWarnings] };
    const render = args.options.has("json") ? configJson : configReport;
    output.out(render(inputName(file), input.properties, result, type));
    return result.config === null ? EXIT_PROBLEMS : EXIT_OK;
  },
};
