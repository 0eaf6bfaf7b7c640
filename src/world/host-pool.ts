// Idle Jython JVMs kept for the next test file of the same Jest worker. Jest gives every test file a fresh module registry
// and global context, so a module-level pool would die with its file; Node's core modules are the one object every file
// of a worker process gets, so the pool hangs on child_process under a registry symbol. It holds plain numbers and
// strings only: an object made by one file's modules carries that file's prototypes (JSON replies that fail
// toStrictEqual elsewhere, instanceof across files), so each file wraps an adopted JVM in its own JythonScriptHost.
import fs = require("fs");
import childProcess = require("child_process");

/** A running driver between two uses, after the recycle command brought it back to the state of a fresh start. */
export interface IdleProcess {
  /** The options that shaped the JVM (see poolKey). */
  key: string;
  pid: number;
  /** The host's temporary folder: the pipes, the hosts file and stderr.log. */
  folder: string;
  /** File descriptors of this worker process: the command pipe's only writer and the reply pipe's reader. */
  commands: number;
  replies: number;
  /** The next command id, so a late reply of the last use can never pass for one of the next. */
  nextId: number;
}

interface Pool {
  idle: IdleProcess[];
}

const POOL = Symbol.for("gamatech-ropc.jython-host-pool");
/**
 * A worker keeps at most this many idle JVMs (each holds a few hundred MB); the oldest goes first. Five cover the shapes
 * that alternate within one worker's files (the default SDK, the newest one, a node pair on the backends' classpath, the
 * compiler tests' file runner).
 */
export const MAX_IDLE = 5;

function pool(): Pool {
  const holder = childProcess as unknown as Record<symbol, Pool | undefined>;
  holder[POOL] ??= { idle: [] };
  return holder[POOL];
}

/** Takes an idle JVM started with options of this key, the most recently returned first; undefined when there is none. */
export function takeIdle(key: string): IdleProcess | undefined {
  const idle = pool().idle;
  for (let at = idle.length - 1; at >= 0; at--) {
    const found = idle[at] as IdleProcess;
    if (found.key !== key) continue;
    idle.splice(at, 1);
    if (alive(found.pid)) return found;
    release(found);
  }
  return undefined;
}

/** Keeps a recycled JVM for a later start, quitting the oldest idle ones beyond MAX_IDLE. */
export function giveBack(entry: IdleProcess): void {
  const idle = pool().idle;
  idle.push(entry);
  while (idle.length > MAX_IDLE) release(idle.shift() as IdleProcess);
}

/** How many JVMs this worker keeps idle now (for tests of the pool). */
export function idleCount(): number {
  return pool().idle.length;
}

/** Quits a JVM taken from the pool: the end of file on its command pipe makes the driver quit; nobody waits for it. */
export function release(entry: IdleProcess): void {
  for (const fd of [entry.commands, entry.replies]) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
  fs.rmSync(entry.folder, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
