// Starts a world's JVM (driver.py), or the file runner's, connected to its host through two named pipes.

import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { worldLaunch, type WorldJvmOptions } from "./world-launch";

/** A started driver: its pid, the write end of its command pipe and the non-blocking read end of its reply pipe. */
export interface WorldProcess {
  pid: number;
  commands: number;
  replies: number;
}

/**
 * Starts driver.py for `options` with its pipes and stderr.log in `folder`. The reply pipe is opened non-blocking, so the
 * host polls it: a late reply times out and a dead process shows as end of file. The host is the command pipe's only
 * writer, so the driver sees end of file, and exits, when the host's process goes away.
 */
export function spawnWorldProcess(folder: string, options: WorldJvmOptions): WorldProcess {
  return spawnPiped(folder, worldLaunch(folder, options));
}

/** Starts `launch` the same way: stdin from a command pipe, stdout into a reply pipe, stderr into stderr.log, all in `folder`. */
export function spawnPiped(
  folder: string,
  launch: { command: string; args: string[]; env: NodeJS.ProcessEnv },
): WorldProcess {
  const commandPipe = path.join(folder, "commands");
  const replyPipe = path.join(folder, "replies");
  execFileSync("mkfifo", [commandPipe, replyPipe]);
  // Opening one end of a FIFO blocks until the other end is open; a temporary read-write descriptor stands in for the
  // other end, so each side gets a plain (blocking for the child) descriptor, then goes away.
  const commandHold = fs.openSync(commandPipe, fs.constants.O_RDWR);
  const childStdin = fs.openSync(commandPipe, fs.constants.O_RDONLY);
  const commands = fs.openSync(commandPipe, fs.constants.O_WRONLY);
  fs.closeSync(commandHold);
  const replies = fs.openSync(replyPipe, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const childStdout = fs.openSync(replyPipe, fs.constants.O_WRONLY);
  const stderr = fs.openSync(path.join(folder, "stderr.log"), "a");
  const child = spawn(launch.command, launch.args, {
    stdio: [childStdin, childStdout, stderr],
    env: launch.env,
  });
  child.on("error", () => undefined);
  child.unref();
  fs.closeSync(childStdin);
  fs.closeSync(childStdout);
  fs.closeSync(stderr);
  if (child.pid === undefined) throw new Error(`${launch.command} could not be started`);
  return { pid: child.pid, commands, replies };
}
