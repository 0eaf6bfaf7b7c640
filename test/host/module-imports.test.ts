// The built script must load on a stock Janssen: twilio-java 7.17.0 (what Janssen's installers put in custom/libs),
// Janssen's own classes and the JDK. Every module-level import of dist/GamatechRopc.py is checked against the real jars
// (Maven Central's 7.17.0 with its declared dependencies, ../shared/vendor/janssen/janssen-model.jar); Janssen services
// that no jar has must be named in ../shared/vendor/janssen/SIGNATURES.md or its reference sources. Imports inside
// `try: ... except ImportError:` (optional Java modules) may be missing. Then the script is loaded and initialised in
// Jython on the real 7.17.0 and 12.x jars.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runJythonFile } from "../../src/world/jython";
import { mavenClasspath } from "../../src/world/maven";
import {
  BUILT_SCRIPT,
  JANSSEN_TWILIO,
  janssenServiceStubs,
  knownJanssenServices,
  MODEL_JAR,
  moduleLevelImports,
  NEWEST_TWILIO,
} from "./real-sdk";

jest.setTimeout(300_000);

const LOADER = path.join(__dirname, "load-real-sdk.py");

const python = fs.readFileSync(BUILT_SCRIPT, "utf8");
const imports = moduleLevelImports(python);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-imports-"));

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Which classes `from p import C` fails for, in Jython on `classpath` (one process for all). */
function missingClasses(classpath: string[]): string[] {
  const checks = imports.flatMap((i) => i.classNames.map((c) => `${i.packageName}.${c}`));
  const probe = path.join(work, `probe-${checks.length}.py`);
  fs.writeFileSync(
    probe,
    [
      "import json",
      `names = ${JSON.stringify(checks)}`,
      "missing = []",
      "for name in names:",
      "    package, cls = name.rsplit('.', 1)",
      "    try:",
      "        exec 'from %s import %s' % (package, cls) in {}",
      "    except ImportError:",
      "        missing.append(name)",
      "print 'MISSING ' + json.dumps(missing)",
    ].join("\n") + "\n",
  );
  const run = runJythonFile(probe, { pythonPath: classpath });
  const line = run.stdout.split("\n").find((l) => l.startsWith("MISSING "));
  if (line === undefined) throw new Error(`probe failed:\n${run.stderr}`);
  return JSON.parse(line.slice("MISSING ".length)) as string[];
}

interface InitResult {
  check: string;
  ok?: boolean;
  error?: string;
  verifyImported?: boolean;
  sender?: string;
  twilio?: string;
  apiVersion?: number;
  initialised?: boolean;
  log?: string;
}

function loadOn(version: string, stubs: string): InitResult[] {
  const classpath = [...mavenClasspath([`com.twilio.sdk:twilio:${version}`]), MODEL_JAR, stubs];
  const run = runJythonFile(LOADER, { pythonPath: classpath, input: `${BUILT_SCRIPT}\n` });
  const results = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("RESULT "))
    .map((l) => JSON.parse(l.slice("RESULT ".length)) as InitResult);
  if (results.length === 0) throw new Error(`loader failed:\n${run.stdout}\n${run.stderr}`);
  return results;
}

describe(`module-level imports of dist/GamatechRopc.py on twilio-java ${JANSSEN_TWILIO}`, () => {
  const classpath7 = [...mavenClasspath([`com.twilio.sdk:twilio:${JANSSEN_TWILIO}`]), MODEL_JAR];
  const missing = missingClasses(classpath7);
  const known = knownJanssenServices();

  test("the script has module-level Java imports, and optional ones only inside try/except ImportError", () => {
    expect(imports.filter((i) => !i.optional).length).toBeGreaterThan(5);
    for (const i of imports.filter((x) => x.optional)) {
      const after = python.split("\n").slice(i.line).find((l) => /^\S/.test(l));
      expect({ import: i.packageName, next: after }).toEqual({ import: i.packageName, next: "except ImportError:" });
    }
  });

  test("every required import exists in twilio-java 7.17.0, Janssen's model jar, the JDK, or Janssen's services", () => {
    const required = imports.filter((i) => !i.optional).flatMap((i) => i.classNames.map((c) => `${i.packageName}.${c}`));
    const unexplained = missing.filter((name) => required.includes(name) && !known.has(name));
    expect(unexplained).toEqual([]);
  });

  test("Verify is optional: 7.17.0 lacks it", () => {
    expect(missing).toContain("com.twilio.rest.verify.v2.service.Verification");
    expect(imports.find((i) => i.packageName === "com.twilio.rest.verify.v2.service")?.optional).toBe(true);
  });

  const stubs = janssenServiceStubs(
    missing.filter((name) => known.has(name) && imports.some((i) => !i.optional && name.startsWith(i.packageName))),
    work,
  );

  describe(`loaded in Jython on the real ${JANSSEN_TWILIO} jars`, () => {
    const results = loadOn(JANSSEN_TWILIO, stubs);
    const init = (sender: string): InitResult | undefined =>
      results.find((r) => r.check === "init" && r.sender === sender);

    test("loads, with Verify bound to None", () => {
      expect(results[0]).toEqual({ check: "load", ok: true, verifyImported: false });
    });

    test("SMS senders initialise, on HttpClient 4 with the configured timeouts", () => {
      for (const sender of ["sms", "messaging_service"]) {
        expect(init(sender)).toMatchObject({ twilio: "7.17.0", apiVersion: 11, initialised: true });
        expect(init(sender)?.log).toContain("twilio-java 7.17.0, HttpClient 4: connect, read and pool wait 10 s");
      }
    });

    test("a Verify sender refuses init and names the twilio-java version it needs", () => {
      expect(init("verify")).toMatchObject({ initialised: false });
      expect(init("verify")?.log).toContain("twilio-java 7.37.0 or later");
    });
  });

  describe(`loaded in Jython on the real ${NEWEST_TWILIO} jars`, () => {
    const results = loadOn(NEWEST_TWILIO, stubs);

    test("loads with Verify, and every sender initialises on HttpClient 5", () => {
      expect(results[0]).toEqual({ check: "load", ok: true, verifyImported: true });
      for (const sender of ["sms", "messaging_service", "verify"]) {
        const result = results.find((r) => r.check === "init" && r.sender === sender);
        expect(result).toMatchObject({ twilio: NEWEST_TWILIO, initialised: true });
        expect(result?.log).toContain(`twilio-java ${NEWEST_TWILIO}, HttpClient 5: read 10 s`);
      }
    });
  });
});
