# The claims command: calls on the claim store an initialised script instance built, one after another or all released
# together on their own threads (and, across two JVMs, at the same wall-clock moment).
from java.lang import System as JavaSystem
from java.lang import Thread as JavaThread
from java.util.concurrent import Callable, CountDownLatch, Executors, TimeUnit

from script_io import run_script

MAX_PARALLEL_OPS = 1000


class ClaimOp(Callable):
    """One claim-store call of a parallel claims command, on its own thread, started by the shared latch."""

    def __init__(self, store, op, ready, start, start_at):
        self.store = store
        self.op = op
        self.ready = ready
        self.start = start
        self.start_at = start_at

    def call(self):
        self.ready.countDown()
        self.start.await()
        if self.start_at is not None:
            while JavaSystem.currentTimeMillis() < long(self.start_at):
                JavaThread.sleep(1)
        return run_claim_op(self.store, self.op)


def release_claims(store, ops, start_at):
    """Starts `ops` on one thread each and releases them together once all are waiting, not before `start_at` (epoch ms,
    wall clock) when given; returns the pool and the futures, for collect_claim_results."""
    if len(ops) > MAX_PARALLEL_OPS:
        raise ValueError("at most %d parallel claim ops" % MAX_PARALLEL_OPS)
    pool = Executors.newFixedThreadPool(len(ops))
    ready = CountDownLatch(len(ops))
    start = CountDownLatch(1)
    futures = [pool.submit(ClaimOp(store, op, ready, start, start_at)) for op in ops]
    ready.await()
    start.countDown()
    return pool, futures


def collect_claim_results(pool, futures, timeout_ms):
    try:
        return [future.get(timeout_ms, TimeUnit.MILLISECONDS) for future in futures]
    finally:
        pool.shutdownNow()


def run_claim_op(store, op):
    kind = op["op"]
    if kind == "claim":
        return run_script(lambda: bool(store.claim(op["key"], op.get("value", "v"), int(op.get("ttlSeconds", 60)))))
    if kind == "get":
        return run_script(lambda: store.get(op["key"]))
    if kind == "release":
        return run_script(lambda: store.release(op["key"]))
    raise ValueError("unknown claim op %r (claim, get, release)" % kind)


def claim_store(instance):
    """The claim store an initialised instance built at init (both script types keep it in their ScriptCore's setup)."""
    setup = instance.core.setup
    if setup is None:
        raise ValueError("the instance is not initialised: it has no claim store")
    return setup["claims"]
