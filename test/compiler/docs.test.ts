// The README and docs/guest-subset.md tell developers which constructs are rejected; they must name exactly the codes the
// compiler emits.

import * as fs from "fs";
import * as path from "path";
import { Code } from "../../src/compiler/diagnostics";

const ROOT = path.resolve(__dirname, "..", "..");

function codesIn(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...new Set(text.match(/GR1\d{3}/g) ?? [])].sort();
}

const compilerCodes = [...new Set(Object.values(Code))].sort();

test.each(["README.md", "docs/guest-subset.md"])(
  "%s lists every diagnostic code of the compiler, and no other",
  (file) => {
    expect(codesIn(file)).toEqual(compilerCodes);
  },
);
