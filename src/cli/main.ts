// gamatech-ropc: the administrator's and the release pipeline's command line. Dispatches to one module per command.

import { parseArguments, UsageError } from "./args";
import { buildCommand } from "./build-command";
import { checkConfigCommand } from "./check-config";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from "./command";
import type { Command, Output } from "./command";
import { configApiPayloadCommand } from "./config-api-payload";
import { loginCommand } from "./login";
import { packageVersion } from "./project-files";
import { propertiesCommand } from "./properties-command";
import { InputFileError } from "./properties-file";
import { serveCommand } from "./serve";

export const COMMANDS: readonly Command[] = [
  buildCommand,
  checkConfigCommand,
  propertiesCommand,
  configApiPayloadCommand,
  serveCommand,
  loginCommand,
];

const PROGRAM = "gamatech-ropc";

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `usage: ${PROGRAM} COMMAND [options]`,
    "",
    "SMS one-time code (Twilio) on the OAuth password grant of Janssen Server and Gluu Flex: build, check, deploy.",
    "",
    "commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    `  ${PROGRAM} COMMAND --help   options of one command`,
    `  ${PROGRAM} --version        the version`,
    "",
  ].join("\n");
}

function usageLine(command: Command): string {
  return `usage: ${PROGRAM} ${command.name} ${command.synopsis}`.trimEnd();
}

function commandHelp(command: Command): string {
  return [
    usageLine(command),
    "",
    command.summary,
    "",
    ...command.optionHelp.map((line) => "  " + line),
    "",
  ].join("\n");
}

/** Runs one command line; returns the exit code. `cwd` resolves relative paths given as arguments. */
export function runCli(argv: readonly string[], output: Output, cwd: string): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    output.out(overview());
    return EXIT_OK;
  }
  if (first === "--version" || first === "-v") {
    output.out(packageVersion() + "\n");
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command === undefined) {
    output.err(`${PROGRAM}: unknown command ${JSON.stringify(first)}\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    output.out(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return command.run(parseArguments(rest, command.spec), output, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${PROGRAM} ${command.name}: ${error.message}\n${usageLine(command)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputFileError) {
      // The command line was right; the file it names is not: a problem found (exit 1), without the usage line.
      output.err(`${PROGRAM} ${command.name}: ${error.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}

/** The process entry point used by bin/gamatech-ropc. */
export function main(): void {
  const output: Output = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  process.exitCode = runCli(process.argv.slice(2), output, process.cwd());
}
