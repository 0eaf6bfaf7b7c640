// The figures of a run as rows, each with its target and whether it was met: the one source of the printed table and of
// the block in BENCHMARKS.md.
import type { Results } from "./results";

export interface Row {
  section: string;
  measure: string;
  /** Ours, in the sections that set our script against the 2FA sample. */
  value: string;
  /** The sample's figure and ours / sample, in those sections; absent elsewhere. */
  sample?: string;
  ratio?: string;
  target: string;
  /** null when the row has no target of its own. */
  met: boolean | null;
}

const ALL_STEPS_RATIO_LIMIT = 2;
const STEP_RATIO_LIMIT = 3;
const REQUESTS_PER_S_TARGET = 500;
const BUILD_RATIO_LIMIT = 1.5;
// A fitted exponent this close to 1 is linear within the noise of three sizes.
const LINEAR_EXPONENT_LIMIT = 1.1;
const TEST_WALL_LIMIT_S = 180;

const ms = (value: number): string => `${Math.round(value)} ms`;
const us = (value: number): string => `${value.toFixed(1)} µs`;
const mib = (value: number): string => `${Math.round(value)} MiB`;
const times = (value: number): string => `${value.toFixed(2)}×`;

export function figureRows(results: Results): Row[] {
  return [
    ...buildRows(results),
    ...scalingRows(results),
    ...jythonRows(results),
    ...throughputRows(results),
    ...testRows(results),
  ];
}

function buildRows({ buildVsTsc: b }: Results): Row[] {
  const section = `1. build vs tsc --noEmit (median of ${b.runsEach}, interleaved)`;
  return [
    {
      section,
      measure: "build wall / CPU",
      value: `${ms(b.build.wallMs)} / ${ms(b.build.cpuMs)}`,
      target: "",
      met: null,
    },
    {
      section,
      measure: "  start-up + loading, wall / CPU",
      value: `${ms(b.build.loadMs)} / ${ms(b.build.loadCpuMs)}`,
      target: "",
      met: null,
    },
    {
      section,
      measure: "  the build itself, wall / CPU",
      value: `${ms(b.build.buildMs)} / ${ms(b.build.buildCpuMs)}`,
      target: "",
      met: null,
    },
    {
      section,
      measure: "tsc wall / CPU",
      value: `${ms(b.tsc.wallMs)} / ${ms(b.tsc.cpuMs)}`,
      target: "",
      met: null,
    },
    { section, measure: "ratio, wall", value: times(b.ratio.wall), target: "", met: null },
    {
      section,
      measure: "ratio, CPU",
      value: times(b.ratio.cpu),
      target: `≤ ${BUILD_RATIO_LIMIT}×`,
      met: b.ratio.cpu <= BUILD_RATIO_LIMIT,
    },
  ];
}

function scalingRows({ scaling: s }: Results): Row[] {
  const section = `2. compiler scaling (median of ${s.runsPerSize} per size)`;
  const rows: Row[] = s.points.map((p) => ({
    section,
    measure: `${p.copies}× flow: ${p.sourceLines} lines → ${p.pythonLines} Python lines`,
    value: `compile ${ms(p.compileMs)} (CPU ${ms(p.compileCpuMs)}), process ${ms(p.wallMs)}, peak ${mib(p.peakRssMiB)}`,
    target: "",
    met: null,
  }));
  rows.push({
    section,
    measure: "fixed cost, CPU (entry module alone)",
    value: ms(s.fixedCompileCpuMs),
    target: "",
    met: null,
  });
  rows.push({
    section,
    measure: "CPU time exponent (log-log fit)",
    value: s.timeExponent.toFixed(2),
    target: "",
    met: null,
  });
  rows.push({
    section,
    measure: "CPU time exponent above the fixed cost",
    value: s.netTimeExponent.toFixed(2),
    target: `≈ 1 (≤ ${LINEAR_EXPONENT_LIMIT})`,
    met: s.netTimeExponent <= LINEAR_EXPONENT_LIMIT,
  });
  rows.push({
    section,
    measure: "memory per further flow copy",
    value: mib(s.memoryPerCopyMiB),
    target: "",
    met: null,
  });
  return rows;
}

