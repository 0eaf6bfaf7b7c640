// config-api-payload refuses a script in dist/ that the sources no longer build: in a fresh clone every file has the
// checkout's time, so the check compares with a fresh build, not mtimes. Each script is compared with a build of its own
// kind. Runs the real bin/gamatech-ropc of a copy of the project whose sources or dist/ were changed after the build.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
let copy: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-stale-"));
  for (const entry of [
    "bin",
    "src",
    "dist",
    "package.json",
    "tsconfig.guest.json",
    path.join("scripts", "register-ts.js"),
    path.join("scripts", "code-cache.js"),
  ]) {
    fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
});

afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

function payload(argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(
    process.execPath,
    [path.join(copy, "bin", "gamatech-ropc"), "config-api-payload", ...argv],
    {
      cwd: copy,
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const CHALLENGE = ["--type", "authorization_challenge"];

function staleMessage(file: string): string {
  return (
    `No payload written: dist/${file} is older than the sources in src/ (a fresh build differs from it): ` +
    "run `npm run build`, then this command again.\n"
  );
}

test("the ROPC script copied over the challenge script: only the challenge payload is refused", () => {
  const challenge = path.join(copy, "dist", "GamatechAuthzChallenge.py");
  const original = fs.readFileSync(challenge, "utf8");
  try {
    // Checked first, so that a verdict remembered for this text as a ROPC script cannot answer for the challenge one.
    expect(payload([]).code).toBe(0);
    fs.copyFileSync(path.join(copy, "dist", "GamatechRopc.py"), challenge);
    const result = payload(CHALLENGE);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      "",
      staleMessage("GamatechAuthzChallenge.py"),
    ]);
  } finally {
    fs.writeFileSync(challenge, original);
  }
});

test("a source only the challenge script compiles changed: its payload is refused, the ROPC one is not", () => {
  const source = path.join(copy, "src", "host", "challenge-script.ts");
  const text = fs.readFileSync(source, "utf8");
  try {
    fs.writeFileSync(source, text + "\n// changed after the build\n");
    expect(payload([]).code).toBe(0);
    const result = payload(CHALLENGE);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      "",
      staleMessage("GamatechAuthzChallenge.py"),
    ]);
  } finally {
    fs.writeFileSync(source, text);
  }
  // Back to what dist/ was built from: fresh again.
  expect(payload(CHALLENGE).code).toBe(0);
});

test("a source changed after the build: exit 1, no payload, and how to fix it, for either script", () => {
  const table = path.join(copy, "src", "flow", "config-table.ts");
  const text = fs.readFileSync(table, "utf8");
  const changed = text.replace("Twilio account that sends the codes", "Twilio account sending the codes");
  expect(changed).not.toBe(text);
  // The copy's files are all newer than dist/ would be in a fresh clone anyway: only the content can tell.
  fs.writeFileSync(table, changed);
  const now = new Date();
  fs.utimesSync(path.join(copy, "dist", "GamatechRopc.py"), now, now);

  for (const argv of [[], ["--update", "--inum", "A1", "--revision", "2"]]) {
    const result = payload(argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(staleMessage("GamatechRopc.py"));
  }
  const challenge = payload(CHALLENGE);
  expect([challenge.code, challenge.stdout, challenge.stderr]).toEqual([
    1,
    "",
    staleMessage("GamatechAuthzChallenge.py"),
  ]);
});
