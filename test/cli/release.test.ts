// What `npm run release` publishes: the script whose header names its sources and commit, checksums, and
// gamatech-ropc-check.js, run here as an administrator would, from a directory with nothing else in it.

import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cleanCheckoutCommit, releaseFiles } from "../../src/cli/release-files";
import { directoryWith, removeDirectory, runProcess, SECRET_TOKEN, VALID_CONFIG } from "./run-cli";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = fs.readFileSync(path.join(ROOT, "dist", "GamatechRopc.py"), "utf8");
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
let files: Record<string, string>;
let assets: string;

beforeAll(() => {
  const made = releaseFiles(COMMIT);
  if ("problems" in made) throw new Error(made.problems.join("\n"));
  files = made.files;
  // Only the released check-config and the inputs: no repository, no node_modules anywhere above it.
  assets = directoryWith({
    "gamatech-ropc-check.js": files["gamatech-ropc-check.js"] as string,
    "good.json": JSON.stringify(VALID_CONFIG),
    "swapped.json": JSON.stringify({ ...VALID_CONFIG, twilio_account_sid: SECRET_TOKEN }),
  });
});

afterAll(() => removeDirectory(assets));

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function runAsset(argv: string[], input = "") {
  const child = spawnSync(process.execPath, ["gamatech-ropc-check.js", ...argv], {
    cwd: assets,
    encoding: "utf8",
    input,
    env: { PATH: process.env.PATH ?? "" },
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

test("the release's files, each checksum matching its file", () => {
  expect(Object.keys(files).sort()).toEqual([
    "GamatechRopc.py",
    "GamatechRopc.py.sha256",
    "config-api-payload.json",
    "gamatech-ropc-check.js",
    "gamatech-ropc-check.js.sha256",
  ]);
  for (const name of ["GamatechRopc.py", "gamatech-ropc-check.js"]) {
    expect(files[`${name}.sha256`]).toBe(`${sha256(files[name] as string)}  ${name}\n`);
  }
});

test("the released script is dist/ plus the line naming the commit; both name the digest of their sources", () => {
  const released = files["GamatechRopc.py"] as string;
  const commitLine = `# Source commit: ${COMMIT} (npm run release, clean checkout).\n`;
  expect(released).toContain(commitLine);
  expect(released.replace(commitLine, "")).toBe(DIST);
  expect(DIST).not.toContain("Source commit");
});

test("the header's source digest is SHA-256 over the listed files (path, NUL, content, NUL), as it says", () => {
  const lines = DIST.split("\n");
  const listed: string[] = [];
  for (const line of lines.slice(lines.findIndex((l) => / from:$/.test(l)) + 1)) {
    const match = /^# {3}(\S+)$/.exec(line);
    if (match === null) break;
    listed.push(match[1] as string);
  }
  expect(listed).toContain("src/flow/handle-request.ts");
  const hash = createHash("sha256");
  for (const file of listed)
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update("\0");
  expect(DIST).toContain(`# Sources: sha256 ${hash.digest("hex")}\n`);
});

test("gamatech-ropc-check.js alone checks a configuration exactly as the CLI does", () => {
  const asset = runAsset(["good.json"]);
  const cli = runProcess(["check-config", "good.json"], assets);
  expect(asset.code).toBe(0);
  expect(asset.stdout).toContain("init would succeed");
  expect(asset.stdout).toBe(cli.stdout);
  const json = runAsset(["--json", "-"], JSON.stringify(VALID_CONFIG));
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({ input: "standard input", valid: true });
  expect(runAsset(["--version"]).stdout).toBe(
    `${JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version}\n`,
  );
  expect(files["gamatech-ropc-check.js"]).toContain(`// Source commit: ${COMMIT}`);
});

test("gamatech-ropc-check.js refuses like the CLI: exit 1 for problems, never echoing a secret; exit 2 for usage", () => {
  const swapped = runAsset(["swapped.json"]);
  expect(swapped.code).toBe(1);
  expect(swapped.stdout + swapped.stderr).toContain("twilio_account_sid");
  expect(swapped.stdout + swapped.stderr).not.toContain(SECRET_TOKEN.slice(0, 10));
  const missing = runAsset(["nope.json"]);
  expect([missing.code, missing.stderr]).toEqual([
    1,
    "gamatech-ropc-check: cannot read nope.json: no such file\n",
  ]);
  const usage = runAsset([]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("usage: gamatech-ropc-check [--json] FILE");
});

test("npm run release refuses outside a clean git checkout and writes nothing", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-release-"));
  try {
    for (const entry of ["src", "dist", "package.json", "tsconfig.guest.json", "scripts"]) {
      fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
    expect(cleanCheckoutCommit(copy)).toEqual({
      ok: false,
      problem: expect.stringContaining("not the top of a git"),
    });
    const run = spawnSync(process.execPath, ["-r", "./scripts/register-ts.js", "scripts/release.ts"], {
      cwd: copy,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nothing released");
    expect(fs.existsSync(path.join(copy, "release"))).toBe(false);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
