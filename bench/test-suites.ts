// Section 4: one `npm test` run (jest --coverage, as package.json has it), its wall time, and where the time went by
// suite group. Jest's JSON report gives each test file's start and end.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SuiteGroup, TestSuites } from "./results";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const GROUPS = ["flow", "compiler", "conformance"];
const OTHERS = "others";

interface JestReport {
  testResults: { name: string; status: string; startTime: number; endTime: number }[];
}

export function benchTestSuites(): TestSuites {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-bench-jest-"));
  try {
    const report = path.join(work, "jest.json");
    // Coverage goes to the temporary folder so a run cannot disturb the coverage/ of someone testing alongside.
    const args = ["--coverage", "--coverageDirectory", work, "--json", "--outputFile", report];
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), ...args], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallS = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error !== undefined) throw result.error;
    if (!fs.existsSync(report)) throw new Error(`jest wrote no report:\n${result.stderr.slice(-4000)}`);
    const parsed = JSON.parse(fs.readFileSync(report, "utf8")) as JestReport;
    return { command: "jest --coverage", wallS, exitCode: result.status ?? -1, groups: group(parsed) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function group(report: JestReport): SuiteGroup[] {
  const groups = new Map<string, SuiteGroup>();
  for (const name of [...GROUPS, OTHERS])
    groups.set(name, { name, files: 0, failedFiles: 0, fileSeconds: 0 });
  for (const file of report.testResults) {
    const folder = path.relative(path.join(PROJECT_ROOT, "test"), file.name).split(path.sep)[0] ?? "";
    const entry = groups.get(GROUPS.includes(folder) ? folder : OTHERS) as SuiteGroup;
    entry.files += 1;
    if (file.status !== "passed") entry.failedFiles += 1;
    entry.fileSeconds += (file.endTime - file.startTime) / 1000;
  }
  return [...groups.values()];
}
