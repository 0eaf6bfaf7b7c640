// Merges StrykerJS reports of runs that each mutated part of src/flow (`--mutate ... --incrementalFile <part>`) into one
// incremental report, so the figures script can read the whole flow and a later `npm run mutation` reuses every result:
//   node -r ./scripts/register-ts.js scripts/merge-stryker-reports.ts <out.json> <part.json>...
// A source file found in several parts is taken from the last part that has it. Test ids are numbered per run, so tests are
// matched by file and name, given one id each, and every mutant's coveredBy and killedBy are renumbered accordingly.

import { readFileSync, writeFileSync } from "fs";

interface Test {
  id: string;
  name: string;
  [key: string]: unknown;
}

interface Mutant {
  coveredBy?: string[];
  killedBy?: string[];
  [key: string]: unknown;
}

interface Report {
  files: Record<string, { mutants: Mutant[]; [key: string]: unknown }>;
  testFiles?: Record<string, { tests: Test[]; [key: string]: unknown }>;
  [key: string]: unknown;
}

function merge(parts: Report[]): Report {
  const idOf = new Map<string, string>();
  const testFiles: NonNullable<Report["testFiles"]> = {};
  const files: Report["files"] = {};
  for (const part of parts) {
    const remap = new Map<string, string>();
    for (const [path, testFile] of Object.entries(part.testFiles ?? {})) {
      const merged = (testFiles[path] ??= { ...testFile, tests: [] });
      merged.source = testFile.source ?? merged.source;
      for (const test of testFile.tests) {
        const key = `${path}\u0000${test.name}`;
        let id = idOf.get(key);
        if (id === undefined) {
          id = String(idOf.size);
          idOf.set(key, id);
          merged.tests.push({ ...test, id });
        } else {
          const index = merged.tests.findIndex((existing) => existing.id === id);
          merged.tests[index] = { ...test, id };
        }
        remap.set(test.id, id);
      }
    }
    const renumber = (ids: string[] | undefined) => ids?.map((id) => remap.get(id) ?? id);
    for (const [path, file] of Object.entries(part.files)) {
      files[path] = {
        ...file,
        mutants: file.mutants.map((mutant) => ({
          ...mutant,
          coveredBy: renumber(mutant.coveredBy),
          killedBy: renumber(mutant.killedBy),
        })),
      };
    }
  }
  return { ...parts[parts.length - 1]!, files, testFiles };
}

const [out, ...inputs] = process.argv.slice(2);
if (out === undefined || inputs.length === 0) {
  console.error("usage: merge-stryker-reports.ts <out.json> <part.json>...");
  process.exit(2);
}
const merged = merge(inputs.map((path) => JSON.parse(readFileSync(path, "utf8")) as Report));
writeFileSync(out, JSON.stringify(merged, null, 2), "utf8");
console.log(`${out}: ${Object.keys(merged.files).length} source files from ${inputs.length} reports`);
