// The author's comments in the Python: each comment once, where it belongs, and docstrings that read back exactly.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compile, formatDiagnostic } from "../../src/compiler";
import { runJythonFile } from "../../src/world/file-runner";

const ROOT = path.resolve(__dirname, "..", "..");

/** The module's Python from its banner on; `whole` also keeps the coding line, helpers and imports. */
function compiled(source: string, whole = false): string {
  const result = compile(["comments/m.ts"], { root: ROOT, files: { "comments/m.ts": source } });
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return whole ? result.python : result.python.slice(result.python.indexOf("# comments/m.ts"));
}

describe("comments", () => {
  test("a comment ending a statement that ends its parent too is printed once", () => {
    const python = compiled(
      "export function f(x: number): number {\n  if (x > 0) return 1; // positive\n  return 0;\n}\n",
    );
    expect(python.match(/positive/g)).toHaveLength(1);
    expect(python).toContain("        return 1  # positive\n");
  });

  test("comments in an if and an else block, and before a closing brace, stay at their indentation", () => {
    const python = compiled(
      [
        "export function f(x: number): string {",
        "  if (x > 0) { // above zero",
        "    return 'p';",
        "  } else {",
        "    // not above",
        "    return 'n';",
        "    // unreachable note",
        "  }",
        "}",
      ].join("\n"),
    );
    expect(python).toContain(
      [
        "    if x > 0:",
        "        # above zero",
        '        return "p"',
        "    else:",
        "        # not above",
        '        return "n"',
        "        # unreachable note",
      ].join("\n"),
    );
  });

  test("a file's header stays under its banner, and the first statement keeps the comment written against it", () => {
    const python = compiled("// The header.\n\n// About X.\nexport const X = 1;\n");
    expect(python).toMatch(/^# comments\/m\.ts\n# The header\.\n\n# About X\.\nX = 1  # comments\/m\.ts:4\n/);
  });

  test("JSDoc directive tags are dropped, and JSDoc on a constant becomes # lines", () => {
    const python = compiled(
      "/**\n * The limit.\n * @optional not for readers\n */\nexport const LIMIT = 3;\n",
    );
    expect(python).toContain("# The limit.\nLIMIT = 3");
    expect(python).not.toContain("@optional");
    expect(python).not.toContain("not for readers");
  });

  test("a docstring reads back in Jython exactly as the author wrote it", () => {
    const text = 'Quotes "a", """three""", a backslash \\ and \\n, é, and a quote at the end"';
    const python = compiled(`/** ${text} */\nexport function f(): number {\n  return 1;\n}\n`, true);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-docstring-"));
    try {
      const module = path.join(directory, "m.py");
      fs.writeFileSync(module, python);
      const script = path.join(directory, "check.py");
      fs.writeFileSync(
        script,
        `# -*- coding: utf-8 -*-\nimport imp\nimport json\nm = imp.load_source("m", ${JSON.stringify(module)})\nprint(json.dumps(m.f.__doc__))\n`,
      );
      const run = runJythonFile(script);
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout.trim())).toBe(text);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
