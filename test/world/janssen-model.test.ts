// Where the world's Janssen model jar comes from: GAMATECH_JANSSEN_MODEL_JAR, else Janssen's Maven repository when it
// answers (a local HTTP server with the repository's layout stands for it), else the vendored jar; an unreachable
// repository costs one short attempt per hour, without a word.

import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import {
  artifactUrl,
  JANSSEN_MODEL_ARTIFACTS,
  type ModelJarSources,
  selectModelJar,
} from "../../src/world/janssenModel";

const VERSION = "9.9.9";
// One `jar` run (a JVM) per fetch, on a shared machine.
jest.setTimeout(60_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-janssen-model-test-"));
const vendorJar = path.join(work, "vendor", "janssen-model.jar");

/** The code under test only moves the artifacts' bytes: a file of distinct bytes stands for each jar. */
function artifactJar(file: string, artifact: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `the jar of ${artifact}`);
}

/** The jars a manifest jar's Class-Path names (it is stored uncompressed; manifest lines wrap with CR LF and a space). */
function classPathOf(jar: string): string[] {
  const text = fs.readFileSync(jar).toString("latin1").split("\r\n ").join("");
  return (/Class-Path: ([^\r\n]*)/.exec(text)?.[1] ?? "").split(" ").filter((name) => name !== "");
}

/**
 * Serves `root` over HTTP in another process (the code under test blocks this one while it downloads), or answers 503 to
 * everything when `root` is "503"; each request is appended to `log`.
 */
function serve(root: string, log: string): Promise<{ url: string; process: ChildProcess }> {
  const code = `
    const http = require("http"), fs = require("fs"), path = require("path");
    const [root, log] = process.argv.slice(1);
    const server = http.createServer((req, res) => {
      fs.appendFileSync(log, req.url + "\\n");
      if (root === "503") { res.statusCode = 503; res.end(); return; }
      fs.readFile(path.join(root, decodeURIComponent(req.url)), (error, data) => {
        if (error) { res.statusCode = 404; res.end(); } else res.end(data);
      });
    });
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ["-e", code, root, log], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", (data: Buffer) =>
      resolve({ url: `http://127.0.0.1:${data.toString().trim()}/maven`, process: child }),
    );
    child.once("error", reject);
  });
}

function requestsIn(log: string): number {
  return fs.existsSync(log)
    ? fs
        .readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => line !== "").length
    : 0;
}

/** A port that accepts nothing: the repository is not reachable. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sources(repository: string, overrides: Partial<ModelJarSources> = {}): ModelJarSources {
  return { repository, version: VERSION, cacheDir: path.join(work, "cache"), vendorJar, ...overrides };
}

const repositoryRoot = path.join(work, "repository");
let server: { url: string; process: ChildProcess };

beforeAll(async () => {
  artifactJar(vendorJar, "vendor");
  for (const artifact of JANSSEN_MODEL_ARTIFACTS) {
    const url = new URL(artifactUrl("http://host/maven", artifact, VERSION));
    artifactJar(path.join(repositoryRoot, url.pathname), artifact.split(":")[1] ?? "");
  }
  server = await serve(repositoryRoot, path.join(work, "served.log"));
});

afterAll(() => {
  server.process.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

beforeEach(() => fs.rmSync(path.join(work, "cache"), { recursive: true, force: true }));

test("artifacts are found under the Maven repository layout", () => {
  expect(artifactUrl("https://jenkins.jans.io/maven/", "io.jans:jans-core-model", "1.1.5")).toBe(
    "https://jenkins.jans.io/maven/io/jans/jans-core-model/1.1.5/jans-core-model-1.1.5.jar",
  );
});

test("a reachable repository gives a jar that puts every artifact, as served, on the classpath; it is kept", () => {
  const first = selectModelJar(sources(server.url));
  expect(first.source).toBe("repository");
  expect(first.jar.startsWith(path.join(work, "cache"))).toBe(true);
  const named = classPathOf(first.jar);
  expect(named).toHaveLength(JANSSEN_MODEL_ARTIFACTS.length);
  for (const artifact of JANSSEN_MODEL_ARTIFACTS) {
    const served = path.join(
      repositoryRoot,
      new URL(artifactUrl("http://host/maven", artifact, VERSION)).pathname,
    );
    const name = path.basename(served);
    expect(named).toContain(name);
    expect(fs.readFileSync(path.join(path.dirname(first.jar), name))).toEqual(fs.readFileSync(served));
  }
  // Served from the cache from now on, even with the repository gone.
  server.process.kill();
  expect(selectModelJar(sources(server.url))).toEqual(first);
  return serve(repositoryRoot, path.join(work, "served.log")).then((restarted) => {
    server = restarted;
  });
});

test("GAMATECH_JANSSEN_MODEL_JAR wins over the repository, and must exist", () => {
  expect(selectModelJar(sources(server.url, { fromEnv: vendorJar }))).toEqual({
    jar: vendorJar,
    source: "env",
  });
  expect(() => selectModelJar(sources(server.url, { fromEnv: path.join(work, "missing.jar") }))).toThrow(
    /GAMATECH_JANSSEN_MODEL_JAR/,
  );
});

test("an unreachable repository falls back to the vendored jar", async () => {
  const unreachable = `http://127.0.0.1:${await closedPort()}/maven`;
  expect(selectModelJar(sources(unreachable))).toEqual({ jar: vendorJar, source: "vendor" });
});

test("a repository that failed is not asked again for a while: each Jest worker would pay for it", async () => {
  const log = path.join(work, "failing.log");
  const failing = await serve("503", log);
  try {
    expect(selectModelJar(sources(failing.url))).toEqual({ jar: vendorJar, source: "vendor" });
    const asked = requestsIn(log);
    expect(asked).toBeGreaterThan(0);
    expect(selectModelJar(sources(failing.url))).toEqual({ jar: vendorJar, source: "vendor" });
    expect(requestsIn(log)).toBe(asked);
  } finally {
    failing.process.kill();
  }
});

test("a repository that lacks an artifact falls back to the vendored jar", () => {
  expect(selectModelJar(sources(server.url, { version: "0.0.1" }))).toEqual({
    jar: vendorJar,
    source: "vendor",
  });
});

test("without the repository and the vendored jar the set-up fails and says where the jar comes from", async () => {
  const unreachable = `http://127.0.0.1:${await closedPort()}/maven`;
  expect(() => selectModelJar(sources(unreachable, { vendorJar: path.join(work, "none.jar") }))).toThrow(
    /jenkins\.jans\.io\/maven.*io\.jans:jans-core-model/,
  );
});
