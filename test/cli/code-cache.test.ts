// scripts/code-cache.js through a real Node process: the first run of an entry writes V8's code of its modules, a later
// run starts from it with the same results, and a damaged cache file costs only a slower start.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The hook is plain JavaScript that Node loads before any TypeScript: required as it is.
const { cacheFileFor } = require("../../scripts/code-cache.js") as {
  cacheFileFor(cacheDir: string, filename: string): string;
};

const ROOT = path.resolve(__dirname, "..", "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "gamatech-register-ts");
let directory: string;
let entry: string;

beforeAll(() => {
  // Inside the project, so that the entry resolves the project's typescript package.
  fs.mkdirSync(path.join(ROOT, "node_modules", ".cache"), { recursive: true });
  directory = fs.mkdtempSync(path.join(ROOT, "node_modules", ".cache", "code-cache-test-"));
  entry = path.join(directory, "entry.ts");
  fs.writeFileSync(
    entry,
    'import * as ts from "typescript";\nconsole.log(`${ts.version} ${[1, 2, 3].map((n) => n * 2)}`);\n',
  );
});

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function run(): string {
  const child = spawnSync(process.execPath, ["-r", path.join(ROOT, "scripts", "register-ts.js"), entry], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  return child.stdout;
}

/** The cache file of `filename` for this test's entry script (the cache is kept per entry script's name). */
function cacheOf(filename: string): string {
  const argv1 = process.argv[1];
  process.argv[1] = entry;
  try {
    return cacheFileFor(CACHE_DIR, filename);
  } finally {
    process.argv[1] = argv1 as string;
  }
}

test("the first run writes the code of the entry and of TypeScript; later runs, from it, print the same", () => {
  const entryCache = cacheOf(entry);
  const typescriptCache = cacheOf(require.resolve("typescript"));
  fs.rmSync(entryCache, { force: true });
  fs.rmSync(typescriptCache, { force: true });
  const first = run();
  expect(first).toMatch(/^\d+\.\d+\.\d+ 2,4,6\n$/);
  expect(fs.statSync(entryCache).size).toBeGreaterThan(32);
  // TypeScript's compiled code is megabytes; the entry's a few hundred bytes.
  expect(fs.statSync(typescriptCache).size).toBeGreaterThan(100_000);
  const written = fs.statSync(typescriptCache).mtimeMs;
  expect(run()).toBe(first);
  // Accepted code is not written again.
  expect(fs.statSync(typescriptCache).mtimeMs).toBe(written);
});

test("a changed module replaces its cache file; a damaged one is ignored and written again", () => {
  run();
  const entryCache = cacheOf(entry);
  const before = fs.readFileSync(entryCache);
  fs.appendFileSync(entry, "console.log('changed');\n");
  expect(run()).toMatch(/2,4,6\nchanged\n$/);
  expect(fs.readFileSync(entryCache).equals(before)).toBe(false);
  fs.writeFileSync(entryCache, Buffer.alloc(64, 7));
  expect(run()).toMatch(/changed\n$/);
  expect(fs.statSync(entryCache).size).not.toBe(64);
});
