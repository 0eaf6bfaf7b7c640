// Reads custom properties the way an administrator has them at hand: a JSON object, an exported Config API script (its
// configurationProperties), or a Java .properties file.

import * as fs from "fs";
import * as path from "path";
import { jsonSyntaxError, lineAndColumn, topLevelMembers } from "./json-syntax";

export type RawProperties = Record<string, string | null>;

/**
 * A name given more than once (a Config API export can hold the same property twice). The last value is the one checked,
 * as JSON.parse and Java's Properties keep it; Janssen keeps one entry per name, and which one is not guaranteed.
 */
export interface RepeatedProperty {
  name: string;
  count: number;
  /** Whether every occurrence has the same value (the values themselves are never reported). */
  sameValue: boolean;
}

/** What a file holds: the properties, and the names it gives more than once. */
export interface PropertiesInput {
  properties: RawProperties;
  repeated: RepeatedProperty[];
}

/** The name `-` stands for: the properties are read from standard input. */
export const STANDARD_INPUT = "-";

/** Every value given for each name, in order, to find the names given more than once. */
class Occurrences {
  private readonly values = new Map<string, (string | null)[]>();

  add(name: string, value: string | null): void {
    const list = this.values.get(name) ?? [];
    list.push(value === null ? null : value.trim());
    this.values.set(name, list);
  }

  repeated(): RepeatedProperty[] {
    const found: RepeatedProperty[] = [];
    for (const [name, list] of this.values) {
      if (list.length > 1) {
        found.push({ name, count: list.length, sameValue: list.every((value) => value === list[0]) });
      }
    }
    return found;
  }
}

/**
 * A file that cannot be read as properties: the command found a problem (exit 1), not a command-line mistake. The message
 * says what is wrong and where (line and column), never the file's text, which may hold a secret.
 */
export class InputFileError extends Error {}

function fromJsonValue(name: string, value: unknown): string | null {
  if (value === null || typeof value === "string") {
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    // Janssen stores every value as text; accept the obvious spelling of numbers and booleans.
    return String(value);
  }
  throw new InputFileError(`property ${name}: the value must be text, a number, a boolean or null`);
}

function fromConfigApiScript(list: unknown[], seen: Occurrences): RawProperties {
  const raw: RawProperties = {};
  for (const entry of list) {
    const item = entry as { value1?: unknown; value2?: unknown };
    if (typeof item !== "object" || item === null || typeof item.value1 !== "string") {
      throw new InputFileError("configurationProperties: every entry needs a value1 (the property name)");
    }
    raw[item.value1] = fromJsonValue(item.value1, item.value2 ?? null);
    seen.add(item.value1, raw[item.value1] ?? null);
  }
  return raw;
}

/** JSON.parse keeps the last of repeated names in an object; the scanner sees them all. */
function noteObjectMembers(text: string, seen: Occurrences): void {
  for (const member of topLevelMembers(text)) {
    let value: string | null;
    try {
      value = fromJsonValue(member.name, JSON.parse(member.valueText));
    } catch {
      value = member.valueText;
    }
    seen.add(member.name, value);
  }
}

/** A paged answer of GET /jans-config-api/api/v1/config/scripts: several scripts, each with its own properties. */
function pagedExportProblem(entries: unknown[], file: string): string {
  const listed = entries.slice(0, 10).map((entry, index) => {
    const item = entry as { name?: unknown; scriptType?: unknown };
    const name = typeof item?.name === "string" ? JSON.stringify(item.name.slice(0, 60)) : "(no name)";
    const type =
      typeof item?.scriptType === "string"
        ? ` ${item.scriptType.replace(/[^A-Za-z0-9_]/g, "").slice(0, 40)}`
        : "";
    return `[${index}] ${name}${type}`;
  });
  const more = entries.length > listed.length ? `, ... (${entries.length} in all)` : "";
  const ropc = entries.findIndex(
    (entry) =>
      String((entry as { scriptType?: unknown })?.scriptType).toLowerCase() ===
      "resource_owner_password_credentials",
  );
  return (
    `a paged list of ${entries.length} exported scripts, not one script: export only this script ` +
    "(GET /jans-config-api/api/v1/config/scripts/inum/{inum}), or take its entry, e.g. " +
    `jq '.entries[${Math.max(ropc, 0)}]' ${file} > script.json; entries: ${listed.join(", ") || "none"}${more}`
  );
}

/**
 * Why `text`, which JSON.parse refused, is not JSON, and where. JSON.parse's own message quotes the text around the mistake,
 * which may be a secret: this says only what and where (line and column).
 */
export function notValidJson(text: string): string {
  const found = jsonSyntaxError(text);
  if (found === null) {
    return "not valid JSON";
  }
  const at = lineAndColumn(text, found.offset);
  return `not valid JSON: ${found.problem} at line ${at.line}, column ${at.column}`;
}

/**
 * `file` names the file in advice (the caller adds it in front of the message); `seen` collects every name given, to find
 * repeated ones.
 */
