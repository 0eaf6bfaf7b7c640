// docs/protocol.md and the README show the error codes exactly as implemented. (The property tables are generated and checked by
// test/cli/docs.test.ts.)

import { readFileSync } from "fs";
import { join } from "path";
import { errorName } from "../../src/flow/error-codes";

const root = join(__dirname, "..", "..");

test.each(["docs/protocol.md", "README.md"])("%s lists every error code with its name", (file) => {
  const rows = readFileSync(join(root, file), "utf8")
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
