// The entry point of the release's single-file gamatech-ropc-check.js: check-config alone, for an administrator who has the
// release assets and Node, but no clone of this repository and no node_modules.

import { checkConfigCommand } from "./check-config";
import type { Output } from "./command";
import { runCommand } from "./run-command";

export const CHECK_PROGRAM = "gamatech-ropc-check";

export function main(): void {
  const output: Output = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  process.exitCode = runCommand(
    CHECK_PROGRAM,
    checkConfigCommand,
    process.argv.slice(2),
    output,
    process.cwd(),
  );
}
