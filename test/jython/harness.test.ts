import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  buildJavaDoubles,
  janssenModelJar,
  NEWEST_TWILIO_VERSION,
  worldClasspath,
} from "../../src/world/javaDoubles";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import { COMPILED_SCRIPTS } from "../../src/world/world-launch";
import { AuthenticateRequest } from "../../src/world/protocol";
import { startTestWorld } from "../support/test-world";

const MINIMAL = path.resolve(__dirname, "..", "..", "bench", "floor", "MinimalRopc.py");
const PROBE = path.join(__dirname, "fixtures", "ProbeRopc.py");
const TWILIO = { account_sid: "AC0123456789abcdef0123456789abcdef", auth_token: "token-secret-123" };
const SERVICE = "MG" + "0123456789abcdef".repeat(2);
const ALICE = {
  uid: "alice",
  password: "correct horse",
  attributes: { mail: "alice@example.com", mobile: ["+15550001111", "+15550002222"] },
};

jest.setTimeout(120_000);

// The probe needs Verify (7.37 and later); the newest line also retries 429 and 503, which the records show.
let host: JythonScriptHost;

beforeAll(() => {
  host = startTestWorld({ twilioVersion: NEWEST_TWILIO_VERSION });
});

afterAll(() => {
  host.close();
});

function passwordRequest(username: string, password: string): AuthenticateRequest {
  return { parameters: { username, password }, clientId: "client-1", ip: "10.0.0.1" };
}

function probe(name: string, ...args: string[]): AuthenticateRequest {
  return { parameters: { probe: name, arg: args }, clientId: "client-1", ip: "10.0.0.1" };
}

async function probeInstance(): Promise<string> {
  const instance = await host.create(await host.load(PROBE));
  await host.init(instance, TWILIO);
  return instance;
}

describe("the world's classpath", () => {
  it("compiles the doubles into one jar, reused while the sources are unchanged", () => {
    const jars = buildJavaDoubles();
    expect(fs.existsSync(jars.jar)).toBe(true);
    expect(buildJavaDoubles()).toEqual(jars);
  });

  it("holds the doubles, Janssen's model jar, the real twilio-java jars of one version, then extra jars", () => {
    const classpath = worldClasspath({ twilioVersion: "7.17.0", extraJars: ["/extra.jar"] });
    expect(classpath[0]).toBe(buildJavaDoubles().jar);
    expect(classpath[1]).toBe(janssenModelJar());
    expect(classpath.map((jar) => path.basename(jar))).toEqual(
      expect.arrayContaining(["twilio-7.17.0.jar", "httpclient-4.5.2.jar"]),
    );
    expect(classpath[classpath.length - 1]).toBe("/extra.jar");
  });

  it("runs the version it was started for, reached through the JVM's proxy settings", () => {
    const info = host.worldInfo();
    expect(info.twilioVersion).toBe(NEWEST_TWILIO_VERSION);
    expect(info.fakeTwilio).toMatch(/proxy 127\.0\.0\.1:\d+/);
  });
});

