// The bench's world: the test world of src/world plus the bench-only doubles the 2FA sample needs (bench/jython/java),
// compiled into a jar of the run's work folder, and the sample itself (../shared/peers), checked to be the saved file.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { worldLaunch } from "../src/world/world-launch";
import { buildJavaDoubles, janssenModelJar } from "../src/world/javaDoubles";
import { javacExecutable } from "../src/world/jython";

const SAMPLE_DOUBLES = path.join(__dirname, "jython", "java");
export const SAMPLE_SCRIPT = path.resolve(__dirname, "..", "..", "shared", "peers", "janssen-2fa-sample.py");
/** ../shared/peers/README.md: the sample as published, unmodified. */
const SAMPLE_SHA256 = "5b0f427c08ec241d1a94fdd9a694f5d623b4311962de7ab92606bb219a90a52b";

/** Compiles the sample's doubles against the world's doubles and Janssen's model jar; returns the jar. */
export function buildSampleDoubles(workDir: string): string {
  const digest = createHash("sha256").update(fs.readFileSync(SAMPLE_SCRIPT)).digest("hex");
  if (digest !== SAMPLE_SHA256)
    throw new Error(`${SAMPLE_SCRIPT} is not the saved 2FA sample (sha256 ${digest})`);
  const sources = fs
    .readdirSync(SAMPLE_DOUBLES, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".java"))
    .map((file) => path.join(SAMPLE_DOUBLES, file));
  const classes = path.join(workDir, "sample-doubles");
  const jar = path.join(workDir, "sample-doubles.jar");
  const classpath = [buildJavaDoubles().jar, janssenModelJar()].join(path.delimiter);
  execFileSync(javacExecutable(), [
    "--release",
    "11",
    "-nowarn",
    "-cp",
    classpath,
    "-d",
    classes,
    ...sources,
  ]);
  execFileSync("jar", ["--create", "--file", jar, "-C", classes, "."]);
  return jar;
}

/** The JVM command line of a bench driver in bench/jython, in the world with the sample's doubles. */
export function benchLaunch(
  folder: string,
  sampleJar: string,
  script: string,
  scriptArgs: string[],
  jvmOptions: string[] = [],
): ReturnType<typeof worldLaunch> {
  return worldLaunch(folder, {
    script: path.join(__dirname, "jython", script),
    scriptArgs,
    extraJars: [sampleJar],
    jvmOptions,
  });
}
