// Finds the defaults that documentation prose states, so a test can hold them to src/flow/config-table.ts.
//
// A stated default names its property and its value in one of these forms (values in seconds may be given in minutes):
//   `session_ttl_seconds` (600 s by default)      `max_sends_per_session` codes (3 by default)
//   (`otp_ttl_seconds`, 5 minutes)                (the configured `otp_length`, 6 by default)
//   `session_ttl_seconds` (10 minutes)            ... (`trusted_proxy_count`)**: with 0 (the default)
// Prose that states a default without naming the property must be listed as a passage (see docs-defaults.test.ts);
// any other number next to "default" is reported as unchecked, so no new statement escapes the test.

import { CONFIG_PROPERTIES } from "../../src/flow/config-table";

export interface StatedDefault {
  file: string;
  property: string;
  /** The value as written, converted to the property's unit (minutes to seconds for *_seconds). */
  value: string;
  text: string;
}

export interface ScanResult {
  stated: StatedDefault[];
  /** Sentences with a number next to "default" that no recognised form or listed passage covers. */
  unchecked: string[];
}

const NAMES = CONFIG_PROPERTIES.map((item) => item.name).join("|");
const VALUE = "(\\d+|`[^`]+`|true|false)";
const UNIT = "(?:\\s+(s|seconds?|minutes?|min)\\b)?";
const ADJACENT = new RegExp(
  "`(" +
    NAMES +
    ")`(?:\\s+[a-z]+){0,3}\\s+\\(\\s*" +
    VALUE +
    UNIT +
    "(?:[a-z\\s]*?)(?:\\s+by default|,\\s*the default)?\\s*\\)",
  "g",
);
const INSIDE = new RegExp(
  "\\((?:the configured\\s+)?`(" + NAMES + ")`,\\s*" + VALUE + UNIT + "(?:\\s+by default)?\\s*\\)",
  "g",
);
const THE_DEFAULT = new RegExp("\\b" + VALUE + UNIT + "\\s+\\(the default\\)", "g");
const NEAREST_NAME = new RegExp("`(" + NAMES + ")`", "g");
/** A number of its own (not part of GR1035 or 12.x) within a few words of "default". */
const NUMBER_NEAR_DEFAULT =
  /(?<![\w.])\d+(?![\w.'])[^.]{0,40}\bdefaults?\b|\bdefaults?\b[^.]{0,40}(?<![\w.])\d+(?![\w.])/i;
const PROPERTY_NAMES = new Set(CONFIG_PROPERTIES.map((item) => item.name));

/** Paragraphs of prose, each on one line: fenced code and the generated property table are left out. */
export function proseParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let skipping = false;
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(" ").replace(/\s+/g, " ").trim());
    current = [];
  };
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```") || line.startsWith("<!-- properties:")) {
      flush();
      skipping = line.startsWith("```") ? !skipping : line.includes("start");
      continue;
    }
    if (skipping) continue;
    if (line.trim() === "" || line.startsWith("|") || /^\s*[-*] /.test(line) || line.startsWith("#")) flush();
    if (line.trim() !== "") current.push(line.startsWith("|") ? line + " ." : line);
  }
  flush();
  return paragraphs;
}

function inUnitOf(property: string, value: string, unit: string | undefined): string {
  const bare = value.replace(/^`|`$/g, "");
  if (unit !== undefined && unit.startsWith("min") && property.endsWith("_seconds")) {
    return String(Number(bare) * 60);
  }
  return bare;
}

/** Sentences of a paragraph (a full stop followed by a space ends one; "12.x" or "e.g." in a word does not matter here). */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=\.)\s+(?=[A-Z(*`])/);
}

export function scanDocument(file: string, markdown: string, passages: readonly string[]): ScanResult {
  const stated: StatedDefault[] = [];
  const unchecked: string[] = [];
  for (const paragraph of proseParagraphs(markdown)) {
    let rest = paragraph;
    for (const passage of passages) rest = rest.split(passage).join(" ");
    for (const sentence of sentences(rest)) {
      let left = sentence;
      for (const pattern of [ADJACENT, INSIDE]) {
        for (const match of sentence.matchAll(pattern)) {
          const [text, property, value, unit] = match;
          // "(`twilio_from_number`, `twilio_messaging_service_sid`)" lists properties; it states no value.
          if (PROPERTY_NAMES.has(value!.replace(/`/g, ""))) continue;
          stated.push({ file, property: property!, value: inUnitOf(property!, value!, unit), text: text });
          left = left.split(text).join(" ");
        }
      }
      for (const match of left.matchAll(THE_DEFAULT)) {
        const before = [...left.slice(0, match.index).matchAll(NEAREST_NAME)].at(-1);
        if (before === undefined) continue;
        const property = before[1]!;
        stated.push({ file, property, value: inUnitOf(property, match[1]!, match[2]), text: match[0] });
        left = left.split(match[0]).join(" ");
      }
      if (NUMBER_NEAR_DEFAULT.test(left)) unchecked.push(`${file}: ${sentence}`);
    }
  }
  return { stated, unchecked };
}

/** Header examples of a start or resend (`step=2;expires_in=...`) show the defaults of three properties. */
export function headerExamples(file: string, markdown: string): StatedDefault[] {
  const found: StatedDefault[] = [];
  const pattern = /step=2;expires_in=(\d+);resend_after=(\d+)(?:;code_length=(\d+))?/g;
  for (const match of markdown.matchAll(pattern)) {
    const text = match[0];
    found.push({ file, property: "otp_ttl_seconds", value: match[1]!, text });
    found.push({ file, property: "resend_cooldown_seconds", value: match[2]!, text });
    if (match[3] !== undefined) found.push({ file, property: "otp_length", value: match[3], text });
  }
  return found;
}
