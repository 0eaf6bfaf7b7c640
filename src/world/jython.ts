import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const INSTALL_HINT =
  "Jython 2.7.3 and a JDK are required for these tests: run `apt-get install -y jython` (Debian/Ubuntu; needs JDK 17).";

/** The path of the jython launcher; throws (failing the test loudly) when it is missing. */
export function jythonExecutable(): string {
  const candidates = [process.env.JYTHON, "/usr/bin/jython", "/usr/local/bin/jython"];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate !== "" && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`jython was not found. ${INSTALL_HINT}`);
}

/**
 * Jython's own jar, which the world's JVM runs directly (`java -cp jython.jar:... org.python.util.jython`), so that JVM
 * options (jdk.net.hosts.file, the trust store) can be given: the Debian launcher passes none. GAMATECH_JYTHON_JAR
 * overrides; otherwise it is looked up next to the launcher and in Debian's /usr/share/java.
 */
export function jythonJar(): string {
  const launcher = fs.realpathSync(jythonExecutable());
  const candidates = [
    process.env.GAMATECH_JYTHON_JAR,
    path.join(path.dirname(path.dirname(launcher)), "jython.jar"),
    "/usr/share/java/jython.jar",
  ];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate !== "" && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`jython.jar was not found (set GAMATECH_JYTHON_JAR). ${INSTALL_HINT}`);
}

/** python.home as the launcher sets it: the folder above the launcher's bin/ (its Lib/ and registry). */
export function jythonHome(): string {
  return path.dirname(path.dirname(fs.realpathSync(jythonExecutable())));
}

/** The path of java; throws when it is missing. */
export function javaExecutable(): string {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(`java was not found. ${INSTALL_HINT}`);
  }
  return "java";
}

/** The path of javac; throws when it is missing. */
export function javacExecutable(): string {
  const probe = spawnSync("javac", ["-version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(`javac was not found. ${INSTALL_HINT}`);
  }
  return "javac";
}

/**
 * The command line of a Jython process for `jythonArgs` (Jython's own: -D properties, then the script and its arguments):
 * what the Debian launcher runs, with the JVM limited to its first-tier compiler and the serial collector, since these
 * processes live for seconds and the optimising compiler's and the parallel collector's threads would add CPU time.
 */
export function jythonCommand(jythonArgs: string[]): { command: string; args: string[] } {
  return {
    command: javaExecutable(),
    args: [
      "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC",
      "-jar",
      jythonJar(),
      `-Dpython.home=${jythonHome()}`,
      ...jythonArgs,
    ],
  };
}

/** The caller's environment without JVM option variables, which make the JVM print a notice on stderr. */
export function jythonEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.JAVA_TOOL_OPTIONS;
  delete env._JAVA_OPTIONS;
  return env;
}
