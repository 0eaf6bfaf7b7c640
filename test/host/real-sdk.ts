// Shared by the tests that run the built script on the real twilio-java jars: its module-level imports, the Janssen
// services no jar has (from ../shared/vendor/janssen), and empty stand-ins for those so that the script can load.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { janssenModelJar } from "../../src/world/javaDoubles";
import { jythonCommand, jythonEnvironment } from "../../src/world/jython";
import { mavenClasspath } from "../../src/world/maven";

const ROOT = path.resolve(__dirname, "..", "..");
export const VENDOR = path.resolve(ROOT, "..", "shared", "vendor", "janssen");
export const BUILT_SCRIPT = path.join(ROOT, "dist", "GamatechRopc.py");
export const BUILT_CHALLENGE_SCRIPT = path.join(ROOT, "dist", "GamatechAuthzChallenge.py");
/** Janssen's model classes, where the world takes them from (GAMATECH_JANSSEN_MODEL_JAR, Janssen's repository, VENDOR). */
export const MODEL_JAR = janssenModelJar();
/** Janssen's installers ship this line; the newest 12.x is the other end of the supported range. */
export const JANSSEN_TWILIO = "7.17.0";
export const NEWEST_TWILIO = "12.1.1";

export interface ModuleImport {
  packageName: string;
  classNames: string[];
  optional: boolean;
  line: number;
}

/** `from p import A, B as C` lines at module level, and those directly inside a module-level `try:` (optional). */
export function moduleLevelImports(python: string): ModuleImport[] {
  const found: ModuleImport[] = [];
  let inTry = false;
  python.split("\n").forEach((text, index) => {
    if (/^\S/.test(text)) inTry = text === "try:";
    const match = /^( {4})?from ([\w.]+) import (.+)$/.exec(text);
    if (match === null || match[2] === "__future__") return;
    if (match[1] !== undefined && !inTry) return;
    const classNames = (match[3] ?? "").split(",").map((part) => part.trim().split(/\s+as\s+/)[0] ?? "");
    found.push({
      packageName: match[2] ?? "",
      classNames,
      optional: match[1] !== undefined,
      line: index + 1,
    });
  });
  return found;
}

/** The fully qualified classes of the imports a stock server must have (those outside a try). */
export function requiredClasses(imports: ModuleImport[]): string[] {
  return imports.filter((i) => !i.optional).flatMap((i) => i.classNames.map((c) => `${i.packageName}.${c}`));
}

/** Each optional import with the first module-level line after it: its `except ImportError:` when placed right. */
export function afterOptionalImports(
  python: string,
  imports: ModuleImport[],
): Array<{ import: string; next: string | undefined }> {
  const lines = python.split("\n");
  return imports
    .filter((i) => i.optional)
    .map((i) => ({ import: i.packageName, next: lines.slice(i.line).find((l) => /^\S/.test(l)) }));
}

/** The checks of the driver runs, by twilio-java line. */
export class DriverResults {
  private readonly byVersion = new Map<string, Check[]>();

  set(version: string, checks: Check[]): void {
    this.byVersion.set(version, checks);
  }

  checks(version: string, kind: Check["check"]): Check[] {
    return (this.byVersion.get(version) ?? []).filter((c) => c.check === kind);
  }

  init(version: string, sender: string): Check | undefined {
    return this.checks(version, "init").find((c) => c.sender === sender);
  }
}

/** Janssen classes that exist on a server but in no jar we can have: named in SIGNATURES.md or its reference sources. */
export function knownJanssenServices(): Set<string> {
  const known = new Set<string>();
  const signatures = fs.readFileSync(path.join(VENDOR, "SIGNATURES.md"), "utf8");
  for (const match of signatures.matchAll(/\bio\.jans(?:\.[a-z]\w*)+\.[A-Z]\w*/g)) known.add(match[0]);
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".java")) {
        const source = fs.readFileSync(file, "utf8");
        const packageName = /^package ([\w.]+);/m.exec(source)?.[1];
        if (packageName === undefined) continue;
        known.add(`${packageName}.${entry.name.replace(/\.java$/, "")}`);
        // A class of the same package used without an import (e.g. NativePersistenceCacheEntity) exists there too.
        for (const word of source.matchAll(/\b[A-Z]\w+\b/g)) known.add(`${packageName}.${word[0]}`);
        for (const imported of source.matchAll(/^import (io\.jans[\w.]+);/gm)) known.add(imported[1] ?? "");
      }
    }
  };
  walk(path.join(VENDOR, "reference-src"));
  return known;
}

