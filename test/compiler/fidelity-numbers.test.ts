import { Code } from "../../src/compiler/diagnostics";
import { Suite } from "./harness";

// Issue 15 §1: numbers. Python ints are exact and unbounded and have no -0; JavaScript numbers are doubles. Results are
// compared as text (String) or through 1 / x, because the JSON both sides go through would hide the difference.
const suite = new Suite();
const ID = "function id<T>(value: T): T { return value; }";

describe("integers beyond 2^53 and near 2^31 / 2^32", () => {
  const operands = [
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "-2147483649",
    "123456789",
  ];
  for (const a of operands) {
    suite
      .testFunction(
        `const a: number = id(${a}); return [String(a + 1), String(a - 3), String(a * 3), String(a * a)];`,
        ID,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      "const a: number = id(9007199254740993); const b: number = id(-4503599627370497); " +
        "return [String(a * 1000), String(3 * b), String(b * 2), String(id(-7) * 1000), String(id(0.5) * 3)];",
      ID,
    )
    .expectToMatchJsResult();
  suite
    .testFunction("let i: number = id(9007199254740991); i++; i++; i += 1; return String(i);", ID)
    .expectToMatchJsResult();
  suite
    .testFunction("let i: number = id(-9007199254740991); i--; i -= 2; return String(i);", ID)
    .expectToMatchJsResult();
  suite
    .testFunction("let p = 1; let n = 0; while (n < 70) { p = p * 3; n++; } return String(p);")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "let h = 7; for (const c of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) { h = h * 31 + c; } return String(h);",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "let p = 1; let n = 0; while (n < 70) { p *= 2; n++; } return [String(p), String(p + 1), String(p - 1)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const a: number = id(9007199254740992); return (a + 1) - a;", ID)
    .expectToMatchJsResult();
  suite.testExpression("String(9007199254740993)").expectToMatchJsResult();
  suite.testExpression("String(12345678901234567890)").expectToMatchJsResult();
  suite.testExpression("9007199254740993 - 9007199254740992").expectToMatchJsResult();
  suite.testExpression("String(-9007199254740993)").expectToMatchJsResult();
  for (const text of [
    "9007199254740993",
    "12345678901234567890123",
    "-9007199254740995",
    "2147483648",
    "4294967296",
    "99999999999999999999",
    // Either side of the 15 digits that are read without the regular expression.
    "999999999999999",
    "9999999999999999",
    "0000000000000000012",
  ]) {
    suite
      .testFunction(`const n = parseInt("${text}", 10); return [String(n), String(n - 1)];`)
      .expectToMatchJsResult();
    suite
      .testFunction(`const n = Number("${text}"); return [String(n), String(n - 1)];`)
      .expectToMatchJsResult();
    suite
      .testFunction(
        `const n = JSON.parse("${text}") as number; return [String(n), String(n - 1), JSON.stringify(n)];`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      'const o = JSON.parse(\'{"big": 123456789012345678901, "small": 2147483648}\') as Record<string, number>; return [String(o["big"]), String(o["small"])];',
    )
    .expectToMatchJsResult();
  suite.testExpression('String(Number("0x20000000000001"))').expectToMatchJsResult();
  suite.testExpression("String(100000000000000000000)").expectToMatchJsResult();
  suite.testExpression("String(999999999999999999999)").expectToMatchJsResult();
  suite
    .testFunction("const a: number = id(4294967295); return [String(a * 4294967295), String(a * 2 + 1)];", ID)
    .expectToMatchJsResult();
  suite
    .testFunction("const ms: number = id(1700000000000); return String(ms * 1000 + 1);", ID)
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const xs = [1, 2, 3]; const n: number = xs.length * 2 - 1; return [n, "abc".length + xs.length];',
    )
    .expectToMatchJsResult();
});

