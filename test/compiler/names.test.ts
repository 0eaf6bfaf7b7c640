// No guest name shadows a Python builtin or keyword: the reserved list is checked against a real Jython's own lists.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pythonName } from "../../src/compiler/names";
import { runJythonFile } from "../../src/world/file-runner";

describe("Python names", () => {
  let jythonNames: string[] = [];

  beforeAll(() => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-names-"));
    try {
      const script = path.join(directory, "names.py");
      fs.writeFileSync(
        script,
        "import keyword\nfor name in dir(__builtins__) + keyword.kwlist:\n    print(name)\n",
      );
      const run = runJythonFile(script);
      expect(run.stderr).toBe("");
      jythonNames = run.stdout.split("\n").filter((line) => line !== "");
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  test("Jython lists its builtins and keywords", () => {
    expect(jythonNames).toEqual(expect.arrayContaining(["len", "property", "bytes", "print", "lambda"]));
  });

  test("every builtin and keyword of Jython 2.7 is renamed with PEP 8's trailing underscore", () => {
    const kept = jythonNames.filter((name) => pythonName(name) !== `${name}_`);
    expect(kept).toEqual([]);
  });

  test("other names are kept as written", () => {
    expect(["phone", "renderSms", "HEX_DIGITS", "step_code"].map(pythonName)).toEqual([
      "phone",
      "renderSms",
      "HEX_DIGITS",
      "step_code",
    ]);
  });
});
