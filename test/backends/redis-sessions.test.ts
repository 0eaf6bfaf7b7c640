// On Redis every failed write reaches the script as an exception (Janssen's Redis providers catch nothing), so the BUILT
// script does not read its session writes back there: one round trip less per start and per code step, the second one
// under the session lock. Seen on a real redis-server through MONITOR, which lists every command with its key. Where a write
// can be lost silently the flow still reads each one back (test/flow/concurrency.test.ts; the Jython fault suites).
import { spawn, type ChildProcess } from "child_process";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { CacheBackendSpec } from "../../src/world/protocol";
import { CacheServer, startRedis } from "../../src/world/servers";
import { ALICE, BUILT_SCRIPT, CONFIG, node, sleepMs } from "./two-jvms";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(300_000);

let redis: CacheServer;
let host: JythonScriptHost;
let script: string;

beforeAll(async () => {
  redis = await startRedis();
  host = startTestWorld();
  host.reset({});
  script = host.load(BUILT_SCRIPT);
});

afterAll(async () => {
  host?.close();
  await redis?.stop();
});

/** redis-cli MONITOR on the test server: every command it runs from now on, one line each, until `stop`. */
async function monitor(): Promise<{ stop: () => Promise<string[]> }> {
  const child: ChildProcess = spawn("redis-cli", ["-p", String(redis.port), "monitor"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  await new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    const waitForOk = () => (output.startsWith("OK") ? resolve() : setTimeout(waitForOk, 10));
    waitForOk();
  });
  return {
    stop: async () => {
      // The host's calls block this thread: let the monitor's last lines arrive before it goes.
      sleepMs(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      child.kill();
      return output.split("\n").slice(1);
    },
  };
}

const LOGIN = { clientId: "app-1", ip: "198.51.100.7" };

function sessionCommands(lines: string[], sessionId: string): string[] {
  return lines
    .filter((line) => line.includes(`gamatech-ropc:session:${sessionId}`))
    .map((line) => /"(\w+)"/.exec(line)?.[1]?.toUpperCase() ?? "?");
}

function start(backend: CacheBackendSpec): { instance: string; sessionId: string; code: string } {
  const { instance } = node(host, script, backend, CONFIG);
  const reply = host.authenticate(instance, { ...LOGIN, parameters: { __step: "1", username: ALICE.uid } });
  const sessionId = /session_id=([0-9a-f]+)/.exec(reply.headers["X-ROPC-TWO-FA"] ?? "")?.[1] ?? "";
  const code = /(\d{6})/.exec(reply.sms[0]?.body ?? "")?.[1] ?? "";
  expect(code).toHaveLength(6);
  return { instance, sessionId, code };
}

test("on Redis a start writes its session once and reads nothing back; the right code reads it twice and writes it once", async () => {
  const watch = await monitor();
  const { instance, sessionId, code } = start({ kind: "redis", port: redis.port });
  const afterStart = sessionCommands(await watch.stop(), sessionId);
  expect(afterStart).toEqual(["SETEX"]);
  const again = await monitor();
  const step2 = { __step: "2", __session_id: sessionId, username: ALICE.uid, password: code };
  const checked = host.authenticate(instance, { ...LOGIN, parameters: step2 });
  expect(checked.headers["X-ROPC-TWO-FA"]).toContain("step=3");
  expect(sessionCommands(await again.stop(), sessionId)).toEqual(["GET", "GET", "SETEX"]);
  const step3 = { __step: "3", __session_id: sessionId, username: ALICE.uid, password: ALICE.password };
  expect(host.authenticate(instance, { ...LOGIN, parameters: step3 })).toMatchObject({ value: true });
});
