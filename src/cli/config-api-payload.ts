// config-api-payload: the JSON to POST (create) or PUT (update) to Janssen's Config API instead of pasting the script.

import * as fs from "fs";
import { parseConfig } from "../flow/config";
import { positiveInteger, UsageError } from "./args";
import type { ParsedArguments } from "./args";
import { configReport } from "./check-config";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { configApiPayload, DEFAULT_SCRIPT_NAME, NAME_PATTERN, TEMPLATE_PROPERTIES } from "./payload";
import { BUILT_SCRIPT, packageVersion } from "./project-files";
import { readPropertiesFile } from "./properties-file";

const INUM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

function scriptName(args: ParsedArguments): string {
  const name = args.options.get("name") ?? DEFAULT_SCRIPT_NAME;
  if (!NAME_PATTERN.test(name)) {
    throw new UsageError(
      "--name must be 2 to 60 letters, digits or _ - : / . (Janssen's rule for script names)",
    );
  }
  return name;
}

/** An update must name the script and raise its revision, or Janssen keeps running the old code and properties. */
function updateTarget(args: ParsedArguments): { revision: number; inum: string | null } {
  const revision = args.options.get("revision");
  const inum = args.options.get("inum") ?? null;
  if (args.options.has("update") && (revision === undefined || inum === null)) {
    throw new UsageError(
      "--update needs --revision (higher than the script's current one) and --inum (the script to replace)",
    );
  }
  if (inum !== null && !INUM_PATTERN.test(inum)) {
    throw new UsageError("--inum must be letters, digits, . and - (e.g. 0A1B-2C3D)");
  }
  return { revision: revision === undefined ? 1 : positiveInteger("revision", revision), inum: inum };
}

export const configApiPayloadCommand: Command = {
  name: "config-api-payload",
  summary: "print the Config API body that creates (or, with --update, replaces) the script",
  synopsis: "[--name N] [--properties FILE] [--revision R] [--inum I] [--update]",
  optionHelp: [
    `--name N           script name (default ${DEFAULT_SCRIPT_NAME})`,
    "--properties FILE  custom properties to include (JSON or .properties), checked first: exit 1 if invalid;",
    "                   without it, the required properties are included empty, to fill in",
    "--revision R       revision (default 1); Janssen reloads a script only when its revision changes",
    "--inum I           the script's inum",
    "--update           body for PUT (update): requires --revision and --inum",
    `The script is read from ${BUILT_SCRIPT} (run build first). The body holds the secrets you give: keep it private.`,
  ],
  spec: {
    options: {
      name: { takesValue: true },
      properties: { takesValue: true },
      revision: { takesValue: true },
      inum: { takesValue: true },
      update: { takesValue: false },
    },
    positionals: [],
  },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const name = scriptName(args);
    const target = updateTarget(args);
    const propertiesFile = args.options.get("properties");
    const properties =
      propertiesFile === undefined ? TEMPLATE_PROPERTIES : readPropertiesFile(propertiesFile, cwd);
    if (propertiesFile !== undefined) {
      const result = parseConfig(properties);
      if (result.config === null || result.warnings.length > 0) {
        output.err(configReport(propertiesFile, properties, result));
      }
      if (result.config === null) {
        output.err("No payload written: the script would refuse these properties.\n");
        return EXIT_PROBLEMS;
      }
    }
    if (!fs.existsSync(BUILT_SCRIPT)) {
      output.err(`${BUILT_SCRIPT} does not exist: run "gamatech-ropc build" first.\n`);
      return EXIT_PROBLEMS;
    }
    const payload = configApiPayload({
      name: name,
      script: fs.readFileSync(BUILT_SCRIPT, "utf8"),
      properties: properties,
      revision: target.revision,
      inum: target.inum,
      version: packageVersion(),
    });
    output.out(JSON.stringify(payload, null, 2) + "\n");
    return EXIT_OK;
  },
};
