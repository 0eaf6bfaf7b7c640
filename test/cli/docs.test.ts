// The property tables of the documentation are generated (npm run docs); this fails when one is out of date.

import * as fs from "fs";
import * as path from "path";
import {
  GENERATED_DOCUMENTS,
  propertyTableRows,
  TABLE_START,
  withCurrentTable,
} from "../../src/cli/property-table";
import { CONFIG_PROPERTIES } from "../../src/flow/config";

const root = path.resolve(__dirname, "..", "..");

test.each(GENERATED_DOCUMENTS)(
  "%s holds the current property table (run npm run docs if not)",
  (document) => {
    const text = fs.readFileSync(path.join(root, document), "utf8");
    expect(text).toContain(TABLE_START);
    expect(withCurrentTable(text, document)).toBe(text);
  },
);

test("one row per property, and no cell that would break the Markdown table", () => {
  const rows = propertyTableRows();
  expect(rows.map((row) => row[0])).toEqual(CONFIG_PROPERTIES.map((item) => "`" + item.name + "`"));
  expect(rows.flat().some((cell) => cell.includes("|") || cell.includes("\n"))).toBe(false);
});

test("a document without the markers is an error, not silently left alone", () => {
  expect(() => withCurrentTable("# no table here\n", "x.md")).toThrow("x.md: the markers");
});

/** Cells of a Markdown table row: GitHub splits on every `|` not escaped as `\|`, even inside a code span. */
function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/).length;
}

const MARKDOWN_FILES = [
  "README.md",
  ...fs
    .readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

test.each(MARKDOWN_FILES)(
  "%s: every table row has its header's cells (a | in code is written \\|)",
  (file) => {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    const broken: string[] = [];
    let header: number | null = null;
    let fenced = false;
    lines.forEach((line, index) => {
      if (line.startsWith("```")) fenced = !fenced;
      if (fenced || !line.startsWith("|")) {
        header = null;
        return;
      }
      if (header === null) {
        header = cellCount(line);
      } else if (cellCount(line) !== header) {
        broken.push(`${file}:${index + 1}: ${cellCount(line)} cells, the header has ${header}`);
      }
    });
    expect(broken).toEqual([]);
  },
);
