import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Janssen's model classes are not on Maven Central; Janssen publishes them in its own Maven repository. These artifacts
 * hold what the world needs (User, SimpleUser, CustomObjectAttribute, GluuStatus, SimpleCustomProperty, CustomScript,
 * the ROPC and Authorization Challenge script interfaces); only their own jars are taken, not their dependencies, as in
 * ../shared/vendor/janssen/janssen-model.jar. The fetched janssen-model.jar is a manifest whose Class-Path names them (java
 * and javac both follow it), so it stands where the vendored jar does.
 */
export const JANSSEN_MAVEN = "https://jenkins.jans.io/maven";
export const JANSSEN_VERSION = "1.1.5";
export const JANSSEN_MODEL_ARTIFACTS = [
  "io.jans:jans-core-model",
  "io.jans:jans-core-util",
  "io.jans:jans-core-script",
  "io.jans:jans-orm-annotation",
  "io.jans:jans-orm-model",
  "io.jans:jans-orm-util",
  "io.jans:jans-auth-model",
  "io.jans:jans-auth-common",
] as const;

/** How long a connection to the repository may stay silent: it is often unreachable, and the set-up must not wait. */
const SILENCE_TIMEOUT_MS = 2_000;
/** How long all downloads together may take (a slow link that keeps sending is not silent). */
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** After a failed attempt the repository is not asked again for this long (each Jest worker would ask otherwise). */
const RETRY_AFTER_MS = 60 * 60 * 1000;

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const HINT =
  `Janssen's model classes are not on Maven Central: the set-up takes janssen-model.jar from GAMATECH_JANSSEN_MODEL_JAR, ` +
  `else from Janssen's repository (${JANSSEN_MAVEN}, ${JANSSEN_MODEL_ARTIFACTS.join(", ")} at ${JANSSEN_VERSION}), ` +
  `else from ../shared/vendor/janssen beside the clone.`;

export interface ModelJarSources {
  /** GAMATECH_JANSSEN_MODEL_JAR. */
  fromEnv?: string;
  /** Janssen's Maven repository (GAMATECH_JANSSEN_MAVEN overrides, e.g. for a mirror). */
  repository: string;
  version: string;
  /** Where the jar built from the repository's artifacts is kept (.cache/janssen). */
  cacheDir: string;
  vendorJar: string;
}

export function defaultModelJarSources(): ModelJarSources {
  const env = process.env;
  return {
    fromEnv: env.GAMATECH_JANSSEN_MODEL_JAR,
    repository: env.GAMATECH_JANSSEN_MAVEN ?? JANSSEN_MAVEN,
    version: env.GAMATECH_JANSSEN_VERSION ?? JANSSEN_VERSION,
    cacheDir: path.join(REPO_ROOT, ".cache", "janssen"),
    vendorJar: path.resolve(REPO_ROOT, "..", "shared", "vendor", "janssen", "janssen-model.jar"),
  };
}

/** Where the model jar came from, for the tests and for a message. */
export interface ModelJar {
  jar: string;
  source: "env" | "repository" | "vendor";
}

/**
 * The model jar: GAMATECH_JANSSEN_MODEL_JAR when set (it must exist); else the one built from Janssen's repository,
 * fetched once into the cache (a few seconds at most, then not tried again for an hour when it failed, without a word);
 * else the vendored one. Throws when none is there.
 */
export function selectModelJar(sources: ModelJarSources): ModelJar {
  if (sources.fromEnv !== undefined && sources.fromEnv !== "") {
    const jar = path.resolve(sources.fromEnv);
    if (!fs.existsSync(jar))
      throw new Error(`GAMATECH_JANSSEN_MODEL_JAR names ${jar}, which does not exist. ${HINT}`);
    return { jar, source: "env" };
  }
  const fetched = fromRepository(sources);
  if (fetched !== null) return { jar: fetched, source: "repository" };
  if (fs.existsSync(sources.vendorJar)) return { jar: sources.vendorJar, source: "vendor" };
  throw new Error(`Janssen model jar not found (${sources.vendorJar} is missing). ${HINT}`);
}

