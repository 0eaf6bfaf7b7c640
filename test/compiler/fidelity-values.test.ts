import { Code } from "../../src/compiler/diagnostics";
import { Suite } from "./harness";

// Issue 15 §1: equality and membership on unknown, type parameters and unions; values converted to text; objects.
const suite = new Suite();
const ID = "function id<T>(value: T): T { return value; }";
const EQ =
  "function eq<T>(a: T, b: T): boolean { return a === b; }\nfunction ne(a: unknown, b: unknown): boolean { return a !== b; }";

describe("=== and !== whatever the static types", () => {
  const values = [
    "true",
    "false",
    "1",
    "0",
    '"1"',
    '""',
    "null",
    "(0 / 0)",
    "[1]",
    "{ a: 1 }",
    "1.0",
    '"true"',
  ];
  for (const a of values) {
    for (const b of ["true", "1", "0", "false", '"1"', "(0 / 0)", "[1]"]) {
      suite
        .testFunction(
          `const a: unknown = ${a}; const b: unknown = ${b}; return [a === b, ne(a, b), eq<unknown>(a, b)];`,
          EQ,
        )
        .expectToMatchJsResult();
    }
  }
  suite
    .testFunction(
      "const xs = [1]; const u: unknown = xs; return [eq<unknown>(u, xs), eq<unknown>([1], xs)];",
      EQ,
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const a: number | boolean = id<number | boolean>(true); return [a === 1, a === true];", ID)
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const a: string | number = id<string | number>(1); const b: number | boolean = id<number | boolean>(1); return [a === b, a !== b];",
      ID,
    )
    .expectToMatchJsResult();
  suite.testFunction("const n: number = id(0 / 0); return [n === n, n !== n];", ID).expectToMatchJsResult();
  suite
    .testFunction(
      'const xs: unknown[] = [true, 1, "1", 0 / 0, null]; return [xs.indexOf(1), xs.indexOf(true), xs.indexOf("1"), xs.indexOf(0 / 0), xs.indexOf(false), xs.indexOf(null)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const xs: unknown[] = [true, 1, "1", 0 / 0]; return [xs.includes(1), xs.includes(true), xs.includes(0 / 0), xs.includes(false), xs.includes(0)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const xs = [1, 0 / 0, 3]; const nan: number = id(0 / 0); return [xs.includes(nan), xs.indexOf(nan), xs.includes(3), xs.includes(id(3))];",
      ID,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const o = { a: 1 }; const xs = [{ a: 1 }, o]; return [xs.indexOf(o), xs.includes({ a: 1 }), xs.includes(o)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const xs: Array<number | boolean> = [1, true]; const b: number | boolean = id<number | boolean>(true); return [xs.indexOf(b), xs.includes(1)];",
      ID,
    )
    .expectToMatchJsResult();
});

describe("values converted to text", () => {
  for (const value of [
    "[1, [2, 3], [], [[4]]]",
    "[null, 1, null]",
    "[true, false]",
    "[1.5, -0, 1e21]",
    "[]",
    "{ a: 1 }",
    "[{ a: 1 }]",
    '["a", ["b", ["c"]]]',
    "[[], []]",
  ]) {
    suite
      .testFunction(`const v: unknown = ${value}; return [String(v), \`<\${v}>\`, "" + v, [v, v].join("|")];`)
      .expectToMatchJsResult();
  }
  suite.testFunction('const xs = [[1, 2], [3]]; return xs.join(";");').expectToMatchJsResult();
  suite.testFunction("const xs = [[1, 2], [3]]; return String(xs) + `${xs}` + xs;").expectToMatchJsResult();
  suite
    .testFunction('const e = new Error("boom"); return [String(e), `${e}`, "x: " + e, e.name, e.message];')
    .expectToMatchJsResult();
  suite.testFunction('const e = new Error(""); return [String(e), e.name];').expectToMatchJsResult();
  suite
    .testFunction(
      'class Oops extends Error { constructor(m: string) { super(m); this.name = "Oops"; } } const e = new Oops("bad"); return [String(e), e.name, e instanceof Error];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('class Plain extends Error {} const e = new Plain("m"); return [String(e), e.name];')
    .expectToMatchJsResult();
  suite
    .testFunction(
      'class Named { toString(): string { return "named"; } } const n = new Named(); return [String(n), `${n}`, [n, n].join()];',
    )
    .expectToMatchJsResult();
  suite.testFunction("class Box { value = 1; } return String(new Box());").expectToMatchJsResult();
  suite
    .testFunction(
      'try { JSON.parse("{"); return "no"; } catch (e) { return e instanceof Error ? "error" : "other"; }',
    )
    .expectToMatchJsResult();
  suite.testFunction('let s = "a"; s += [1, 2]; s += { b: 1 }; return s;').expectToMatchJsResult();
});

describe("objects: key order, keys, in, ??=, freeze", () => {
  suite
    .testFunction(
      'const r: Record<string, number> = {}; r["b"] = 1; r["2"] = 2; r["a"] = 3; r["1"] = 4; r["01"] = 5; r["-1"] = 6; r["4294967295"] = 7; r["4294967294"] = 8; return [Object.keys(r), JSON.stringify(r)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const o = { z: 1, 10: 2, 9: 3, a: 4 }; return [Object.keys(o), JSON.stringify(o)];")
    .expectToMatchJsResult();
  suite.testFunction("const o = { z: 1, y: 2 }; return Object.keys(o);").expectToMatchJsResult();
  suite
    .testFunction(
      'const r = JSON.parse(\'{"b": 1, "3": 2, "a": 3, "1": 4}\') as Record<string, number>; return [Object.keys(r), JSON.stringify(r)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r: Record<string, number> = { a: 1, "2": 2 }; return [2 in r, 1 in r, "a" in r, "2" in r];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const r: Record<string, number> = { a: 1 }; r["b"] ??= 2; r["a"] ??= 5; return r;')
    .expectToMatchJsResult();
  suite
    .testFunction("const o: { a?: number; b?: number } = { a: 1 }; o.b ??= 2; o.a ??= 5; return o;")
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r: Record<string, string[]> = {}; const k = "x"; r[k] ??= []; (r[k] as string[]).push("1"); r[k] ??= ["no"]; return r;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const xs: number[] = [1]; xs[3] ??= 4; xs[0] ??= 9; return [xs.length, xs.join("-"), JSON.stringify(xs)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const o = Object.freeze({ a: 1 }); const w: { a: number } = o; try { w.a = 2; return "wrote"; } catch (e) { return e instanceof Error ? "threw" : "other"; }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const o = Object.freeze({ a: 1, b: [1] }); o.b.push(2); return [o, Object.keys(o), JSON.stringify(o), o === Object.freeze(o)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const c = { a: 1 }; Object.freeze(c); const w: { a: number } = c; try { w.a = 2; return "wrote"; } catch (e) { return "threw"; }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = Object.freeze([3, 1]); return [xs.length, xs.slice(), xs.includes(3)];")
    .expectToMatchJsResult();
  suite.testFunction("return Object.keys([1, 2]);").expectDiagnostic(Code.UnsupportedBuiltin);
  // Records keep the place of a key set again, and Object.keys is a copy taken when it is called.
  suite
    .testFunction(
      'const o: Record<string, number> = { b: 1, a: 2 }; o["b"] = 3; o["c"] = 4; o["a"] = 5; return [Object.keys(o), JSON.stringify(o)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const o: Record<string, number> = { a: 1, b: 2 }; const ks = Object.keys(o); ks.push("x"); for (const k of Object.keys(o)) { o[k + "2"] = 0; } return [ks, Object.keys(o)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r = JSON.parse(\'{"b": 1, "a": 2, "b": 3, "c": 4, "a": 5}\') as Record<string, number>; return [Object.keys(r), JSON.stringify(r), r["b"] ?? null];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const o = Object.freeze(JSON.parse(\'{"z": 1, "y": 2}\') as Record<string, number>); const w: Record<string, number> = o; try { w["x"] = 3; return "wrote"; } catch (e) { return [Object.keys(o), JSON.stringify(o)]; }',
    )
    .expectToMatchJsResult();
  // JSON writes most strings as they are; quotes, backslashes and control characters are escaped, in keys too.
  suite
    .testFunction(
      'const o: Record<string, string> = { \'q"k\': "a\\\\b", "t\\tk": "\\u001f\\u007f\\u2028é", plain: "x" }; return [JSON.stringify(o), JSON.parse(JSON.stringify(o)) as unknown];',
    )
    .expectToMatchJsResult();
});

describe("data types that are not services", () => {
  suite
    .testFunction('const o: Readonly<{ a: number; b: string }> = { a: 1, b: "x" }; return [o.a, o.b];')
    .expectToMatchJsResult();
  suite
    .testFunction(
      'interface P { a: number; b: string; } const o: Partial<P> = { a: 1 }; return [o.a ?? 0, o.b ?? "none"];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('interface P { a: number; b: string; } const o: Pick<P, "a"> = { a: 2 }; return o.a;')
    .expectToMatchJsResult();
  suite
    .testFunction('const o: Record<"a" | "b", number> = { a: 1, b: 2 }; return o.a + o.b;')
    .expectToMatchJsResult();
  suite.testFunction("const o: Required<{ a?: number }> = { a: 3 }; return o.a;").expectToMatchJsResult();
  suite
    .testFunction("interface S { run(): number; } const o: Partial<S> = {}; return o;")
    .expectDiagnostic(Code.MixedObjectType);
});
