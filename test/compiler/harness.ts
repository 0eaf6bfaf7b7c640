// Differential test builder: each snippet is compiled to Python and run in real Jython 2.7, and the same snippet runs as
// JavaScript in Node's vm; the JSON-normalised results must be equal. All snippets of a test file share one TypeScript
// program and one Jython process (the JVM takes over a second to start).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as ts from "typescript";
import { compileProgram, formatDiagnostic, type CompilerDiagnostic } from "../../src/compiler";
import { createGuestProgram } from "../../src/compiler/program";
import { runJythonFile } from "../../src/world/file-runner";

const ROOT = path.resolve(__dirname, "..", "..");
const CASE_DIRECTORY = "test-cases";

interface Case {
  id: number;
  title: string;
  source: string;
  expectation: { kind: "match" } | { kind: "diagnostic"; code: string } | { kind: "jython"; value: unknown };
}

interface Outcome {
  python?: string;
  diagnostics: CompilerDiagnostic[];
  jython?: unknown;
  javascript?: unknown;
}

export class CaseBuilder {
  constructor(
    private readonly suite: Suite,
    private readonly title: string,
    private readonly source: string,
  ) {}

  /** The compiled snippet must run in Jython with the result JavaScript gives. */
  expectToMatchJsResult(): void {
    this.suite.add(this.title, this.source, { kind: "match" });
  }

  /** For Java interplay, which JavaScript cannot run: the Jython result alone must equal `value`. */
  expectJythonResult(value: unknown): void {
    this.suite.add(this.title, this.source, { kind: "jython", value });
  }

  /** Compiling must report `code` (e.g. "GR1004"). */
  expectDiagnostic(code: string): void {
    this.suite.add(this.title, this.source, { kind: "diagnostic", code });
  }
}

export class Suite {
  private readonly cases: Case[] = [];
  private readonly outcomes = new Map<number, Outcome>();
  private readonly declarations: Record<string, string> = {};

  constructor() {
    beforeAll(() => this.runAll(), 180_000);
  }

  /** `return <expression>;` in a function; `setup` holds module-level declarations the expression uses. */
  testExpression(expression: string, setup = ""): CaseBuilder {
    return new CaseBuilder(
      this,
      expression,
      `${setup}\nexport function main(): unknown {\n  return ${expression};\n}\n`,
    );
  }

  /** A function body that returns the value to compare. */
  testFunction(body: string, setup = ""): CaseBuilder {
    return new CaseBuilder(
      this,
      `${body}${setup === "" ? "" : ` (with ${setup})`}`.trim().replace(/\s+/g, " "),
      `${setup}\nexport function main(): unknown {\n${body}\n}\n`,
    );
  }

  /** A whole module exporting `main()`. */
  testModule(source: string): CaseBuilder {
    return new CaseBuilder(this, source.trim().replace(/\s+/g, " "), source);
  }

  /** A declaration file (e.g. `declare module "java:java.lang" {...}`) visible to every case of the suite. */
  declare(fileName: string, text: string): void {
    this.declarations[`${CASE_DIRECTORY}/${fileName}`] = text;
  }

  add(title: string, source: string, expectation: Case["expectation"]): void {
    const id = this.cases.length;
    this.cases.push({ id, title, source, expectation });
    const shortTitle = title.length > 110 ? `${title.slice(0, 107)}...` : title;
    test(`${expectation.kind === "diagnostic" ? expectation.code + ": " : ""}${shortTitle} [#${id}]`, () => {
      const outcome = this.outcomes.get(id);
      if (outcome === undefined) throw new Error("the batch did not run");
      if (expectation.kind === "diagnostic") {
        expect(outcome.diagnostics.map((d) => d.code)).toContain(expectation.code);
        return;
      }
      expect(outcome.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect({ jython: outcome.jython, source, python: outcome.python }).toEqual({
        jython: expectation.kind === "jython" ? normalize(expectation.value) : outcome.javascript,
        source,
        python: outcome.python,
      });
    });
  }

  private runAll(): void {
    const files: Record<string, string> = { ...this.declarations };
    for (const c of this.cases) files[caseFile(c.id)] = c.source;
    const program = createGuestProgram([], { root: ROOT, files });
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-cases-"));
    // Removed however the run ends: no case to run, a compile error, or a Jython failure.
    try {
      const runnable: string[] = [];
      for (const c of this.cases) {
        const { python, diagnostics } = compileProgram(program, [caseFile(c.id)], { root: ROOT });
        const outcome: Outcome = { python, diagnostics };
        this.outcomes.set(c.id, outcome);
        if (c.expectation.kind === "diagnostic" || diagnostics.length > 0) continue;
        const pythonFile = path.join(directory, `case_${c.id}.py`);
        fs.writeFileSync(pythonFile, python);
        runnable.push(pythonFile);
        if (c.expectation.kind === "match") outcome.javascript = runJavaScript(c.source);
      }
      if (runnable.length === 0) return;
      const runner = path.join(directory, "runner.py");
      fs.writeFileSync(runner, RUNNER);
      const run = runJythonFile(runner, { input: runnable.join("\n") + "\n" });
      const lines = run.stdout.split("\n").filter((line) => line.startsWith("CASE "));
      if (lines.length !== runnable.length)
        throw new Error(`Jython runner failed:\n${run.stderr}\n${run.stdout}`);
      for (const line of lines) {
        const [, id, json] = /^CASE case_(\d+)\.py (.*)$/.exec(line) ?? [];
        const outcome = this.outcomes.get(Number(id));
        if (outcome !== undefined) outcome.jython = normalize(JSON.parse(json ?? "null"));
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
}

function caseFile(id: number): string {
  return `${CASE_DIRECTORY}/case${id}.ts`;
}

function runJavaScript(source: string): unknown {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.CommonJS },
  });
  const module = { exports: {} as { main?: () => unknown } };
  try {
    vm.runInNewContext(outputText, { module, exports: module.exports });
    return normalize((module.exports.main as () => unknown)());
  } catch {
    return { $error: true };
  }
}

/** JSON-comparable form: NaN and infinities as markers, -0 as 0, undefined as null, object key order ignored by toEqual. */
export function normalize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $number: "NaN" };
    if (!Number.isFinite(value)) return { $number: value > 0 ? "Infinity" : "-Infinity" };
    return value === 0 ? 0 : value;
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

export const RUNNER = `# -*- coding: utf-8 -*-
import json
import os
import sys
from java.lang import Throwable


def normalize(value):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value != value:
            return {"$number": "NaN"}
        if value in (float("inf"), float("-inf")):
            return {"$number": "Infinity" if value > 0 else "-Infinity"}
        return value
    if isinstance(value, (int, long)):
        return value
    if isinstance(value, basestring):
        return unicode(value)
    if isinstance(value, dict):
        return dict((key, normalize(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [normalize(item) for item in value]
    return {"$unexpected": repr(value)}


for line in sys.stdin.read().splitlines():
    try:
        namespace = {"__name__": "case"}
        with open(line) as source:
            code = compile(source.read(), line, "exec")
        exec code in namespace
        try:
            result = normalize(namespace["main"]())
        except (Exception, Throwable):
            result = {"$error": True}
    except (Exception, Throwable) as error:
        result = {"$pythonCompileError": repr(error)}
    print "CASE " + os.path.basename(line) + " " + json.dumps(result)
`;
