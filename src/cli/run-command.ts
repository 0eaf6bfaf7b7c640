// Runs one command with its arguments the same way wherever it is run from: the full CLI (main.ts) and the single-file
// check-config of a release (check-main.ts), so both answer --help, mistakes and unreadable files alike.

import { parseArguments, UsageError } from "./args";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from "./command";
import type { Command, Output } from "./command";
import { InputFileError } from "./properties-file";

/** `invocation` is how the user called the command, e.g. "gamatech-ropc check-config"; messages start with it. */
export function usageLine(invocation: string, command: Command): string {
  return `usage: ${invocation} ${command.synopsis}`.trimEnd();
}

function commandHelp(invocation: string, command: Command): string {
  return [
    usageLine(invocation, command),
    "",
    command.summary,
    "",
    ...command.optionHelp.map((line) => "  " + line),
    "",
  ].join("\n");
}

/** The arguments after the command name; returns the exit code. */
export function runCommand(
  invocation: string,
  command: Command,
  argv: readonly string[],
  output: Output,
  cwd: string,
): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    output.out(commandHelp(invocation, command));
    return EXIT_OK;
  }
  try {
    return command.run(parseArguments(argv, command.spec), output, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${invocation}: ${error.message}\n${usageLine(invocation, command)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputFileError) {
      // The command line was right; the file it names is not: a problem found (exit 1), without the usage line.
      output.err(`${invocation}: ${error.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}
