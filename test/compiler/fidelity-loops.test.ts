import { compileProgram } from "../../src/compiler";
import { createGuestProgram } from "../../src/compiler/program";
import { Suite } from "./harness";
import * as path from "path";

// Issue 15: counting loops as `for i in range(...)` and counters whose `+ 1` is proven exact. Each recognised form
// runs in Jython against Node; each trap (a form that would not be equivalent) is rejected or keeps `_js_double`.
const suite = new Suite();

describe("counting for loops that compile to range()", () => {
  for (const body of [
    'const s = "héllo"; const out: number[] = []; for (let i = 0; i < s.length; i++) { out.push(s.charCodeAt(i) + i); } return out;',
    "const xs = [3, 1, 2]; let t = 0; for (let i = 0; i <= xs.length; i++) { t = t * 10 + i; } return t;",
    "const xs = [3, 1, 2]; const out: number[] = []; for (let i = 1; i < xs.length; ++i) { out.push((xs[i] ?? 0) + (xs[i - 1] ?? 0)); } return out;",
    "const out: number[] = []; for (let i = 2; i < 7; i += 1) { if (i === 4) { continue; } if (i === 6) { break; } out.push(i); } return out;",
    "const out: number[] = []; for (let i = 5; i < 3; i++) { out.push(i); } return out;",
    "const out: number[] = []; for (let i = -3; i <= -1; i++) { out.push(i); } return out;",
    "const n = 4; const out: number[] = []; for (let i = n - 2; i < n + 1; i++) { out.push(i); } return out;",
    // Nested loops, the inner bound reading the outer counter.
    "const out: string[] = []; for (let i = 0; i < 3; i++) { for (let j = 0; j < i; j++) { out.push(`${i}${j}`); } } return out;",
    // A closure made in the body that runs within its iteration.
    "const xs = [1, 2, 3]; const out: number[][] = []; for (let i = 0; i < xs.length; i++) { out.push(xs.map((x) => x * i)); } return out;",
    // The bounding array is read, sliced and searched, never grown.
    "const xs = [4, 5, 6]; let t = 0; for (let i = 0; i < xs.length; i++) { t += xs.indexOf(xs[i] ?? 0) + xs.slice(i).length; } return t;",
    // Two loops with the same counter name in one function.
    "let t = 0; for (let i = 0; i < 3; i++) { t += i; } for (let i = 0; i < 2; i++) { t += i * 10; } return t;",
  ]) {
    suite.testFunction(body).expectToMatchJsResult();
  }
});

describe("for loops that are not counting loops are rejected", () => {
  for (const body of [
    "let t = 0; for (let i = 0; i < 10; i++) { i += 2; t++; } return t;", // the body assigns i
    "const xs = [1]; for (let i = 0; i < xs.length; i++) { if (xs.length < 3) { xs.push(i); } } return xs;", // grows the array
    "const xs = [1, 2]; const ys = xs; for (let i = 0; i < xs.length; i++) { grow(ys); } return xs;", // aliases it
    "let n = 3; let t = 0; for (let i = 0; i < n; i++) { n--; t++; } return t;", // the bound changes
    "let t = 0; for (let i = 0.5; i < 3; i++) { t += i; } return t;", // not an integer start
    "let t = 0; for (let i = 9007199254740990; i < 9007199254740995; i++) { t++; if (t > 3) { break; } } return t;",
    'const n = Number("3"); let t = 0; for (let i = 0; i < n; i++) { t++; } return t;', // no integer range
    // A fresh array pushed to in the body, but another name holds it.
    "const ys: number[] = [1]; const xs = ys; for (let i = 0; i < xs.length; i++) { if (i < 3) { ys.push(i); } } return xs;",
    "let t = 0; for (let i = 0; i < 3; i += 2) { t++; } return t;", // another step
    "let t = 0; for (let i = 0; i > -3; i--) { t++; } return t;", // decreasing
    "const fs: (() => number)[] = []; for (let i = 0; i < 3; i++) { fs.push(() => i); } return fs.map((f) => f());", // GR1031
  ]) {
    suite
      .testFunction(body, "function grow(a: number[]): void { a.push(0); }")
      .expectDiagnostic(body.includes("fs.push") ? "GR1031" : "GR1027");
  }
});

