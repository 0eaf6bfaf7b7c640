// How the test files start their Jython worlds.
import { backendJars } from "../../src/world/backends";
import { JythonScriptHost, type JythonScriptHostOptions } from "../../src/world/JythonScriptHost";

/**
 * A world for a test file: the first compiler tier only (jit "quick"), taken from and given back to the Jest worker's
 * pool of idle JVMs (reuse), with the cache servers' clients and their provider doubles on the classpath whether the file
 * runs on a real server or not. A Janssen server's classpath holds those clients too, and one classpath for every file
 * lets a file on the in-memory cache take the JVM a backend file left idle: a fresh world costs about 3 CPU-seconds.
 */
export function startTestWorld(
  options: Omit<JythonScriptHostOptions, "extraJars" | "jit" | "reuse"> = {},
): JythonScriptHost {
  return JythonScriptHost.start({ ...options, extraJars: backendJars(), jit: "quick", reuse: true });
}
