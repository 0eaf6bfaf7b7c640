import * as fs from "fs";
import * as path from "path";
import { directoryWith, removeDirectory, runInProcess, runProcess } from "./run-cli";

let directory: string;

beforeAll(() => {
  directory = directoryWith({});
});

afterAll(() => removeDirectory(directory));

test("build --out DIR writes DIR/GamatechRopc.py, a Janssen ROPC script", () => {
  const result = runProcess(["build", "--out", "out"], directory);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const file = path.join(directory, "out", "GamatechRopc.py");
  expect(result.stdout).toBe(`wrote ${file}\n`);
  expect(fs.readFileSync(file, "utf8")).toContain("class ResourceOwnerPasswordCredentials(");
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
