// The one argument parser all commands share, so that every bad argument fails the same way (exit code 2).

/** A mistake in the command line: the CLI prints the message and the usage, then exits with 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Whether the option is followed by a value (`--out DIR` or `--out=DIR`). */
  takesValue: boolean;
}

export interface CommandLineSpec {
  options: Record<string, OptionSpec>;
  /** Names of the positional arguments, all required, in order. */
  positionals: string[];
}

export interface ParsedArguments {
  /** Flag options map to "true"; value options to their value. */
  options: Map<string, string>;
  positionals: string[];
}

function splitOption(arg: string): { name: string; inlineValue: string | null } {
  const equals = arg.indexOf("=");
  return equals === -1
    ? { name: arg.slice(2), inlineValue: null }
    : { name: arg.slice(2, equals), inlineValue: arg.slice(equals + 1) };
}

export function parseArguments(argv: readonly string[], spec: CommandLineSpec): ParsedArguments {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || !arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}`);
    }
    const { name, inlineValue } = splitOption(arg);
    const option = spec.options[name];
    if (option === undefined) {
      throw new UsageError(`unknown option --${name}`);
    }
    if (options.has(name)) {
      throw new UsageError(`--${name} given twice`);
    }
    if (!option.takesValue) {
      if (inlineValue !== null) {
        throw new UsageError(`--${name} takes no value`);
      }
      options.set(name, "true");
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || value === "" || (inlineValue === null && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value`);
    }
    options.set(name, value);
  }
  if (positionals.length < spec.positionals.length) {
    throw new UsageError(`missing ${spec.positionals.slice(positionals.length).join(" ")}`);
  }
  if (positionals.length > spec.positionals.length) {
    throw new UsageError(`unexpected argument ${positionals[spec.positionals.length]}`);
  }
  return { options, positionals };
}

/** A positive whole number given as decimal digits, e.g. a revision. */
export function positiveInteger(name: string, value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a positive integer (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}
