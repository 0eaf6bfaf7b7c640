// dist/GamatechRopc.py on the real twilio-java jars from Maven Central (with their declared dependencies), Janssen's model
// jar (../shared/vendor/janssen) and the JDK; only the Janssen services that no jar has are empty stand-ins. One Jython
// process per twilio-java line (real-sdk.py), the two lines in parallel:
//
// - Loads on a stock Janssen: every module-level import exists in twilio-java 7.17.0 (what Janssen's installers ship),
//   the model jar, the JDK, or is a Janssen service named in SIGNATURES.md / reference-src; the rest (Verify, HttpClient 4
//   and 5) sits in `try: ... except ImportError:`. Then init with each sender, on 7.17.0 and the newest 12.x.
// - twilio_timeout_seconds bounds a send: the caller (the token request) gets its answer within it, and the worker thread
//   is released within it too, on every line: connect (a black-holed address), the proxy's answer, TLS and the read.
// - Retries, through a fake Twilio over real TLS: the SDK's own 5xx retry (3 requests), no HTTP-library retry of 429/503.
// - Capacity: 200 concurrent sends through the real SDK, Twilio answering after 300 ms, all sent within the timeout + 1 s;
//   beyond the worker pool a send is refused before it starts (attempted = false).
//
// GAMATECH_TWILIO_MATRIX=1 adds 7.37.4, 8.32.0 and 10.9.2.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  afterOptionalImports,
  BUILT_SCRIPT,
  type Check,
  JANSSEN_TWILIO,
  fakeTwilioKeystore,
  DriverResults,
  knownJanssenServices,
  moduleLevelImports,
  NEWEST_TWILIO,
  requiredClasses,
  runDriver,
  stubsForScript,
} from "./real-sdk";

jest.setTimeout(300_000);

const MATRIX = process.env.GAMATECH_TWILIO_MATRIX === "1";
const TIMEOUT_SECONDS = 2;
/** Jython's thread hand-off on a loaded 2-core machine: the slack allowed over a bound. */
const SLACK_SECONDS = 0.75;
const HTTPCLIENT4_LINES = MATRIX ? [JANSSEN_TWILIO, "7.37.4", "8.32.0", "10.9.2"] : [JANSSEN_TWILIO];

const python = fs.readFileSync(BUILT_SCRIPT, "utf8");
const imports = moduleLevelImports(python);
const required = requiredClasses(imports);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-real-sdk-"));
const results = new DriverResults();

