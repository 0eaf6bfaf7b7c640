import { Suite } from "./harness";

const suite = new Suite();

describe("Math", () => {
  for (const x of [
    "0",
    "-0",
    "1.5",
    "-1.5",
    "2.5",
    "-2.5",
    "0.49999999999999994",
    "7",
    "-7.000001",
    "1e21",
    "0 / 0",
    "1 / 0",
    "-1 / 0",
  ]) {
    suite
      .testFunction(
        `const x: number = ${x}; return [Math.floor(x), Math.ceil(x), Math.round(x), Math.abs(x)];`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction("return [Math.min(3, 1, 2), Math.max(3, 1, 2), Math.min(-0.5, 0), Math.max(1.5, 1)];")
    .expectToMatchJsResult();
  suite
    .testFunction("return [Math.min(1, 0 / 0), Math.max(0 / 0, 1), Math.min(), Math.max()];")
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = [10, 20, 30, 40]; return xs[Math.floor(xs.length / 3)];")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const n = Math.ceil(7 / 2); const out: number[] = []; let i = 0; while (i < n) { out.push(i); i++; } return out;",
    )
    .expectToMatchJsResult();
  suite.testFunction('return "x".padStart(Math.round(2.5) + 1, "-");').expectToMatchJsResult();
  suite.testExpression("Math.floor(Math.PI * 100)").expectToMatchJsResult();
});

describe("Number", () => {
  for (const x of [
    "0",
    "1",
    "-1",
    "1.5",
    "1e21",
    "0 / 0",
    "1 / 0",
    "2 ** 53".replace("2 ** 53", "9007199254740992"),
    "0.1 + 0.2",
    "4 / 2",
  ]) {
    suite
      .testFunction(`const x: number = ${x}; return [Number.isInteger(x), Number.isNaN(x)];`)
      .expectToMatchJsResult();
  }
  suite
    .testExpression(
      "[Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]",
    )
    .expectToMatchJsResult();
  suite.testExpression("[NaN, Infinity, -Infinity, undefined]").expectToMatchJsResult();
});

describe("JSON", () => {
  const values = [
    "null",
    "true",
    "0",
    "-1.5",
    "1e21",
    "0 / 0",
    '"text"',
    '"Grüße \\"quoted\\" \\\\ \\n \\u0001"',
    "[]",
    "{}",
    '[1, "a", null, true, [2.5]]',
    '{ b: 1, a: [1, 2], c: { z: null, y: "ü" } }',
    '{ "key with space": 1, "ümlaut": 2, "": 3 }',
    "[6 / 2, 7 / 2, 0.1 + 0.2]",
  ];
  for (const value of values) {
    suite.testFunction(`const v: unknown = ${value}; return JSON.stringify(v);`).expectToMatchJsResult();
  }
  const texts = [
    '"{}"',
    '"[]"',
    '"null"',
    '"{\\"b\\":1,\\"a\\":[true,null,\\"x\\"]}"',
    '"[1.5, -2, 3e2]"',
    '"\\"ü\\""',
    '"{\\"z\\":{\\"y\\":1,\\"x\\":2}}"',
  ];
  for (const text of texts) {
    suite
      .testFunction(
        `const t: string = ${text}; const v = JSON.parse(t) as unknown; return [v, JSON.stringify(v)];`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction('try { JSON.parse("{not json"); return "parsed"; } catch (e) { return "error"; }')
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const v = JSON.parse("{\\"b\\":1,\\"a\\":2,\\"c\\":3}") as Record<string, number>; return Object.keys(v);',
    )
    .expectToMatchJsResult();
});

describe("Object", () => {
  suite.testFunction("const o = { z: 1, a: 2, m: 3 }; return Object.keys(o);").expectToMatchJsResult();
  suite
    .testFunction(
      'const o: Record<string, number> = {}; o["q"] = 1; o["b"] = 2; o["x"] = 3; o["a"] = 4; return [Object.keys(o), JSON.stringify(o)];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const o: Record<string, number> = {}; return Object.keys(o).length;")
    .expectToMatchJsResult();
  suite.testFunction("const o = Object.freeze({ a: 1, b: [1, 2] }); return o;").expectToMatchJsResult();
  suite.testFunction("const xs = Object.freeze([3, 2, 1]); return xs.length;").expectToMatchJsResult();
  const keys = Array.from({ length: 20 }, (_, i) => `k${(i * 7) % 20}: ${i}`).join(", ");
  suite
    .testFunction(`const o = { ${keys} }; return [Object.keys(o), JSON.stringify(o)];`)
    .expectToMatchJsResult();
});
