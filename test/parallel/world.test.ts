// The parallel world itself (issue 12 §1): the driver's `parallel` command releases K requests together on real Java
// threads, gives each its own answer, logs and SMS (also when a script sends from its own thread pool), charges every
// store operation its round trip, and serializes nothing a script does not serialize itself.

import * as path from "path";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { ParallelRequest } from "../../src/world/protocol";
import { startTestWorld } from "../support/test-world";

jest.setTimeout(120_000);

const RACE = path.join(__dirname, "fixtures", "RaceRopc.py");
let host: JythonScriptHost;
let instances: string[];

beforeAll(async () => {
  host = startTestWorld();
  await host.reset();
  const script = await host.load(RACE);
  instances = [await host.create(script), await host.create(script)];
  for (const instance of instances) await host.init(instance, {});
});

afterAll(async () => {
  await host.close();
});

function request(i: number, parameters: Record<string, string>): ParallelRequest {
  return { instance: instances[i % 2]!, parameters, clientId: "client", ip: `10.0.0.${i % 250}` };
}

function phone(i: number): string {
  return `+49151120${String(i).padStart(5, "0")}`;
}

// 50, not 200: every SMS here is a real HTTPS request from twilio-java to the fake Twilio API, each on its own connection.
it("gives each of 50 requests its own headers, log lines and SMS, also an SMS sent from the script's pool", async () => {
  await host.reset();
  const k = 50;
  const reply = await host.parallel(
    Array.from({ length: k }, (_, i) => request(i, { action: "tagged", tag: String(i), to: phone(i) })),
  );
  expect(reply.results).toHaveLength(k);
  reply.results.forEach((result, i) => {
    expect(result.outcome).toBe("returned");
    expect(result.headers).toEqual({ "X-Tag": String(i) });
    expect(result.logs).toEqual([`tag=${i}`]);
    expect(result.sms.map((sms) => [sms.to, sms.body])).toEqual([[phone(i), `tag ${i}`]]);
  });
  expect(reply.unattributed).toEqual({ sms: [], verify: [], logs: [] });
});

it("releases the requests together and charges each store operation its round trip", async () => {
  await host.reset({ latencyMs: 10 });
  const k = 100;
  const reply = await host.parallel(Array.from({ length: k }, (_, i) => request(i, { action: "get" })));
  for (const result of reply.results) expect(result.elapsedMs).toBeGreaterThanOrEqual(9.5);
  // One get each: 100 in a row would take a second; together they take about one round trip.
  expect(reply.elapsedMs).toBeLessThan((k * 10) / 2);

  await host.reset({ latencyMs: 0 });
  const fast = await host.parallel([request(0, { action: "get" })]);
  expect(fast.results[0]!.elapsedMs).toBeLessThan(9.5);
});

it("serializes nothing: a read-increment-write of one counter by 100 requests loses updates, as on a server", async () => {
  await host.reset({ latencyMs: 2 });
  await host.parallel(Array.from({ length: 100 }, (_, i) => request(i, { action: "increment" })));
  const counter = Number((await host.cache()).counter?.value);
  expect(counter).toBeGreaterThanOrEqual(1);
  expect(counter).toBeLessThan(100);
});

it("reports success when removing an entry that another request already removed", async () => {
  await host.reset({ latencyMs: 2 });
  const reply = await host.parallel(
    Array.from({ length: 20 }, (_, i) => request(i, { action: "remove-twice", tag: "x" })),
  );
  for (const result of reply.results) {
    expect(result.outcome).toBe("returned");
    expect(result.headers).toEqual({ "X-Removed": "yes" });
  }
});

it("keeps the authenticated user per request thread", async () => {
  const users = Array.from({ length: 50 }, (_, i) => ({ uid: `user${i}`, password: `pw${i}` }));
  await host.reset({ users, latencyMs: 2 });
  const reply = await host.parallel(
    users.map((user, i) => request(i, { action: "login", username: user.uid, password: user.password })),
  );
  reply.results.forEach((result, i) => {
    expect(result.outcome === "returned" && result.value).toBe(true);
    expect(result.user?.userId).toBe(`user${i}`);
  });
});

it("refuses more than 200 requests, or none", async () => {
  // The client may answer synchronously or with a promise: either way the command must fail.
  const attempt = async (requests: ParallelRequest[]) => host.parallel(requests);
  await expect(attempt([])).rejects.toThrow(/1 to 200 requests/);
  const many = Array.from({ length: 201 }, (_, i) => request(i, { action: "get" }));
  await expect(attempt(many)).rejects.toThrow(/1 to 200 requests/);
});