describe("loading a script through the cache of compiled classes", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-compiled-"));
  const script = path.join(folder, "EditedRopc.py");
  const minimal = fs.readFileSync(MINIMAL, "utf8");

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  async function initLogs(): Promise<string[] | undefined> {
    const instance = await host.create(await host.load(script));
    return (await host.init(instance, {})).logs;
  }

  it("loads an edited script as edited, from one class per source", async () => {
    const unique = `MinimalRopc. init ${process.pid}-${Date.now()}`;
    fs.writeFileSync(script, minimal.replace('"MinimalRopc. init"', JSON.stringify(unique)));
    const before = new Set(fs.existsSync(COMPILED_SCRIPTS) ? fs.readdirSync(COMPILED_SCRIPTS) : []);
    expect(await initLogs()).toEqual([unique]);
    const made = fs.readdirSync(COMPILED_SCRIPTS).filter((name) => !before.has(name));
    expect(made).toHaveLength(1);
    expect(await initLogs()).toEqual([unique]);
    fs.writeFileSync(script, minimal.replace('"MinimalRopc. init"', JSON.stringify(`${unique} edited`)));
    expect(await initLogs()).toEqual([`${unique} edited`]);
  });

  it("names the source in tracebacks and __file__, as a plain load does", async () => {
    fs.writeFileSync(
      script,
      minimal.replace('print "MinimalRopc. init"', 'raise ValueError(__file__ + " 0")'),
    );
    const instance = await host.create(await host.load(script));
    const reply = await host.init(instance, {});
    expect(reply).toMatchObject({
      outcome: "raised",
      exception: { type: "ValueError", message: `${script} 0` },
    });
    expect((reply as { exception: { traceback: string } }).exception.traceback).toContain(
      `File "${script}", line 14`,
    );
  });

  it("drops classes no load has used for a week when it compiles a new one", async () => {
    fs.mkdirSync(COMPILED_SCRIPTS, { recursive: true });
    const stale = path.join(COMPILED_SCRIPTS, `stale-${process.pid}$py.class`);
    const recent = path.join(COMPILED_SCRIPTS, `recent-${process.pid}$py.class`);
    fs.writeFileSync(stale, "");
    fs.writeFileSync(recent, "");
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000);
    fs.utimesSync(stale, eightDaysAgo, eightDaysAgo);
    fs.utimesSync(recent, sixDaysAgo, sixDaysAgo);
    fs.writeFileSync(script, minimal.replace('"MinimalRopc. init"', JSON.stringify(`pruning ${Date.now()}`)));
    await initLogs();
    expect([fs.existsSync(stale), fs.existsSync(recent)]).toEqual([false, true]);
    fs.rmSync(recent);
  });

  it("still reports a script that does not compile as the plain load does", async () => {
    fs.writeFileSync(script, minimal.replace("def init(self", "def init(self,,"));
    const loaded = await host.tryLoad(script);
    expect(loaded).toMatchObject({ outcome: "raised", exception: { type: "SyntaxError" } });
  });
});

describe("MinimalRopc.py through the driver", () => {
  let instance: string;

  beforeAll(async () => {
    await host.reset({ users: [ALICE, { uid: "bob", password: "pw", status: "inactive" }] });
    instance = await host.create(await host.load(MINIMAL));
  });

  it("follows Janssen's loading sequence", async () => {
    expect(await host.getApiVersion(instance)).toMatchObject({ outcome: "returned", value: 11 });
    expect(await host.init(instance, {})).toEqual({
      outcome: "returned",
      value: true,
      logs: ["MinimalRopc. init"],
    });
  });

  it("issues a token for the right password", async () => {
    const reply = await host.authenticate(instance, passwordRequest("alice", "correct horse"));
    expect(reply).toMatchObject({ outcome: "returned", value: true, headers: {}, sms: [], verify: [] });
    expect(reply.user).toEqual({ userId: "alice", dn: "inum=alice,ou=people,o=jans" });
  });

  it("refuses a wrong password, an unknown user and an inactive account", async () => {
    for (const [username, password] of [
      ["alice", "wrong"],
      ["nobody", "pw"],
      ["bob", "pw"],
    ] as const) {
      const reply = await host.authenticate(instance, passwordRequest(username, password));
      expect(reply).toMatchObject({
        outcome: "returned",
        value: false,
        user: null,
        logs: ["MinimalRopc. authenticate: rejected"],
      });
    }
  });

  it("turns an injected service failure into a refusal, not an escaped exception", async () => {
    await host.fault({ target: "auth.authenticate", effect: "throw", times: 1 });
    const failed = await host.authenticate(instance, passwordRequest("alice", "correct horse"));
    expect(failed).toMatchObject({
      outcome: "returned",
      value: false,
      logs: ["MinimalRopc. authenticate: IllegalStateException"],
    });
    const recovered = await host.authenticate(instance, passwordRequest("alice", "correct horse"));
    expect(recovered).toMatchObject({ outcome: "returned", value: true });
  });
});

