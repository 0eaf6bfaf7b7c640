import { Suite } from "./harness";

const suite = new Suite();

describe("array basics", () => {
  for (const list of ["[]", "[1]", "[3, 1, 2]", "[-1, 0, 1.5]"]) {
    suite
      .testFunction(
        `const xs: number[] = ${list}; return [xs.length, xs.indexOf(1), xs.includes(1), xs.join(), xs.join("-"), xs.slice(1), xs[0] ?? null];`,
      )
      .expectToMatchJsResult();
  }
  suite
    .testFunction('const xs: string[] = ["a", "b"]; xs.push("c"); xs.push("d", "e"); return [xs, xs.length];')
    .expectToMatchJsResult();
  suite.testFunction("const xs: number[] = []; xs.push(1); return xs;").expectToMatchJsResult();
  suite
    .testFunction('const xs: (string | null)[] = ["a", null, "b"]; return xs.join(",");')
    .expectToMatchJsResult();
  suite.testFunction('const xs = [1.5, 2, 0.1 + 0.2]; return xs.join(" ");').expectToMatchJsResult();
  suite.testFunction("const xs = [true, false]; return xs.join();").expectToMatchJsResult();
  suite
    .testFunction(
      'const xs = ["a", "b", "c", "d"]; return [xs.slice(-2), xs.slice(1, -1), xs.slice(5), xs.slice(2, 1)];',
    )
    .expectToMatchJsResult();
  for (const index of ["0", "3", "-1", "10", "1.5"]) {
    suite
      .testFunction(`const xs = ["a", "b", "c", "d"]; const i: number = ${index}; return xs[i] ?? "missing";`)
      .expectToMatchJsResult();
  }
  suite
    .testFunction(
      "const a = { n: 1 }; const b = { n: 1 }; const xs = [a]; return [xs.includes(a), xs.includes(b), [[1]].includes([1])];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const a = { n: 1 }; const b = { n: 1 }; const xs = [a]; return [xs.indexOf(a), xs.indexOf(b)];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const xs = ["x", "y", "x"]; return [xs.indexOf("x"), xs.indexOf("z"), xs.includes("y")];')
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = [[1, 2], [3]]; return [xs.length, xs[1]?.length ?? 0];")
    .expectToMatchJsResult();
});

describe("callbacks", () => {
  for (const list of ["[]", "[1, 2, 3]", "[-2, 0, 5]"]) {
    suite
      .testFunction(
        `const xs: number[] = ${list}; return [xs.map((x) => x * 2), xs.filter((x) => x > 0), xs.some((x) => x > 2), xs.every((x) => x > -5), xs.find((x) => x > 0) ?? null];`,
      )
      .expectToMatchJsResult();
  }
  suite.testFunction("const xs = [10, 20, 30]; return xs.map((x, i) => x + i);").expectToMatchJsResult();
  suite.testFunction("const xs = [10, 20, 30]; return xs.filter((x, i) => i !== 1);").expectToMatchJsResult();
  suite
    .testFunction("const xs = [1, 2, 3]; const x = 100; const ys = xs.map((x) => x + 1); return [x, ys];")
    .expectToMatchJsResult();
  suite
    .testFunction("const double = (n: number): number => n * 2; return [1, 2].map(double);")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "function describe(n: number, i: number): string { return `${i}:${n}`; } return [5, 6].map(describe);",
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = [1, 2, 3]; return xs.map((x) => { const y = x * x; return y + 1; });")
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const words = ["a", "bb", "ccc"]; return words.filter((w) => w.length > 1).map((w) => w.toUpperCase());',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'interface P { name: string; age: number } const ps: P[] = [{ name: "a", age: 3 }, { name: "b", age: 9 }]; const found = ps.find((p) => p.age > 5); return found === undefined ? null : found.name;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const xs = [1, 2, 3]; const limit = 2; return xs.filter((x) => x >= limit).length;")
    .expectToMatchJsResult();
  suite
    .testFunction('const xs: string[] = []; return [xs.some((x) => x === "a"), xs.every((x) => x === "a")];')
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const rs: Record<string, number>[] = [{ a: 1 }, { b: 2 }]; return rs.map((r) => r["a"] ?? 0);',
    )
    .expectToMatchJsResult();
  suite.testFunction("const xs = [3, 4]; return xs.map((x) => [x, x * x]);").expectToMatchJsResult();
  suite
    .testFunction("const fs = [1, 2].map((n) => (m: number): number => n * m); return fs.map((f) => f(10));")
    .expectToMatchJsResult();
});

describe("for...of", () => {
  suite
    .testFunction("let sum = 0; for (const x of [1, 2, 3, 4]) { sum += x; } return sum;")
    .expectToMatchJsResult();
  suite
    .testFunction('const out: string[] = []; for (const ch of "aüc") { out.push(ch); } return out;')
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const out: number[] = []; for (const x of [1, 2, 3, 4, 5]) { if (x === 2) { continue; } if (x === 4) { break; } out.push(x); } return out;",
    )
    .expectToMatchJsResult();
  suite.testFunction("let n = 0; for (const x of []) { n++; } return n;").expectToMatchJsResult();
  suite
    .testFunction(
      "const grid = [[1, 2], [3, 4]]; let total = 0; for (const row of grid) { for (const cell of row) { total += cell; } } return total;",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r: Record<string, number> = { b: 2, a: 1, c: 3 }; const out: string[] = []; for (const k of Object.keys(r)) { out.push(k + "=" + r[k]); } return out;',
    )
    .expectToMatchJsResult();
});
