// Optional Java modules (`@optional <versions>` on `declare module "java:..."`): imported in a try that binds None when
// the server's jars lack the package, so the script loads anyway; the guest must test the class against null (GR1032).
import * as path from "path";
import { compile, formatDiagnostic } from "../../src/compiler";
import { Code } from "../../src/compiler/diagnostics";
import { Suite } from "./harness";

const ROOT = path.resolve(__dirname, "..", "..");

const DECLARATIONS = `
declare module "java:java.lang" {
  export class StringBuilder { constructor(); append(text: string): StringBuilder; toString(): string; }
}
/**
 * A package no jar has.
 * @optional example-sdk 2.0 and later
 */
declare module "java:com.example.absent" {
  export class Absent { constructor(); name(): string; }
  export class AlsoAbsent { private constructor(); }
}
/** @optional Java 1.5 and later (every JDK has it) */
declare module "java:java.util.concurrent.atomic" {
  export class AtomicInteger { constructor(initial: number); incrementAndGet(): number; }
}
/** @optional */
declare module "java:com.example.untold" {
  export class Untold { constructor(); }
}
`;

const suite = new Suite();
suite.declare("optional.d.ts", DECLARATIONS);

const ABSENT = 'import { Absent, AlsoAbsent } from "java:com.example.absent";\n';
const ATOMIC = 'import { AtomicInteger } from "java:java.util.concurrent.atomic";\n';

describe("an optional Java module in Jython", () => {
  suite
    .testFunction(
      'if (Absent === null || AlsoAbsent === null) { return "absent"; } return new Absent().name();',
      ABSENT,
    )
    .expectJythonResult("absent");
  suite
    .testFunction(
      'if (AtomicInteger !== null) { const n = new AtomicInteger(41); return n.incrementAndGet(); } return "absent";',
      ATOMIC,
    )
    .expectJythonResult(42);
  suite
    .testFunction(
      "return [Absent !== null, AtomicInteger !== null, AlsoAbsent === undefined];",
      ABSENT + ATOMIC,
    )
    .expectJythonResult([false, true, true]);
});

describe("GR1032", () => {
  suite.testFunction("return new Absent().name();", ABSENT).expectDiagnostic(Code.UntestedOptionalImport);
  suite
    .testFunction('return Absent !== null ? "a" : "b";', ABSENT)
    .expectDiagnostic(Code.UntestedOptionalImport); // AlsoAbsent is never tested
  suite
    .testFunction(
      "return 1;",
      'import { Untold } from "java:com.example.untold";\nexport function f(): boolean { return Untold !== null; }',
    )
    .expectDiagnostic(Code.UntestedOptionalImport);
});

describe("the generated imports", () => {
  const files = {
    "opt/decl.d.ts": DECLARATIONS,
    "opt/main.ts": `${ABSENT}${ATOMIC}import { StringBuilder } from "java:java.lang";
export function available(): boolean { return Absent !== null && AlsoAbsent !== null && AtomicInteger !== null; }
export function text(): string { return new StringBuilder().append("x").toString(); }`,
    "opt/more.d.ts": `/** @optional example-sdk 2.0 and later */
declare module "java:com.example.absent.more" { export class More { private constructor(); } }`,
    "opt/grouped.ts": `import { Absent as MissingOne } from "java:com.example.absent";
import { More } from "java:com.example.absent.more";
export function both(): boolean { return MissingOne !== null && More !== null; }`,
    "opt/untested.ts": `${ABSENT}export function make(): string { return new Absent().name(); }`,
  };
  const result = compile(["opt/main.ts"], { root: ROOT, files });

  test("compile without diagnostics", () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test("required imports stay plain lines; each optional package gets a commented try block", () => {
    expect(result.python).toContain(
      [
        "from java.lang import StringBuilder",
        "",
        "# Optional: Java 1.5 and later (every JDK has it).",
        "# Where the server's jars lack it, these names are None; the script checks them before use.",
        "try:",
        "    from java.util.concurrent.atomic import AtomicInteger",
        "except ImportError:",
        "    AtomicInteger = None",
        "",
        "# Optional: example-sdk 2.0 and later.",
        "# Where the server's jars lack it, these names are None; the script checks them before use.",
        "try:",
        "    from com.example.absent import Absent, AlsoAbsent",
        "except ImportError:",
        "    Absent = None",
        "    AlsoAbsent = None",
        "",
      ].join("\n"),
    );
  });

  test("packages with the same @optional text share one try; a renamed class keeps the guest's name", () => {
    const grouped = compile(["opt/grouped.ts"], { root: ROOT, files });
    expect(grouped.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(grouped.python).toContain(
      [
        "# Optional: example-sdk 2.0 and later.",
        "# Where the server's jars lack them, these names are None; the script checks them before use.",
        "try:",
        "    from com.example.absent import Absent as MissingOne",
        "    from com.example.absent.more import More",
        "except ImportError:",
        "    MissingOne = None",
        "    More = None",
      ].join("\n"),
    );
  });

  test("the null test reads like Python", () => {
    expect(result.python).toContain(
      "return Absent is not None and AlsoAbsent is not None and AtomicInteger is not None",
    );
  });

  test("an untested optional class names the fix", () => {
    const untested = compile(["opt/untested.ts"], { root: ROOT, files });
    expect(untested.diagnostics.map(formatDiagnostic)).toEqual([
      "opt/untested.ts(1,10): error GR1032: 'Absent' comes from an optional Java module (example-sdk 2.0 and later): it is None where the server's jars lack it. Check `Absent !== null` in this file before using it (e.g. in a function that init calls), or remove the @optional tag if every supported version has it.",
      "opt/untested.ts(1,18): error GR1032: 'AlsoAbsent' comes from an optional Java module (example-sdk 2.0 and later): it is None where the server's jars lack it. Check `AlsoAbsent !== null` in this file before using it (e.g. in a function that init calls), or remove the @optional tag if every supported version has it.",
    ]);
  });
});
