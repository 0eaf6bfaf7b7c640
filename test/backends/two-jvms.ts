// What the backend suites share: the built script loaded in two JVMs (two cluster nodes) whose worlds run on one real
// server, and the claims and parallel commands released at the same wall-clock moment on both.

import * as path from "path";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type {
  CacheBackendSpec,
  ClaimOpSpec,
  ParallelReply,
  ParallelRequest,
  ScriptOutcome,
  WorldUser,
} from "../../src/world/protocol";
import { startTestWorld } from "../support/test-world";

export const BUILT_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "GamatechRopc.py");

export const CONFIG: Record<string, string> = {
  twilio_account_sid: "AC0123456789abcdef0123456789abcdef",
  twilio_auth_token: "auth-token-never-logged-4242",
  twilio_from_number: "+15005550006",
};

export const ALICE = {
  uid: "alice",
  password: "correct horse battery",
  attributes: { mobile: ["+4915112345678"] },
};

export type ClaimResult = ScriptOutcome<boolean | string | null>;

/** Time for both JVMs to receive their detached command before the common release. */
const RELEASE_DELAY_MS = 1500;

export interface WorldOptions {
  /** Empty the server's data at the reset (default true); the second node of a pair keeps the first one's. */
  flush?: boolean;
  /** The world's store round trip, real ms (CacheService, and the database's entry manager). */
  latencyMs?: number;
  users?: WorldUser[];
  /** The world's clock at the reset, epoch ms (the driver's default otherwise). */
  clockMs?: number;
}

/** Two JVMs with the backends' client jars, each with the built script loaded (its id recorded in `scripts`). */
export function startNodePair(scripts: Map<JythonScriptHost, string>): [JythonScriptHost, JythonScriptHost] {
  const pair: [JythonScriptHost, JythonScriptHost] = [startTestWorld(), startTestWorld()];
  for (const host of pair) {
    host.reset({});
    scripts.set(host, host.load(BUILT_SCRIPT));
  }
  return pair;
}

/** A fresh world on `backend` and an initialised script instance on it. */
export function node(
  host: JythonScriptHost,
  script: string,
  backend: CacheBackendSpec,
  properties: Record<string, string>,
  options: WorldOptions = {},
): { instance: string; logs: string[] } {
  host.reset({
    ...(options.clockMs === undefined ? {} : { clockMs: options.clockMs }),
    users: options.users ?? [ALICE],
    latencyMs: options.latencyMs ?? 0,
    cacheBackend: { ...backend, flush: options.flush ?? true } as CacheBackendSpec,
  });
  const instance = host.create(script);
  const init = host.init(instance, properties);
  if (init.outcome !== "returned" || init.value !== true)
    throw new Error(`init failed: ${JSON.stringify(init)}`);
  return { instance, logs: init.logs };
}

/** Runs claim-store operations on one instance (`parallel`: all on their own threads, released together). */
export function claims(
  host: JythonScriptHost,
  instance: string,
  ops: ClaimOpSpec[],
  options: { parallel?: boolean } = {},
): ClaimResult[] {
  return host.send({ cmd: "claims", instance, ops, ...options }).results as ClaimResult[];
}

export function claimOps(keys: string[], perKey: number, ttlSeconds = 60): ClaimOpSpec[] {
  return keys.flatMap((key) =>
    Array.from({ length: perKey }, (_, i) => ({
      op: "claim" as const,
      key,
      value: `${key}#${i}`,
      ttlSeconds,
    })),
  );
}

export function returned(results: ClaimResult[]): (boolean | string | null)[] {
  for (const result of results) {
    if (result.outcome === "raised")
      throw new Error(`a claim raised ${result.exception.type}: ${result.exception.message}`);
  }
  return results.map((result) => (result.outcome === "returned" ? result.value : null));
}

/** One list of claim operations per node, all released together on parallel threads of both JVMs. */
export function claimsOnBoth(
  nodes: [JythonScriptHost, string][],
  opsPerNode: ClaimOpSpec[][],
): ClaimResult[][] {
  const startAtMs = Date.now() + RELEASE_DELAY_MS;
  const tickets = nodes.map(
    ([host, instance], index) =>
      host.send({
        cmd: "claims",
        instance,
        ops: opsPerNode[index] ?? [],
        parallel: true,
        detach: true,
        startAtMs,
      }).ticket as number,
  );
  return nodes.map(
    ([host], index) =>
      host.send({ cmd: "claimResults", ticket: tickets[index] ?? -1 }).results as ClaimResult[],
  );
}

/** One list of requests per JVM, all released together. */
export function requestsOnBoth(hosts: JythonScriptHost[], requests: ParallelRequest[][]): ParallelReply[] {
  const startAtMs = Date.now() + RELEASE_DELAY_MS;
  const tickets = hosts.map(
    (host, index) =>
      host.send({ cmd: "parallelDetached", requests: requests[index] ?? [], startAtMs }).ticket as number,
  );
  return hosts.map(
    (host, index) =>
      host.send({ cmd: "parallelResults", ticket: tickets[index] ?? -1 }) as unknown as ParallelReply,
  );
}

export function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