/** Empty classes for the Janssen services no jar has (CdiUtil.bean throws, as it does when no bean exists). */
export function janssenServiceStubs(classes: string[], work: string): string {
  const sources = path.join(work, "stub-src");
  const out = path.join(work, "stubs");
  fs.mkdirSync(out, { recursive: true });
  const files = classes.map((name) => {
    const dot = name.lastIndexOf(".");
    const packageName = name.slice(0, dot);
    const simple = name.slice(dot + 1);
    const body =
      simple === "CdiUtil"
        ? 'public static <T> T bean(Class<T> type) { throw new IllegalStateException("no bean: " + type); }'
        : "";
    const kind = simple === "CacheProvider" ? "abstract class CacheProvider<T>" : `class ${simple}`;
    const file = path.join(sources, ...packageName.split("."), `${simple}.java`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `package ${packageName};\npublic ${kind} { ${body} }\n`);
    return file;
  });
  if (files.length > 0) execFileSync("javac", ["--release", "11", "-d", out, ...files]);
  return out;
}

/** The stand-ins the built script needs on a classpath of real jars: its Janssen service imports that the model jar lacks. */
export function stubsForScript(python: string, work: string): string {
  const listing = execFileSync("jar", ["tf", MODEL_JAR], { encoding: "utf8" });
  const inModelJar = new Set(
    listing
      .split("\n")
      .filter((entry) => entry.endsWith(".class"))
      .map((entry) =>
        entry
          .replace(/\.class$/, "")
          .split("/")
          .join("."),
      ),
  );
  const known = knownJanssenServices();
  const needed = moduleLevelImports(python)
    .filter((i) => !i.optional && i.packageName.startsWith("io.jans."))
    .flatMap((i) => i.classNames.map((c) => `${i.packageName}.${c}`))
    .filter((name) => !inModelJar.has(name) && known.has(name));
  return janssenServiceStubs(needed, work);
}

/** One "RESULT {json}" line of real-sdk.py. */
export interface Check {
  check: "probe" | "load" | "init" | "status" | "measure";
  [field: string]: unknown;
}

export interface DriverCommand {
  script: string;
  /** The script's class, as Janssen instantiates it (default ResourceOwnerPasswordCredentials). */
  className?: string;
  probe?: string[];
  timeoutSeconds?: number;
  cases?: string[];
  /** A PKCS12 key store (password changeit) whose certificate names api.twilio.com: the fake Twilio's, trusted by the JVM. */
  keystore?: string;
}

/** A self-signed certificate for api.twilio.com and verify.twilio.com, made with the JDK's keytool. */
export function fakeTwilioKeystore(work: string): string {
  const keystore = path.join(work, "fake-twilio.p12");
  execFileSync(
    "keytool",
    [
      "-genkeypair",
      "-alias",
      "twilio",
      "-keyalg",
      "EC",
      "-groupname",
      "secp256r1",
      "-dname",
      "CN=api.twilio.com",
      "-ext",
      "SAN=dns:api.twilio.com,dns:verify.twilio.com",
      "-validity",
      "2",
      "-storetype",
      "PKCS12",
      "-keystore",
      keystore,
      "-storepass",
      "changeit",
    ],
    { stdio: "ignore" },
  );
  return keystore;
}

/** Runs real-sdk.py on twilio-java `version` (+ the model jar and `stubs`) without blocking, so two lines run at once. */
export function runDriver(version: string, stubs: string, command: DriverCommand): Promise<Check[]> {
  const classpath = [...mavenClasspath([`com.twilio.sdk:twilio:${version}`]), MODEL_JAR, stubs];
  const driver = path.join(__dirname, "real-sdk.py");
  return new Promise((resolve, reject) => {
    const jython = jythonCommand([`-Dpython.path=${classpath.join(":")}`, driver]);
    const child = spawn(jython.command, jython.args, { env: jythonEnvironment() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      const checks = stdout
        .split("\n")
        .filter((line) => line.startsWith("RESULT "))
        .map((line) => JSON.parse(line.slice("RESULT ".length)) as Check);
      if (checks.length === 0) reject(new Error(`real-sdk.py failed on ${version}:\n${stdout}\n${stderr}`));
      else resolve(checks);
    });
    child.stdin.end(`${JSON.stringify(command)}\n`);
  });
}