function jythonRows({ jython: j }: Results): Row[] {
  const section =
    `3. Jython, per authenticate call: our script against the 2FA sample, interleaved in one process ` +
    `(${j.loginsEach} logins each after ${j.warmupLogins} warm-up; load ${loadPair(j.loadAverage)})`;
  const rows: Row[] = [];
  for (const step of Object.keys(j.ours.steps)) {
    const [ours, sample] = [j.ours.steps[step], j.sample.steps[step]];
    if (ours === undefined || sample === undefined) continue;
    const ratio = j.ratio.cpu[step] ?? NaN;
    const limit = step === "all" ? ALL_STEPS_RATIO_LIMIT : STEP_RATIO_LIMIT;
    rows.push({
      section,
      measure: `${step}: thread CPU, median / p99`,
      value: `${us(ours.cpu.medianUs)} / ${us(ours.cpu.p99Us)}`,
      sample: `${us(sample.cpu.medianUs)} / ${us(sample.cpu.p99Us)}`,
      ratio: times(ratio),
      target: `median ≤ ${limit}× the sample's`,
      met: ratio <= limit,
    });
    rows.push({
      section,
      measure: `${step}: wall, median / p99`,
      value: `${us(ours.wall.medianUs)} / ${us(ours.wall.p99Us)}`,
      sample: `${us(sample.wall.medianUs)} / ${us(sample.wall.p99Us)}`,
      ratio: times(j.ratio.wall[step] ?? NaN),
      target: "",
      met: null,
    });
  }
  rows.push({
    section,
    measure: "process CPU per login, every thread",
    value: us(j.ours.processCpuPerLoginUs),
    sample: us(j.sample.processCpuPerLoginUs),
    ratio: times(j.ratio.processCpuPerLogin),
    target: "",
    met: null,
  });
  rows.push({
    section,
    measure: "process (both subjects): peak RSS / live heap at the end",
    value: `${mib(j.peakRssMiB)} / ${mib(j.liveHeapMiB)}`,
    sample: "",
    ratio: "",
    target: "",
    met: null,
  });
  return rows;
}

function throughputRows({ throughput: t }: Results): Row[] {
  const section =
    `3b. throughput: ${t.clients} concurrent clients, store latency ${t.latencyMs} ms, ` +
    `${t.rounds} round${t.rounds === 1 ? "" : "s"} of ${t.loginsPerClient} logins per client (load ${loadPair(t.loadAverage)})`;
  const rate = t.ours.requestsPerS;
  const rows: Row[] = [
    {
      section,
      measure: "requests per second (3 a login)",
      value: rate.toFixed(0),
      sample: t.sample.requestsPerS.toFixed(0),
      ratio: times(rate / t.sample.requestsPerS),
      target: `≥ ${REQUESTS_PER_S_TARGET} and ≥ the sample's`,
      met: rate >= REQUESTS_PER_S_TARGET && rate >= t.sample.requestsPerS,
    },
    {
      section,
      measure: "logins completed / failed",
      value: `${t.ours.logins} / ${t.ours.failedLogins}`,
      sample: `${t.sample.logins} / ${t.sample.failedLogins}`,
      ratio: "",
      target: "",
      met: null,
    },
    {
      section,
      measure: "process CPU per login, every thread",
      value: us(t.ours.processCpuPerLoginUs),
      sample: us(t.sample.processCpuPerLoginUs),
      ratio: times(t.ours.processCpuPerLoginUs / t.sample.processCpuPerLoginUs),
      target: "",
      met: null,
    },
  ];
  const groups = [
    ...new Set([...Object.keys(t.ours.threadCpuPerLoginUs), ...Object.keys(t.sample.threadCpuPerLoginUs)]),
  ];
  for (const group of groups.sort()) {
    const [ours, sample] = [t.ours.threadCpuPerLoginUs[group] ?? 0, t.sample.threadCpuPerLoginUs[group] ?? 0];
    rows.push({
      section,
      measure: `of which ${group}`,
      value: us(ours),
      sample: us(sample),
      ratio: "",
      target: "",
      met: null,
    });
  }
  for (const step of Object.keys(t.ours.steps)) {
    const [ours, sample] = [t.ours.steps[step], t.sample.steps[step]];
    if (ours === undefined || sample === undefined) continue;
    rows.push({
      section,
      measure: `${step}: wall, p50 / p99`,
      value: `${ms(ours.medianUs / 1000)} / ${ms(ours.p99Us / 1000)}`,
      sample: `${ms(sample.medianUs / 1000)} / ${ms(sample.p99Us / 1000)}`,
      ratio: times(ours.medianUs / sample.medianUs),
      target: "",
      met: null,
    });
  }
  return rows;
}

function loadPair(load: { start: number[]; end: number[] }): string {
  return `${(load.start[0] ?? NaN).toFixed(1)} → ${(load.end[0] ?? NaN).toFixed(1)}`;
}

function testRows({ tests }: Results): Row[] {
  const section = "4. npm test";
  if (tests === null) return [{ section, measure: "skipped (--quick)", value: "", target: "", met: null }];
  const rows: Row[] = tests.groups.map((g) => ({
    section,
    measure: `${g.name}: ${g.files} file${g.files === 1 ? "" : "s"}${g.failedFiles > 0 ? `, ${g.failedFiles} failing` : ""}`,
    value: `${g.fileSeconds.toFixed(1)} s of file time`,
    target: "",
    met: null,
  }));
  rows.push({
    section,
    measure: `${tests.command}: wall (exit code ${tests.exitCode})`,
    value: `${tests.wallS.toFixed(1)} s`,
    target: `< ${TEST_WALL_LIMIT_S} s`,
    met: tests.wallS < TEST_WALL_LIMIT_S,
  });
  return rows;
}
