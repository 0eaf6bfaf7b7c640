# Records where one subject's logins spend their time: JFR execution samples of every thread, taken only while the
# measured logins run (after the warm-up), in the bench's world (bench_world.py).
#   started by bench/profile.ts: profile_bench.py SUBJECT OURS SAMPLE WARMUP LOGINS RECORDING
# The JVM must run with a deep stack depth (-XX:FlightRecorderOptions:stackdepth=...): each Python call is several Java
# frames, and a cut stack loses the script function the sample belongs to.
import sys

from bench_world import USERS, BenchWorld, Sink
from java.lang import System
from java.nio.file import Paths
from java.time import Duration
from jdk.jfr import Recording

SAMPLE_PERIOD_MS = 2


# Each authenticate call runs inside the marker function of its step, so that every sample taken during the call, in
# the script's step function or in its routing, headers and logging, has the step's name on its stack.
def in_start(thunk):
    return thunk()


def in_code(thunk):
    return thunk()


def in_password(thunk):
    return thunk()


class StepTimer(object):
    """The timer a login calls for its three steps, in order: start, code, password."""

    MARKERS = (in_start, in_code, in_password)

    def __init__(self):
        self.calls = 0

    def __call__(self, thunk):
        marker = self.MARKERS[self.calls % 3]
        self.calls += 1
        started = System.nanoTime()
        value = marker(thunk)
        return System.nanoTime() - started, value


def logins(world, subject, first, count):
    timer = StepTimer()
    for n in range(first, first + count):
        world.nth_login(subject, n, timer)


def main():
    subject, ours, sample, warmup, count, recording_file = sys.argv[1:7]
    warmup, count = int(warmup), int(count)
    saved = sys.stdout
    sys.stdout = Sink()
    try:
        world = BenchWorld(ours, sample, USERS)
        logins(world, subject, 0, warmup)
        recording = Recording()
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(SAMPLE_PERIOD_MS))
        recording.start()
        logins(world, subject, warmup, count)
        recording.stop()
        recording.dump(Paths.get(recording_file))
        world.stop()
    finally:
        sys.stdout = saved
    sys.stdout.write("recorded %d logins of %s in %s\n" % (count, subject, recording_file))


if __name__ == "__main__":
    main()
