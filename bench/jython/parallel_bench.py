# Logins per second with many concurrent clients, our script against the 2FA sample, in one Jython process
# (bench_world.py), every store operation costing the world's round trip (Latency).
#   started by bench/throughput.ts: parallel_bench.py OURS SAMPLE CLIENTS LOGINS_PER_CLIENT LATENCY_MS ROUNDS WARMUP
# After WARMUP sequential logins of each subject (no latency, for the JIT) and one unmeasured phase of each, each round
# runs one phase per subject (the order alternates): CLIENTS Java threads, released together by a latch as
# test/parallel's requests are, each making LOGINS_PER_CLIENT logins one after the other, as a client waits for each
# answer. Before each phase the JIT's queue is left to drain (settle_jit), so that a phase is not charged with compiling
# what the phases before it asked for. Prints RESULT_PREFIX + JSON.
import json
import sys

from bench_world import HOUR_MS, RESULT_PREFIX, STEPS, BenchWorld, Sink, process_cpu_ns, thread_cpu_between, thread_cpu_ns
from gamatech.testkit import Clock, Latency, World
from java.lang import System
from java.lang import Thread
from java.util.concurrent import Callable, CountDownLatch, Executors, ThreadFactory, TimeUnit

USERS_PER_CLIENT = 4
SUBJECTS = ("ours", "sample")
PHASE_TIMEOUT_S = 600
# The world's clock passes HOUR_MS before every phase and every WARMUP_PER_HOUR warm-up logins, so a user gets about as
# many codes an hour as a real one: without it the hour's slots filled up as the run went on, and each later start read
# more of them.
WARMUP_PER_HOUR = 500
MAX_ERRORS_KEPT = 5
# The JIT counts as settled once its threads take less than this much CPU in a SETTLE_STEP_S pause (a busy compiler thread
# takes all of it), and the wait gives up after SETTLE_LIMIT_S.
SETTLE_STEP_S = 0.2
SETTLE_IDLE_CPU_NS = 10 * 1000 * 1000
SETTLE_LIMIT_S = 30


def wall_timer(thunk):
    started = System.nanoTime()
    value = thunk()
    return System.nanoTime() - started, value


class Client(Callable):
    """One client: its own users, address and request id (which files its SMS under it), logins one after another."""

    def __init__(self, world, subject, index, logins, ready, start):
        self.world, self.subject, self.index, self.logins = world, subject, index, logins
        self.ready, self.start = ready, start

    def call(self):
        request_id = "bench-client-%d" % self.index
        ip = "198.51.%d.%d" % (100 + self.index // 250, self.index % 250 + 1)
        World.beginParallelRequest(request_id)
        steps = dict((step, []) for step in STEPS)
        failures = []
        try:
            self.ready.countDown()
            self.start.await()
            for n in range(self.logins):
                user = self.world.people[self.index * USERS_PER_CLIENT + n % USERS_PER_CLIENT]
                try:
                    figures = self.world.login(self.subject, user, ip, wall_timer, request_id)
                except AssertionError, error:
                    failures.append(str(error)[:300])
                    continue
                for step, nanos in figures.items():
                    steps[step].append(nanos)
        finally:
            World.endParallelRequest()
        return {"steps": steps, "failures": failures}


class ClientThreads(ThreadFactory):
    """Names the clients' threads, so that their CPU time is told apart from the script's own workers' (thread_cpu_ns)."""

    def __init__(self):
        self.made = 0

    def newThread(self, runnable):
        self.made += 1
        return Thread(runnable, "bench-client-%d" % self.made)


def jit_cpu_ns():
    return sum(ns for group, ns in thread_cpu_ns().values() if group == "JIT")


def settle_jit():
    """Waits until the JIT's threads are nearly idle: C2 works through a queue, and the compilations a phase asked for
    and the JIT had not reached by its end would otherwise run in, and be charged to, the next phase, whichever subject
    that is (the first measured phase, after the unmeasured ones, always met the largest backlog)."""
    waited = 0.0
    before = jit_cpu_ns()
    while waited < SETTLE_LIMIT_S:
        Thread.sleep(int(SETTLE_STEP_S * 1000))
        waited += SETTLE_STEP_S
        now = jit_cpu_ns()
        if now - before < SETTLE_IDLE_CPU_NS:
            return
        before = now


def phase(world, subject, clients, logins):
    Clock.advance(HOUR_MS)
    settle_jit()
    ready, start = CountDownLatch(clients), CountDownLatch(1)
    pool = Executors.newFixedThreadPool(clients, ClientThreads())
    try:
        futures = [pool.submit(Client(world, subject, i, logins, ready, start)) for i in range(clients)]
        ready.await()
        threads_before = thread_cpu_ns()
        cpu_before = process_cpu_ns()
        released = System.nanoTime()
        start.countDown()
        outcomes = [f.get(PHASE_TIMEOUT_S, TimeUnit.SECONDS) for f in futures]
        wall = System.nanoTime() - released
        cpu = process_cpu_ns() - cpu_before
        threads_after = thread_cpu_ns()
    finally:
        pool.shutdownNow()
    steps = dict((step, [n for o in outcomes for n in o["steps"][step]]) for step in STEPS)
    failures = [f for o in outcomes for f in o["failures"]]
    threads = thread_cpu_between(threads_before, threads_after)
    return {"wallNs": wall, "cpuNs": cpu, "threadCpuNs": threads, "logins": len(steps["password"]), "failed": len(failures),
            "errors": failures[:MAX_ERRORS_KEPT], "stepWallNs": steps}


def main():
    ours, sample = sys.argv[1], sys.argv[2]
    clients, logins, latency, rounds, warmup = [int(arg) for arg in sys.argv[3:8]]
    saved = sys.stdout
    sys.stdout = Sink()
    try:
        world = BenchWorld(ours, sample, clients * USERS_PER_CLIENT)
        for n in range(warmup):
            if n % WARMUP_PER_HOUR == 0:
                Clock.advance(HOUR_MS)
            for subject in SUBJECTS:
                world.login(subject, world.people[n % len(world.people)], "203.0.113.%d" % (n % 250 + 1), wall_timer)
        Latency.set(latency)
        # One unmeasured phase each: the JIT compiles the concurrent paths (lock waits, the workers' hand-off) too, and a
        # server runs warm: measured cold, C2 compiling the larger script took a quarter of its CPU per login.
        for subject in SUBJECTS:
            phase(world, subject, clients, logins)
        phases = dict((subject, []) for subject in SUBJECTS)
        for r in range(rounds):
            for subject in SUBJECTS if r % 2 == 0 else SUBJECTS[::-1]:
                phases[subject].append(phase(world, subject, clients, logins))
        Latency.set(0)
        world.stop()
    finally:
        sys.stdout = saved
    sys.stdout.write(RESULT_PREFIX + json.dumps({"phases": phases}) + "\n")


if __name__ == "__main__":
    main()
