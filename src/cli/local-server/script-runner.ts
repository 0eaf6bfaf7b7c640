// The built script in one long-lived Jython process (Janssen's model classes and service doubles, the real twilio-java SDK
// talking HTTPS to the world's fake Twilio API), on a clock that follows real time. The world is the one the conformance
// tests use, so local mode runs exactly what they check.

import { JythonScriptHost } from "../../world/JythonScriptHost";
import type { AuthenticateReply, WorldUser } from "../../world/protocol";

export interface ScriptCall {
  parameters: Record<string, string | string[]>;
  clientId: string;
  ip: string;
  headers: Record<string, string>;
}

export interface LocalWorld {
  scriptPath: string;
  users: WorldUser[];
  clientIds: string[];
  properties: Record<string, string | null>;
  /** twilio-java version on the world's classpath; default 7.17.0, what Janssen's installers ship. */
  twilioVersion?: string;
}

/** init returned False or raised: Janssen would disable the script; locally there is nothing worth serving. */
export class ScriptInitError extends Error {
  constructor(readonly logs: string[]) {
    super("the script's init failed");
  }
}

export class ScriptRunner {
  /** Seconds added to real time by the `advance` console command, so expiry can be shown without waiting. */
  private offsetMs = 0;
  private scriptNowMs: number;
  /** Each request's clock move and call must not interleave with another's: the clock and the outbox are shared. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly host: JythonScriptHost,
    private readonly instance: string,
    startMs: number,
  ) {
    this.scriptNowMs = startMs;
  }

  static async start(world: LocalWorld): Promise<{ runner: ScriptRunner; initLogs: string[] }> {
    const host = JythonScriptHost.start({
      timeoutMs: 180_000,
      twilioVersion: world.twilioVersion,
      jit: "quick",
    });
    try {
      const startMs = Date.now();
      host.reset({ clockMs: startMs, users: world.users, clients: world.clientIds });
      const script = host.load(world.scriptPath);
      const instance = host.create(script);
      const init = host.init(instance, world.properties);
      if (init.outcome !== "returned" || init.value !== true) {
        const raised =
          init.outcome === "raised" ? [`init raised ${init.exception.type}: ${init.exception.message}`] : [];
        throw new ScriptInitError([...init.logs, ...raised]);
      }
      return { runner: new ScriptRunner(host, instance, startMs), initLogs: init.logs };
    } catch (error) {
      host.close();
      throw error;
    }
  }

  authenticate(call: ScriptCall): Promise<AuthenticateReply> {
    return this.serialised(async () => {
      await this.catchUpWithRealTime();
      return this.host.authenticate(this.instance, call);
    });
  }

  /** Moves the script's clock ahead of real time for good; returns the new total offset in seconds. */
  advance(seconds: number): Promise<number> {
    return this.serialised(async () => {
      this.offsetMs += seconds * 1000;
      await this.catchUpWithRealTime();
      return this.offsetMs / 1000;
    });
  }

  /** destroy first, as Janssen does when it unloads a script: it stops the script's Twilio threads, which keep a JVM alive. */
  close(): Promise<void> {
    return this.serialised(async () => {
      // Ctrl-C in a terminal reaches Jython too (same process group): when it is already gone, there is nothing to stop.
      try {
        this.host.destroy(this.instance);
      } catch {
        // already gone
      }
      this.host.close();
    });
  }

  private async catchUpWithRealTime(): Promise<void> {
    const delta = Date.now() + this.offsetMs - this.scriptNowMs;
    // The doubles' clock only moves forward; a system clock stepping back just pauses it.
    if (delta > 0) this.scriptNowMs = this.host.advanceClock(delta);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
