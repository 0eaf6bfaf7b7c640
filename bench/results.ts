// The shape of bench/results.json: every figure the bench measured, in one document.

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  os: string;
  node: string;
  typescript: string;
  java: string;
  jython: string;
  commit: string;
  /** Uncommitted changes were present: the figures are of the working tree, not of the commit alone. */
  dirty: boolean;
}

export interface BuildVsTsc {
  runsEach: number;
  build: {
    wallMs: number;
    cpuMs: number;
    loadMs: number;
    loadCpuMs: number;
    buildMs: number;
    buildCpuMs: number;
  };
  tsc: { wallMs: number; cpuMs: number };
  /** build / tsc, of the medians. */
  ratio: { wall: number; cpu: number };
}

export interface ScalingPoint {
  copies: number;
  sourceLines: number;
  sourceBytes: number;
  pythonLines: number;
  /** Medians over the runs: the compile call alone (wall and CPU), and the whole child process. */
  compileMs: number;
  compileCpuMs: number;
  wallMs: number;
  peakRssMiB: number;
}

export interface Scaling {
  runsPerSize: number;
  points: ScalingPoint[];
  /** Median compile CPU time of an entry module alone: lib files, program set-up, JIT warm-up. */
  fixedCompileCpuMs: number;
  /** Fitted k of compile CPU time ≈ c·lines^k, and of compile CPU time above the fixed cost. */
  timeExponent: number;
  netTimeExponent: number;
  /** Peak memory added by each further copy of the flow, between the smallest and the largest program. */
  memoryPerCopyMiB: number;
}

export interface StepFigures {
  medianUs: number;
  p99Us: number;
  samples: number;
}

export interface JythonSubject {
  script: string;
  warmupIterations: number;
  steps: Record<string, StepFigures>;
  peakRssMiB: number;
  /** Heap in use after a full collection once the iterations are done. */
  liveHeapMiB: number;
  wallS: number;
}

export interface JythonSteps {
  script: JythonSubject;
  floor: JythonSubject;
  /** Each step's median over the floor's password-check median. */
  ratioToFloor: Record<string, number>;
}

export interface SuiteGroup {
  name: string;
  files: number;
  failedFiles: number;
  /** Sum of the group's test-file durations: worker time, since files of different groups run side by side. */
  fileSeconds: number;
}

export interface TestSuites {
  command: string;
  wallS: number;
  exitCode: number;
  groups: SuiteGroup[];
}

export interface Results {
  startedAt: string;
  durationS: number;
  quick: boolean;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended: how busy the machine was. */
  loadAverage: { start: number[]; end: number[] };
  machine: Machine;
  buildVsTsc: BuildVsTsc;
  scaling: Scaling;
  jython: JythonSteps;
  tests: TestSuites | null;
}
