// docs/protocol.md shows the error codes exactly as implemented. (The property tables are generated and checked by
// test/cli/docs.test.ts.)

import { readFileSync } from "fs";
import { join } from "path";
import { errorName } from "../../src/flow/error-codes";

const docs = join(__dirname, "..", "..", "docs");

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
