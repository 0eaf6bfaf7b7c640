// The documentation shows the configuration table and the error codes exactly as implemented.

import { readFileSync } from "fs";
import { join } from "path";
import { CONFIG_PROPERTIES } from "../../src/flow/config";
import { errorName } from "../../src/flow/error-codes";

/** The rows docs/configuration.md must hold, one per property, as cells (Prettier may pad the Markdown table). */
function expectedRows(): string[][] {
  return CONFIG_PROPERTIES.map((item) => [
    "`" + item.name + "`",
    item.requirement,
    item.defaultValue === "" ? "" : "`" + item.defaultValue + "`",
    item.accepted,
    item.meaning + (item.secret ? " **Secret.**" : ""),
  ]);
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

const docs = join(__dirname, "..", "..", "docs");

test("docs/configuration.md holds the table of src/flow/config-table.ts", () => {
  const rows = tableRows(readFileSync(join(docs, "configuration.md"), "utf8"));
  expect(rows).toEqual(expectedRows());
  expect(CONFIG_PROPERTIES.every((item) => !item.accepted.includes("|") && !item.meaning.includes("|"))).toBe(
    true,
  );
});

test("docs/protocol.md lists every error code with its name", () => {
  const rows = readFileSync(join(docs, "protocol.md"), "utf8")
    .split("\n")
    .filter((line) => /^\| 100\d\d /.test(line))
    .map((line) =>
      line
        .split("|")
        .map((cell) => cell.trim())
        .slice(1, 3),
    );
  const expected: string[][] = [];
  for (let code = 10001; code <= 10012; code++) {
    expected.push([String(code), "`" + errorName(code) + "`"]);
  }
  expect(rows).toEqual(expected);
});
