import {
  CHALLENGE_FILE_NAME as BUILDER_CHALLENGE_FILE_NAME,
  SCRIPT_FILE_NAME as BUILDER_FILE_NAME,
  SCRIPT_TARGETS,
} from "../../src/cli/build-script";
import { COMMANDS } from "../../src/cli/main";
import { CHALLENGE_FILE_NAME, packageVersion, SCRIPT_FILE_NAME } from "../../src/cli/project-files";
import { SCRIPT_TYPES } from "../../src/cli/script-type";
import { runInProcess, runProcess } from "./run-cli";

test("--help lists every command, exit 0", () => {
  const result = runProcess(["--help"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^usage: gamatech-ropc COMMAND/);
  for (const command of COMMANDS) {
    expect(result.stdout).toContain(`  ${command.name}  `);
  }
  expect(runInProcess([]).stdout).toBe(result.stdout);
});

test("--version prints package.json's version", () => {
  const result = runProcess(["--version"]);
  expect(result).toEqual({ code: 0, stdout: packageVersion() + "\n", stderr: "" });
  expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
});

test.each(COMMANDS.map((command) => command.name))(
  "%s --help shows its usage and options, exit 0",
  (name) => {
    const result = runInProcess([name, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: gamatech-ropc ${name}`));
  },
);

test("an unknown command: exit 2, the reason and the command list on stderr", () => {
  const result = runProcess(["deploy"]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^gamatech-ropc: unknown command "deploy"\n/);
  expect(result.stderr).toContain("config-api-payload");
});

test("the CLI and the builder agree on the scripts' file names", () => {
  expect(SCRIPT_FILE_NAME).toBe(BUILDER_FILE_NAME);
  expect(CHALLENGE_FILE_NAME).toBe(BUILDER_CHALLENGE_FILE_NAME);
  for (const type of SCRIPT_TYPES) {
    expect(type.fileName).toBe(SCRIPT_TARGETS[type.kind].fileName);
  }
});
