import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultModelJarSources, selectModelJar } from "./janssenModel";
import { javacExecutable } from "./jython";
import { mavenClasspath } from "./maven";

/** The world's own Java code: the Janssen service doubles, gamatech.testkit and the fake Twilio API, in one jar. */
export interface JavaDoubles {
  /** Goes on the world's classpath before the Janssen model jar and the twilio-java jars. */
  jar: string;
}

/** twilio-java lines the world is tested with (shared/reference/twilio.md); 12.1.1 is the newest 12.x on Maven Central. */
export const TWILIO_VERSIONS = ["7.17.0", "7.37.4", "8.32.0", "8.36.0", "10.9.2", "12.1.1"] as const;
export type TwilioVersion = (typeof TWILIO_VERSIONS)[number];
/** What Janssen's installers put in custom/libs. */
export const DEFAULT_TWILIO_VERSION: TwilioVersion = "7.17.0";
/** The newest line: the only one that runs every Verify scenario (VerificationCheck with setCode). */
export const NEWEST_TWILIO_VERSION: TwilioVersion = "12.1.1";

const JAVA_ROOT = path.resolve(__dirname, "java");
const SOURCE_SETS = ["main"] as const;

/**
 * Janssen's real model classes (User, SimpleUser, CustomObjectAttribute, GluuStatus, SimpleCustomProperty, the script
 * interfaces): GAMATECH_JANSSEN_MODEL_JAR, else built from Janssen's Maven repository when it answers, else
 * ../shared/vendor/janssen/janssen-model.jar next to the repository (see janssenModel.ts). Throws (never skips) when none
 * is there.
 */
export function janssenModelJar(): string {
  return selectModelJar(defaultModelJarSources()).jar;
}

/** The twilio-java jar of `version` and its declared run-time dependencies, from Maven Central (cached in .cache/maven). */
export function twilioJars(version: string): string[] {
  return mavenClasspath([`com.twilio.sdk:twilio:${version}`]);
}

export interface WorldClasspathOptions {
  /** twilio-java version; default DEFAULT_TWILIO_VERSION. Any version Maven Central serves works. */
  twilioVersion?: string;
  /** More jars (e.g. other Maven artifacts via mavenClasspath) appended after the SDK's. */
  extraJars?: string[];
}

/**
 * The full classpath of a Jython world: the doubles jar, Janssen's model jar, the twilio-java jars of one version, then
 * extraJars. One SDK per process, as on a server: a world is started for one version.
 */
export function worldClasspath(options: WorldClasspathOptions = {}): string[] {
  return [
    buildJavaDoubles().jar,
    janssenModelJar(),
    ...twilioJars(options.twilioVersion ?? DEFAULT_TWILIO_VERSION),
    ...(options.extraJars ?? []),
  ];
}

/**
 * Compiles the doubles with `javac --release 11` (Janssen runs Java 17; 11 keeps them loadable on older servers too),
 * against Janssen's model jar, into src/world/java/out/<hash of the sources and the model jar>/main.jar, reusing that
 * folder while nothing changed. Parallel Jest workers may race to build it: each builds in its own temporary folder and
 * the first rename wins.
 */
export function buildJavaDoubles(): JavaDoubles {
  const model = janssenModelJar();
  const sources = SOURCE_SETS.map((set) => ({ set, files: javaFiles(path.join(JAVA_ROOT, "src", set)) }));
  const outDir = path.join(
    JAVA_ROOT,
    "out",
    sourceHash(
      sources.flatMap((s) => s.files),
      model,
    ),
  );
  const jars: JavaDoubles = { jar: path.join(outDir, "main.jar") };
  if (fs.existsSync(outDir)) return jars;

  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const workDir = fs.mkdtempSync(path.join(path.dirname(outDir), `.build-${process.pid}-`));
  try {
    for (const { set, files } of sources) {
      const classes = path.join(workDir, set);
      run(javacExecutable(), [
        "--release",
        "11",
        "-encoding",
        "UTF-8",
        "-nowarn",
        "-cp",
        model,
        "-d",
        classes,
        ...files,
      ]);
      run("jar", ["--create", "--file", path.join(workDir, `${set}.jar`), "-C", classes, "."]);
    }
    try {
      fs.renameSync(workDir, outDir);
    } catch (error) {
      if (!fs.existsSync(outDir)) throw error;
    }
    removeStaleBuilds(outDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return jars;
}

/** Builds of older sources; in-progress builds (".build-*") of other workers are left alone. */
function removeStaleBuilds(current: string): void {
  const parent = path.dirname(current);
  for (const entry of fs.readdirSync(parent)) {
    const dir = path.join(parent, entry);
    if (dir !== current && !entry.startsWith(".build-")) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function javaFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".java"))
    .map((file) => path.join(dir, file))
    .sort();
}

function sourceHash(files: string[], modelJar: string): string {
  const hash = createHash("sha256").update(fs.readFileSync(modelJar)).update("\0");
  for (const file of files) {
    hash.update(path.relative(JAVA_ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`${command} failed building the Java doubles:${os.EOL}${stderr}`);
  }
}
