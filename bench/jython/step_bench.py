# Times our script's and the 2FA sample's authenticate calls side by side in one Jython process (bench_world.py).
#   started by bench/jython-steps.ts through worldLaunch: step_bench.py OURS SAMPLE WARMUP ITERATIONS BLOCK
# Logins alternate between the subjects in blocks of BLOCK logins (which subject goes first alternates too), so a change
# in the machine's load falls on both. Each call records its wall time and the CPU time of the calling thread; each block
# records the CPU time of the whole process (every thread: our script's SMS worker, the SDK, the fake Twilio API, the
# collector and the JIT). Prints one line, RESULT_PREFIX + JSON.
import json
import sys

from bench_world import HOUR_MS, LOGINS_PER_HOUR, RESULT_PREFIX, STEPS, USERS, BenchWorld, Sink, process_cpu_ns
from gamatech.testkit import Clock
from java.lang import System
from java.lang.management import ManagementFactory

SUBJECTS = ("ours", "sample")


def timer_for(threads):
    def timed(thunk):
        cpu = threads.getCurrentThreadCpuTime()
        started = System.nanoTime()
        value = thunk()
        wall = System.nanoTime() - started
        return (wall, threads.getCurrentThreadCpuTime() - cpu), value

    return timed


def run(world, warmup, iterations, block):
    timed = timer_for(ManagementFactory.getThreadMXBean())
    samples = dict((s, dict((step, {"wallNs": [], "cpuNs": []}) for step in STEPS)) for s in SUBJECTS)
    blocks = dict((s, {"logins": 0, "cpuNs": 0}) for s in SUBJECTS)
    done = dict((s, 0) for s in SUBJECTS)
    rounds = 0
    while done["ours"] < warmup + iterations:
        order = SUBJECTS if rounds % 2 == 0 else SUBJECTS[::-1]
        rounds += 1
        for subject in order:
            measured = done[subject] >= warmup
            cpu_before = process_cpu_ns()
            for _ in range(block):
                n = done[subject]
                if subject == "ours" and n % LOGINS_PER_HOUR == 0:
                    Clock.advance(HOUR_MS)
                figures = world.login(subject, world.people[n % USERS], "198.51.100.%d" % (n % 250 + 1), timed)
                done[subject] = n + 1
                if measured:
                    for step, (wall, cpu) in figures.items():
                        samples[subject][step]["wallNs"].append(wall)
                        samples[subject][step]["cpuNs"].append(cpu)
            if measured:
                blocks[subject]["logins"] += block
                blocks[subject]["cpuNs"] += process_cpu_ns() - cpu_before
    return samples, blocks


def main():
    ours, sample, warmup, iterations, block = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    saved = sys.stdout
    sys.stdout = Sink()
    try:
        world = BenchWorld(ours, sample, USERS)
        samples, blocks = run(world, warmup, iterations, block)
        world.stop()
    finally:
        sys.stdout = saved
    rss = None
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) * 1024
    # The heap's peak would mostly count garbage not yet collected; what survives a collection is what the scripts keep.
    System.gc()
    heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
    result = {"samples": samples, "blocks": blocks, "peakRssBytes": rss, "liveHeapBytes": heap}
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
