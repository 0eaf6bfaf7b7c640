import { Suite } from "./harness";

const suite = new Suite();

describe("if and while", () => {
  for (const n of ["-5", "0", "5", "50"]) {
    suite
      .testFunction(
        `const n: number = ${n}; if (n < 0) { return "negative"; } else if (n === 0) { return "zero"; } else if (n < 10) { return "small"; } return "large";`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      "let i = 0; let s = 0; while (i < 10) { i++; if (i % 2 === 0) { continue; } if (i > 7) { break; } s += i; } return [i, s];",
    )
    .expectToMatchJsResult();
  suite.testFunction("let i = 10; while (i > 0) { i -= 3; } return i;").expectToMatchJsResult();
  suite
    .testFunction(
      "const xs = [1, 2, 3]; let i = 0; let found = -1; while (i < xs.length && found < 0) { if (xs[i] === 2) { found = i; } i++; } return found;",
    )
    .expectToMatchJsResult();
  suite.testFunction('if (1 > 2) { } else { } return "empty blocks";').expectToMatchJsResult();
});

describe("switch", () => {
  const body = `
switch (value) {
  case "a":
    return 1;
  case "b":
  case "c":
    return 2;
  case "d": {
    const x = 40;
    return x + 2;
  }
  default:
    return -1;
}`;
  for (const value of ['"a"', '"b"', '"c"', '"d"', '"z"', '""']) {
    suite.testFunction(`const value: string = ${value};${body}`).expectToMatchJsResult();
  }
  const numeric = `
let out = "";
switch (n) {
  case 1:
    out = "one";
    break;
  case 2:
    out = "two";
    break;
  case 0:
  default:
    out = "other";
}
return out;`;
  for (const n of ["1", "2", "0", "3", "-1", "1.0"]) {
    suite.testFunction(`const n: number = ${n};${numeric}`).expectToMatchJsResult();
  }
  suite
    .testFunction(
      'const out: string[] = []; for (const v of ["x", "y", "z"]) { switch (v) { case "y": continue; default: out.push(v); } } return out;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'let calls = 0; const next = (): number => { calls = 1; return 2; }; switch (next()) { case 1: return "1"; case 2: return "2"; } return "none";'.replace(
        "calls = 1",
        "",
      ),
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const v = id<string | null>(null); switch (v) { case "a": return "a"; default: return "default"; }',
      "function id<T>(value: T): T { return value; }",
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const v: string = "q"; switch (v) { case "a": return 1; } return 0;')
    .expectToMatchJsResult();
});

describe("errors", () => {
  const errors = `
class AppError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}
class NotFound extends AppError {
  constructor(what: string) {
    super(what + " not found", 404);
  }
}
function fail(kind: string): string {
  if (kind === "app") { throw new AppError("app failed", 500); }
  if (kind === "missing") { throw new NotFound("user"); }
  if (kind === "plain") { throw new Error("plain failure"); }
  if (kind === "python") { return JSON.parse("{") as string; }
  return "ok";
}
function classify(kind: string): string {
  try {
    return fail(kind);
  } catch (e) {
    if (e instanceof NotFound) { return "NotFound " + e.code + " " + e.message; }
    if (e instanceof AppError) { return "AppError " + e.code + " " + e.message; }
    if (e instanceof Error) { return "Error"; }
    return "unknown";
  }
}`;
  for (const kind of ['"app"', '"missing"', '"plain"', '"python"', '"none"']) {
    suite.testFunction(`return classify(${kind});`, errors).expectToMatchJsResult();
  }
  suite
    .testFunction(
      'try { throw new Error("m"); } catch (e) { if (e instanceof Error) { return e.message; } return "?"; }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const log: string[] = []; try { log.push("try"); } finally { log.push("finally"); } return log;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const log: string[] = []; try { try { throw new Error("inner"); } finally { log.push("cleanup"); } } catch (e) { log.push("caught"); } return log;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const log: string[] = []; const f = (): string => { try { return "from try"; } finally { log.push("finally ran"); } }; return [f(), log];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'try { try { throw new Error("first"); } catch (e) { throw new Error("second"); } } catch (e) { return e instanceof Error ? e.message : "?"; }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'try { throw new Error("rethrown"); } catch (e) { try { throw e; } catch (again) { return again instanceof Error ? again.message : "?"; } }',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const e = new Error("x"); return [e.message, e instanceof Error];')
    .expectToMatchJsResult();
  suite.testFunction('throw new Error("uncaught");').expectToMatchJsResult();
  suite
    .testFunction(
      "const xs: number[] = []; let total = 0; for (const x of xs) { total += x; } return total / xs.length;",
    )
    .expectToMatchJsResult();
  suite.testFunction("const e = new Error(); return e.message;").expectToMatchJsResult();
});

describe("functions", () => {
  suite
    .testFunction("function add(a: number, b = 10): number { return a + b; } return [add(1), add(1, 2)];")
    .expectToMatchJsResult();
  suite
    .testFunction(
      'function f(a: string, b?: string): string { return b === undefined ? a : a + b; } return [f("x"), f("x", "y")];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("function f(list: number[] = []): number[] { list.push(1); return list; } f(); return f();")
    .expectToMatchJsResult();
  suite
    .testFunction(
      'function f(n: number = -1, s: string = "d", b: boolean = false, z: string | null = null): unknown[] { return [n, s, b, z]; } return f();',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const outer = 10; function inner(x: number): number { return x + outer; } return inner(5);",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const make = (base: number) => (x: number): number => base + x; const add2 = make(2); return [add2(1), make(10)(5)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); } return [fact(0), fact(5), fact(20)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const counts: Record<string, number> = {}; const bump = (k: string): void => { counts[k] = (counts[k] ?? 0) + 1; }; bump("a"); bump("a"); bump("b"); return counts;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const state = { n: 0 }; const inc = (): number => { state.n++; return state.n; }; inc(); inc(); return state.n;",
    )
    .expectToMatchJsResult();
  suite.testFunction('const f = (): void => {}; f(); return "ran";').expectToMatchJsResult();
  suite
    .testFunction(
      'function early(x: number): string { if (x > 0) { return "pos"; } return "other"; } return [early(1), early(-1)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "function apply(f: (x: number) => number, v: number): number { return f(v); } return [apply((x) => x * 3, 2), apply(fact, 4)];",
      "function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); }",
    )
    .expectToMatchJsResult();
  suite
    .testModule(
      `const TABLE = build(3);
const DOUBLE = twice(TABLE.length);
function build(n: number): number[] { const out: number[] = []; let i = 0; while (i < n) { out.push(square(i)); i++; } return out; }
function twice(n: number): number { return n * 2; }
function square(n: number): number { return n * n; }
export function main(): unknown {
  const result = helper(DOUBLE);
  function helper(x: number): number[] { return [x, ...[]].length > 0 ? [x] : []; }
  return [TABLE, result];
}
`.replace(", ...[]", ""),
    )
    .expectToMatchJsResult();
  suite
    .testModule(
      `
const LIMIT = 3;
const TABLE: Record<string, number> = { a: LIMIT * 2 };
function helper(): number {
  return later() + (TABLE["a"] ?? 0);
}
function later(): number {
  return LIMIT;
}
export function main(): unknown {
  return helper();
}
`,
    )
    .expectToMatchJsResult();
});
