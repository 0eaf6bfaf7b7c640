import { Code } from "../../src/compiler/diagnostics";
import { Suite } from "./harness";

// Issue 15 §1: evaluation order of hoisted statements, closures in loops, parameter defaults, classes and the limits
// of the target. Each `log` records the order in which the operands ran.
const suite = new Suite();
const LOG = `const trace: string[] = [];
function log<T>(label: string, value: T): T { trace.push(label); return value; }
function maybe(label: string): number | null { trace.push(label); return null; }
interface Box { v?: number; }
function box(label: string): Box | null { trace.push(label); return { v: 1 }; }`;

describe("evaluation order", () => {
  for (const expression of [
    'log("a", 1) + (maybe("b") ?? log("c", 2))',
    '[log("a", 1), maybe("b") ?? log("c", 3), log("d", 4)]',
    'log("a", 1) + (box("b")?.v ?? 0)',
    '{ x: log("a", 1), y: maybe("b") ?? log("c", 2) }',
    'Math.max(log("a", 1), maybe("b") ?? log("c", 5))',
    'log("a", "x") === (maybe("b") === null ? log("c", "x") : "y")',
    'log("a", 2) < (maybe("b") ?? log("c", 3))',
    '"s" + log("a", 1) + (maybe("b") ?? log("c", 2))',
    '`${log("a", 1)}-${maybe("b") ?? log("c", 2)}`',
    'log("a", "xyz").indexOf(log("b", "y"))',
    'log("a", [1, 2]).map((x) => x + (maybe("b") ?? 1))',
  ]) {
    suite.testFunction(`const v = ${expression}; return [v, trace];`, LOG).expectToMatchJsResult();
  }
  suite.testFunction("let i = 1; const v = i + i++; return [v, i];").expectToMatchJsResult();
  suite
    .testFunction(
      'class K { constructor(readonly n: number) {} add(a: number, b: number): number { return this.n + a + b; } } const k = (): K => log("k", new K(1)); return [k().add(log("a", 1), maybe("b") ?? log("c", 2)), trace];',
      LOG,
    )
    .expectToMatchJsResult();
  suite.testFunction("let i = 1; const v = [i, i++, i, ++i, i]; return [v, i];").expectToMatchJsResult();
  suite.testFunction("let i = 5; const v = i * (i -= 2); return [v, i];").expectToMatchJsResult();
  suite
    .testFunction(
      "const r: Record<string, number> = {}; let i = 0; r[String(i)] = i++; r[String(i)] = ++i; return [r, i];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const o: Record<string, number> = {}; o[log("key", "k")] = log("value", 1); return [o, trace];',
      LOG,
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const xs = [0, 0]; xs[log("index", 1)] = log("value", 5); return [xs, trace];', LOG)
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const o: Record<string, number> = { k: 1 }; o[log("key", "k")] = (maybe("v") ?? 2); return [o, trace];',
      LOG,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'function f(a: number, b: number, c: number): number[] { return [a, b, c]; } return [f(log("a", 1), maybe("b") ?? log("c", 2), log("d", 3)), trace];',
      LOG,
    )
    .expectToMatchJsResult();
});

