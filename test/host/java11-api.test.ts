// Janssen's Docker image ran Java 11 until 1.0.19 (Flex before 5.1.0); newer ones run 17. The script must use no Java API
// newer than 11: every java.*/javax.* class and member declared in src/host/java (which is all the host can reach) is
// referenced by a generated Java file, compiled with `javac --release 11`.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { javacExecutable } from "../../src/world/jython";
import { javaProbe } from "./java-probe";

jest.setTimeout(120_000);

const DECLARATIONS = path.resolve(__dirname, "..", "..", "src", "host", "java");

function compileWithRelease11(source: string, className: string): { status: number | null; output: string } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-java11-"));
  try {
    const file = path.join(directory, `${className}.java`);
    fs.writeFileSync(file, source);
    const run = spawnSync(javacExecutable(), ["--release", "11", "-nowarn", "-d", directory, file], {
      encoding: "utf8",
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const files = fs
  .readdirSync(DECLARATIONS)
  .filter((name) => name.endsWith(".d.ts"))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(DECLARATIONS, name), "utf8") }));

test("every java.*/javax.* class and member in src/host/java exists in Java 11", () => {
  const probe = javaProbe(files);
  expect(probe.references).toBeGreaterThan(40);
  expect(probe.source).toContain("java.security.MessageDigest.isEqual((byte[]) null, (byte[]) null);");
  const result = compileWithRelease11(probe.source, "Java11Probe");
  expect({ output: result.output, status: result.status }).toEqual({ output: "", status: 0 });
});

test("the probe catches a Java 17 API (java.util.HexFormat, which the script used before)", () => {
  const probe = javaProbe(
    [
      {
        name: "hex.d.ts",
        text: `declare module "java:java.util" {
  export class HexFormat { private constructor(); static of(): HexFormat; formatHex(bytes: string): string; }
}`,
      },
    ],
    "HexProbe",
  );
  const result = compileWithRelease11(probe.source, "HexProbe");
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/cannot find symbol[\s\S]*HexFormat/);
});

test("the probe catches a member newer than 11 on an old class (String.isBlank is 11, String.indent is 12)", () => {
  const probe = javaProbe(
    [
      {
        name: "text.d.ts",
        text: `declare module "java:java.lang" {
  export class String { constructor(value: string); isBlank(): boolean; indent(n: number): string; }
}`,
      },
    ],
    "TextProbe",
  );
  const result = compileWithRelease11(probe.source, "TextProbe");
  expect(result.output).toMatch(/indent/);
  expect(result.output).not.toMatch(/isBlank/);
});
