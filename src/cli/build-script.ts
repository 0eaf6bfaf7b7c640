import * as fs from "fs";
import * as path from "path";
import { compile, formatDiagnostic } from "../compiler";
import { CONFIG_PROPERTIES } from "../flow/config";

/** The guest entry module; the compiler bundles every guest module it imports (the host and the whole flow). */
export const SCRIPT_ENTRY = "src/host/index.ts";
export const SCRIPT_FILE_NAME = "GamatechRopc.py";
const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

export interface BuildResult {
  ok: boolean;
  outFile: string;
  python: string;
  diagnostics: string[];
}

/**
 * The header an administrator reads when all they have is the .py: what the script is, where it goes, and every custom
 * property with its default and meaning, generated from the same table the parser uses.
 */
export function scriptHeader(): string {
  const lines = [
    "gamatech-ropc: an SMS one-time code (Twilio) as a second factor on the OAuth password grant.",
    "Janssen / Gluu Flex custom script, type RESOURCE_OWNER_PASSWORD_CREDENTIALS, programming language Python.",
    "Needs twilio-java 7.17.0 up to the newest 12.x in /opt/jans/jetty/jans-auth/custom/libs (Janssen's installers",
    "put 7.17.0 there); the Verify sender (twilio_verify_service_sid) needs twilio-java 7.37.0 or later. Runs on Janssen",
    "Server and Gluu Flex on Java 11 and 17 (Jython 2.7.3). Assign the script to the client's Password Grant scripts.",
    "Protocol: docs/protocol.md; SDK timeouts, retries and capacity: docs/twilio.md of the gamatech-ropc repository.",
    "",
    "Custom properties (name: requirement; default; accepted values; meaning):",
  ];
  for (const property of CONFIG_PROPERTIES) {
    const fallback = property.defaultValue === "" ? "no default" : `default ${property.defaultValue}`;
    lines.push(`  ${property.name}: ${property.requirement}; ${fallback}; ${property.accepted}.`);
    lines.push(`      ${property.meaning}${property.secret ? " (secret)" : ""}.`);
  }
  return lines.join("\n");
}

/** The script as the sources build it now, in memory (config-api-payload compares it with dist/). */
export function compileScript(): { python: string; diagnostics: string[] } {
  const result = compile([SCRIPT_ENTRY], { root: PROJECT_ROOT, header: scriptHeader() });
  return { python: result.python, diagnostics: result.diagnostics.map(formatDiagnostic) };
}

/** Compiles the host and the flow into one Jython module; writes it only when there is no diagnostic. */
export function buildScript(options: { outFile?: string } = {}): BuildResult {
  const outFile = path.resolve(options.outFile ?? path.join(PROJECT_ROOT, "dist", SCRIPT_FILE_NAME));
  const result = compileScript();
  const diagnostics = result.diagnostics;
  if (diagnostics.length > 0) {
    return { ok: false, outFile: outFile, python: result.python, diagnostics: diagnostics };
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, result.python);
  return { ok: true, outFile: outFile, python: result.python, diagnostics: [] };
}
