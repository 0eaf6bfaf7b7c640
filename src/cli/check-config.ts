// check-config FILE: the validation the script runs at init, on a file, as a report an administrator can act on.

import { CONFIG_PROPERTIES, parseConfig } from "../flow/config";
import type { ConfigResult } from "../flow/config";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { readPropertiesFile } from "./properties-file";
import type { RawProperties } from "./properties-file";
import { HIDDEN, isSecretProperty, maskSecrets, secretValues } from "./secrets";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What the script will use for each property: the given value, or the default. Secrets only say whether they are set. */
function effectiveSettings(raw: RawProperties): string[] {
  const width = Math.max(...CONFIG_PROPERTIES.map((item) => item.name.length));
  return CONFIG_PROPERTIES.map((item) => {
    const given = raw[item.name]?.trim() ?? "";
    let shown: string;
    if (given !== "") {
      shown = isSecretProperty(item.name) ? HIDDEN : given;
    } else {
      shown = item.defaultValue === "" ? "(not set)" : `${item.defaultValue} (default)`;
    }
    return `  ${item.name.padEnd(width)}  ${shown}`;
  });
}

export function configReport(file: string, raw: RawProperties, result: ConfigResult): string {
  const lines = [
    `${file}: ${plural(result.errors.length, "error")}, ${plural(result.warnings.length, "warning")}`,
  ];
  for (const error of result.errors) {
    lines.push(`  error    ${error}`);
  }
  for (const warning of result.warnings) {
    lines.push(`  warning  ${warning}`);
  }
  if (result.config === null) {
    lines.push("", "init would fail: Janssen keeps the script disabled and refuses every password grant.");
  } else {
    lines.push("", `init would succeed (sender: ${result.config.sender}). Settings in effect:`);
    lines.push(...effectiveSettings(raw));
  }
  return maskSecrets(lines.join("\n") + "\n", secretValues(raw));
}

export const checkConfigCommand: Command = {
  name: "check-config",
  summary: "validate custom properties (JSON or .properties) exactly as the script's init does",
  synopsis: "FILE",
  optionHelp: [
    "FILE  a JSON object of property names to values, an exported Config API script, or a Java .properties file",
    "Exit code 1 when the script would refuse this configuration. Secret values are never printed.",
  ],
  spec: { options: {}, positionals: ["FILE"] },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const file = args.positionals[0] as string;
    const raw = readPropertiesFile(file, cwd);
    const result = parseConfig(raw);
    output.out(configReport(file, raw, result));
    return result.config === null ? EXIT_PROBLEMS : EXIT_OK;
  },
};
