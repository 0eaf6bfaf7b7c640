// Reads custom properties the way an administrator has them at hand: a JSON object, an exported Config API script (its
// configurationProperties), or a Java .properties file.

import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./args";

export type RawProperties = Record<string, string | null>;

function fromJsonValue(name: string, value: unknown): string | null {
  if (value === null || typeof value === "string") {
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    // Janssen stores every value as text; accept the obvious spelling of numbers and booleans.
    return String(value);
  }
  throw new UsageError(`property ${name}: the value must be text, a number, a boolean or null`);
}

function fromConfigApiScript(list: unknown[]): RawProperties {
  const raw: RawProperties = {};
  for (const entry of list) {
    const item = entry as { value1?: unknown; value2?: unknown };
    if (typeof item !== "object" || item === null || typeof item.value1 !== "string") {
      throw new UsageError("configurationProperties: every entry needs a value1 (the property name)");
    }
    raw[item.value1] = fromJsonValue(item.value1, item.value2 ?? null);
  }
  return raw;
}

export function parseJsonProperties(text: string): RawProperties {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the mistake, which may be a secret: say only that it is not JSON.
    throw new UsageError("not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError("the JSON must be an object of property names to values");
  }
  const configurationProperties = (parsed as { configurationProperties?: unknown }).configurationProperties;
  if (Array.isArray(configurationProperties)) {
    return fromConfigApiScript(configurationProperties);
  }
  const raw: RawProperties = {};
  for (const [name, value] of Object.entries(parsed)) {
    raw[name] = fromJsonValue(name, value);
  }
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
export function parseJavaProperties(text: string): RawProperties {
  const raw: RawProperties = {};
  for (const line of logicalLines(text)) {
    const separator = /^((?:\\.|[^\\=: \t\f])*)[ \t\f]*[=:]?[ \t\f]*/.exec(line);
    const keyPart = separator?.[1] ?? line;
    raw[unescapeProperties(keyPart)] = unescapeProperties(line.slice(separator?.[0].length ?? line.length));
  }
  return raw;
}

/** JSON when the file name ends in .json or the text starts with "{"; otherwise .properties. `file` is relative to `cwd`. */
export function readPropertiesFile(file: string, cwd: string): RawProperties {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const looksLikeJson = file.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{");
  try {
    return looksLikeJson ? parseJsonProperties(text) : parseJavaProperties(text);
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`${file}: ${error.message}`);
    }
    throw error;
  }
}
