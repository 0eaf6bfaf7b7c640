import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const INSTALL_HINT =
  "keytool comes with the JDK: `apt-get install -y openjdk-17-jdk-headless` (Debian/Ubuntu).";
/** Bumped when the way the files are made changes, so old caches are not reused. */
const LAYOUT = "v3";
const CACHE_ROOT =
  process.env.GAMATECH_TLS_CACHE ?? path.resolve(__dirname, "..", "..", ".cache", "twilio-tls");
/** Test-only material made on this machine; the password protects nothing. */
export const TLS_PASSWORD = "gamatech-test-only";
export const TWILIO_HOSTS = ["api.twilio.com", "verify.twilio.com"] as const;

export interface TwilioTls {
  /** PKCS12 with the fake Twilio API's key and its certificate (SAN api.twilio.com, verify.twilio.com), signed by the CA. */
  keystore: string;
  /** PKCS12 holding only the test CA's certificate: the world's JVM trusts it (javax.net.ssl.trustStore). */
  truststore: string;
  password: string;
}

/**
 * A test CA and a server certificate for api.twilio.com and verify.twilio.com, made once with keytool and kept in
 * .cache/twilio-tls/ (GAMATECH_TLS_CACHE moves it). Parallel Jest workers each make theirs in a temporary folder; the first
 * rename wins. Fails loudly when keytool is missing.
 */
export function twilioTls(): TwilioTls {
  const dir = path.join(CACHE_ROOT, LAYOUT);
  const files: TwilioTls = {
    keystore: path.join(dir, "fake-twilio.p12"),
    truststore: path.join(dir, "truststore.p12"),
    password: TLS_PASSWORD,
  };
  if (fs.existsSync(path.join(dir, "complete"))) return files;
  const probe = spawnSync("keytool", ["-help"], { encoding: "utf8" });
  if (probe.error !== undefined) throw new Error(`keytool was not found. ${INSTALL_HINT}`);
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE_ROOT, `.make-${process.pid}-`));
  try {
    const store = (name: string) => [
      "-keystore",
      path.join(work, name),
      "-storepass",
      TLS_PASSWORD,
      "-storetype",
      "PKCS12",
    ];
    keytool([
      "-genkeypair",
      "-alias",
      "ca",
      "-keyalg",
      "EC",
      "-groupname",
      "secp256r1",
      "-validity",
      "3650",
      "-dname",
      "CN=gamatech-ropc test CA (never trust outside tests)",
      "-ext",
      "bc:c",
      "-ext",
      "ku:c=keyCertSign,cRLSign",
      ...store("ca.p12"),
    ]);
    keytool(["-exportcert", "-alias", "ca", "-rfc", "-file", path.join(work, "ca.pem"), ...store("ca.p12")]);
    keytool([
      "-genkeypair",
      "-alias",
      "server",
      "-keyalg",
      "EC",
      "-groupname",
      "secp256r1",
      "-validity",
      "3650",
      "-dname",
      `CN=${TWILIO_HOSTS[0]}`,
      ...store("fake-twilio.p12"),
    ]);
    keytool([
      "-certreq",
      "-alias",
      "server",
      "-file",
      path.join(work, "server.csr"),
      ...store("fake-twilio.p12"),
    ]);
    keytool([
      "-gencert",
      "-alias",
      "ca",
      "-rfc",
      "-validity",
      "3650",
      "-infile",
      path.join(work, "server.csr"),
      "-outfile",
      path.join(work, "server.pem"),
      "-ext",
      `SAN=${TWILIO_HOSTS.map((host) => `dns:${host}`).join(",")}`,
      "-ext",
      "ku:c=digitalSignature",
      "-ext",
      "eku=serverAuth",
      ...store("ca.p12"),
    ]);
    keytool([
      "-importcert",
      "-noprompt",
      "-alias",
      "ca",
      "-file",
      path.join(work, "ca.pem"),
      ...store("fake-twilio.p12"),
    ]);
    keytool([
      "-importcert",
      "-noprompt",
      "-alias",
      "server",
      "-file",
      path.join(work, "server.pem"),
      ...store("fake-twilio.p12"),
    ]);
    keytool([
      "-importcert",
      "-noprompt",
      "-alias",
      "gamatech-test-ca",
      "-file",
      path.join(work, "ca.pem"),
      ...store("truststore.p12"),
    ]);
    fs.rmSync(path.join(work, "ca.p12"));
    fs.writeFileSync(path.join(work, "complete"), "made by src/world/tls.ts\n");
    try {
      fs.renameSync(work, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, "complete"))) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return files;
}

/**
 * The stores' passwords protect nothing (TLS_PASSWORD), so their key derivation need not be slow: with keytool's default
 * of 10,000 rounds each world's JVM spent about 130 ms of CPU opening its key and trust stores at start.
 */
const CHEAP_PBE = [
  "-J-Dkeystore.pkcs12.certPbeIterationCount=1",
  "-J-Dkeystore.pkcs12.keyPbeIterationCount=1",
  "-J-Dkeystore.pkcs12.macIterationCount=1",
];

function keytool(args: string[]): void {
  try {
    execFileSync("keytool", [...CHEAP_PBE, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    const stdout = (error as { stdout?: Buffer }).stdout?.toString() ?? "";
    throw new Error(
      `keytool ${args[0]} failed making the fake Twilio API's test certificates:\n${stdout}${stderr}\n${INSTALL_HINT}`,
    );
  }
}
