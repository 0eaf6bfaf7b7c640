import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

const INSTALL_HINT =
  "Maven and a JDK are required to fetch the Java libraries the tests run against: `apt-get install -y maven` (JDK 17).";

/** Where fetched jars are kept between runs; ignored by git. GAMATECH_MAVEN_CACHE moves it. */
const CACHE_ROOT = process.env.GAMATECH_MAVEN_CACHE ?? path.resolve(__dirname, "..", "..", ".cache", "maven");

/**
 * The jars of `coordinates` (group:artifact:version) and of everything they declare at run time, fetched from Maven Central
 * by Maven itself, exactly as a Janssen shop would get them. One folder per set of coordinates, reused while it exists;
 * parallel Jest workers each fetch into their own temporary folder and the first rename wins.
 */
export function mavenClasspath(coordinates: string[]): string[] {
  const key = createHash("sha256").update(coordinates.join("\n")).digest("hex").slice(0, 16);
  const dir = path.join(CACHE_ROOT, key);
  if (!fs.existsSync(path.join(dir, "complete"))) fetchInto(dir, coordinates);
  return fs
    .readdirSync(path.join(dir, "jars"))
    .filter((name) => name.endsWith(".jar"))
    .sort()
    .map((name) => path.join(dir, "jars", name));
}

function fetchInto(dir: string, coordinates: string[]): void {
  const probe = spawnSync("mvn", ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) throw new Error(`mvn was not found. ${INSTALL_HINT}`);
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE_ROOT, `.fetch-${process.pid}-`));
  try {
    fs.writeFileSync(path.join(work, "pom.xml"), pom(coordinates));
    try {
      execFileSync(
        "mvn",
        ["-q", "-B", "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=jars"],
        { cwd: work, stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 },
      );
    } catch (error) {
      const out = (error as { stdout?: Buffer }).stdout?.toString() ?? "";
      throw new Error(
        `Maven could not fetch ${coordinates.join(", ")}:\n${out.slice(-4000)}\n${INSTALL_HINT}`,
      );
    }
    fs.writeFileSync(path.join(work, "complete"), coordinates.join("\n") + "\n");
    try {
      fs.renameSync(work, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, "complete"))) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function pom(coordinates: string[]): string {
  const dependencies = coordinates.map((coordinate) => {
    const [groupId, artifactId, version] = coordinate.split(":");
    if (groupId === undefined || artifactId === undefined || version === undefined) {
      throw new Error(`not a Maven coordinate (group:artifact:version): ${coordinate}`);
    }
    return (
      `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId>` +
      `<version>${version}</version></dependency>`
    );
  });
  return [
    `<project xmlns="http://maven.apache.org/POM/4.0.0">`,
    `  <modelVersion>4.0.0</modelVersion>`,
    `  <groupId>gamatech</groupId><artifactId>world-classpath</artifactId><version>1</version>`,
    `  <dependencies>`,
    ...dependencies,
    `  </dependencies>`,
    `</project>`,
    ``,
  ].join("\n");
}