describe("bounded counters of while loops", () => {
  for (const body of [
    'const s = "abc"; let i = 0; let out = ""; while (i < s.length) { out += s.charAt(i) + String(i + 1); i++; } return [out, i];',
    'const s = "abcd"; let i = 0; while (i < s.length && s.charAt(i) !== "c") { i += 1; } return i;',
    // A counter known to be an int from 0 reads characters without a helper, past the end too ("" and NaN).
    'const s = "aü€"; let i = 0; const out: unknown[] = []; while (i <= s.length + 1) { out.push(s.charAt(i), s.charCodeAt(i)); i++; } return out;',
    'const s = ""; let i = 0; const out: unknown[] = []; while (i <= 1) { out.push(s.charAt(i), s.charCodeAt(i), "x".charCodeAt(i)); i++; } return out;',
    "const xs = [1, 2, 3]; let j = 0; const out: number[] = []; while (j <= xs.length) { out.push(j - 1); j = j + 1; } return out;",
    // Reset to an integer between loops, as editDistance does.
    "let t = 0; let i = 0; let j = 0; while (i < 3) { j = 1; while (j <= i) { t += j; j++; } i++; } return [t, i, j];",
    // Near 2^53: with `<=` the last increment reaches 2^53 exactly.
    "let i = 9007199254740989; const seen: number[] = []; while (i <= 9007199254740991) { seen.push(i); i++; } return [seen, i];",
    // Past 2^53 the increment stops at 2^53 in JavaScript: `_js_double` stays and the loop must be cut.
    "let i = 9007199254740990; let n = 0; while (i < 9007199254740995) { i++; n++; if (n > 5) { break; } } return [i, n];",
    // Two increments in one turn: the second one is not checked.
    'const s = "ab"; let i = 0; let n = 0; while (i < s.length) { i++; i++; n++; } return [i, n];',
    // The increment inside a nested loop runs more than once per check.
    "let i = 0; let k = 0; while (i < 2) { k = 0; while (k < 3) { i++; k++; } } return [i, k];",
    // A fraction counter is plain float arithmetic either way.
    "let i = 0.5; let t = 0; while (i < 3) { t += i; i++; } return [t, i];",
    "let i = 0; let t = 0; while (i < 5) { i++; if (i === 2) { continue; } t += i; } return [t, i];",
  ]) {
    suite.testFunction(body).expectToMatchJsResult();
  }
});

describe("the Python form", () => {
  const root = path.resolve(__dirname, "..", "..");
  const compile = (body: string): string => {
    const files = { "test-cases/loop.ts": `export function main(): unknown {\n${body}\n}\n` };
    const program = createGuestProgram([], { root, files });
    const { python, diagnostics } = compileProgram(program, ["test-cases/loop.ts"], { root });
    expect(diagnostics).toEqual([]);
    return python.slice(python.indexOf("def main"));
  };

  test("a counting loop over a length is range(len(...)), over a number xrange", () => {
    const python = compile(
      'const s = "ab"; let t = 0; for (let i = 0; i < s.length; i++) { t += i + 1; } for (let k = 1; k <= 3; k++) { t += k; } return t;',
    );
    expect(python).toContain("for i in range(len(s)):");
    expect(python).toContain("t = _js_double(t + (i + 1))");
    expect(python).toContain("for k in xrange(1, 4):");
  });

  test("a checked while counter is incremented with +=", () => {
    const python = compile('const s = "ab"; let i = 0; while (i < s.length) { i++; } return i;');
    expect(python).toContain("i += 1");
    expect(python).not.toContain("_js_double");
  });

  test("an unchecked or twice-incremented counter keeps _js_double", () => {
    expect(compile("let i = 0; while (i < 3) { i++; i++; } return i;")).toContain("i = _js_double(i + 1)");
    expect(compile("let i = 9007199254740990; while (i < 9007199254740995) { i++; } return i;")).toContain(
      "_js_double(i + 1)",
    );
  });
});
