// Asking the person (or a script) for the code and the password. On a terminal, secrets are read without echo; otherwise
// one line of stdin answers each prompt, so the login can be driven by a pipe.

import * as readline from "readline";

export interface Prompter {
  /** The answer, or null when input has ended (Ctrl-D, end of the pipe). */
  ask(question: string, options: { hidden: boolean }): Promise<string | null>;
}

const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const BACKSPACES = new Set(["\u007f", "\b"]);

/** Raw-mode reading, so nothing typed is echoed when `hidden`; Ctrl-C stops the login as it would anywhere else. */
class TerminalPrompter implements Prompter {
  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly echo: NodeJS.WriteStream,
  ) {}

  ask(question: string, options: { hidden: boolean }): Promise<string | null> {
    this.echo.write(question);
    this.input.setRawMode(true);
    this.input.resume();
    return new Promise((resolve) => {
      let answer = "";
      const finish = (result: string | null) => {
        this.input.off("data", onData);
        this.input.setRawMode(false);
        this.input.pause();
        this.echo.write("\n");
        resolve(result);
      };
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString("utf8")) {
          if (char === CTRL_C) {
            this.input.setRawMode(false);
            this.echo.write("\n");
            process.exit(130);
          }
          if (char === "\r" || char === "\n") return finish(answer);
          if (char === CTRL_D && answer === "") return finish(null);
          if (BACKSPACES.has(char)) {
            if (answer !== "" && !options.hidden) this.echo.write("\b \b");
            answer = answer.slice(0, -1);
          } else if (char >= " ") {
            answer += char;
            if (!options.hidden) this.echo.write(char);
          }
        }
      };
      this.input.on("data", onData);
    });
  }
}

/** Lines are queued as they arrive, so answers written ahead of their prompts are not lost. */
class LinePrompter implements Prompter {
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  private readonly reader: readline.Interface;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly echo: NodeJS.WritableStream,
  ) {
    this.reader = readline.createInterface({ input, terminal: false });
    this.reader.on("line", (line) => this.deliver(line));
    this.reader.on("close", () => {
      this.ended = true;
      this.deliver(null);
    });
  }

  ask(question: string): Promise<string | null> {
    this.echo.write(question + "\n");
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private deliver(line: string | null): void {
    const waiting = this.waiting;
    if (waiting !== null) {
      this.waiting = null;
      waiting(line);
    } else if (line !== null) {
      this.lines.push(line);
    }
  }
}

/** Prompts go to stderr, so stdout carries only the results (and stays clean for --json). */
export function stdinPrompter(): Prompter {
  return process.stdin.isTTY
    ? new TerminalPrompter(process.stdin, process.stderr)
    : new LinePrompter(process.stdin, process.stderr);
}
