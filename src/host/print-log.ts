import type { Log } from "../flow/ports";

/** The prefix an administrator greps for in Janssen's script log. */
export const LOG_PREFIX = "GamatechRopc.";

/** Writes the flow's lines, which are already ASCII-safe and free of secrets, to the script log. */
export class PrintLog implements Log {
  info(line: string): void {
    print(`${LOG_PREFIX} INFO ${line}`);
  }

  warn(line: string): void {
    print(`${LOG_PREFIX} WARN ${line}`);
  }
}