describe("negative zero", () => {
  for (const expression of [
    "Math.round(-0.4)",
    "Math.round(-0.5)",
    "Math.round(-0)",
    "Math.ceil(-0.5)",
    "Math.ceil(-0.2)",
    "Math.floor(-0)",
    'Number("-0")',
    'Number(" -0 ")',
    'parseInt("-0", 10)',
    'JSON.parse("-0") as number',
    "-0",
    "id(0) * -1",
    "id(-0) * 1000",
    "1000 * id(-0)",
    "id(-0.0) * 2",
    "-1 * id(0)",
    "id(-5) * 0",
    "id(0) / -3",
    "id(-5) % 5",
    "id(-6) % 3",
    "-id(0)",
    "-(id(0))",
    "id(-0) - 0",
    "id(-0) + 0",
    "Math.abs(-0)",
  ]) {
    suite.testExpression(`1 / (${expression})`, ID).expectToMatchJsResult();
  }
  suite
    .testFunction("const z: number = id(0); let n = z; n *= -1; return 1 / n;", ID)
    .expectToMatchJsResult();
  suite
    .testFunction("const z = Math.round(-0.2); return [String(z), JSON.stringify(z), z === 0, [1, 2][z]];")
    .expectToMatchJsResult();
  suite
    .testFunction('const z = Math.ceil(-0.5); return ["abc".slice(z), "abc".charAt(z), [z].join()];')
    .expectToMatchJsResult();
  suite
    .testFunction("const x: number = id(3); return [-x, -(x - 3), 1 / -(x - 3)];", ID)
    .expectToMatchJsResult();
});

describe("whitespace and number parsing", () => {
  const blanks = [
    "\\u001c",
    "\\u001d",
    "\\u001e",
    "\\u001f",
    "\\u0085",
    "\\ufeff",
    "\\u00a0",
    "\\u2028",
    "\\u3000",
    "\\u180e",
    "\\t",
    "\\v",
    "\\u200b",
  ];
  for (const blank of blanks) {
    suite.testExpression(`"${blank}a${blank}".trim().length`).expectToMatchJsResult();
    suite.testExpression(`Number("${blank}12${blank}")`).expectToMatchJsResult();
    suite.testExpression(`parseInt("${blank}12", 10)`).expectToMatchJsResult();
  }
  for (const text of [
    "0b101",
    "0B11",
    "0o17",
    "0O7",
    "0x1F",
    "0b",
    "0o8",
    "0b2",
    "-0b1",
    "+0x10",
    "0xg",
    "1_000",
    "١٢",
    "²",
    "0",
    "12e",
    ".5",
    "5.",
    "1e400",
    "-1e400",
    "Infinity",
    "-Infinity",
    "infinity",
    "  ",
    "0.1e-2",
  ]) {
    suite.testExpression(`Number("${text}")`).expectToMatchJsResult();
  }
  for (const text of ["١٢", "²", "12abc", "  -7x", "+", "0x1F", "1e3", "00012", "-", " + 3", "", "0"]) {
    suite.testExpression(`parseInt("${text}", 10)`).expectToMatchJsResult();
  }
});

describe("JSON.parse only takes JSON", () => {
  for (const text of [
    "NaN",
    "Infinity",
    "-Infinity",
    "[1, NaN]",
    '{\\"a\\": Infinity}',
    "01",
    "1.",
    "[1,]",
    "'a'",
  ]) {
    suite
      .testFunction(`try { return JSON.parse("${text}") as unknown; } catch (e) { return "error"; }`)
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      'const v = JSON.parse("[1.0, 2.5, -0.0]") as number[]; return [String(v[0]), v[1], 1 / (v[2] as number)];',
    )
    .expectToMatchJsResult();
});

describe("false rejections", () => {
  suite
    .testFunction(
      'function f(x: "a" | "b"): number { if (x === "a") { return 1; } if (x === "b") { return 2; } return x + 1; } return f("a");',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'function f(n: number | string): number { if (typeof n === "string") { return 0; } return n; } return f(1);',
    )
    .expectDiagnostic(Code.TypeOf);
});
