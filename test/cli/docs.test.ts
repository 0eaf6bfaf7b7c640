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
