import { Suite } from "./harness";

const suite = new Suite();
// Hides a literal from TypeScript's narrowing, so that a test can hold a null where a string is possible.
const ID = "function id<T>(value: T): T { return value; }";

const NUMBERS = [
  "0",
  "-0",
  "1",
  "-1",
  "7",
  "-7",
  "2.5",
  "-2.5",
  "0.1",
  "1e21",
  "9007199254740993",
  "(0 / 0)",
  "(1 / 0)",
];
const DIVISORS = ["3", "-3", "0", "0.5", "(1 / 0)"];

describe("arithmetic", () => {
  for (const a of ["7", "-7", "0", "6", "-6", "2.5", "1e300"]) {
    for (const b of DIVISORS) {
      suite
        .testFunction(
          `const a: number = ${a}; const b: number = ${b}; return [a / b, a % b, a * b, a - b, a + b];`,
        )
        .expectToMatchJsResult();
    }
  }
  suite.testExpression("0.1 + 0.2").expectToMatchJsResult();
  suite.testExpression("(6 / 3) * 2").expectToMatchJsResult();
  suite.testExpression("-(-3)").expectToMatchJsResult();
  suite.testExpression("10 - 2 - 3").expectToMatchJsResult();
  suite.testExpression("10 - (2 - 3)").expectToMatchJsResult();
  suite.testExpression("2 * (3 + 4)").expectToMatchJsResult();
  suite.testExpression("100 / 10 / 5").expectToMatchJsResult();
  suite.testExpression("100 / (10 / 5)").expectToMatchJsResult();
  suite.testExpression("-7 % 3 + 1").expectToMatchJsResult();
  suite.testFunction("const items = [10, 20, 30]; return items[6 / 3];").expectToMatchJsResult();
});

describe("number to string", () => {
  for (const n of [
    ...NUMBERS,
    "1.5e-7",
    "123e-20",
    "1e-6",
    "0.000001234",
    "2 ** 53",
    "1 / 3",
    "-1e-7",
    "100",
    "1e6",
    "123456789012345680000",
    "1.7976931348623157e308",
    "5e-324",
    "(-1 / 0)",
    "(0 * -1)",
  ]) {
    suite.testExpression(`"" + ${n.replace("2 ** 53", "9007199254740992")}`).expectToMatchJsResult();
  }
  suite.testExpression("`${1}${2.5}${-0}`").expectToMatchJsResult();
  suite.testExpression('1 + 2 + "3"').expectToMatchJsResult();
  suite.testExpression('"3" + 1 + 2').expectToMatchJsResult();
  suite.testExpression('"a" + true + null').expectToMatchJsResult();
  suite.testExpression('"x" + (6 / 4)').expectToMatchJsResult();
});