/** A repository URL and version as a folder name: another mirror or version is another cache entry. */
function cacheKey(sources: ModelJarSources): string {
  return `${sources.version}-${sources.repository.replace(/[^A-Za-z0-9.]+/g, "_")}`;
}

function fromRepository(sources: ModelJarSources): string | null {
  const dir = path.join(sources.cacheDir, cacheKey(sources));
  const jar = path.join(dir, "janssen-model.jar");
  if (fs.existsSync(jar)) return jar;
  const failedAt = path.join(dir, "unreachable");
  if (fs.existsSync(failedAt) && Date.now() - fs.statSync(failedAt).mtimeMs < RETRY_AFTER_MS) return null;
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(dir, `.fetch-${process.pid}-`));
  try {
    const names = JANSSEN_MODEL_ARTIFACTS.map(
      (artifact) => `${artifact.split(":")[1]}-${sources.version}.jar`,
    );
    const urls = JANSSEN_MODEL_ARTIFACTS.map((artifact) =>
      artifactUrl(sources.repository, artifact, sources.version),
    );
    if (
      !download(
        urls,
        names.map((name) => path.join(work, name)),
      )
    ) {
      fs.writeFileSync(failedAt, `${new Date().toISOString()}\n`);
      return null;
    }
    manifestJar(names, path.join(work, "janssen-model.jar"));
    // Parallel Jest workers may fetch at once: the first to move its jars in wins, the others use them.
    for (const name of [...names, "janssen-model.jar"]) {
      try {
        fs.renameSync(path.join(work, name), path.join(dir, name));
      } catch (error) {
        if (!fs.existsSync(path.join(dir, name))) throw error;
      }
    }
    fs.rmSync(failedAt, { force: true });
    return jar;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The Maven repository layout: group path / artifact / version / artifact-version.jar. */
export function artifactUrl(repository: string, coordinate: string, version: string): string {
  const [group = "", artifact = ""] = coordinate.split(":");
  return `${repository.replace(/\/+$/, "")}/${group.split(".").join("/")}/${artifact}/${version}/${artifact}-${version}.jar`;
}

// The world's set-up is synchronous, so the downloads run in a child Node process; every URL must answer 200 in time.
const DOWNLOADER = `
const fs = require("fs");
const [timeoutMs, ...pairs] = process.argv.slice(1);
const get = (url, file) => new Promise((resolve, reject) => {
  const client = require(url.startsWith("https:") ? "https" : "http");
  const request = client.get(url, { timeout: Number(timeoutMs) }, (response) => {
    if (response.statusCode !== 200) { response.resume(); reject(new Error(String(response.statusCode))); return; }
    const out = fs.createWriteStream(file);
    response.pipe(out);
    out.on("finish", resolve);
    response.on("error", reject);
  });
  request.on("timeout", () => request.destroy(new Error("timeout")));
  request.on("error", reject);
});
const jobs = [];
for (let i = 0; i < pairs.length; i += 2) jobs.push(get(pairs[i], pairs[i + 1]));
// Every request settles before the verdict, so none is still on its way to the repository once the answer is given.
Promise.allSettled(jobs).then((all) => process.exit(all.every((job) => job.status === "fulfilled") ? 0 : 1));
`;

function download(urls: string[], files: string[]): boolean {
  const args = ["-e", DOWNLOADER, String(SILENCE_TIMEOUT_MS)];
  urls.forEach((url, index) => args.push(url, files[index] ?? ""));
  const run = spawnSync(process.execPath, args, { stdio: "ignore", timeout: DOWNLOAD_TIMEOUT_MS });
  return run.status === 0;
}

/** A jar of nothing but a manifest whose Class-Path names `jars` (beside it); stored uncompressed, so it reads as text. */
function manifestJar(jars: string[], out: string): void {
  const manifest = path.join(path.dirname(out), "MANIFEST.txt");
  fs.writeFileSync(manifest, `Manifest-Version: 1.0\nClass-Path: ${jars.join(" ")}\n`);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-janssen-model-"));
  try {
    execFileSync(
      "jar",
      ["--create", "--no-compress", "--file", out, "--manifest", manifest, "-C", empty, "."],
      {
        stdio: "ignore",
      },
    );
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
