import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { javacExecutable } from "./jython";

/** The jars of the Java doubles: the shared one (Janssen, Twilio, test kit) and one per Twilio SDK shape. */
export interface JavaDoubles {
  /** Janssen and Twilio doubles plus gamatech.testkit; goes on the Jython path. */
  shared: string;
  /** VerificationCheck as in twilio-java 7.x–8.32: creator(serviceSid, code).setTo(to). */
  twilio7: string;
  /** VerificationCheck as in twilio-java 8.33–12.x: creator(serviceSid).setTo(to).setCode(code). */
  twilio12: string;
}

const JAVA_ROOT = path.resolve(__dirname, "java");
const SOURCE_SETS = ["main", "twilio7", "twilio12"] as const;

/**
 * Compiles the doubles with `javac --release 11` (Janssen runs Java 17; 11 keeps them loadable on older servers too) into
 * src/world/java/out/<hash of the sources>/, reusing that folder while the sources are unchanged. Parallel Jest workers may
 * race to build it: each builds in its own temporary folder and the first rename wins.
 */
export function buildJavaDoubles(): JavaDoubles {
  const sources = SOURCE_SETS.map((set) => ({ set, files: javaFiles(path.join(JAVA_ROOT, "src", set)) }));
  const outDir = path.join(JAVA_ROOT, "out", sourceHash(sources.flatMap((s) => s.files)));
  const jars: JavaDoubles = {
    shared: path.join(outDir, "main.jar"),
    twilio7: path.join(outDir, "twilio7.jar"),
    twilio12: path.join(outDir, "twilio12.jar"),
  };
  if (fs.existsSync(outDir)) return jars;

  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const workDir = fs.mkdtempSync(path.join(path.dirname(outDir), `.build-${process.pid}-`));
  try {
    for (const { set, files } of sources) {
      const classes = path.join(workDir, set);
      const classPath = set === "main" ? [] : ["-cp", path.join(workDir, "main")];
      run(javacExecutable(), ["--release", "11", "-nowarn", ...classPath, "-d", classes, ...files]);
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

function sourceHash(files: string[]): string {
  const hash = createHash("sha256");
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
