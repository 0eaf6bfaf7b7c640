import type { Log } from "../flow/ports";

/** The prefixes an administrator greps for in Janssen's script log, one per script type. */
export const ROPC_LOG_PREFIX = "GamatechRopc.";
export const CHALLENGE_LOG_PREFIX = "GamatechAuthzChallenge.";

/** Writes the flow's lines, which are already ASCII-safe and free of secrets, to the script log. */
export class PrintLog implements Log {
  private readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  info(line: string): void {
    print(`${this.prefix} INFO ${line}`);
  }

  warn(line: string): void {
    print(`${this.prefix} WARN ${line}`);
  }
}
