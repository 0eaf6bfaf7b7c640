import { Suite } from "./harness";

const suite = new Suite();

const TEXTS = ['""', '"abc"', '"  Hello World  "', '"Grüße, Ärger"', '"a,b,,c"', '"\\t x \\n"', '"ÉCOLE"'];

describe("string methods without arguments", () => {
  for (const text of TEXTS) {
    suite
      .testFunction(
        `const s: string = ${text}; return [s.length, s.toLowerCase(), s.toUpperCase(), s.trim()];`,
      )
      .expectToMatchJsResult();
  }
});

describe("searching", () => {
  for (const text of ['""', '"banana"', '"über"']) {
    for (const part of ['""', '"an"', '"b"', '"a"', '"x"', '"ü"']) {
      suite
        .testFunction(
          `const s: string = ${text}; const p: string = ${part}; return [s.startsWith(p), s.endsWith(p), s.includes(p), s.indexOf(p)];`,
        )
        .expectToMatchJsResult();
    }
  }
});

describe("slicing", () => {
  const ranges = ["0", "1", "-1", "-2", "10", "2, 4", "4, 2", "-3, -1", "1, -1", "0, 0", "-10, 2", "3, 100"];
  for (const range of ranges) {
    suite
      .testFunction(`const s: string = "abcdef"; return [s.slice(${range}), s.substring(${range})];`)
      .expectToMatchJsResult();
  }
  suite.testFunction('const s: string = ""; return [s.slice(1), s.substring(1, 2)];').expectToMatchJsResult();
  suite
    .testFunction(
      'const s: string = "abc"; const a: number = 2; const b: number = 0; return s.substring(a, b);',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const s: string = "abc"; const a: number = 0 / 0; return [s.substring(a), s.substring(1, a)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const s: string = "abcdef"; const a: number = 1.7; return s.substring(a, 4.2);')
    .expectToMatchJsResult();
});

// replaceAll is not supported (GR1019): the guest lib (es2019) does not declare it.
describe("split, replace", () => {
  for (const [text, separator] of [
    ['"a,b,,c"', '","'],
    ['""', '","'],
    ['"abc"', '""'],
    ['"a--b--"', '"--"'],
    ['"no"', '"x"'],
    ['"äöü"', '""'],
  ]) {
    suite
      .testFunction(
        `const s: string = ${text}; const sep: string = ${separator}; return [s.split(sep), s.split(${separator})];`,
      )
      .expectToMatchJsResult();
  }
  for (const [text, pattern, replacement] of [
    ['"a-b-c"', '"-"', '"+"'],
    ['"aaa"', '"a"', '"b"'],
    ['"abc"', '""', '"x"'],
    ['"abc"', '"z"', '"y"'],
    ['"Grüße"', '"ü"', '"ue"'],
    ['""', '""', '"x"'],
  ]) {
    suite
      .testFunction(`const s: string = ${text}; return s.replace(${pattern}, ${replacement});`)
      .expectToMatchJsResult();
  }
});

describe("padding and characters", () => {
  for (const [text, args] of [
    ['"5"', "3"],
    ['"5"', '3, "0"'],
    ['"abc"', "2"],
    ['"abc"', '6, "12"'],
    ['""', '2, "ab"'],
    ['"x"', '4, ""'],
    ['"ü"', '3, "*"'],
    ['"7"', "-1"],
  ]) {
    suite
      .testFunction(`const s: string = ${text}; return [s.padStart(${args}), s.padEnd(${args})];`)
      .expectToMatchJsResult();
  }
  for (const index of ["0", "1", "2", "3", "-1", "1.5", "-0.5", "0 / 0", "1 / 0", "-1 / 0"]) {
    suite
      .testFunction(
        `const s: string = "aü€"; const i: number = ${index}; return [s.charAt(i), s.charCodeAt(i), s[i] ?? null];`,
      )
      .expectToMatchJsResult();
  }
  suite.testFunction('const s: string = ""; return [s.charAt(0), s.charCodeAt(0)];').expectToMatchJsResult();
});

describe("conversions", () => {
  for (const value of [
    "1",
    "-1.5",
    "0",
    "-0",
    "1e21",
    "0.1",
    "true",
    "false",
    "null",
    '"x"',
    "1 / 0",
    "0 / 0",
  ]) {
    suite.testExpression(`String(${value})`).expectToMatchJsResult();
  }
  for (const text of [
    '""',
    '" "',
    '"12"',
    '" 12 "',
    '"-3.5"',
    '"1e3"',
    '"0x1F"',
    '"12px"',
    '"abc"',
    '"Infinity"',
    '"-Infinity"',
    '"."',
    '"+5"',
    '".5"',
    '"5."',
    '"1_000"',
    '"١٢"',
  ]) {
    suite
      .testFunction(`const s: string = ${text}; return [Number(s), parseInt(s, 10)];`)
      .expectToMatchJsResult();
  }
  suite.testFunction("const n: number = 42; return [Number(n), String(n)];").expectToMatchJsResult();
  suite.testFunction("const b: boolean = true; return [Number(b), String(b)];").expectToMatchJsResult();
  suite
    .testFunction('const values = ["1", "2.5", "x"]; return values.map((v) => Number(v) * 2);')
    .expectToMatchJsResult();
  suite
    .testFunction(
      'return [parseInt("  42abc", 10), parseInt("-0012", 10), parseInt("+7", 10), parseInt("", 10)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const code = parseInt("12", 10); const xs = ["a", "b", "c"]; return xs[code - 10];')
    .expectToMatchJsResult();
});

describe("non-ASCII text", () => {
  suite.testExpression('"Grüße aus Köln: €5"').expectToMatchJsResult();
  suite.testExpression('"日本語".length').expectToMatchJsResult();
  suite
    .testFunction(
      'const s = "Ärger"; return [s.toLowerCase(), s.toUpperCase(), s.indexOf("g"), s.slice(1, 3)];',
    )
    .expectToMatchJsResult();
  suite.testFunction('const parts = ["ä", "ö", "ü"]; return parts.join("·");').expectToMatchJsResult();
  suite
    .testExpression('"quote \\" backslash \\\\ tab \\t nul \\u0000 del \\u007f nbsp \\u00a0 ls \\u2028"')
    .expectToMatchJsResult();
  suite.testExpression("'single \\'quoted\\''").expectToMatchJsResult();
});
