// The command line of a world's JVM: which jars, which JVM options, and how the real twilio-java SDK inside it reaches the
// fake Twilio API. JythonScriptHost starts it; the bench starts its own drivers with it.

import * as fs from "fs";
import * as path from "path";
import { randomInt } from "crypto";
import { DEFAULT_TWILIO_VERSION, worldClasspath } from "./javaDoubles";
import { javaExecutable, jythonEnvironment, jythonHome, jythonJar } from "./jython";
import { twilioTls, TWILIO_HOSTS } from "./tls";

export const DRIVER = path.join(__dirname, "driver.py");
/** Where driver.py keeps the compiled classes of the scripts it loads (compiled_scripts.py). */
export const COMPILED_SCRIPTS = path.resolve(__dirname, "..", "..", ".cache", "jython-compiled");

/** The options that shape a world's JVM process. */
export interface WorldJvmOptions {
  /** twilio-java version on the world's classpath (one per process, as on a server); default 7.17.0 (Janssen's). */
  twilioVersion?: string;
  /** More jars for the classpath (e.g. from mavenClasspath), after the SDK's. */
  extraJars?: string[];
  /** More JVM options. */
  jvmOptions?: string[];
  /**
   * "full" (the default) is the JVM as a server runs it: every compiler tier and the default collector. "quick" is a
   * test's JVM: the first compiler tier only and the serial collector. A start and a script load then take 3.3
   * CPU-seconds instead of 6.3, and whole test files were cheaper too (JVM CPU-seconds of one file alone: hostile 10.5
   * against 16-18, attacks 19 against 29, faults 16.5 against 31, conformance 11 against 22, resend-bursts 9 against 19,
   * parallel/one-node 7 against 13): C2's compilations of Jython's generated code cost more than they save within a
   * file, and on 2 cores the parallel collector's threads take CPU from the other test worker (3,000 requests: 5.0
   * against 5.5 CPU-seconds).
   */
  jit?: "quick" | "full";
}

/**
 * GAMATECH_WORLD_JFR=DIR records every world JVM with Java Flight Recorder into DIR, one file per JVM, to see where a test
 * file's JVM time goes (`jfr print --events jdk.ExecutionSample`). Stacks are kept deep enough to reach the script's
 * Python functions under the driver's.
 */
function flightRecorder(name: string): string[] {
  const folder = process.env.GAMATECH_WORLD_JFR;
  if (folder === undefined || folder === "") return [];
  const recording = path.join(folder, `${name}.jfr`);
  return [
    `-XX:StartFlightRecording=filename=${recording},settings=profile`,
    "-XX:FlightRecorderOptions:stackdepth=256",
  ];
}

/** What tells JVMs apart for the pool of idle ones (host-pool.ts). */
export function poolKey(options: WorldJvmOptions): string {
  return JSON.stringify([
    options.twilioVersion ?? DEFAULT_TWILIO_VERSION,
    options.extraJars ?? [],
    options.jvmOptions ?? [],
    options.jit ?? "full",
  ]);
}

/** How a world's JVM is started: `command` and `args` run driver.py; `env` is the environment to give it. */
export interface WorldLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  classpath: string[];
  /** The loopback address api.twilio.com and verify.twilio.com resolve to inside that JVM (jdk.net.hosts.file). */
  directAddress: string;
}

/**
 * The JVM command line of a world for one twilio-java version: Jython's own jar, the doubles, Janssen's model jar, the
 * SDK jars (fetched from Maven Central on first use) and extraJars on the classpath; the fake Twilio API's key store and
 * the test CA trust store (made with keytool on first use); api.twilio.com / verify.twilio.com resolving to a private
 * loopback address (jdk.net.hosts.file written into `folder`); https.proxyHost=127.0.0.1 (the driver sets the port of
 * the proxy it opens). `script` defaults to driver.py; `scriptArgs` follow it.
 */
export function worldLaunch(
  folder: string,
  options: WorldJvmOptions & { script?: string; scriptArgs?: string[] } = {},
): WorldLaunch {
  const classpath = worldClasspath({ twilioVersion: options.twilioVersion, extraJars: options.extraJars });
  const tls = twilioTls();
  const directAddress = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const hostsFile = path.join(folder, "hosts");
  fs.writeFileSync(hostsFile, `127.0.0.1 localhost\n${directAddress} ${TWILIO_HOSTS.join(" ")}\n`);
  const args = [
    "-cp",
    [jythonJar(), ...classpath].join(path.delimiter),
    `-Dpython.home=${jythonHome()}`,
    ...(options.jit === "quick" ? ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] : []),
    "-Dpython.cachedir.skip=true",
    `-Dgamatech.compiledScripts=${COMPILED_SCRIPTS}`,
    "-Dpython.console.encoding=UTF-8",
    `-Djdk.net.hosts.file=${hostsFile}`,
    `-Djavax.net.ssl.trustStore=${tls.truststore}`,
    `-Djavax.net.ssl.trustStorePassword=${tls.password}`,
    "-Djavax.net.ssl.trustStoreType=PKCS12",
    "-Dhttps.proxyHost=127.0.0.1",
    `-Dgamatech.twilio.keystore=${tls.keystore}`,
    `-Dgamatech.twilio.keystorePassword=${tls.password}`,
    `-Dgamatech.twilio.directAddress=${directAddress}`,
    ...(options.jvmOptions ?? []),
    ...flightRecorder(directAddress),
    "org.python.util.jython",
    options.script ?? DRIVER,
    ...(options.scriptArgs ?? []),
  ];
  return { command: javaExecutable(), args, env: jythonEnvironment(), classpath, directAddress };
}
