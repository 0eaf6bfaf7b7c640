# The floor under our script's steps: what the Java calls each step makes cost on their own, in the bench's world, beside
# both scripts' whole steps in the same process.
#   started by bench/floor.ts through worldLaunch: floor_bench.py OURS SAMPLE WARMUP LOGINS
# After WARMUP logins of each subject, one login of ours counts the calls its steps make to CacheService, to CdiUtil.bean,
# to Mac (one keyed hash each) and to the session locks, through stand-ins put into the script's module; one more login of
# each subject counts the Python functions it calls (sys.setprofile). Then each of those calls is timed alone (thread CPU,
# best of several rounds), and LOGINS logins of each subject give its steps' median thread CPU. A step's floor is the
# sum of its Java calls' costs: what no script making the same calls from Jython can go below, before any logic of its own.
import json
import sys

from bench_world import HOUR_MS, PROPERTIES, RESULT_PREFIX, STEPS, USERS, BenchWorld, Sink
from gamatech.testkit import Clock, ScriptCalls
from java_values import properties_map
from io.jans.service import CacheService
from io.jans.service.cdi.util import CdiUtil
from java.lang import String as JavaString
from java.lang import System
from java.lang.management import ManagementFactory
from java.math import BigInteger
from java.util.concurrent.locks import ReentrantLock
from javax.crypto import Mac
from javax.crypto.spec import SecretKeySpec

ROUNDS = 7
CALLS = 2000
KEY = "bench-hash-key-of-at-least-thirty-two-characters"
THREADS = ManagementFactory.getThreadMXBean()


class Counts(object):
    def __init__(self):
        self.calls = {}

    def add(self, what):
        self.calls[what] = self.calls.get(what, 0) + 1


class CountingCache(CacheService):
    """The world's CacheService, counting each operation by name."""

    def __init__(self, counts):
        self.counts = counts

    def get(self, key):
        self.counts.add("cache get")
        return CacheService.get(self, key)

    def put(self, seconds, key, value):
        self.counts.add("cache put")
        return CacheService.put(self, seconds, key, value)

    def remove(self, key):
        self.counts.add("cache remove")
        return CacheService.remove(self, key)


class CountingMac(object):
    """Stands in for javax.crypto.Mac in the script's module: counts each Mac made (one per keyed hash)."""

    def __init__(self, counts):
        self.counts = counts

    def getInstance(self, algorithm):
        self.counts.add("keyed hash")
        return Mac.getInstance(algorithm)


class CountingLock(object):
    """Stands in for ReentrantLock in the script's module: counts each lock taken."""

    def __init__(self, counts):
        self.counts = counts

    def __call__(self):
        return CountedLock(ReentrantLock(), self.counts)


class CountedLock(object):
    def __init__(self, lock, counts):
        self.inner = lock
        self.counts = counts

    def lock(self):
        self.counts.add("lock and unlock")
        self.inner.lock()

    def unlock(self):
        self.inner.unlock()


def count_calls(world):
    """The calls one login of ours makes, per step."""
    counts = Counts()
    instance = world.instances["ours"]
    script_globals = type(instance).__init__.im_func.func_globals
    saved = dict((name, script_globals[name]) for name in ("Mac", "ReentrantLock", "CdiUtil"))
    real_bean = CdiUtil.bean
    cache = CountingCache(counts)

    class CountingCdi(object):
        @staticmethod
        def bean(kind):
            counts.add("CdiUtil.bean")
            return cache if kind is CacheService else real_bean(kind)

    script_globals["Mac"] = CountingMac(counts)
    script_globals["CdiUtil"] = CountingCdi
    # The script makes its locks at init: a fresh instance of the same module, made after this, holds counting ones.
    script_globals["ReentrantLock"] = CountingLock(counts)
    per_step = {}
    try:
        world.instances["ours"] = fresh_instance(world, "script1")
        Clock.advance(HOUR_MS)
        previous = {}
        steps = iter(STEPS)

        def stepped(thunk):
            value = thunk()
            step = next(steps)
            per_step[step] = dict((k, v - previous.get(k, 0)) for k, v in counts.calls.items() if v != previous.get(k, 0))
            previous.clear()
            previous.update(counts.calls)
            return None, value

        world.login("ours", world.people[0], "198.51.100.7", stepped)
    finally:
        script_globals.update(saved)
        fresh, world.instances["ours"] = world.instances["ours"], instance
        if fresh is not instance:
            ScriptCalls.destroy(fresh, properties_map(PROPERTIES))
    return per_step


