import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { buildJavaDoubles, janssenModelJar } from "./javaDoubles";
import { javacExecutable } from "./jython";
import { mavenClasspath } from "./maven";

/**
 * The client libraries Janssen's cache providers use, at the versions of Janssen's jans-bom (jans-core-cache depends on
 * both): Jedis 3.9.0 (pulls commons-pool2), spymemcached 2.12.3; and the PostgreSQL JDBC driver jans-bom pins (42.7.7).
 */
export const BACKEND_COORDINATES = [
  "redis.clients:jedis:3.9.0",
  "net.spy:spymemcached:2.12.3",
  "org.postgresql:postgresql:42.7.7",
];

const SOURCES = path.resolve(__dirname, "java", "src", "backends");
const CACHE_ROOT = process.env.GAMATECH_MAVEN_CACHE
  ? path.resolve(process.env.GAMATECH_MAVEN_CACHE, "..", "backends")
  : path.resolve(__dirname, "..", "..", ".cache", "backends");

/**
 * The jars a world needs to run on a real Redis, memcached or PostgreSQL (reset's cacheBackend): the provider doubles of
 * src/world/java/src/backends (compiled against the world's jar and these libraries, rebuilt when either changes) and the
 * libraries themselves. Append them to the world's classpath (worldClasspath's extraJars).
 */
export function backendJars(): string[] {
  const libraries = mavenClasspath(BACKEND_COORDINATES);
  const worldJar = buildJavaDoubles().jar;
  const files = fs
    .readdirSync(SOURCES, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".java"))
    .sort()
    .map((file) => path.join(SOURCES, file));
  const hash = createHash("sha256").update(worldJar).update("\0");
  for (const file of files)
    hash.update(path.relative(SOURCES, file)).update("\0").update(fs.readFileSync(file));
  const dir = path.join(CACHE_ROOT, hash.digest("hex").slice(0, 16));
  const jar = path.join(dir, "backends.jar");
  if (!fs.existsSync(jar)) {
    fs.mkdirSync(CACHE_ROOT, { recursive: true });
    const work = fs.mkdtempSync(path.join(CACHE_ROOT, `.build-${process.pid}-`));
    try {
      const classes = path.join(work, "classes");
      const classPath = [worldJar, janssenModelJar(), ...libraries].join(path.delimiter);
      run(javacExecutable(), ["--release", "11", "-nowarn", "-cp", classPath, "-d", classes, ...files]);
      run("jar", ["--create", "--file", path.join(work, "backends.jar"), "-C", classes, "."]);
      try {
        fs.renameSync(work, dir);
      } catch (error) {
        if (!fs.existsSync(jar)) throw error;
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return [jar, ...libraries];
}

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`${command} failed building the cache backend doubles:\n${stderr}`);
  }
}
