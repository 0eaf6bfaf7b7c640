// Compiles guest entry files into one Jython 2.7 module:
//   node -r ./scripts/register-ts.js scripts/compile.ts --out FILE [--header-file FILE] ENTRY.ts...
// Prints every diagnostic and exits with 1 when there is any (nothing is written then).
import * as fs from "fs";
import * as path from "path";
import { compile, formatDiagnostic } from "../src/compiler";

function main(argv: string[]): number {
  const entries: string[] = [];
  let out: string | undefined;
  let header: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--out") out = argv[++i];
    else if (arg === "--header-file") header = fs.readFileSync(argv[++i] as string, "utf8").trimEnd();
    else entries.push(arg);
  }
  if (out === undefined || entries.length === 0) {
    process.stderr.write("usage: compile.ts --out FILE [--header-file FILE] ENTRY.ts...\n");
    return 2;
  }
  const result = compile(entries, { root: process.cwd(), header });
  for (const diagnostic of result.diagnostics) process.stderr.write(formatDiagnostic(diagnostic) + "\n");
  if (result.diagnostics.length > 0) {
    process.stderr.write(`${result.diagnostics.length} error(s): ${out} was not written.\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, result.python);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
