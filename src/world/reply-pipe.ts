// The read end of a driver's reply pipe, opened non-blocking: lines are polled for, so a late reply can time out and a
// dead process shows as end of file.

import * as fs from "fs";

const sleeper = new Int32Array(new SharedArrayBuffer(4));
export function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** What waiting for a line gave: the line, the deadline passing first, or the end of the pipe (the process ended). */
export type LineRead = { line: string } | { late: true } | { ended: true };

export class ReplyPipe {
  private pending = "";

  constructor(readonly fd: number) {}

  /** Nothing read and not yet taken as a line. */
  get drained(): boolean {
    return this.pending === "";
  }

  nextLine(deadline: number): LineRead {
    const buffer = Buffer.alloc(65536);
    const began = Date.now();
    let pause = 0.05;
    while (!this.pending.includes("\n")) {
      let count: number;
      try {
        count = fs.readSync(this.fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        if (Date.now() > deadline) return { late: true };
        sleepMs(pause);
        // Most commands answer within milliseconds: polling finely then keeps the JVM from idling until the next look (a
        // 5 ms step made a 1 ms request take 1.26 ms instead of 1.07); a long command is polled more rarely.
        pause = Math.min(pause * 2, Date.now() - began < 20 ? 0.25 : 5);
        continue;
      }
      if (count === 0) return { ended: true };
      pause = 0.05;
      this.pending += buffer.toString("utf8", 0, count);
    }
    const at = this.pending.indexOf("\n");
    const line = this.pending.slice(0, at);
    this.pending = this.pending.slice(at + 1);
    return { line };
  }

  /** Reads to the end of the pipe (the process ended): true when it came within `ms`. */
  waitForEnd(ms: number): boolean {
    const deadline = Date.now() + ms;
    const buffer = Buffer.alloc(4096);
    for (;;) {
      try {
        if (fs.readSync(this.fd, buffer, 0, buffer.length, null) === 0) return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return true;
        if (Date.now() > deadline) return false;
        sleepMs(5);
      }
    }
  }
}
