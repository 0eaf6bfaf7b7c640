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

/** One step's figures: wall time, and the CPU time of the thread that made the call. */
export interface StepCost {
  wall: StepFigures;
  cpu: StepFigures;
}

export interface SubjectSteps {
  script: string;
  /** start, code, password, and "all" (every call of the three steps pooled). */
  steps: Record<string, StepCost>;
  /** CPU time of every thread of the process per login (blocks of logins of this subject): what a login costs the JVM. */
  processCpuPerLoginUs: number;
}

/** Section 3: our script and the 2FA sample, interleaved in one Jython process. */
export interface JythonSteps {
  warmupLogins: number;
  loginsEach: number;
  blockLogins: number;
  ours: SubjectSteps;
  sample: SubjectSteps;
  /** ours / sample, of the medians, per step (and "all"), on thread CPU and on wall time; and of the process CPU per login. */
  ratio: { cpu: Record<string, number>; wall: Record<string, number>; processCpuPerLogin: number };
  peakRssMiB: number;
  /** Heap in use after a full collection once the iterations are done (both subjects' stores). */
  liveHeapMiB: number;
  wallS: number;
  loadAverage: { start: number[]; end: number[] };
}

export interface SubjectThroughput {
  phases: number;
  logins: number;
  failedLogins: number;
  /** Logins (of three requests each) per second of wall time, over every phase. */
  loginsPerS: number;
  requestsPerS: number;
  /** CPU time of the whole process per login while the clients ran. */
  processCpuPerLoginUs: number;
  /**
   * That CPU time per login by kind of thread (bench_world.py's THREAD_GROUPS), read from /proc per thread; "threads that
   * ended" is what threads gone before the end of a phase took (connection threads of the fake Twilio API, mostly).
   */
  threadCpuPerLoginUs: Record<string, number>;
  /** Wall time per call under load (p50 / p99 across every client's calls). */
  steps: Record<string, StepFigures>;
  errors: string[];
}

/** Section 3b: CLIENTS concurrent clients, store latency LATENCY ms, ours against the sample. */
export interface Throughput {
  clients: number;
  loginsPerClient: number;
  latencyMs: number;
  rounds: number;
  ours: SubjectThroughput;
  sample: SubjectThroughput;
  wallS: number;
  loadAverage: { start: number[]; end: number[] };
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
  /** Only the Jython sections were run (npm run bench -- --jython); the others are the previous run's. */
  jythonOnly?: boolean;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended: how busy the machine was. */
  loadAverage: { start: number[]; end: number[] };
  machine: Machine;
  buildVsTsc: BuildVsTsc;
  scaling: Scaling;
  jython: JythonSteps;
  throughput: Throughput;
  tests: TestSuites | null;
}
