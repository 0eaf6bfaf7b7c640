// docs/guest-subset.md must list exactly what compiles: the built-ins of the compiler's catalog, owner by owner, and
// only helpers that exist. (test/compiler/docs.test.ts checks the diagnostic codes.)
import * as fs from "fs";
import * as path from "path";
import { compileProgram } from "../../src/compiler";
import { BUILTINS, type BuiltinOwner } from "../../src/compiler/builtins/catalog";
import { Code } from "../../src/compiler/diagnostics";
import { HELPER_NAMES } from "../../src/compiler/helpers";
import { createGuestProgram } from "../../src/compiler/program";

const ROOT = path.resolve(__dirname, "..", "..");
const DOC = fs.readFileSync(path.join(ROOT, "docs/guest-subset.md"), "utf8");

function section(heading: string): string {
  const start = DOC.indexOf(`## ${heading}`);
  const end = DOC.indexOf("\n## ", start + 1);
  return DOC.slice(start, end === -1 ? undefined : end);
}

/** The backticked names of a `- **Owner**: ...` line, up to its " — " remarks. */
function documentedMembers(owner: string): string[] {
  const line = section("Built-ins")
    .split("\n- ")
    .find((item) => item.startsWith(`**${owner}**:`));
  if (line === undefined) return [];
  const names = line.split(" — ")[0] ?? "";
  return [...names.matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1] as string);
}

test.each(Object.keys(BUILTINS))("the Built-ins section lists exactly the catalog's %s", (owner) => {
  expect(documentedMembers(owner)).toEqual([...BUILTINS[owner as BuiltinOwner]]);
});

test("every helper the docs name exists", () => {
  const named = [...new Set([...DOC.matchAll(/`(_js_\w+|_JS_\w+)/g)].map((m) => m[1] as string))];
  expect(named.length).toBeGreaterThan(5);
  expect(named.filter((name) => !HELPER_NAMES.includes(name))).toEqual([]);
});

test("the known differences are listed", () => {
  expect(section("Known differences").split("\n- ").length - 1).toBeGreaterThanOrEqual(10);
});

// Each catalogued member compiles, and a member outside the catalog is GR1019: the catalog is what the mappings accept.
const USES: Record<BuiltinOwner, (member: string) => string> = {
  globals: (m) =>
    ({
      String: "String(1)",
      Number: 'Number("1")',
      parseInt: 'parseInt("1", 10)',
      Error: 'new Error("m")',
      NaN: "NaN",
      Infinity: "Infinity",
      undefined: "undefined",
    })[m] ?? m,
  String: (m) =>
    m === "length"
      ? '"ab".length'
      : ["replace", "padStart", "padEnd"].includes(m)
        ? `"ab".${m}(${m === "replace" ? '"a", "b"' : '3, "x"'})`
        : `"ab".${m}(${["toLowerCase", "toUpperCase", "trim"].includes(m) ? "" : m.startsWith("char") || m === "slice" || m === "substring" ? "0" : '"a"'})`,
  Array: (m) =>
    m === "length"
      ? "[1].length"
      : m === "push"
        ? "[1].push(2)"
        : ["map", "filter", "some", "every", "find"].includes(m)
          ? `[1].${m}((x) => x > 0)`
          : `[1].${m}(${m === "join" ? '","' : m === "slice" ? "0" : "1"})`,
  Math: (m) => (m === "PI" ? "Math.PI" : `Math.${m}(1)`),
  Number: (m) => (m.startsWith("is") ? `Number.${m}(1)` : `Number.${m}`),
  JSON: (m) => (m === "parse" ? 'JSON.parse("1")' : "JSON.stringify(1)"),
  Object: (m) => `Object.${m}({ a: 1 })`,
};
const OUTSIDE = [
  '"ab".repeat(2)',
  "[1].reverse()",
  "Math.sqrt(4)",
  'Number.parseFloat("1")',
  "JSON.rawJSON",
  "Object.values({ a: 1 })",
  "isNaN(1)",
];

function codesOf(expression: string): string[] {
  const files = {
    "test-cases/use.ts": `export function main(): unknown {\n  ${expression};\n  return 0;\n}\n`,
  };
  const program = createGuestProgram([], { root: ROOT, files });
  return compileProgram(program, ["test-cases/use.ts"], { root: ROOT }).diagnostics.map((d) => d.code);
}

test("every catalogued built-in compiles", () => {
  const uses = (Object.keys(BUILTINS) as BuiltinOwner[]).flatMap((owner) =>
    BUILTINS[owner].map((member) => USES[owner](member)),
  );
  expect(uses.filter((use) => codesOf(use).length > 0)).toEqual([]);
});

test.each(OUTSIDE)("%s is outside the catalog: GR1019", (use) => {
  expect(codesOf(use)).toContain(Code.UnsupportedBuiltin);
});
