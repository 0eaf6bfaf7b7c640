import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { giveBack, idleCount, IdleProcess, MAX_IDLE, release, takeIdle } from "../../src/world/host-pool";
import { JythonScriptHost, JythonScriptHostOptions } from "../../src/world/JythonScriptHost";
import { poolKey } from "../../src/world/world-launch";
import type { AuthenticateRequest } from "../../src/world/protocol";

const FIXTURE = path.join(__dirname, "fixtures", "PoolRopc.py");
// A JVM option of its own keeps other files' idle JVMs out of this file, so its first host is a fresh process.
const OPTIONS: JythonScriptHostOptions = {
  jit: "quick",
  jvmOptions: ["-Dgamatech.pool-test=1"],
  reuse: true,
};

jest.setTimeout(120_000);

afterAll(() => {
  for (let idle = takeIdle(poolKey(OPTIONS)); idle !== undefined; idle = takeIdle(poolKey(OPTIONS)))
    release(idle);
});

function probe(name: string, arg = ""): AuthenticateRequest {
  return { parameters: { probe: name, arg }, clientId: "client-1", ip: "10.0.0.1" };
}

function answer(host: JythonScriptHost, instance: string, name: string, arg = ""): string | undefined {
  return host.authenticate(instance, probe(name, arg)).headers["X-Probe"];
}

/** Loads the fixture, makes an instance (whose init starts an executor thread) and checks the handles a fresh JVM gives. */
function loadFixture(host: JythonScriptHost): string {
  const script = host.load(FIXTURE);
  expect(script).toBe("script1");
  const instance = host.create(script);
  expect(instance).toBe("instance1");
  expect(host.init(instance, {})).toMatchObject({ outcome: "returned", value: true });
  return instance;
}

/** What a test sees of a JVM before any command that changes it. */
function observe(host: JythonScriptHost) {
  return {
    clock: host.advanceClock(0),
    cache: host.cache(),
    twilio: host.twilioRequests(),
    info: host.worldInfo(),
  };
}

/** No such process, or one that exited and waits for this (synchronously busy) process to reap it. */
function gone(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") === true;
  } catch {
    return true;
  }
}

test("a second use gets the same JVM, in the state of a fresh start", () => {
  const first = JythonScriptHost.start(OPTIONS);
  const fresh = observe(first);
  const instance = loadFixture(first);
  const sent = answer(first, instance, "sms", "+15550001111");
  first.fault({ target: "twilio", effect: "apiError", code: 21211, status: 400 });
  expect(answer(first, instance, "loads")).toBe("1");
  expect(answer(first, instance, "cachePut", "left-behind")).toBe("stored");
  first.advanceClock(60_000);
  expect(first.twilioRequests()).toHaveLength(1);
  const pid = first.pid;
  first.close();
  expect(() => first.worldInfo()).toThrow(/closed/);

  const second = JythonScriptHost.start(OPTIONS);
  expect(second.pid).toBe(pid);
  expect(observe(second)).toEqual(fresh);
  expect(() => second.create("script1")).toThrow(/KeyError/);
  const again = loadFixture(second);
  // The module is executed afresh, the fault is gone (the SMS goes through) and the cache entry with it.
  expect(answer(second, again, "loads")).toBe("1");
  expect(answer(second, again, "sms", "+15550001111")).toBe(sent);
  expect(second.cache()).toEqual({});
  expect(second.strayOutput).toEqual([]);
  second.close();
  expect(gone(pid)).toBe(false);
});

test("a JVM whose threads outlive the recycle, that was killed or that timed out is never reused", () => {
  const stubborn = JythonScriptHost.start(OPTIONS);
  const instance = loadFixture(stubborn);
  expect(answer(stubborn, instance, "stubborn", "30000")).toBe("started");
  stubborn.close();

  const next = JythonScriptHost.start(OPTIONS);
  expect(next.pid).not.toBe(stubborn.pid);
  expect(gone(stubborn.pid)).toBe(true);
  process.kill(next.pid, "SIGKILL");
  next.close();

  const late = JythonScriptHost.start(OPTIONS);
  expect(late.pid).not.toBe(next.pid);
  expect(late.worldInfo().twilioVersion).toBe("7.17.0");
  expect(() => late.send({ cmd: "load", path: FIXTURE }, 1)).toThrow(/was killed/);
  late.close();

  const last = JythonScriptHost.start(OPTIONS);
  expect(last.pid).not.toBe(late.pid);
  expect(last.worldInfo().twilioVersion).toBe("7.17.0");
  last.close();
});

describe("the worker's pool", () => {
  const KEY = "host-pool.test";

  function entry(pid: number): IdleProcess {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-pool-test-"));
    const null_ = () => fs.openSync("/dev/null", "r");
    return { key: KEY, pid, folder, commands: null_(), replies: null_(), nextId: 1 };
  }

  it("keeps at most MAX_IDLE JVMs, quitting the oldest, and hands out the newest first", () => {
    const entries = Array.from({ length: MAX_IDLE + 1 }, () => entry(process.pid));
    for (const idle of entries) giveBack(idle);
    expect(idleCount()).toBe(MAX_IDLE);
    expect(fs.existsSync((entries[0] as IdleProcess).folder)).toBe(false);
    const taken: IdleProcess[] = [];
    for (let idle = takeIdle(KEY); idle !== undefined; idle = takeIdle(KEY)) taken.push(idle);
    expect(taken).toEqual(entries.slice(1).reverse());
    taken.forEach(release);
  });

  it("drops an idle JVM that died meanwhile", () => {
    const dead = entry(spawnSync("true").pid as number);
    giveBack(dead);
    expect(takeIdle(KEY)).toBeUndefined();
    expect(fs.existsSync(dead.folder)).toBe(false);
  });
});