describe("driver mechanics", () => {
  beforeEach(async () => {
    await host.reset({ clockMs: 1_000_000 });
  });

  it("shares the cache between two instances (two cluster nodes) and expires it on the test clock", async () => {
    const script = await host.load(PROBE);
    const [nodeA, nodeB] = [await host.create(script), await host.create(script)];
    await host.authenticate(nodeA, probe("cachePut", "login:1", "state", "60"));
    expect((await host.authenticate(nodeB, probe("cacheGet", "login:1"))).headers).toEqual({
      "X-Probe": "state",
    });
    expect(await host.cache()).toEqual({ "login:1": { value: "state", ttlMs: 60_000 } });

    await host.advanceClock(59_999);
    expect((await host.authenticate(nodeB, probe("cacheGet", "login:1"))).headers["X-Probe"]).toBe("state");
    await host.advanceClock(1);
    expect((await host.authenticate(nodeA, probe("cacheGet", "login:1"))).headers["X-Probe"]).toBe("None");
  });

  it("gives scripts the test clock through System.currentTimeMillis", async () => {
    const instance = await probeInstance();
    expect((await host.authenticate(instance, probe("now"))).headers["X-Probe"]).toBe("1000000");
    expect(await host.advanceClock(2500)).toBe(1_002_500);
    expect((await host.authenticate(instance, probe("now"))).headers["X-Probe"]).toBe("1002500");
  });

  it("injects cache faults for a number of calls", async () => {
    const instance = await probeInstance();
    await host.authenticate(instance, probe("cachePut", "k", "v", "30"));
    await host.fault({ target: "cache.get", effect: "null", times: 1 });
    expect((await host.authenticate(instance, probe("cacheGet", "k"))).headers["X-Probe"]).toBe("None");
    expect((await host.authenticate(instance, probe("cacheGet", "k"))).headers["X-Probe"]).toBe("v");

    await host.fault({ target: "cache.put", effect: "throw" });
    const failedPut = await host.authenticate(instance, probe("cachePut", "k", "w", "30"));
    expect(failedPut).toMatchObject({
      outcome: "raised",
      exception: { type: "java.lang.IllegalStateException" },
    });
    expect((await host.authenticate(instance, probe("cachePut", "k", "w", "30"))).outcome).toBe("raised");
  });

  it("arms faults given with the reset", async () => {
    await host.reset({ faults: [{ target: "cache.get", effect: "throw" }] });
    const instance = await probeInstance();
    expect((await host.authenticate(instance, probe("cacheGet", "k"))).outcome).toBe("raised");
    expect((await host.authenticate(instance, probe("cacheGet", "k"))).outcome).toBe("raised");
  });

  it("reports an exception escaping authenticate as its own outcome, with the lines printed before it", async () => {
    const instance = await probeInstance();
    const printed = await host.authenticate(instance, probe("print", "step one"));
    expect(printed).toMatchObject({ outcome: "returned", value: false, logs: ["step one"] });
    const raised = await host.authenticate(instance, probe("raise", "boom"));
    expect(raised).toMatchObject({ outcome: "raised", exception: { type: "ValueError", message: "boom" } });
  });

  it("fails a print of non-ASCII text, as Janssen's ASCII stdout does", async () => {
    const instance = await probeInstance();
    const reply = await host.authenticate(instance, probe("print", "Grüße"));
    expect(reply).toMatchObject({ outcome: "raised", exception: { type: "UnicodeEncodeError" } });
  });

  it("records each SMS the fake Twilio API received: sender, account, basic-auth user, never the token", async () => {
    const instance = await probeInstance();
    const reply = await host.authenticate(
      instance,
      probe("sms", "+15550001111", "+15559990000", "code 123456"),
    );
    expect(reply.headers["X-Probe"]).toMatch(/^SM[0-9a-f]{32} queued$/);
    expect(reply.sms).toEqual([
      expect.objectContaining({
        accountSid: TWILIO.account_sid,
        to: "+15550001111",
        from: "+15559990000",
        messagingServiceSid: null,
        body: "code 123456",
        username: TWILIO.account_sid,
        httpStatus: 201,
        status: "queued",
        via: "proxy",
        userAgent: expect.stringContaining(`twilio-java/${NEWEST_TWILIO_VERSION}`),
      }),
    ]);
    expect(JSON.stringify(reply.sms)).not.toContain(TWILIO.auth_token);
    const viaService = await host.authenticate(instance, probe("sms", "+15550001111", SERVICE, "hi"));
    expect(viaService.headers["X-Probe"]).toMatch(/ accepted$/);
    expect(viaService.sms[0]).toMatchObject({ from: null, messagingServiceSid: SERVICE });
    const [request] = host.twilioRequests().slice(-1);
    expect(request).toMatchObject({
      method: "POST",
      host: "api.twilio.com",
      path: `/2010-04-01/Accounts/${TWILIO.account_sid}/Messages.json`,
      form: { To: "+15550001111", MessagingServiceSid: SERVICE, Body: "hi" },
      username: TWILIO.account_sid,
      httpStatus: 201,
    });
  });

  it("injects Twilio API errors and timeouts", async () => {
    const instance = await probeInstance();
    await host.fault({ target: "twilio.message", effect: "apiError", code: 21610, status: 400, times: 1 });
    const refused = await host.authenticate(instance, probe("sms", "+15550001111", "+15559990000", "x"));
    expect(refused).toMatchObject({
      outcome: "raised",
      exception: { type: "com.twilio.exception.ApiException" },
    });
    expect(refused.sms).toEqual([expect.objectContaining({ errorCode: 21610 })]);

    // The probe's client has the SDK's 30 s read timeout: the fake holds the request 1.5 s, then closes unanswered.
    await host.fault({ target: "twilio.verificationCheck", effect: "timeout", times: 1, delayMs: 1500 });
    const timedOut = await host.authenticate(instance, probe("verifyCheck", "VA1", "+15550001111", "000000"));
    expect(timedOut.headers["X-Probe"]).toBe("12 error None");

    await host.fault({ target: "twilio", effect: "apiError", code: 20003, status: 401 });
    expect((await host.authenticate(instance, probe("verifyStart", "VA1", "+15550001111"))).verify).toEqual([
      expect.objectContaining({ errorCode: 20003 }),
    ]);
    await host.clearFaults();
    expect((await host.authenticate(instance, probe("verifyStart", "VA1", "+15550001111"))).outcome).toBe(
      "returned",
    );
  });

  it("runs Verify against the fake: pending, approved, then 20404", async () => {
    const instance = await probeInstance();
    const started = await host.authenticate(instance, probe("verifyStart", "VA1", "+15550001111"));
    expect(started.headers["X-Probe"]).toBe("pending");
    const code = started.verify[0]?.code ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await host.authenticate(instance, probe("verifyCheck", "VA1", "+15550001111", "not-it"));
    expect(wrong.headers["X-Probe"]).toBe("12 pending");
    const right = await host.authenticate(instance, probe("verifyCheck", "VA1", "+15550001111", code));
    expect(right.headers["X-Probe"]).toBe("12 approved");
    const again = await host.authenticate(instance, probe("verifyCheck", "VA1", "+15550001111", code));
    expect(again.headers["X-Probe"]).toBe("12 error 20404");
  });

  it("shows the SDK's retries: three requests for a 500, six for a 503 and two for a 429 on 12.x", async () => {
    const instance = await probeInstance();
    const send = () =>
      host.authenticate(instance, probe("smsDefaultClient", "+15550001111", "+15559990000", "x"));
    await host.fault({ target: "twilio.message", effect: "apiError", status: 500 });
    expect((await send()).sms.map((record) => record.httpStatus)).toEqual([500, 500, 500]);
    await host.fault({ target: "twilio.message", effect: "apiError", status: 503 });
    expect((await send()).sms).toHaveLength(6);
    await host.fault({
      target: "twilio.message",
      effect: "apiError",
      code: 20429,
      status: 429,
      retryAfter: 0,
    });
    expect((await send()).sms.map((record) => record.errorCode)).toEqual([20429, 20429]);
    await host.fault({ target: "twilio.message", effect: "apiError", status: 500, times: 1 });
    const recovered = await send();
    expect(recovered.sms.map((record) => record.httpStatus)).toEqual([500, 201]);
    expect(recovered.headers["X-Probe"]).toMatch(/^SM/);
  });

  it("drops connections, answers garbage and answers late", async () => {
    const instance = await probeInstance();
    const send = () =>
      host.authenticate(instance, probe("smsDefaultClient", "+15550001111", "+15559990000", "x"));
    for (const effect of ["drop", "crash"] as const) {
      await host.fault({ target: "twilio", effect, times: 1 });
      const failed = await send();
      expect(failed).toMatchObject({
        outcome: "raised",
        exception: { type: "com.twilio.exception.ApiException" },
      });
      expect(failed.sms).toEqual([expect.objectContaining({ httpStatus: null })]);
    }
    await host.fault({ target: "twilio", effect: "hang", delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await send()).headers["X-Probe"]).toMatch(/^SM/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("files each parallel request's SMS under that request (its own proxy port)", async () => {
    const instance = await probeInstance();
    const bodies = ["one", "two", "three"];
    const reply = host.parallel(
      bodies.map((body) => ({
        instance,
        parameters: { probe: "smsDefaultClient", arg: ["+15550001111", "+15559990000", body] },
        clientId: "client-1",
        ip: "10.0.0.1",
      })),
    );
    expect(reply.results.map((result) => result.sms.map((record) => record.body))).toEqual(
      bodies.map((body) => [body]),
    );
    expect(reply.unattributed.sms).toEqual([]);
  });

  it.each(["current", "legacy"] as const)(
    "builds users as Janssen's ORM does (%s model)",
    async (userModel) => {
      await host.reset({ userModel, users: [ALICE, { uid: "bob", password: "pw", status: "inactive" }] });
      const instance = await probeInstance();
      const alice = (await host.authenticate(instance, probe("user", "mail", "alice@example.com"))).headers[
        "X-Probe"
      ];
      const bob = (await host.authenticate(instance, probe("user", "uid", "bob"))).headers["X-Probe"];
      if (userModel === "current") {
        expect(alice).toBe("alice|active|None|None|[+15550001111, +15550002222]|alice@example.com");
        expect(bob).toBe("bob|inactive|None|None|None|None");
      } else {
        expect(alice).toBe("alice|None|None|[active]|[+15550001111, +15550002222]|alice@example.com");
        expect(bob).toBe("bob|None|None|[inactive]|None|None");
      }
      const minimal = await host.create(await host.load(MINIMAL));
      expect(await host.authenticate(minimal, passwordRequest("alice", "correct horse"))).toMatchObject({
        value: true,
      });
      expect(await host.authenticate(minimal, passwordRequest("bob", "pw"))).toMatchObject({ value: false });
    },
  );

  it("throws from CdiUtil.bean when no bean of the class exists", async () => {
    const instance = await probeInstance();
    const reply = await host.authenticate(instance, probe("bean", "java.lang.Runnable"));
    expect(reply).toMatchObject({
      outcome: "raised",
      exception: { message: "no bean of type java.lang.Runnable" },
    });
  });

  it("expires a verification after ten minutes and caps sends at five per number per ten minutes", async () => {
    const instance = await probeInstance();
    const start = () => host.authenticate(instance, probe("verifyStart", "VA1", "+15550001111"));
    const codes: (string | null | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push((await start()).verify[0]?.code);
    expect(new Set(codes).size).toBe(1);
    expect((await start()).verify[0]).toMatchObject({ errorCode: 60203 });

    await host.advanceClock(10 * 60 * 1000);
    const check = await host.authenticate(
      instance,
      probe("verifyCheck", "VA1", "+15550001111", codes[0] ?? ""),
    );
    expect(check.headers["X-Probe"]).toBe("12 error 20404");
    expect((await start()).verify[0]?.code).not.toBe(codes[0]);
  });

  it("matches user names ignoring case unless the world mimics PostgreSQL", async () => {
    const instance = await host.create(await host.load(MINIMAL));
    await host.reset({ users: [ALICE] });
    expect(await host.authenticate(instance, passwordRequest("ALICE", "correct horse"))).toMatchObject({
      value: true,
    });
    await host.reset({ users: [ALICE], valuesIgnoreCase: false });
    expect(await host.authenticate(instance, passwordRequest("ALICE", "correct horse"))).toMatchObject({
      value: false,
    });
  });

  it("ends a verification after five checks", async () => {
    const instance = await probeInstance();
    await host.authenticate(instance, probe("verifyStart", "VA1", "+15550001111"));
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) {
      answers.push(
        (await host.authenticate(instance, probe("verifyCheck", "VA1", "+15550001111", "x"))).headers[
          "X-Probe"
        ] ?? "",
      );
    }
    // 60202 is an HTTP 429, which 12.x's HttpClient 5 retries once: the retry finds the verification gone (20404).
    expect(answers).toEqual([...Array(5).fill("12 pending"), "12 error 20404", "12 error 20404"]);
    const sixth = host.twilioRequests().slice(-3, -1);
    expect(sixth.map((request) => request.httpStatus)).toEqual([429, 404]);
  });

  it("rejects malformed commands without stopping", async () => {
    expect(() => host.fault({ target: "cache.put", effect: "null" })).toThrow(/accepts \[throw\]/);
    expect(() => host.advanceClock(-1)).toThrow(/only moves forward/);
    expect(() => host.send({ cmd: "reset", twilioShape: "12" } as never)).toThrow(/twilioVersion/);
    expect(host.advanceClock(1)).toBe(1_000_001);
    expect(host.strayOutput).toEqual([]);
  });
});