export function parseJsonProperties(
  text: string,
  file: string = "FILE",
  seen: Occurrences = new Occurrences(),
): RawProperties {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputFileError(notValidJson(text));
  }
  if (Array.isArray(parsed)) {
    const entries = parsed as { value1?: unknown }[];
    const propertyList = entries.length > 0 && entries.every((entry) => typeof entry?.value1 === "string");
    throw new InputFileError(
      propertyList
        ? 'the JSON is a list of value1/value2 entries: wrap it as {"configurationProperties": [...]}'
        : "the JSON is an array: it must be an object of property names to values, or one exported script",
    );
  }
  if (typeof parsed !== "object" || parsed === null) {
    throw new InputFileError(
      "the JSON must be an object of property names to values, or one exported script",
    );
  }
  const configurationProperties = (parsed as { configurationProperties?: unknown }).configurationProperties;
  if (Array.isArray(configurationProperties)) {
    return fromConfigApiScript(configurationProperties, seen);
  }
  const entries = (parsed as { entries?: unknown }).entries;
  if (Array.isArray(entries)) {
    throw new InputFileError(pagedExportProblem(entries, file));
  }
  const raw: RawProperties = {};
  for (const [name, value] of Object.entries(parsed)) {
    raw[name] = fromJsonValue(name, value);
  }
  noteObjectMembers(text, seen);
  return raw;
}

const ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };

function unescapeProperties(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escaped: string) =>
    escaped.length === 5
      ? String.fromCharCode(parseInt(escaped.slice(1), 16))
      : (ESCAPES[escaped] ?? escaped),
  );
}

/** Joins continuation lines (an odd number of trailing backslashes) and drops comments and blank lines. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = "";
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const line = physical.replace(/^[ \t\f]+/, "");
    if (pending === "" && (line === "" || line.startsWith("#") || line.startsWith("!"))) {
      continue;
    }
    const trailingBackslashes = /\\*$/.exec(line)?.[0].length ?? 0;
    if (trailingBackslashes % 2 === 1) {
      pending += line.slice(0, -1);
      continue;
    }
    lines.push(pending + line);
    pending = "";
  }
  if (pending !== "") {
    lines.push(pending);
  }
  return lines;
}

/** Java's .properties syntax: `key=value`, `key: value` or `key value`, with backslash escapes. */
export function parseJavaProperties(text: string, seen: Occurrences = new Occurrences()): RawProperties {
  const raw: RawProperties = {};
  for (const line of logicalLines(text)) {
    const separator = /^((?:\\.|[^\\=: \t\f])*)[ \t\f]*[=:]?[ \t\f]*/.exec(line);
    const keyPart = separator?.[1] ?? line;
    const name = unescapeProperties(keyPart);
    raw[name] = unescapeProperties(line.slice(separator?.[0].length ?? line.length));
    seen.add(name, raw[name] ?? null);
  }
  return raw;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** The text of `file` (relative to `cwd`; `-` is standard input), BOM removed; InputFileError when it cannot be read. */
export function readInputText(file: string, cwd: string): string {
  let bytes: Buffer;
  try {
    // File descriptor 0 is standard input, whether a pipe, a file or a terminal (read until Ctrl-D).
    bytes = file === STANDARD_INPUT ? fs.readFileSync(0) : fs.readFileSync(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputFileError(`cannot read ${inputName(file)}: ${READ_PROBLEMS[code] ?? code}`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputFileError(`${inputName(file)}: the input is UTF-16; save it as UTF-8`);
  }
  const text = bytes.toString("utf8");
  // Editors on Windows start UTF-8 files with a byte order mark, which JSON.parse refuses.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** How messages name the input: the file as given, or "standard input" for `-`. */
export function inputName(file: string): string {
  return file === STANDARD_INPUT ? "standard input" : file;
}

/**
 * JSON when the file name ends in .json or the text starts with "{" or "["; otherwise .properties. `file` is relative to
 * `cwd`; `-` reads standard input. Throws InputFileError when the file cannot be read or holds no properties.
 */
export function readPropertiesInput(file: string, cwd: string): PropertiesInput {
  const text = readInputText(file, cwd);
  const name = inputName(file);
  if (text.trim() === "") {
    throw new InputFileError(`${name}: ${file === STANDARD_INPUT ? "no input" : "the file is empty"}`);
  }
  const start = text.trimStart();
  const looksLikeJson =
    file.toLowerCase().endsWith(".json") || start.startsWith("{") || start.startsWith("[");
  const seen = new Occurrences();
  try {
    const properties = looksLikeJson
      ? parseJsonProperties(text, name, seen)
      : parseJavaProperties(text, seen);
    return { properties, repeated: seen.repeated() };
  } catch (error) {
    if (error instanceof InputFileError) {
      throw new InputFileError(`${name}: ${error.message}`);
    }
    throw error;
  }
}

/** readPropertiesInput's properties alone. */
export function readPropertiesFile(file: string, cwd: string): RawProperties {
  return readPropertiesInput(file, cwd).properties;
}
