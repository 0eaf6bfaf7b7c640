// What every command is, so that main.ts can list, explain and run them alike, and tests can run them in-process.

import type { CommandLineSpec, ParsedArguments } from "./args";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 success, 1 the work found problems (invalid configuration, build errors), 2 bad arguments. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The arguments after the command name, as shown in the usage line, e.g. "FILE". */
  synopsis: string;
  /** Option lines for `COMMAND --help`; --help itself is added by main.ts. */
  optionHelp: string[];
  spec: CommandLineSpec;
  /** Relative paths in arguments are resolved against `cwd`, the caller's directory. */
  run(args: ParsedArguments, output: Output, cwd: string): number;
}
