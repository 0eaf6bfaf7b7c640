// The Markdown table of custom properties in README.md and docs/configuration.md, generated from the parser's own table
// (npm run docs) and compared with it by test/cli/docs.test.ts.

import { CONFIG_PROPERTIES } from "../flow/config";

const HEADINGS = ["property", "required", "default", "accepted values", "meaning"];
export const TABLE_START = "<!-- properties:start -->";
export const TABLE_END = "<!-- properties:end -->";
/** Files that hold the table, relative to the project root. */
export const GENERATED_DOCUMENTS = ["README.md", "docs/configuration.md"];

function code(text: string): string {
  return text === "" ? "" : "`" + text + "`";
}

export function propertyTableRows(): string[][] {
  return CONFIG_PROPERTIES.map((item) => [
    code(item.name),
    item.requirement,
    code(item.defaultValue),
    item.accepted,
    item.meaning + (item.secret ? " **Secret.**" : ""),
  ]);
}

/** Padded the way Prettier pads tables, so `prettier --check` accepts the generated text as it is. */
export function propertyTableMarkdown(): string {
  const rows = [HEADINGS, ...propertyTableRows()];
  const widths = HEADINGS.map((_, column) =>
    Math.max(3, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    "| " + cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(" | ") + " |";
  const [headings, ...body] = rows.map(line);
  const rule = "| " + widths.map((width) => "-".repeat(width)).join(" | ") + " |";
  return [headings, rule, ...body].join("\n") + "\n";
}

/** `document` with the text between the table markers replaced by the current table. */
export function withCurrentTable(document: string, fileName: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start === -1 || end < start) {
    throw new Error(`${fileName}: the markers ${TABLE_START} and ${TABLE_END} are missing`);
  }
  const before = document.slice(0, start + TABLE_START.length);
  return before + "\n\n" + propertyTableMarkdown() + "\n" + document.slice(end);
}
