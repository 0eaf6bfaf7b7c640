// dist/GamatechAuthzChallenge.py on a classpath of real jars only, as real-sdk.test.ts runs the ROPC script: twilio-java
// from Maven Central with its declared dependencies, Janssen's model jar (which holds AuthorizationChallengeType) and the
// JDK, with empty stand-ins for the Janssen services no jar has. Its module-level imports differ from the ROPC script's
// (the challenge type, ClientService, Base64, HashMap), so they are probed on their own. The sends themselves are the
// same generated code in both scripts; real-sdk.test.ts times them, and the conformance and security suites run this
// script's dialogue on 7.17.0 and 12.x against the fake Twilio API.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  afterOptionalImports,
  BUILT_CHALLENGE_SCRIPT,
  JANSSEN_TWILIO,
  DriverResults,
  knownJanssenServices,
  moduleLevelImports,
  NEWEST_TWILIO,
  requiredClasses,
  runDriver,
  stubsForScript,
} from "./real-sdk";

jest.setTimeout(300_000);

const python = fs.readFileSync(BUILT_CHALLENGE_SCRIPT, "utf8");
const imports = moduleLevelImports(python);
const required = requiredClasses(imports);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-real-sdk-challenge-"));
const results = new DriverResults();

beforeAll(async () => {
  const stubs = stubsForScript(python, work);
  const command = { script: BUILT_CHALLENGE_SCRIPT, className: "AuthorizationChallenge" };
  const [janssen, newest] = await Promise.all([
    runDriver(JANSSEN_TWILIO, stubs, { ...command, probe: required }),
    runDriver(NEWEST_TWILIO, stubs, command),
  ]);
  results.set(JANSSEN_TWILIO, janssen);
  results.set(NEWEST_TWILIO, newest);
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const checks = results.checks.bind(results);
const init = results.init.bind(results);

describe(`module-level imports of dist/GamatechAuthzChallenge.py on twilio-java ${JANSSEN_TWILIO}`, () => {
  test("the challenge type and the client service are required imports", () => {
    expect(required).toEqual(
      expect.arrayContaining([
        "io.jans.model.custom.script.type.authzchallenge.AuthorizationChallengeType",
        "io.jans.as.server.service.ClientService",
      ]),
    );
  });

  test("every required import exists in twilio-java 7.17.0, Janssen's model jar, the JDK, or Janssen's services", () => {
    const missing = (checks(JANSSEN_TWILIO, "probe")[0]?.missing ?? null) as string[] | null;
    expect(missing).not.toBeNull();
    const known = knownJanssenServices();
    expect((missing ?? []).filter((name) => !known.has(name))).toEqual([]);
  });

  test("Verify and both HttpClient lines are optional imports, each followed by its except ImportError", () => {
    expect(imports.filter((i) => i.optional).map((i) => i.packageName)).toEqual(
      expect.arrayContaining([
        "com.twilio.rest.verify.v2.service",
        "org.apache.http.impl.client",
        "org.apache.hc.client5.http.impl.classic",
      ]),
    );
    for (const placed of afterOptionalImports(python, imports)) {
      expect(placed).toEqual({ import: placed.import, next: "except ImportError:" });
    }
  });
});

describe(`the challenge script on the real twilio-java ${JANSSEN_TWILIO} jars`, () => {
  test("loads, with Verify bound to None", () => {
    expect(checks(JANSSEN_TWILIO, "load")).toEqual([{ check: "load", ok: true, verifyImported: false }]);
  });

  test("SMS senders initialise, on HttpClient 4, with the challenge script's log prefix and API version 11", () => {
    for (const sender of ["sms", "messaging_service"]) {
      expect(init(JANSSEN_TWILIO, sender)).toMatchObject({
        twilio: "7.17.0",
        apiVersion: 11,
        initialised: true,
      });
      const log = init(JANSSEN_TWILIO, sender)?.log as string;
      expect(log).toContain("GamatechAuthzChallenge. INFO initialised:");
      expect(log).toContain("twilio-java 7.17.0, HttpClient 4: connect, read and pool wait 10 s");
    }
  });

  test("a Verify sender refuses init and names the twilio-java version it needs", () => {
    expect(init(JANSSEN_TWILIO, "verify")).toMatchObject({ initialised: false });
    expect(init(JANSSEN_TWILIO, "verify")?.log).toContain("twilio-java 7.37.0 or later");
  });

  test("account status on Janssen's real User: getStatus()", () => {
    expect(checks(JANSSEN_TWILIO, "status")[0]).toMatchObject({
      current: { active: true, inactive: false, none: false },
    });
  });
});

describe(`the challenge script on the real twilio-java ${NEWEST_TWILIO} jars`, () => {
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