describe("comparisons and equality", () => {
  const pairs = [
    ["1", "2"],
    ["2", "1"],
    ["1", "1"],
    ["-0", "0"],
    ["(0 / 0)", "(0 / 0)"],
    ["1", "1.0"],
    ["-1", "0.5"],
  ];
  for (const [a, b] of pairs) {
    suite
      .testFunction(
        `const a: number = ${a}; const b: number = ${b}; return [a < b, a <= b, a > b, a >= b, a === b, a !== b];`,
      )
      .expectToMatchJsResult();
  }
  for (const [a, b] of [
    ['"a"', '"b"'],
    ['"B"', '"a"'],
    ['""', '"a"'],
    ['"ä"', '"z"'],
    ['"ab"', '"ab"'],
    ['"é"', '"é"'],
  ]) {
    suite
      .testFunction(
        `const a: string = ${a}; const b: string = ${b}; return [a < b, a <= b, a > b, a >= b, a === b, a !== b];`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction("const a: string | null = id<string | null>(null); return [a === null, a !== null];", ID)
    .expectToMatchJsResult();
  suite
    .testFunction('const a: string | undefined = "x"; return [a === null, a !== undefined];')
    .expectToMatchJsResult();
  suite
    .testFunction("const a = [1]; const b = [1]; const c = a; return [a === b, a === c, a !== b];")
    .expectToMatchJsResult();
  suite
    .testFunction("const a = { x: 1 }; const b = { x: 1 }; return [a === b, a === a];")
    .expectToMatchJsResult();
  suite
    .testFunction("const a: boolean = true; const b: boolean = 1 > 0; return a === b;")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const a: number = 1; const b: number = 2; const c: number = 3; return (a < b) === (b < c);",
    )
    .expectToMatchJsResult();
});

describe("logical operators and conditions", () => {
  for (const a of ["true", "false"]) {
    for (const b of ["true", "false"]) {
      suite
        .testFunction(
          `const a: boolean = ${a}; const b: boolean = ${b}; return [a && b, a || b, !a, !(a && b), a && !b || b];`,
        )
        .expectToMatchJsResult();
    }
  }
  suite
    .testFunction(
      "const calls: number[] = []; const f = (): boolean => { calls.push(1); return true; }; const r = false && f(); return [r, calls];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const log: string[] = []; const f = (): boolean => { log.push("f"); return true; }; const r = true || f(); return [r, log];',
    )
    .expectToMatchJsResult();
  suite.testFunction("let i = 0; const r = i > 5 && ++i > 0; return [r, i];").expectToMatchJsResult();
  suite.testFunction("let i = 0; const r = i < 5 && ++i > 0; return [r, i];").expectToMatchJsResult();
  suite.testFunction("let i = 0; const r = i < 5 || i++ > 0; return [r, i];").expectToMatchJsResult();
  for (const v of ["0", "1", "-1"]) {
    suite
      .testFunction(`const n: number = ${v}; return n > 0 ? "pos" : n < 0 ? "neg" : "zero";`)
      .expectToMatchJsResult();
  }
  suite.testFunction("let i = 0; const r = i === 0 ? i++ : i--; return [r, i];").expectToMatchJsResult();
});

describe("nullish operators", () => {
  for (const v of ["null", "undefined", '""', '"x"']) {
    suite
      .testFunction(`const v: string | null | undefined = ${v}; return [v ?? "default", v ?? null];`)
      .expectToMatchJsResult();
  }
  for (const v of ["0", "null"]) {
    suite.testFunction(`const v: number | null = ${v}; return (v ?? 5) + 1;`).expectToMatchJsResult();
  }
  suite.testFunction("let x: number | null = null; x ??= 3; x ??= 4; return x;").expectToMatchJsResult();
  suite
    .testFunction("let x: number | null = null; const y = (x ??= 3) + 1; return [x, y];")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const calls: number[] = []; const f = (): number => { calls.push(1); return 1; }; const v = id<number | null>(2); const r = v ?? f(); return [r, calls];",
      ID,
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const list: number[] = []; let i = 0; const r = list[0] ?? i++; return [r, i];")
    .expectToMatchJsResult();
  suite
    .testFunction("const list = [0]; let i = 0; const r = list[0] ?? i++; return [r, i];")
    .expectToMatchJsResult();
  const setup = "interface Box { inner?: { value: string | null } }";
  for (const v of ["{}", '{ inner: { value: "v" } }', "{ inner: { value: null } }"]) {
    suite
      .testFunction(`const b: Box = ${v}; return [b.inner?.value, b.inner?.value ?? "none"];`, setup)
      .expectToMatchJsResult();
  }
  suite
    .testFunction("const s = id<string | null>(null); return s?.toUpperCase();", ID)
    .expectToMatchJsResult();
  suite
    .testFunction('const s = id<string | null>("ab"); return [s?.toUpperCase(), s?.length];', ID)
    .expectToMatchJsResult();
  suite
    .testFunction("const a = id<number[] | undefined>([1, 2]); return a?.[1];", ID)
    .expectToMatchJsResult();
  suite
    .testFunction("const a = id<number[] | undefined>(undefined); return a?.[1];", ID)
    .expectToMatchJsResult();
  for (const v of ["null", '"abc"']) {
    suite
      .testFunction(
        `const calls: number[] = []; const f = (): number => { calls.push(1); return 1; }; const s = id<string | null>(${v}); const r = s?.charAt(f()); return [r, calls];`,
        ID,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      "class C { n = 1; next: C | null = null; get1(): number { return this.n; } } const c = new C(); c.next = new C(); c.next.n = 2; return [c.next?.get1(), c.next?.next?.get1(), c.next?.next?.n];",
    )
    .expectToMatchJsResult();
});

describe("assignments and increments", () => {
  suite.testFunction("let i = 5; i++; i--; ++i; --i; i++; return i;").expectToMatchJsResult();
  suite
    .testFunction(
      "let i = 5; const a = i++; const b = ++i; const c = i--; const d = --i; return [a, b, c, d, i];",
    )
    .expectToMatchJsResult();
  suite.testFunction("let x = 10; x += 5; x -= 3; x *= 2; x /= 8; x %= 2; return x;").expectToMatchJsResult();
  suite.testFunction("let x = -7; x %= 3; return x;").expectToMatchJsResult();
  suite.testFunction("let x = 1; x /= 0; return x;").expectToMatchJsResult();
  suite
    .testFunction('let s = "n="; s += 1; s += 2.5; s += "x"; s += true; return s;')
    .expectToMatchJsResult();
  suite.testFunction("let a = 0; let b = 0; a = b = 3; return [a, b];").expectToMatchJsResult();
  suite.testFunction("let a = 1; const r = (a = 4) * 2; return [a, r];").expectToMatchJsResult();
  suite
    .testFunction("const o = { n: 1 }; o.n++; o.n += 10; const old = o.n++; return [o.n, old];")
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = [1, 2, 3]; xs[1] = 20; xs[2] = xs.length * 3; return xs;")
    .expectToMatchJsResult();
  suite
    .testFunction('const r: Record<string, number> = {}; r["a"] = 1; r["b"] = 2; r["a"] += 5; return r;')
    .expectToMatchJsResult();
  suite.testFunction("let i = 0; while (i++ < 3) { } return i;").expectToMatchJsResult();
  suite
    .testFunction("let i = 0; let n = 0; while ((n = n + 2) < 10) { i++; } return [i, n];")
    .expectToMatchJsResult();
});

describe("template literals", () => {
  suite.testExpression("`plain`").expectToMatchJsResult();
  suite.testExpression("``").expectToMatchJsResult();
  suite
    .testFunction('const n = 3; const s = "x"; return `${n}-${s}-${n * 1.5}-${n / 0}-${true}`;')
    .expectToMatchJsResult();
  suite.testFunction('const s = "ü"; return `${s}${s}\\n\\t\\\\"\'`;').expectToMatchJsResult();
  suite.testFunction("const v: string | null = null; return `v=${v}`;").expectToMatchJsResult();
  suite.testFunction("const n = 0.1 + 0.2; return `${n}`;").expectToMatchJsResult();
  suite
    .testFunction("const xs = [1, 2]; return `${xs.length} items, first ${xs[0]}`;")
    .expectToMatchJsResult();
});
