// What the two Jython targets (jython-target.ts for the ROPC script, challenge-target.ts for the challenge script) share:
// one Jython process per SDK version and script for all the targets of a test file, the suites' users as world users, and
// the suites' faults as the Janssen and Twilio doubles' faults.

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { FaultSpec, WorldUser } from "../../src/world/protocol";
import type { Fault, TestUser } from "./target";

/**
 * The fake Twilio API answers a "timeout" only when the script gives up, so the Jython targets run with the shortest
 * Twilio timeout the script accepts unless a test sets one: the suites then wait one second, not ten, for each timed-out
 * send.
 */
export const TWILIO_TIMEOUT_SECONDS = "1";

const shared = new Map<string, { host: JythonScriptHost; script: string }>();

/** The Jython process of `version` with `scriptPath` loaded, started on first use. */
export function sharedJython(
  version: string,
  scriptPath: string,
): { host: JythonScriptHost; script: string } {
  const key = `${version} ${scriptPath}`;
  let world = shared.get(key);
  if (world === undefined) {
    const host = JythonScriptHost.start({
      twilioVersion: version,
      timeoutMs: 180_000,
      jit: "quick",
      reuse: true,
    });
    host.reset();
    world = { host, script: host.load(scriptPath) };
    shared.set(key, world);
  }
  return world;
}

/** Stops the shared Jython processes; call from afterAll. */
export function closeSharedJython(): void {
  for (const { host } of shared.values()) host.close();
  shared.clear();
}

export function worldUser(user: TestUser): WorldUser {
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(user.attributes)) {
    if (name !== "uid") attributes[name] = values;
  }
  return { uid: user.id, password: user.password, status: user.active ? "active" : "inactive", attributes };
}

/**
 * The Janssen doubles have one CacheService behind both of the flow's stores, so a store fault strikes both: coarser than
 * the TypeScript target, never milder. The log cannot fail on Janssen (print to the script log), so "log-throws" has no
 * counterpart here and injects nothing.
 */
export function faultSpecs(fault: Fault): FaultSpec[] {
  switch (fault.kind) {
    case "provider-refuses":
      return [{ target: "twilio", effect: "apiError", code: fault.errorCode, status: 400 }];
    // Through the real SDK: a read timeout is a request the fake never answers (the script's timeout ends it), a connect
    // timeout a connection that closes unanswered, anything else an answer that is not HTTP.
    case "provider-throws":
      return [
        {
          target: "twilio",
          effect: fault.message.startsWith("Read timed out")
            ? "timeout"
            : fault.message.includes("timed out")
              ? "drop"
              : "crash",
        },
      ];
    case "store-throws":
      return [
        {
          target:
            fault.method === "remove" ? "cache.remove" : fault.method === "get" ? "cache.get" : "cache.put",
          effect: "throw",
        },
      ];
    case "store-forgets":
      return [{ target: "cache.get", effect: "null" }];
    case "directory-throws":
      return [{ target: "users.getUserByAttribute", effect: "throw" }];
    case "passwords-throw":
      return [{ target: "auth.authenticate", effect: "throw" }];
    case "log-throws":
    case "stale-reads":
      return [];
  }
}