describe("closures in loops", () => {
  suite
    .testFunction(
      "const fs: Array<() => number> = []; for (const i of [1, 2]) { function f(): number { return i; } fs.push(f); } return fs.map((f) => f());",
    )
    .expectDiagnostic(Code.LoopCapture);
  suite
    .testFunction(
      "const out: Array<Array<() => number>> = []; for (const i of [1, 2]) { out.push([1].map((x) => () => x + i)); } return out.length;",
    )
    .expectDiagnostic(Code.LoopCapture);
  suite
    .testFunction(
      "const fs: Array<() => number> = []; for (const i of [1, 2]) { fs.push(() => i); } return fs.length;",
    )
    .expectDiagnostic(Code.LoopCapture);
  suite
    .testFunction(
      "interface Lazy { map(f: () => number): number; } class L implements Lazy { kept: Array<() => number> = []; map(f: () => number): number { this.kept.push(f); return 0; } } const l = new L(); for (const i of [1, 2]) { l.map(() => i); } return l.kept.map((f) => f());",
    )
    .expectDiagnostic(Code.LoopCapture);
  suite
    .testFunction("const out: number[] = []; for (const i of [1, 2]) { out.push(...[i]); } return out;")
    .expectDiagnostic(Code.Spread);
  suite
    .testFunction(
      "const out: number[] = []; for (const i of [1, 2, 3]) { out.push([10, 20].map((x) => x + i).filter((y) => y > i + 10).length); } return out;",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const out: number[] = []; for (const i of [1, 2]) { function twice(x: number): number { return x * 2; } out.push(twice(i)); } return out;",
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const fs = [1, 2].map((x) => () => x); return fs.map((f) => f());")
    .expectToMatchJsResult();
});

describe("parameter defaults", () => {
  const F = "function f(x: number = 1, s: string = `d${2}`): unknown[] { return [x, s]; }";
  for (const call of [
    "f()",
    "f(undefined)",
    "f(undefined, undefined)",
    "f(5)",
    'f(5, "e")',
    'f(undefined, "e")',
    'f(0, "")',
  ]) {
    suite.testExpression(call, F).expectToMatchJsResult();
  }
  suite
    .testExpression(
      "g(id(undefined))",
      "function id<T>(v: T): T { return v; }\nfunction g(x = 3): number { return x; }",
    )
    .expectToMatchJsResult();
  suite
    .testExpression(
      "h()",
      "const made: number[][] = [];\nfunction h(xs: number[] = []): number { xs.push(1); made.push(xs); return made.length + xs.length; }",
    )
    .expectToMatchJsResult();
  suite
    .testFunction("function f(x: number | null = 1): number | null { return x; } return f(null);")
    .expectDiagnostic(Code.NullableDefault);
  suite
    .testFunction("function f(x: unknown = 1): unknown { return x; } return f(null);")
    .expectDiagnostic(Code.NullableDefault);
});

describe("classes", () => {
  const BASE = "class Base { v?: number; w: number; constructor() { this.v = 7; this.w = 1; } }";
  suite
    .testFunction(
      "class Sub extends Base { override v?: number; } const s = new Sub(); return [s.v ?? null, s.w];",
      BASE,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'class Sub extends Base { declare v?: number; u?: string; } const s = new Sub(); return [s.v ?? null, s.u ?? "none"];',
      BASE,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "class C { a?: number; b = 2; } const c = new C(); c.a = 1; const d = new C(); return [c.a, d.a ?? null, d.b];",
    )
    .expectToMatchJsResult();
  suite.testFunction('const e = new Error("m"); return [e.name, e.message];').expectToMatchJsResult();
  suite
    .testFunction(
      'class E2 extends Error { constructor() { super("two"); this.name = "E2"; } } try { throw new E2(); } catch (e) { return e instanceof E2 ? [e.name, e.message, String(e)] : "other"; }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "class C { n = 2; twice(x: number): number { return x * this.n; } } const c = new C(); return [1, 2].map(c.twice);",
    )
    .expectDiagnostic(Code.MethodAsValue);
  suite
    .testFunction(
      "class C { n = 2; twice(x: number): number { return x * this.n; } } const c = new C(); const f = c.twice; return f(1);",
    )
    .expectDiagnostic(Code.MethodAsValue);
  suite
    .testFunction(
      "class C { n = 2; twice(x: number): number { return x * this.n; } } const c = new C(); return [1, 2].map((x) => c.twice(x));",
    )
    .expectToMatchJsResult();
});

describe("limits of the target", () => {
  suite.testFunction("const größe = 1; return größe;").expectDiagnostic(Code.NameCollision);
  suite.testFunction("const café = { a: 1 }; return café.a;").expectDiagnostic(Code.NameCollision);
  suite.testFunction('return "\\uD800".length;').expectDiagnostic(Code.LoneSurrogate);
  suite.testFunction("return `x\\uDC00y`.length;").expectDiagnostic(Code.LoneSurrogate);
  suite.testFunction('return ["\\uD83D\\uDE00".length > 0, "größe"];').expectToMatchJsResult();
  suite
    .testFunction(
      "function depth(n: number): number { return n === 0 ? 0 : 1 + depth(n - 1); } return depth(500);",
    )
    .expectToMatchJsResult();
});

describe("built-ins the guest lib lacks", () => {
  suite.testFunction('return "a-b-c".replaceAll("-", "+");').expectDiagnostic("TS2550");
  suite.testFunction('return "a-b-c".split("-").join("+");').expectToMatchJsResult();
});
