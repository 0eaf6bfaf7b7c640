// npm run build: compiles src/host + src/flow into dist/GamatechRopc.py and dist/GamatechAuthzChallenge.py.
import * as path from "path";
import { buildScripts } from "../src/cli/build-script";

for (const result of buildScripts()) {
  for (const diagnostic of result.diagnostics) {
    process.stderr.write(`${diagnostic}\n`);
  }
  if (result.ok) {
    process.stdout.write(`wrote ${path.relative(process.cwd(), result.outFile)}\n`);
  } else {
    process.stderr.write(`${result.diagnostics.length} error(s): ${result.outFile} was not written.\n`);
    process.exitCode = 1;
  }
}
