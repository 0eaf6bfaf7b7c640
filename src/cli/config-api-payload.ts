// config-api-payload: what to send to Janssen's Config API instead of pasting a script (--type: the ROPC one, or the
// Authorization Challenge one). Create: the body of POST (a disabled template without --properties). Update to a new
// release: a JSON Patch that changes only the code and the revision, so the live custom properties (the Twilio
// credentials) cannot be lost. Update with --properties: the full PUT body, only when every required property has a value.

import * as fs from "fs";
import { positiveInteger, UsageError } from "./args";
import type { ParsedArguments } from "./args";
import { checkProperties, configReport } from "./check-config";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import {
  configApiPayload,
  missingRequired,
  NAME_PATTERN,
  PATCH_CONTENT_TYPE,
  scriptPatch,
  templateNote,
  TEMPLATE_PROPERTIES,
} from "./payload";
import { staleScriptProblem } from "./dist-freshness";
import type { PropertiesInput, RawProperties } from "./properties-file";
import { builtScriptPath, packageVersion } from "./project-files";
import { inputName, readPropertiesInput } from "./properties-file";
import { CHALLENGE_TYPE, ROPC_TYPE, scriptTypeOption } from "./script-type";
import type { ScriptTypeInfo } from "./script-type";

const INUM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

const SCRIPTS_ENDPOINT = "/jans-config-api/api/v1/config/scripts";

function scriptName(args: ParsedArguments, type: ScriptTypeInfo): string {
  const name = args.options.get("name") ?? type.defaultName;
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
  summary: "print what to send to the Config API: a create body, or with --update a patch to a new release",
  synopsis: "[--type T] [--name N] [--properties FILE] [--revision R] [--inum I] [--update]",
  optionHelp: [
    `--type T           ${ROPC_TYPE.type} (default): dist/${ROPC_TYPE.fileName};`,
    `                   ${CHALLENGE_TYPE.type}: dist/${CHALLENGE_TYPE.fileName}`,
    `--name N           script name (default ${ROPC_TYPE.defaultName}, or ${CHALLENGE_TYPE.defaultName} for the`,
    "                   challenge script, which clients name in acr_values); not with --update alone",
    "--properties FILE  custom properties to include (JSON or .properties), checked first: exit 1 if invalid;",
    "                   without it, a template: the required properties empty and enabled false, to fill in",
    "--revision R       revision (default 1); Janssen reloads a script only when its revision changes",
    "--inum I           the script's inum",
    "--update           with --inum and --revision: a JSON Patch for PATCH .../config/scripts/{inum} that replaces",
    "                   only the script's code and revision (the custom properties stay), and applies only when",
    "                   the current revision is R-1; with --properties as well: the full body for PUT, which",
    "                   replaces every custom property (refused unless every required one has a value)",
    "The script is read from dist/, and must equal a fresh build of src/ (exit 1 otherwise: run npm run build).",
    "A body with --properties holds your secrets: keep it private.",
  ],
  spec: {
    options: {
      type: { takesValue: true },
      name: { takesValue: true },
      properties: { takesValue: true },
      revision: { takesValue: true },
      inum: { takesValue: true },
      update: { takesValue: false },
    },
    positionals: [],
  },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const type = scriptTypeOption(args.options.get("type"));
    const update = args.options.has("update");
    const propertiesFile = args.options.get("properties");
    if (update && propertiesFile === undefined && args.options.has("name")) {
      throw new UsageError(
        "--name has no effect on --update without --properties: the patch changes only the script and its revision",
      );
    }
    const name = scriptName(args, type);
    const target = updateTarget(args);
    let properties: RawProperties = TEMPLATE_PROPERTIES;
    if (propertiesFile !== undefined) {
      const input = readPropertiesInput(propertiesFile, cwd);
      properties = input.properties;
      if (!checkedProperties(inputName(propertiesFile), input, update, type, output)) {
        return EXIT_PROBLEMS;
      }
    }
    const script = freshScript(type, output);
    if (script === null) {
      return EXIT_PROBLEMS;
    }
    if (update && propertiesFile === undefined) {
      output.out(JSON.stringify(scriptPatch(script, target.revision), null, 2) + "\n");
      output.err(
        `JSON Patch for PATCH ${SCRIPTS_ENDPOINT}/${target.inum} (Content-Type: ${PATCH_CONTENT_TYPE}): ` +
          `replaces only the script and its revision (${target.revision - 1} to ${target.revision}); ` +
          "the custom properties are not touched.\n",
      );
      serverReminder(type, null, output);
      return EXIT_OK;
    }
    const template = propertiesFile === undefined;
    const payload = configApiPayload({
      type: type,
      name: name,
      script: script,
      properties: properties,
      revision: target.revision,
      inum: target.inum,
      version: packageVersion(),
      template: template,
    });
    output.out(JSON.stringify(payload, null, 2) + "\n");
    if (template) {
      // The note already says what to set on the server.
      output.err(`A template: it creates the script disabled. Next: ${templateNote(type, name)}.\n`);
    } else {
      serverReminder(type, name, output);
    }
    return EXIT_OK;
  },
};

/** The script in dist/, or null (after saying why) when it is missing or not what the sources build today. */
function freshScript(type: ScriptTypeInfo, output: Output): string | null {
  const file = builtScriptPath(type.fileName);
  if (!fs.existsSync(file)) {
    output.err(`${file} does not exist: run \`npm run build\` first.\n`);
    return null;
  }
  const script = fs.readFileSync(file, "utf8");
  // A payload of an old build would deploy code that is not what the sources (and their tests) say.
  const stale = staleScriptProblem(script, `dist/${type.fileName}`, type.kind);
  if (stale !== null) {
    output.err(`No payload written: ${stale}.\n`);
    return null;
  }
  return script;
}

/** On stderr, so that stdout holds only the payload: what the payload cannot set, and without which it does nothing. */
function serverReminder(type: ScriptTypeInfo, name: string | null, output: Output): void {
  if (type.serverNote !== null) {
    output.err(`Then ${type.serverNote(name)}.\n`);
  }
}

/**
 * The properties must be ones the script accepts; for a PUT, which replaces every custom property, the missing required
 * ones are named first. Reports on stderr, so that stdout holds only the payload.
 */
function checkedProperties(
  file: string,
  input: PropertiesInput,
  update: boolean,
  type: ScriptTypeInfo,
  output: Output,
): boolean {
  const properties = input.properties;
  const missing = missingRequired(properties);
  const result = checkProperties(properties, input.repeated, type);
  if (result.config === null || result.warnings.length > 0) {
    output.err(configReport(file, properties, result, type));
  }
  if (update && missing.length > 0) {
    output.err(
      "No payload written: a PUT replaces every custom property of the deployed script, and these required ones have " +
        `no value in ${file}: ${missing.join("; ")}.\n` +
        "To deploy a new release without touching the properties, leave out --properties (a patch of the script only).\n",
    );
    return false;
  }
  if (result.config === null) {
    output.err("No payload written: the script would refuse these properties.\n");
    return false;
  }
  return true;
}
