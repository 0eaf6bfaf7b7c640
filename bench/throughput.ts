// Section 3b: logins per second with many concurrent clients and a store round trip on every cache operation, our script
// (its limits exact: claims and locks in force) against the 2FA sample, in one Jython process (parallel_bench.py).
import * as os from "os";
import { figures, runBenchDriver } from "./jython-steps";
import type { StepFigures, SubjectThroughput, Throughput } from "./results";
import { SAMPLE_SCRIPT } from "./sample-world";

const CLIENTS = 50;
const LATENCY_MS = 2;
const LOGINS_PER_CLIENT = 10;
const ROUNDS = 2;
const WARMUP_LOGINS = 2000;
const STEPS = ["start", "code", "password"] as const;

interface Phase {
  wallNs: number;
  cpuNs: number;
  threadCpuNs: Record<string, number>;
  logins: number;
  failed: number;
  errors: string[];
  stepWallNs: Record<string, number[]>;
}

export function benchThroughput(builtScript: string, sampleJar: string, quick: boolean): Throughput {
  const loadStart = os.loadavg();
  const [perClient, rounds, warmup] = quick
    ? [4, 1, WARMUP_LOGINS / 2]
    : [LOGINS_PER_CLIENT, ROUNDS, WARMUP_LOGINS];
  const args = [builtScript, SAMPLE_SCRIPT, CLIENTS, perClient, LATENCY_MS, rounds, warmup].map(String);
  const { output, wallS } = runBenchDriver<{ phases: Record<"ours" | "sample", Phase[]> }>(
    sampleJar,
    "parallel_bench.py",
    args,
  );
  return {
    clients: CLIENTS,
    loginsPerClient: perClient,
    latencyMs: LATENCY_MS,
    rounds,
    ours: subjectThroughput(output.phases.ours),
    sample: subjectThroughput(output.phases.sample),
    wallS,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
}

const ENDED_THREADS = "threads that ended";

function threadCpuPerLogin(phases: Phase[], logins: number): Record<string, number> {
  const perLogin: Record<string, number> = {};
  for (const phase of phases) {
    let counted = 0;
    for (const [group, ns] of Object.entries(phase.threadCpuNs)) {
      perLogin[group] = (perLogin[group] ?? 0) + ns / logins / 1000;
      counted += ns;
    }
    perLogin[ENDED_THREADS] =
      (perLogin[ENDED_THREADS] ?? 0) + Math.max(0, phase.cpuNs - counted) / logins / 1000;
  }
  return perLogin;
}

function subjectThroughput(phases: Phase[]): SubjectThroughput {
  const sum = (pick: (p: Phase) => number) => phases.reduce((total, p) => total + pick(p), 0);
  const logins = sum((p) => p.logins);
  const wallS = sum((p) => p.wallNs) / 1e9;
  const steps: Record<string, StepFigures> = {};
  for (const step of STEPS) steps[step] = figures(phases.flatMap((p) => p.stepWallNs[step] ?? []));
  return {
    phases: phases.length,
    logins,
    failedLogins: sum((p) => p.failed),
    loginsPerS: logins / wallS,
    requestsPerS: (3 * logins) / wallS,
    processCpuPerLoginUs: sum((p) => p.cpuNs) / logins / 1000,
    threadCpuPerLoginUs: threadCpuPerLogin(phases, logins),
    steps,
    errors: phases.flatMap((p) => p.errors).slice(0, 5),
  };
}
