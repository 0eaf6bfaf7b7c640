// The built scripts (ROPC and Authorization Challenge) in one long-lived Jython process (Janssen's model classes and service doubles, the real twilio-java SDK
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

/** The two built scripts local mode serves: /token runs the first, /authorize-challenge the second. */
export interface ScriptPaths {
  ropc: string;
  challenge: string;
}

export interface LocalWorld {
  scripts: ScriptPaths;
  users: WorldUser[];
  clientIds: string[];
  /** Confidential clients' secrets, which the challenge script checks through ClientService; the others are public. */
  clientSecrets: Record<string, string>;
  properties: Record<string, string | null>;
  /** twilio-java version on the world's classpath; default 7.17.0, what Janssen's installers ship. */
  twilioVersion?: string;
}

/** init returned False or raised: Janssen would disable the script; locally there is nothing worth serving. */
export class ScriptInitError extends Error {
  constructor(
    readonly script: string,
    readonly logs: string[],
  ) {
    super(`the init of ${script} failed`);
  }
}

type Instances = Record<keyof ScriptPaths, string>;

export class ScriptRunner {
  /** Seconds added to real time by the `advance` console command, so expiry can be shown without waiting. */
  private offsetMs = 0;
  private scriptNowMs: number;
  /** Each request's clock move and call must not interleave with another's: the clock and the outbox are shared. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly host: JythonScriptHost,
    private readonly instances: Instances,
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
      host.reset({
        clockMs: startMs,
        users: world.users,
        clients: world.clientIds,
        clientSecrets: world.clientSecrets,
      });
      const initLogs: string[] = [];
      const start = (scriptPath: string): string => {
        const instance = host.create(host.load(scriptPath));
        const init = host.init(instance, world.properties);
        if (init.outcome !== "returned" || init.value !== true) {
          const raised =
            init.outcome === "raised"
              ? [`init raised ${init.exception.type}: ${init.exception.message}`]
              : [];
          throw new ScriptInitError(scriptPath, [...init.logs, ...raised]);
        }
        initLogs.push(...init.logs);
        return instance;
      };
      const instances = { ropc: start(world.scripts.ropc), challenge: start(world.scripts.challenge) };
      return { runner: new ScriptRunner(host, instances, startMs), initLogs };
    } catch (error) {
      host.close();
      throw error;
    }
  }

  /** One request to the script of `kind`: the ROPC script at /token, the challenge script at /authorize-challenge. */
  call(kind: keyof ScriptPaths, call: ScriptCall): Promise<AuthenticateReply> {
    return this.serialised(async () => {
      await this.catchUpWithRealTime();
      return this.host.authenticate(this.instances[kind], call);
    });
  }

  /** The script's clock (real time plus the `advance` offset), which the codes' expiry follows too. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
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
        Object.values(this.instances).forEach((instance) => this.host.destroy(instance));
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
