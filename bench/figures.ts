// The figures of a run as rows, each with its target and whether it was met: the one source of the printed table and of
// the block in BENCHMARKS.md.
import type { Results } from "./results";

export interface Row {
  section: string;
  measure: string;
  value: string;
  target: string;
  /** null when the row has no target of its own. */
  met: boolean | null;
}

const STEP_MEDIAN_LIMIT_US = 1000;
const FLOOR_RATIO_LIMIT = 2;
const BUILD_RATIO_LIMIT = 1.5;
// A fitted exponent this close to 1 is linear within the noise of three sizes.
const LINEAR_EXPONENT_LIMIT = 1.1;
const TEST_WALL_LIMIT_S = 180;

const ms = (value: number): string => `${Math.round(value)} ms`;
const us = (value: number): string => `${value.toFixed(1)} µs`;
const mib = (value: number): string => `${Math.round(value)} MiB`;
const times = (value: number): string => `${value.toFixed(2)}×`;

export function figureRows(results: Results): Row[] {
  return [...buildRows(results), ...scalingRows(results), ...jythonRows(results), ...testRows(results)];
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
  const floor = j.floor.steps.password;
  const section = `3. Jython, per authenticate call (${floor?.samples ?? 0} iterations after ${j.script.warmupIterations} warm-up)`;
  const rows: Row[] = [];
  for (const [step, figures] of Object.entries(j.script.steps)) {
    const ratio = j.ratioToFloor[step] ?? NaN;
    rows.push({
      section,
      measure: `${step}: median / p99`,
      value: `${us(figures.medianUs)} / ${us(figures.p99Us)}`,
      target: `< ${STEP_MEDIAN_LIMIT_US} µs median`,
      met: figures.medianUs < STEP_MEDIAN_LIMIT_US,
    });
    rows.push({
      section,
      measure: `${step}: median / floor median`,
      value: times(ratio),
      target: `≤ ${FLOOR_RATIO_LIMIT}×`,
      met: ratio <= FLOOR_RATIO_LIMIT,
    });
  }
  if (floor !== undefined) {
    rows.push({
      section,
      measure: "floor (MinimalRopc.py) password: median / p99",
      value: `${us(floor.medianUs)} / ${us(floor.p99Us)}`,
      target: "",
      met: null,
    });
  }
  for (const [name, subject] of [
    ["script", j.script],
    ["floor", j.floor],
  ] as const) {
    rows.push({
      section,
      measure: `${name} process: peak RSS / live heap at the end`,
      value: `${mib(subject.peakRssMiB)} / ${mib(subject.liveHeapMiB)}`,
      target: "",
      met: null,
    });
  }
  return rows;
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
