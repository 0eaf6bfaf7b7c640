// `serve --clock-control`: lines on stdin move the script's clock ahead of real time, so code and session expiry can be
// tried (and tested) in seconds. Off by default: a server started in the background must not read the terminal.

import * as readline from "readline";
import type { ScriptRunner } from "./script-runner";

const ADVANCE = /^\s*advance\s+([0-9]{1,7})\s*$/;

export function listenForClockCommands(
  runner: ScriptRunner,
  print: (line: string) => void,
): readline.Interface {
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    const match = ADVANCE.exec(line);
    if (match === null) {
      print("clock control: the only command is `advance SECONDS`, e.g. advance 301");
      return;
    }
    runner.advance(Number(match[1])).then(
      (offset) => print(`clock control: the script's clock is now ${offset} s ahead of real time`),
      (error: Error) => print(`clock control: failed: ${error.message}`),
    );
  });
  return lines;
}
