import * as fs from "fs";
import * as path from "path";
import { compileScript, compileScripts, withSourceCommit } from "../../src/cli/build-script";
import { directoryWith, removeDirectory, runInProcess, runProcess } from "./run-cli";

let directory: string;

beforeAll(() => {
  directory = directoryWith({});
});

afterAll(() => removeDirectory(directory));

test("build --out DIR writes both scripts into DIR, each what its kind builds", () => {
  const result = runProcess(["build", "--out", "out"], directory);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const ropc = path.join(directory, "out", "GamatechRopc.py");
  const challenge = path.join(directory, "out", "GamatechAuthzChallenge.py");
  expect(result.stdout).toBe(`wrote ${ropc}\nwrote ${challenge}\n`);
  expect(fs.readFileSync(ropc, "utf8")).toBe(compileScript("ropc").python);
  expect(fs.readFileSync(ropc, "utf8")).toContain("class ResourceOwnerPasswordCredentials(");
  expect(fs.readFileSync(challenge, "utf8")).toBe(compileScript("challenge").python);
  expect(fs.readFileSync(challenge, "utf8")).toContain("class AuthorizationChallenge(");
  // Each header lists the properties its script reads, with its own defaults.
  expect(fs.readFileSync(ropc, "utf8")).toContain(
    "#   response_header_name: optional; default X-ROPC-TWO-FA;",
  );
  expect(fs.readFileSync(ropc, "utf8")).toContain("#   login_order: optional; default code_first;");
  expect(fs.readFileSync(challenge, "utf8")).not.toContain("#   response_header_name:");
  expect(fs.readFileSync(challenge, "utf8")).toContain("#   login_order: optional; default password_first;");
  expect(fs.readdirSync(path.join(directory, "out")).sort()).toEqual([
    "GamatechAuthzChallenge.py",
    "GamatechRopc.py",
  ]);
}, 120000);

test.each([
  [["build", "--out"], "--out needs a value"],
  [["build", "dist"], "unexpected argument dist"],
  [["build", "--watch"], "unknown option --watch"],
])("bad arguments %j: exit 2, nothing built", (argv, reason) => {
  const result = runInProcess(argv, directory);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`gamatech-ropc build: ${reason}\nusage: gamatech-ropc build [--out DIR]\n`);
});

test("a release's script: the build with the commit line under the sources digest, nothing else changed", () => {
  const commit = "0123456789abcdef0123456789abcdef01234567";
  for (const built of compileScripts(["ropc", "challenge"])) {
    const lines = built.python.split("\n");
    const released = withSourceCommit(built.python, commit).split("\n");
    const digest = lines.findIndex((line) => line.startsWith("# Sources: sha256 "));
    expect(lines[digest + 1]).toMatch(/^# {3}of the files listed above/);
    expect(released[digest + 2]).toBe(`# Source commit: ${commit} (npm run release, clean checkout).`);
    expect([...released.slice(0, digest + 2), ...released.slice(digest + 3)]).toEqual(lines);
  }
  expect(() => withSourceCommit("# no header\n", commit)).toThrow("no sources digest");
}, 120000);
