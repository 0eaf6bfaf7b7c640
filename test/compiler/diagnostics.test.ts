import { Code } from "../../src/compiler/diagnostics";
import { Suite } from "./harness";

// One case per rejected construct: each must be reported with its own stable code.
const suite = new Suite();

const functionCases: Array<[string, string, string?]> = [
  [Code.Var, "var x = 1; return x;"],
  [Code.LooseEquality, "const a: number = 1; return a == 1;"],
  [Code.LooseEquality, "const a: number = 1; return a != 1;"],
  [Code.Any, "const a: any = 1; return a;"],
  [Code.Any, "const xs: Array<any> = []; return xs;"],
  [Code.Async, "const f = async (): Promise<number> => 1; return f;"],
  [Code.Async, "return 1;", "export async function later(): Promise<void> {}"],
  [
    Code.Async,
    "return 1;",
    "declare function wait(): Promise<number>;\nexport async function run(): Promise<number> { return await wait(); }",
  ],
  [Code.Generator, "return 1;", "export function* numbers(): Generator<number> { yield 1; }"],
  [
    Code.ForIn,
    "const o = { a: 1 }; const keys: string[] = []; for (const k in o) { keys.push(k); } return keys;",
  ],
  [Code.Delete, 'const o: Record<string, number> = { a: 1 }; delete o["a"]; return o;'],
  [Code.Label, "outer: for (const x of [1]) { for (const y of [2]) { break outer; } } return 1;"],
  [Code.Label, "outer: for (const x of [1]) { continue outer; } return 1;"],
  [Code.Accessor, "return 1;", "export class C { get value(): number { return 1; } }"],
  [Code.Accessor, "return 1;", "export class C { set value(v: number) {} }"],
  [Code.Accessor, "const o = { get x(): number { return 1; } }; return o.x;"],
  [
    Code.Decorator,
    "return 1;",
    "declare function sealed(target: unknown): void;\n@sealed\nexport class C {}",
  ],
  [Code.Eval, 'return eval("1 + 1") as number;'],
  [Code.Spread, "const a = [1]; const b = [...a, 2]; return b;"],
  [Code.Spread, "const a = { x: 1 }; const b = { ...a, y: 2 }; return b;"],
  [Code.Spread, "return Math.max(...[1, 2]);"],
  [Code.Spread, "return 1;", "export function sum(...values: number[]): number { return values.length; }"],
  [Code.Destructuring, "const { a } = { a: 1 }; return a;"],
  [Code.Destructuring, "const [first] = [1, 2]; return first;"],
  [Code.Destructuring, "let a = 1; let b = 2; [a, b] = [b, a]; return a;"],
  [Code.Destructuring, "return 1;", "export function f({ a }: { a: number }): number { return a; }"],
  [Code.Bitwise, "const a: number = 6; return a & 3;"],
  [Code.Bitwise, "const a: number = 6; return a | 1;"],
  [Code.Bitwise, "const a: number = 6; return a ^ 1;"],
  [Code.Bitwise, "const a: number = 6; return a << 1;"],
  [Code.Bitwise, "const a: number = 6; return a >> 1;"],
  [Code.Bitwise, "const a: number = 6; return a >>> 1;"],
  [Code.Bitwise, "const a: number = 6; return ~a;"],
  [Code.Bitwise, "let a: number = 6; a |= 1; return a;"],
  [Code.Regex, 'return "abc".replace(/b/g, "x");'],
  [Code.TypeOf, "const v: unknown = 1; return typeof v;"],
  [Code.NonBooleanCondition, 'const s: string = "x"; if (s) { return 1; } return 0;'],
  [Code.NonBooleanCondition, "let n = 3; while (n) { n--; } return n;"],
  [Code.NonBooleanCondition, "const n: number = 1; return n ? 1 : 2;"],
  [Code.NonBooleanCondition, "const s: string | null = null; return s && s.length > 0;"],
  [Code.NonBooleanCondition, 'const s: string = ""; return s || "default";'],
  [Code.NonBooleanCondition, "const xs: number[] = []; return !xs;"],
  [Code.NonBooleanCondition, "const b: boolean | undefined = undefined; if (b) { return 1; } return 0;"],
  [Code.NonBooleanCondition, "return [1, 0].filter((n) => n);"],
  [Code.UnsupportedBuiltin, 'return "ab".repeat(2);'],
  [Code.UnsupportedBuiltin, "return Math.sqrt(4);"],
  [Code.UnsupportedBuiltin, "return [3, 1].sort();"],
  [Code.UnsupportedBuiltin, "const m = new Map<string, number>(); return m;"],
  [Code.UnsupportedBuiltin, "return Date.now();"],
  [Code.UnsupportedBuiltin, 'return parseInt("12");'],
  [Code.UnsupportedBuiltin, 'return "a$b".replace("a", "$&$&");'],
  [Code.UnsupportedBuiltin, 'return "abc".startsWith("b", 1);'],
  [Code.UnsupportedBuiltin, "const f = Math.abs; return f(-1);"],
  [Code.UnsupportedBuiltin, "return Object.entries({ a: 1 });"],
  [Code.UnsupportedBuiltin, 'return "a-b".replaceAll("-", "+");'],
  [Code.UnsupportedBuiltin, "const xs = [1]; xs.length = 0; return xs;"],
  [Code.UnsupportedBuiltin, "return Object.keys([1, 2]);"],
  [Code.MethodAsValue, "class C { m(): number { return 1; } } const f = new C().m; return f();"],
  [Code.LoneSurrogate, 'return "\\uDBFF!";'],
  [Code.NameCollision, "const naïve = 1; return naïve;"],
  [Code.NullableDefault, 'function f(x: string | null = "a"): string | null { return x; } return f(null);'],
  [Code.OuterReassignment, "let n = 0; const inc = (): void => { n++; }; inc(); return n;"],
  [Code.OuterReassignment, 'let s = ""; function add(): void { s = s + "x"; } add(); return s;'],
  [
    Code.SwitchFallThrough,
    'const v: string = "a"; let n = 0; switch (v) { case "a": n++; case "b": n++; break; } return n;',
  ],
  [
    Code.SwitchFallThrough,
    'const v: string = "a"; let n = 0; switch (v) { case "a": if (n === 0) { break; } n++; break; } return n;',
  ],
  [
    Code.MixedObjectType,
    "return 1;",
    "interface Mixed { value: number; get(): number }\nexport function read(m: Mixed): number { return m.value; }",
  ],
  [
    Code.MixedObjectType,
    "const clock: Clock = { now(): number { return 1; } }; return clock.now();",
    "interface Clock { now(): number }",
  ],
  [
    Code.MixedObjectType,
    "const c: Holder = { f: (): number => 1 }; return c.f();",
    "interface Holder { f: () => number }",
  ],
  [Code.StaticMember, "return C.n;", "class C { static n = 1; }"],
  [Code.StaticMember, "return 1;", "class C { static make(): C { return new C(); } }"],
  [Code.ThrowNonError, 'throw "plain string";'],
  [Code.ThrowNonError, "throw 42;"],
  [Code.UnsupportedLoop, "let s = 0; for (let i = 0; i < 3; i++) { i += s; } return s;"],
  [Code.UnsupportedLoop, "let i = 0; do { i++; } while (i < 3); return i;"],
  [Code.UnsupportedLoop, "const o: Record<string, number> = {}; for (const v of o) { } return 1;"],
  [Code.UnsupportedBuiltin, "const n: number = 1.5; return n.toFixed(2);"],
  [Code.ValueOfStatementCall, "const xs: number[] = []; return xs.push(1);"],
  [Code.UnsupportedOperator, 'const s: string = "1"; return +s;'],
  [Code.UnsupportedOperator, "const a: number = 2; return a ** 2;"],
  [Code.UnsupportedOperator, "let b = false; b ||= true; return b;"],
  [Code.UnsupportedOperator, "const a: number = 1; return (a, 2);"],
  [Code.UnsupportedOperator, "return void 0;"],
  [Code.UnsupportedOperator, "const xs = [1]; return 0 in xs;"],
  [Code.UnsupportedOperator, "const xs = [1]; return xs - 1;"],
  [Code.NameCollision, "return new Named().from;", 'class Named { from = "p"; }'],
  [
    Code.LoopCapture,
    "const fs: Array<() => number> = []; for (const x of [1, 2]) { fs.push(() => x); } return fs.map((f) => f());",
  ],
  [Code.UnsupportedSyntax, "return 1;", "enum Color { Red }"],
  [Code.UnsupportedSyntax, "const f = function (): number { return 1; }; return f();"],
  [Code.UnsupportedSyntax, "return 1;", "export function f(): number { return this === undefined ? 1 : 2; }"],
  [Code.UnsupportedSyntax, 'const o: Record<string, number> = { ["a" + "b"]: 1 }; return o;'],
  [Code.UnsupportedSyntax, "return 1;", "namespace N { export const x = 1; }"],
  [Code.UnsupportedSyntax, "return new (class { n = 1; })().n;"],
  [Code.UnsupportedSyntax, 'return new Q()["a-b"]();', 'class Q { "a-b"(): number { return 1; } }'],
  [Code.UnsupportedSyntax, "return 1;", "class P { #secret = 1; read(): number { return this.#secret; } }"],
];

describe("rejected constructs", () => {
  for (const [code, body, setup] of functionCases) {
    suite.testFunction(body, setup).expectDiagnostic(code);
  }
  suite
    .testModule("let counter = 0;\nexport function main(): unknown { return counter; }")
    .expectDiagnostic(Code.TopLevelStatement);
  suite
    .testModule('console.log("side effect");\nexport function main(): unknown { return 1; }')
    .expectDiagnostic(Code.TopLevelStatement);
  suite
    .testModule('import * as fs from "fs";\nexport function main(): unknown { return fs; }')
    .expectDiagnostic(Code.UnsupportedImport);
  suite
    .testModule(
      'import { readFileSync } from "fs";\nexport function main(): unknown { return readFileSync; }',
    )
    .expectDiagnostic(Code.UnsupportedImport);
});
