// The whole flow compiled to Python, checked in as a golden file: a compiler change shows up as a reviewable diff of
// the output. Regenerate with `UPDATE_GOLDEN=1 npx jest test/compiler/golden.test.ts` (a mismatch says so). The golden is
// also loaded by Jython, so a golden that does not even import cannot be checked in. Per-construct goldens, TypeScript
// next to Python, are in constructs.test.ts.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compile, formatDiagnostic } from "../../src/compiler";
import { runJythonFile } from "../../src/world/file-runner";
import { expectGolden } from "./golden-files";

const ROOT = path.resolve(__dirname, "..", "..");
const GOLDEN = path.join(__dirname, "golden", "flow.py");
const ENTRY = "src/flow/index.ts";

describe("golden: src/flow", () => {
  const result = compile([ENTRY], { root: ROOT });

  test("compiles without diagnostics", () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test("matches the checked-in golden file", () => {
    expectGolden(result.python, GOLDEN, "UPDATE_GOLDEN=1 npx jest test/compiler/golden.test.ts");
  });

  test("is deterministic", () => {
    expect(compile([ENTRY], { root: ROOT }).python).toBe(result.python);
  });

  test("is imported by Jython", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-golden-"));
    const script = path.join(directory, "load_golden.py");
    fs.writeFileSync(
      script,
      [
        "import imp",
        "import sys",
        `flow = imp.load_source("flow", ${JSON.stringify(GOLDEN)})`,
        'print "LOADED %d names" % len([name for name in dir(flow) if not name.startswith("__")])',
      ].join("\n") + "\n",
    );
    const run = runJythonFile(script);
    fs.rmSync(directory, { recursive: true, force: true });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^LOADED \d+ names/);
  }, 60_000);
});