beforeAll(async () => {
  const stubs = stubsForScript(python, work);
  const keystore = fakeTwilioKeystore(work);
  const runs: Array<[string, Promise<Check[]>]> = HTTPCLIENT4_LINES.map((version) => [
    version,
    runDriver(version, stubs, {
      script: BUILT_SCRIPT,
      probe: version === JANSSEN_TWILIO ? required : [],
      timeoutSeconds: TIMEOUT_SECONDS,
      cases: ["refused", "silent", "blackhole", "fake:500:0:1", "fake:429:0:1", "fake:201:300:200"],
      keystore,
    }),
  ]);
  runs.push([
    NEWEST_TWILIO,
    runDriver(NEWEST_TWILIO, stubs, {
      script: BUILT_SCRIPT,
      timeoutSeconds: TIMEOUT_SECONDS,
      cases: [
        "refused",
        "silent",
        "blackhole",
        "overflow:260",
        "fake:500:0:1",
        "fake:503:0:1",
        "fake:429:0:1",
        "fake:201:300:200",
      ],
      keystore,
    }),
  ]);
  for (const [version, run] of runs) results.set(version, await run);
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const checks = results.checks.bind(results);
const init = results.init.bind(results);
function measured(version: string, name: string): Check | undefined {
  return checks(version, "measure").find((c) => c.case === name);
}

describe(`module-level imports of dist/GamatechRopc.py on twilio-java ${JANSSEN_TWILIO}`, () => {
  test("optional imports sit only inside try/except ImportError", () => {
    expect(required.length).toBeGreaterThan(5);
    for (const placed of afterOptionalImports(python, imports)) {
      expect(placed).toEqual({ import: placed.import, next: "except ImportError:" });
    }
  });

  test("every required import exists in twilio-java 7.17.0, Janssen's model jar, the JDK, or Janssen's services", () => {
    const missing = (checks(JANSSEN_TWILIO, "probe")[0]?.missing ?? null) as string[] | null;
    expect(missing).not.toBeNull();
    const known = knownJanssenServices();
    expect((missing ?? []).filter((name) => !known.has(name))).toEqual([]);
  });

  test("Verify and both HttpClient lines are optional imports", () => {
    const optional = imports.filter((i) => i.optional).map((i) => i.packageName);
    expect(optional).toEqual(
      expect.arrayContaining([
        "com.twilio.rest.verify.v2.service",
        "org.apache.http.impl.client",
        "org.apache.hc.client5.http.impl.classic",
      ]),
    );
  });
});

describe(`the script on the real twilio-java ${JANSSEN_TWILIO} jars`, () => {
  test("loads, with Verify bound to None", () => {
    expect(checks(JANSSEN_TWILIO, "load")).toEqual([{ check: "load", ok: true, verifyImported: false }]);
  });

  test("SMS senders initialise, on HttpClient 4 with the configured timeouts", () => {
    for (const sender of ["sms", "messaging_service"]) {
      expect(init(JANSSEN_TWILIO, sender)).toMatchObject({
        twilio: "7.17.0",
        apiVersion: 11,
        initialised: true,
      });
      expect(init(JANSSEN_TWILIO, sender)?.log).toContain(
        "twilio-java 7.17.0, HttpClient 4: connect, read and pool wait 10 s",
      );
    }
  });

  test("a Verify sender refuses init and names the twilio-java version it needs", () => {
    expect(init(JANSSEN_TWILIO, "verify")).toMatchObject({ initialised: false });
    expect(init(JANSSEN_TWILIO, "verify")?.log).toContain("twilio-java 7.37.0 or later");
  });
});

describe("account status on Janssen's real User and on an older model", () => {
  test("getStatus() where the class has it (the ORM leaves jansStatus out of the attributes), jansStatus otherwise", () => {
    expect(checks(JANSSEN_TWILIO, "status")[0]).toMatchObject({
      current: { active: true, inactive: false, none: false },
      older: { active: true, inactive: false, none: false },
    });
  });
});

describe(`the script on the real twilio-java ${NEWEST_TWILIO} jars`, () => {
  test("loads with Verify, and every sender initialises on HttpClient 5", () => {
    expect(checks(NEWEST_TWILIO, "load")).toEqual([{ check: "load", ok: true, verifyImported: true }]);
    for (const sender of ["sms", "messaging_service", "verify"]) {
      expect(init(NEWEST_TWILIO, sender)).toMatchObject({ twilio: NEWEST_TWILIO, initialised: true });
      expect(init(NEWEST_TWILIO, sender)?.log).toContain(
        `twilio-java ${NEWEST_TWILIO}, HttpClient 5: connect, read and pool wait 10 s`,
      );
    }
  });
});

describe.each(HTTPCLIENT4_LINES)("twilio_timeout_seconds on twilio-java %s (HttpClient 4)", (version) => {
  test("the SDK client is built with the configured connect, read and pool-wait timeouts", () => {
    expect(measured(version, "silent")?.http).toBe(
      `twilio-java ${version}, HttpClient 4: connect, read and pool wait ${TIMEOUT_SECONDS} s, no HTTP-level retries`,
    );
  });

  test.each(["refused", "silent", "blackhole"])(
    "%s: the caller and the worker are both done within the timeout",
    (name) => {
      const result = measured(version, name);
      expect(result).toMatchObject({ failed: true, attempted: true });
      expect(result?.callerSeconds).toBeLessThanOrEqual(TIMEOUT_SECONDS + SLACK_SECONDS);
      expect(result?.workerSeconds).toBeLessThanOrEqual(TIMEOUT_SECONDS + SLACK_SECONDS);
    },
  );
});

/** A fake Twilio over real TLS (see real-sdk.py): what the SDK sends for one send, and a burst through the real SDK. */
describe.each([...HTTPCLIENT4_LINES, NEWEST_TWILIO])("the real SDK %s against a fake Twilio", (version) => {
  test("a 500 is retried by twilio-java itself: 3 requests for one send, then error 20500", () => {
    expect(measured(version, "fake:500:0:1")).toMatchObject({
      requests: 3,
      delivered: 0,
      errorCodes: [20500],
    });
  });

  test("a 429 is not retried (HttpClient 5's own retry is switched off on 12.x)", () => {
    expect(measured(version, "fake:429:0:1")).toMatchObject({
      requests: 1,
      delivered: 0,
      errorCodes: [20429],
    });
  });

  test("200 concurrent sends, Twilio answering after 300 ms: all sent, each within twilio_timeout_seconds (10) + 1 s", () => {
    const burst = measured(version, "fake:201:300:200");
    expect(burst).toMatchObject({ requests: 200, delivered: 200, notAttempted: 0 });
    expect(burst?.slowestSeconds).toBeLessThanOrEqual(10 + 1);
  });
});

describe(`twilio_timeout_seconds on twilio-java ${NEWEST_TWILIO} (HttpClient 5)`, () => {
  test("the SDK client is built with the configured connect, read and pool-wait timeouts, over the SDK's own", () => {
    expect(measured(NEWEST_TWILIO, "silent")?.http).toBe(
      `twilio-java ${NEWEST_TWILIO}, HttpClient 5: connect, read and pool wait ${TIMEOUT_SECONDS} s, no HTTP-level retries`,
    );
  });

  // Before the request interceptor, a black-holed address held the worker for the SDK's own 30.5 s connect timeout.
  test.each(["refused", "silent", "blackhole"])(
    "%s: the caller and the worker are both done within the timeout",
    (name) => {
      const result = measured(NEWEST_TWILIO, name);
      expect(result).toMatchObject({ failed: true, attempted: true });
      expect(result?.callerSeconds).toBeLessThanOrEqual(TIMEOUT_SECONDS + SLACK_SECONDS);
      expect(result?.workerSeconds).toBeLessThanOrEqual(TIMEOUT_SECONDS + SLACK_SECONDS);
    },
  );

  test("a 503 gets twilio-java's 3 requests, not the 6 that HttpClient 5's retry would add", () => {
    expect(measured(NEWEST_TWILIO, "fake:503:0:1")).toMatchObject({
      requests: 3,
      delivered: 0,
      errorCodes: [20503],
    });
  });

  test("beyond 256 concurrent calls a send is refused before it starts (attempted = false), never queued", () => {
    expect(measured(NEWEST_TWILIO, "overflow")).toMatchObject({
      calls: 260,
      notAttempted: 4,
      delivered: 256,
    });
  });
});
