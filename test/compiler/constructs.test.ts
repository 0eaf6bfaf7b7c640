// Golden files per construct: each test/compiler/constructs/<name>.ts sits next to the <name>.py the compiler makes of it,
// comments included, so a reviewer sees a construct's TypeScript and Python side by side. Every .py also runs in real
// Jython and must give the result its TypeScript gives in Node. Support modules live in constructs/modules/.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as ts from "typescript";
import { compileProgram, formatDiagnostic } from "../../src/compiler";
import { createGuestProgram } from "../../src/compiler/program";
import { runJythonFile } from "../../src/world/file-runner";
import { expectGolden } from "./golden-files";
import { normalize, RUNNER } from "./harness";

const ROOT = path.resolve(__dirname, "..", "..");
const DIRECTORY = path.join(__dirname, "constructs");
const REGENERATE = "UPDATE_GOLDEN=1 npx jest test/compiler/constructs.test.ts";

// Java classes cannot run in Node: the result Jython must give instead.
const JAVA_RESULTS: Record<string, unknown> = { "java-imports": ["abcd", 4] };

const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join("/");

function guestFiles(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) Object.assign(files, guestFiles(full));
    else if (entry.name.endsWith(".ts")) files[relative(full)] = fs.readFileSync(full, "utf8");
  }
  return files;
}

/** Runs a construct's TypeScript in Node, its relative imports included. */
function runInNode(
  file: string,
  loaded = new Map<string, Record<string, unknown>>(),
): Record<string, unknown> {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  const exports: Record<string, unknown> = {};
  loaded.set(file, exports);
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.CommonJS },
  });
  const require = (specifier: string): unknown =>
    runInNode(path.resolve(path.dirname(file), `${specifier}.ts`), loaded);
  vm.runInNewContext(outputText, { exports, require, module: { exports } });
  return exports;
}

const names = fs
  .readdirSync(DIRECTORY)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -".ts".length))
  .sort();

describe("constructs", () => {
  const program = createGuestProgram([], { root: ROOT, files: guestFiles(DIRECTORY) });
  const compiled = new Map(
    names.map((name) => [
      name,
      compileProgram(program, [`test/compiler/constructs/${name}.ts`], { root: ROOT }),
    ]),
  );
  const jython = new Map<string, unknown>();

  beforeAll(() => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-constructs-"));
    try {
      const cases = names.map((name, index) => {
        const file = path.join(directory, `case_${index}.py`);
        fs.writeFileSync(file, compiled.get(name)?.python ?? "");
        return file;
      });
      const runner = path.join(directory, "runner.py");
      fs.writeFileSync(runner, RUNNER);
      const run = runJythonFile(runner, { input: cases.join("\n") + "\n" });
      for (const line of run.stdout.split("\n")) {
        const [, index, json] = /^CASE case_(\d+)\.py (.*)$/.exec(line) ?? [];
        const name = names[Number(index)];
        if (name !== undefined) jython.set(name, normalize(JSON.parse(json ?? "null")));
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);

  test("every golden .py has its .ts", () => {
    const goldens = fs.readdirSync(DIRECTORY).filter((f) => f.endsWith(".py"));
    expect(goldens.map((f) => f.slice(0, -".py".length)).sort()).toEqual(names);
  });

  describe.each(names)("%s", (name) => {
    const result = compiled.get(name);

    test("compiles without diagnostics", () => {
      expect(result?.diagnostics.map(formatDiagnostic)).toEqual([]);
    });

    test(`matches constructs/${name}.py`, () => {
      expectGolden(result?.python ?? "", path.join(DIRECTORY, `${name}.py`), REGENERATE);
    });

    test("runs in Jython with the result the TypeScript gives", () => {
      const expected =
        name in JAVA_RESULTS
          ? normalize(JAVA_RESULTS[name])
          : normalize((runInNode(path.join(DIRECTORY, `${name}.ts`)).main as () => unknown)());
      expect(jython.get(name)).toEqual(expected);
    });
  });
});