def counting_python_calls(thunk, counts):
    """Runs thunk, counting under "Python call" the Python functions it calls (each a Jython frame, a lambda too)."""
    calls = [0]

    def profile(frame, event, arg):
        if event == "call":
            calls[0] += 1

    sys.setprofile(profile)
    try:
        return thunk()
    finally:
        sys.setprofile(None)
        counts.calls["Python call"] = counts.calls.get("Python call", 0) + calls[0]


def python_calls(world, subject, user):
    """The Python functions one login of `subject` calls, per step (with none of count_calls's stand-ins in place)."""
    per_step = {}
    steps = iter(STEPS)

    def stepped(thunk):
        counts = Counts()
        value = counting_python_calls(thunk, counts)
        per_step[next(steps)] = counts.calls["Python call"]
        return None, value

    world.login(subject, world.people[user], "198.51.100.%d" % (user + 1), stepped)
    return per_step


def fresh_instance(world, module):
    """A new instance of an already loaded script module (BenchWorld loads ours first), initialised as BenchWorld does."""
    created = world.harness.cmd_create({"script": module})
    inited = world.harness.cmd_init({"instance": created["instance"], "properties": PROPERTIES})
    if inited.get("value") is not True:
        raise AssertionError("init of a fresh instance: %r" % inited)
    return world.harness.instances[created["instance"]]


def best_ns(call):
    best = None
    for _ in range(ROUNDS):
        started = THREADS.getCurrentThreadCpuTime()
        for _ in range(CALLS):
            call()
        each = (THREADS.getCurrentThreadCpuTime() - started) / float(CALLS)
        best = each if best is None else min(best, each)
    return best


def keyed_hash():
    mac = Mac.getInstance("HmacSHA256")
    mac.init(SecretKeySpec(JavaString(KEY).getBytes("UTF-8"), "HmacSHA256"))
    return BigInteger(1, mac.doFinal(JavaString("session-id:0123456789abcdef").getBytes("UTF-8"))).toString(16)


def call_costs():
    cache = CdiUtil.bean(CacheService)
    cache.put(600, "floor:key", "x" * 300)
    lock = ReentrantLock()

    def locked():
        lock.lock()
        lock.unlock()

    def python_function(first, second):
        return first

    return {
        "cache get": best_ns(lambda: cache.get("floor:key")),
        "cache put": best_ns(lambda: cache.put(600, "floor:key", "x" * 300)),
        "cache remove": best_ns(lambda: cache.remove("floor:absent")),
        "CdiUtil.bean": best_ns(lambda: CdiUtil.bean(CacheService)),
        "keyed hash": best_ns(keyed_hash),
        "lock and unlock": best_ns(locked),
        # The least a Python call costs in Jython (a frame, two arguments, nothing done): real functions cost more.
        "Python call": best_ns(lambda: python_function(1, 2)) - best_ns(lambda: 1),
    }


def medians(world, subject, logins):
    """The median thread CPU of each step of `subject` over `logins` logins."""
    samples = dict((step, []) for step in STEPS)

    def timer(thunk):
        started = THREADS.getCurrentThreadCpuTime()
        value = thunk()
        return THREADS.getCurrentThreadCpuTime() - started, value

    for n in range(logins):
        figures = world.nth_login(subject, n, timer)
        for step, cpu in figures.items():
            samples[step].append(cpu)
    return dict((step, sorted(values)[len(values) // 2]) for step, values in samples.items())


def warm(world, logins):
    untimed = lambda thunk: (None, thunk())
    for n in range(logins):
        for subject in ("ours", "sample"):
            world.nth_login(subject, n, untimed)


def main():
    ours, sample, warmup, logins = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    saved = sys.stdout
    sys.stdout = Sink()
    try:
        world = BenchWorld(ours, sample, USERS)
        warm(world, warmup)
        counts = count_calls(world)
        for step, calls in python_calls(world, "ours", 2).items():
            counts[step]["Python call"] = calls
        sample_calls = python_calls(world, "sample", 3)
        costs = call_costs()
        steps = dict((subject, medians(world, subject, logins)) for subject in ("ours", "sample"))
        world.stop()
    finally:
        sys.stdout = saved
    result = {"counts": counts, "costsNs": costs, "medianNs": steps, "samplePythonCalls": sample_calls}
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")


main()
