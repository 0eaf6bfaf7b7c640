// Two ways to run the CLI: in-process (fast, for output details) and as the real child process (for exit codes and streams).

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Output } from "../../src/cli/command";
import { runCli } from "../../src/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = path.resolve(__dirname, "..", "..", "bin", "gamatech-ropc");

export function runInProcess(argv: string[], cwd: string = process.cwd()): CliResult {
  let stdout = "";
  let stderr = "";
  const output: Output = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  };
  const code = runCli(argv, output, cwd);
  return { code, stdout, stderr };
}

/** `input`, when given, is the child's standard input (otherwise it inherits none: an empty pipe). */
export function runProcess(argv: string[], cwd: string = process.cwd(), input?: string): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: "utf8",
    timeout: 60000,
    input: input ?? "",
  });
  if (child.error !== undefined) {
    throw child.error;
  }
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A fresh directory holding `files` (name to content), removed by the caller with removeDirectory. */
export function directoryWith(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-cli-"));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

export function removeDirectory(directory: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
}

/** A configuration the script accepts; the secret is shaped so that any echo of it is easy to spot. */
export const SECRET_TOKEN = "s3cr3t-T0KEN-9f8e7d6c5b4a";
export const VALID_CONFIG: Record<string, string> = {
  twilio_account_sid: "AC0123456789abcdef0123456789abcdef",
  twilio_auth_token: SECRET_TOKEN,
  twilio_from_number: "+15005550006",
};
