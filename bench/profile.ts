// Where our script's logins (or the 2FA sample's) spend their CPU: JFR execution samples of a Jython process making warm
// logins in the bench's world, summed per step, per Python function and per Java method the Python code calls.
//   node -r ./scripts/register-ts.js bench/profile.ts [ours|sample] [LOGINS] [--keep FILE.jfr | --analyse FILE.jfr]
// Prints Markdown tables and writes bench/profile-<subject>.json; --keep saves the recording, --analyse reads a saved one
// (LOGINS is then only reported). A sampling profile, not a measurement: shares are of
// the samples taken, and the machine's load is printed beside them.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as prettier from "prettier";
import { runChild } from "./child";
import { countSamples, type ProfileSummary } from "./profile-samples";
import { benchLaunch, buildSampleDoubles, SAMPLE_SCRIPT } from "./sample-world";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const WARMUP_LOGINS = 2000;
const DEFAULT_LOGINS = 2000;
// Each Python call is five to ten Java frames: a shallower stack would lose the step a sample belongs to.
const STACK_DEPTH = 4096;
const TOP = 20;
const USAGE = "usage: bench/profile.ts [ours|sample] [LOGINS] [--keep FILE.jfr | --analyse FILE.jfr]";

async function main(subject: string, logins: number, keep: string | undefined): Promise<void> {
  if (subject !== "ours" && subject !== "sample") throw new Error(USAGE);
  const loadStart = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-profile-"));
  try {
    const script = path.join(work, "GamatechRopc.py");
    runChild(process.execPath, ["-r", "./scripts/register-ts.js", "bench/compiler/build-child.ts", script], {
      cwd: PROJECT_ROOT,
    });
    const jar = buildSampleDoubles(work);
    const recording = keep ?? path.join(work, "profile.jfr");
    const args = [subject, script, SAMPLE_SCRIPT, String(WARMUP_LOGINS), String(logins), recording];
    const launch = benchLaunch(work, jar, "profile_bench.py", args, [
      `-XX:FlightRecorderOptions:stackdepth=${STACK_DEPTH}`,
    ]);
    runChild(launch.command, launch.args, { cwd: path.join(__dirname, "jython"), env: launch.env });
    await report(subject, logins, recording, loadStart);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function report(
  subject: string,
  logins: number,
  recording: string,
  loadStart: number[],
): Promise<void> {
  const text = path.join(os.tmpdir(), `gamatech-profile-${process.pid}.txt`);
  try {
    const printed = spawnSync(
      "jfr",
      ["print", "--events", "jdk.ExecutionSample", "--stack-depth", String(STACK_DEPTH), recording],
      { stdio: ["ignore", fs.openSync(text, "w"), "inherit"] },
    );
    if (printed.status !== 0) throw new Error(`jfr print failed (${printed.status})`);
    const summary = countSamples(fs.readFileSync(text, "utf8"));
    const record = { subject, logins, loadAverage: { start: loadStart, end: os.loadavg() }, ...summary };
    // Formatted as the project's Prettier settings want it, so that `npm run lint` passes after a profile.
    const file = path.join(__dirname, `profile-${subject}.json`);
    const options = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(
      file,
      await prettier.format(JSON.stringify(trimmed(record)), { ...options, filepath: file }),
    );
    process.stdout.write(markdown(record));
  } finally {
    fs.rmSync(text, { force: true });
  }
}

function markdown(
  record: ProfileSummary & { subject: string; logins: number; loadAverage: { start: number[] } },
): string {
  const lines = [
    `${record.subject}: ${record.total} samples over ${record.logins} logins, load ${record.loadAverage.start[0]?.toFixed(1)}`,
    "",
    "| where | samples | share |",
    "| --- | --- | --- |",
  ];
  const share = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  for (const [where, n] of Object.entries(record.byPlace))
    lines.push(`| ${where} | ${n} | ${share(n, record.total)} |`);
  for (const [step, counts] of Object.entries(record.bySteps)) {
    lines.push(
      "",
      `**${step}** (${counts.samples} samples)`,
      "",
      "| Python function (inclusive) | share |",
      "| --- | --- |",
    );
    for (const [name, n] of top(counts.python)) lines.push(`| ${name} | ${share(n, counts.samples)} |`);
    lines.push("", "| candidate fix, frames on the stack (inclusive) | share |", "| --- | --- |");
    for (const [name, n] of top(counts.groups)) lines.push(`| ${name} | ${share(n, counts.samples)} |`);
    lines.push("", "| Python function (innermost) | share |", "| --- | --- |");
    for (const [name, n] of top(counts.pythonSelf)) lines.push(`| ${name} | ${share(n, counts.samples)} |`);
    lines.push("", "| Java method called from Python (inclusive) | share |", "| --- | --- |");
    for (const [name, n] of top(counts.java)) lines.push(`| ${name} | ${share(n, counts.samples)} |`);
    lines.push("", "| leaf frame | share |", "| --- | --- |");
    for (const [name, n] of top(counts.leaf)) lines.push(`| ${name} | ${share(n, counts.samples)} |`);
  }
  return lines.join("\n") + "\n";
}

/** The record keeps the TOP entries of each count: the long tail is noise and would make the file large. */
function trimmed<T extends ProfileSummary>(record: T): T {
  const bySteps: ProfileSummary["bySteps"] = {};
  for (const [place, c] of Object.entries(record.bySteps)) {
    const keep = (counts: Record<string, number>) => Object.fromEntries(top(counts));
    bySteps[place] = {
      samples: c.samples,
      groups: keep(c.groups),
      python: keep(c.python),
      pythonSelf: keep(c.pythonSelf),
      java: keep(c.java),
      leaf: keep(c.leaf),
    };
  }
  return { ...record, bySteps };
}

function top(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP);
}

const [subject = "ours", count = String(DEFAULT_LOGINS), option, file] = process.argv.slice(2);
const run =
  option === "--analyse" && file !== undefined
    ? report(subject, Number(count), file, os.loadavg())
    : option === "--keep" || option === undefined
      ? main(subject, Number(count), file)
      : Promise.reject(new Error(USAGE));
run.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
