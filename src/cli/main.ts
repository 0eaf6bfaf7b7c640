// gamatech-ropc: the administrator's and the release pipeline's command line. Dispatches to one module per command.

import { buildCommand } from "./build-command";
import { checkConfigCommand } from "./check-config";
import { EXIT_OK, EXIT_USAGE } from "./command";
import type { Command, Output } from "./command";
import { configApiPayloadCommand } from "./config-api-payload";
import { loginCommand } from "./login";
import { packageVersion } from "./project-files";
import { propertiesCommand } from "./properties-command";
import { runCommand } from "./run-command";
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
  return runCommand(`${PROGRAM} ${command.name}`, command, rest, output, cwd);
}

/** The process entry point used by bin/gamatech-ropc. */
export function main(): void {
  const output: Output = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  process.exitCode = runCli(process.argv.slice(2), output, process.cwd());
}
