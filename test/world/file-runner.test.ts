// runJythonFile runs each file in the worker's kept Jython process as a fresh process would: these check what a file
// could otherwise see of the one before it, and that a runner is reused, replaced when it hangs, and never shared state.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runJythonFile } from "../../src/world/file-runner";

jest.setTimeout(120_000);

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-file-runner-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const at = path.join(directory, name);
  fs.writeFileSync(at, ["# -*- coding: utf-8 -*-", ...lines].join("\n") + "\n");
  return at;
}

const JVM_NAME = [
  "from java.lang.management import ManagementFactory",
  "print ManagementFactory.getRuntimeMXBean().getName()",
];

test("stdout, stderr and the exit status are the file's own, unicode written as UTF-8", () => {
  const run = runJythonFile(
    file("streams.py", [
      "import sys",
      'print u"caf\\u00e9 \\u4e2d"',
      'sys.stderr.write("warned\\n")',
      "sys.exit(3)",
    ]),
  );
  expect(run).toEqual({ status: 3, stdout: "café 中\n", stderr: "warned\n" });
});

test("an uncaught exception is status 1 with its traceback on stderr; a clean end is status 0", () => {
  const failed = runJythonFile(file("raises.py", ['raise ValueError("no such thing")']));
  expect(failed.status).toBe(1);
  expect(failed.stderr).toMatch(/Traceback[\s\S]*raises\.py[\s\S]*ValueError: no such thing/);
  expect(runJythonFile(file("clean.py", ["x = 1"]))).toEqual({ status: 0, stdout: "", stderr: "" });
});

test("the input is the file's stdin, and Java's System.out is part of its stdout", () => {
  const run = runJythonFile(
    file("stdin.py", [
      "import sys",
      "from java.lang import System",
      "lines = sys.stdin.read().splitlines()",
      'System.out.println("from java")',
      'print ",".join(reversed(lines))',
    ]),
    { input: "a\nb\nc\n" },
  );
  expect(run.stdout).toBe("from java\nc,b,a\n");
});

test("each file has its own __main__, argv and sys.path, and imports its modules afresh", () => {
  const module = path.join(directory, "counted.py");
  fs.writeFileSync(module, 'print "imported"\n');
  const first = file("first.py", [
    "import sys",
    "import counted",
    "LEFT_BEHIND = 1",
    'sys.path.append("/nowhere")',
    "print sys.argv[0].endswith('first.py'), sys.path[0] == " + JSON.stringify(directory),
  ]);
  expect(runJythonFile(first).stdout).toBe("imported\nTrue True\n");
  const second = file("second.py", [
    "import sys",
    "import counted",
    'print "LEFT_BEHIND" in globals(), "/nowhere" in sys.path, "first" in sys.modules',
  ]);
  expect(runJythonFile(second).stdout).toBe("imported\nFalse False False\n");
});

test("the next file runs in the same JVM, and a file that outlives its timeout gets the runner replaced", () => {
  const name = file("jvm.py", JVM_NAME);
  const before = runJythonFile(name).stdout;
  expect(runJythonFile(name).stdout).toBe(before);
  const hang = file("hang.py", ["import time", "time.sleep(60)"]);
  expect(() => runJythonFile(hang, { timeoutMs: 2_000 })).toThrow(/hang\.py took longer than 2000 ms/);
  const after = runJythonFile(name).stdout;
  expect(after).toMatch(/^\d+@/);
  expect(after).not.toBe(before);
});
