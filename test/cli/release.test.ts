// What `npm run release` publishes: the script whose header names its sources and commit, checksums, and
// gamatech-ropc-check.js, run here as an administrator would, from a directory with nothing else in it.

import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { templatePayload } from "../../src/cli/payload";
import { cleanCheckoutCommit, releaseFiles } from "../../src/cli/release-files";
import { CHALLENGE_TYPE, ROPC_TYPE } from "../../src/cli/script-type";
import { directoryWith, removeDirectory, runProcess, SECRET_TOKEN, VALID_CONFIG } from "./run-cli";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = fs.readFileSync(path.join(ROOT, "dist", "GamatechRopc.py"), "utf8");
const CHALLENGE_DIST = fs.readFileSync(path.join(ROOT, "dist", "GamatechAuthzChallenge.py"), "utf8");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
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

test("the release's files: both scripts, each checksum matching its file", () => {
  expect(Object.keys(files).sort()).toEqual([
    "GamatechAuthzChallenge.py",
    "GamatechAuthzChallenge.py.sha256",
    "GamatechRopc.py",
    "GamatechRopc.py.sha256",
    "config-api-payload-authz-challenge.json",
    "config-api-payload.json",
    "gamatech-ropc-check.js",
    "gamatech-ropc-check.js.sha256",
  ]);
  for (const name of ["GamatechRopc.py", "GamatechAuthzChallenge.py", "gamatech-ropc-check.js"]) {
    expect(files[`${name}.sha256`]).toBe(`${sha256(files[name] as string)}  ${name}\n`);
  }
});

test.each([
  ["GamatechRopc.py", DIST],
  ["GamatechAuthzChallenge.py", CHALLENGE_DIST],
])("the released %s is dist/ plus the line naming the commit", (name, dist) => {
  const released = files[name] as string;
  const commitLine = `# Source commit: ${COMMIT} (npm run release, clean checkout).\n`;
  expect(released).toContain(commitLine);
  expect(released.replace(commitLine, "")).toBe(dist);
  expect(dist).not.toContain("Source commit");
});

test("each script has its disabled create template, holding the released script", () => {
  const ropc = JSON.parse(files["config-api-payload.json"] as string);
  const challenge = JSON.parse(files["config-api-payload-authz-challenge.json"] as string);
  expect(ropc).toEqual(templatePayload(files["GamatechRopc.py"] as string, VERSION, ROPC_TYPE));
  expect(challenge).toEqual(
    templatePayload(files["GamatechAuthzChallenge.py"] as string, VERSION, CHALLENGE_TYPE),
  );
  expect([ropc.scriptType, ropc.name, ropc.enabled]).toEqual([
    "resource_owner_password_credentials",
    "gamatech-ropc",
    false,
  ]);
  expect([challenge.scriptType, challenge.name, challenge.enabled]).toEqual([
    "authorization_challenge",
    "gamatech_authz_challenge",
    false,
  ]);
  // The template is all an administrator may read: it says what to set on the server.
  expect(challenge.description).toContain("authorizationChallengeDefaultAcr");
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
  expect(runAsset(["--version"]).stdout).toBe(`${VERSION}\n`);
  const challenge = runAsset(["--type", "authorization_challenge", "good.json"]);
  expect(challenge.code).toBe(0);
  expect(challenge.stdout).toBe(
    runProcess(["check-config", "--type", "authorization_challenge", "good.json"], assets).stdout,
  );
  expect(challenge.stdout).toMatch(/login_order +password_first \(default\)\n/);
  expect(challenge.stdout).toContain("authorizationChallengeDefaultAcr");
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
  expect(usage.stderr).toContain("usage: gamatech-ropc-check [--type T] [--json] FILE");
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

test("npm run release in a clean checkout writes both scripts; a stale dist/ of either refuses, naming it", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-release-"));
  const git = (...args: string[]) =>
    spawnSync(
      "git",
      ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
      {
        cwd: copy,
        encoding: "utf8",
      },
    );
  const release = () =>
    spawnSync(process.execPath, ["-r", "./scripts/register-ts.js", "scripts/release.ts"], {
      cwd: copy,
      encoding: "utf8",
      timeout: 120_000,
    });
  try {
    for (const entry of ["src", "dist", "package.json", "tsconfig.guest.json", "scripts"]) {
      fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
    // No trailing slash: the copy's node_modules is a symbolic link, which git does not count as a directory.
    fs.writeFileSync(path.join(copy, ".gitignore"), "node_modules\nrelease/\n");
    git("init", "-q");
    git("add", "-A");
    expect(git("commit", "-q", "-m", "fresh").status).toBe(0);
    const fresh = release();
    expect(fresh.status).toBe(0);
    expect(fs.readdirSync(path.join(copy, "release")).sort()).toEqual(Object.keys(files).sort());
    for (const name of ["GamatechRopc.py", "GamatechAuthzChallenge.py"]) {
      const released = fs.readFileSync(path.join(copy, "release", name), "utf8");
      expect(fs.readFileSync(path.join(copy, "release", `${name}.sha256`), "utf8")).toBe(
        `${sha256(released)}  ${name}\n`,
      );
    }
    fs.rmSync(path.join(copy, "release"), { recursive: true });

    fs.appendFileSync(path.join(copy, "dist", "GamatechAuthzChallenge.py"), "# edited by hand\n");
    git("commit", "-q", "-am", "stale challenge script");
    const stale = release();
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(
      "dist/GamatechAuthzChallenge.py is not what the sources build: run npm run build and commit it",
    );
    expect(stale.stderr).not.toContain("dist/GamatechRopc.py");
    expect(stale.stderr).toContain("nothing released");
    expect(fs.existsSync(path.join(copy, "release"))).toBe(false);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
