# Long-lived Jython side of the script harness: loads ROPC and Authorization Challenge scripts and drives them against the
# Java doubles.
# Protocol: one JSON command per stdin line; one reply per command on stdout, prefixed with REPLY_PREFIX so stray output
# (a Java double or a script writing to the real stdout) can never be mistaken for a reply. See JythonScriptHost.ts.
# The modules beside it: script_io (what a loaded script meets), script_requests (requests as the server makes them),
# claim_runs, cache_backends, java_values and twilio_setup.
import __builtin__
import json
import sys
import traceback

from gamatech.testkit import Cache, Clock, Outbox, RequestScopedThreadPoolExecutor, ScriptCalls, World
from io.jans.model.custom.script.model import CustomScript
from io.jans.model.custom.script.type.authzchallenge import AuthorizationChallengeType
from io.jans.model.custom.script.type.owner import ResourceOwnerPasswordCredentialsType
from java.lang import System as JavaSystem
from java.lang import Thread as JavaThread
from java.util.concurrent import Callable, Executors, TimeUnit

from cache_backends import drop_cache_backend
from claim_runs import claim_store, collect_claim_results, release_claims, run_claim_op
from compiled_scripts import load_script
from java_values import java_to_json, parse_command, properties_map
from script_io import ControlledSystem, PackageOverlay, call_script, describe
from script_requests import request_call, run_parallel
from twilio_setup import start_fake_twilio, warm_up_twilio
from world_commands import SHAPE_GONE, WorldCommands

REPLY_PREFIX = "@@gamatech-driver@@ "
MODULE_PREFIX = "gamatech_loaded_"
CONCURRENT_PACKAGE = "java.util.concurrent"
MAX_PARALLEL = 200
# How long recycle waits for the threads of the last use to end before it calls the JVM unfit for reuse. A script's
# worker ends its Twilio call within the test's twilio_timeout_seconds (1 or 2 s); a JVM that needs longer is quit, which
# costs only a fresh start.
RECYCLE_WAIT_MS = 3000
# The class Janssen looks for in each script type's module, and the Java interface it must implement.
SCRIPT_CLASSES = [
    ("ResourceOwnerPasswordCredentials", ResourceOwnerPasswordCredentialsType),
    ("AuthorizationChallenge", AuthorizationChallengeType),
]


class TrackedExecutor(RequestScopedThreadPoolExecutor):
    """The ThreadPoolExecutor loaded scripts get, recorded so recycle can stop its threads whatever became of the script."""

    def __init__(self, *args):
        RequestScopedThreadPoolExecutor.__init__(self, *args)
        SCRIPT_EXECUTORS.append(self)


SCRIPT_EXECUTORS = []


class Driver(WorldCommands):
    """Loads scripts, makes their instances and calls them as Janssen would, one command at a time."""

    def __init__(self, shape_jars=None):
        if shape_jars:
            raise ValueError(SHAPE_GONE)
        self.system = ControlledSystem()
        self.real_import = __builtin__.__import__
        __builtin__.__import__ = self.import_for_scripts
        self.fresh_state()
        # Threads that belong to the process itself, not to a use of it (the main thread, the fake Twilio API's).
        self.own_threads = set(live_threads())

    def fresh_state(self):
        self.modules = {}
        self.instances = {}
        self.clients = None
        self.claim_runs = []
        self.parallel_count = 0
        World.reset(0, 0)

    # Every import in a loaded script goes through here, so the script meets the test clock even when it imports inside a
    # function. Twilio is the real SDK on the classpath: nothing of it is replaced.
    def import_for_scripts(self, name, globals=None, locals=None, fromlist=None, level=-1):
        if not (globals or {}).get("__name__", "").startswith(MODULE_PREFIX):
            return self.real_import(name, globals, locals, fromlist, level)
        module = self.real_import(name, globals, locals, fromlist, level)
        if not fromlist:
            return module
        if name == "java.lang":
            return PackageOverlay(module, {"System": self.system})
        if name == CONCURRENT_PACKAGE:
            # The same executor, whose tasks run under the submitting test request (for attributing SMS records).
            return PackageOverlay(module, {"ThreadPoolExecutor": TrackedExecutor})
        return module

    def cmd_claims(self, command):
        """Calls the claim store an instance built at init (its `claims` field) directly: each op is claim, get or release.
        With `parallel`, every op runs on its own thread, all released together by a latch, and, when `startAtMs` (epoch
        ms, wall clock) is given, not before then, so two JVMs can release theirs at the same moment. With `detach` the
        reply comes at once with a `ticket`; claimResults waits for that run's results (the client is synchronous, so a
        test starts a run in each JVM, then collects both)."""
        store = claim_store(self.instances[command["instance"]])
        if store is None:
            raise ValueError("the instance has no claim store (init failed or was not called)")
        if not command.get("parallel"):
            return {"results": [run_claim_op(store, op) for op in command["ops"]]}
        pool, futures = release_claims(store, command["ops"], command.get("startAtMs"))
        if command.get("detach"):
            self.claim_runs.append((pool, futures))
            return {"ticket": len(self.claim_runs) - 1}
        return {"results": collect_claim_results(pool, futures, command.get("timeoutMs", 60000))}

    def cmd_parallelDetached(self, command):
        """The parallel command on a background thread, begun not before `startAtMs` (epoch ms, wall clock): the reply is a
        `ticket` at once and parallelResults gives the parallel command's own reply. Two JVMs given the same startAtMs run
        their requests at the same time although the client is synchronous (two cluster nodes under one attack)."""
        driver = self
        start_at = command.get("startAtMs")

        class DetachedParallel(Callable):
            def call(self):
                if start_at is not None:
                    while JavaSystem.currentTimeMillis() < long(start_at):
                        JavaThread.sleep(1)
                return driver.cmd_parallel(command)

        executor = Executors.newSingleThreadExecutor()
        self.claim_runs.append((executor, [executor.submit(DetachedParallel())]))
        return {"ticket": len(self.claim_runs) - 1}

    def cmd_parallelResults(self, command):
        executor, futures = self.claim_runs[command["ticket"]]
        try:
            return dict(futures[0].get(command.get("timeoutMs", 120000), TimeUnit.MILLISECONDS))
        finally:
            executor.shutdownNow()

    def cmd_claimResults(self, command):
        pool, futures = self.claim_runs[command["ticket"]]
        return {"results": collect_claim_results(pool, futures, command.get("timeoutMs", 60000))}

    def cmd_load(self, command):
        handle = "script%d" % (len(self.modules) + 1)
        outcome = call_script(lambda: load_script(MODULE_PREFIX + handle, command["path"]))
        if outcome["outcome"] == "returned":
            self.modules[handle] = outcome.pop("value")
            outcome["script"] = handle
        return outcome

    def cmd_create(self, command):
        module = self.modules[command["script"]]
        found = [(name, kind) for name, kind in SCRIPT_CLASSES if hasattr(module, name)]
        if len(found) != 1:
            raise ValueError("a script module defines exactly one of %s" % ", ".join(name for name, _ in SCRIPT_CLASSES))
        name, kind = found[0]
        outcome = call_script(lambda: getattr(module, name)(Clock.now()))
        if outcome["outcome"] == "returned":
            instance = outcome.pop("value")
            if not isinstance(instance, kind):
                raise ValueError("%s must subclass %s" % (name, kind.__name__))
            handle = "instance%d" % (len(self.instances) + 1)
            self.instances[handle] = instance
            outcome["instance"] = handle
        return outcome

    def cmd_getApiVersion(self, command):
        instance = self.instances[command["instance"]]
        return call_script(lambda: ScriptCalls.getApiVersion(instance))

    def cmd_init(self, command):
        instance = self.instances[command["instance"]]
        script = CustomScript()
        script.setName(command.get("scriptName", "gamatech_ropc"))
        attributes = properties_map(command.get("properties", {}))
        return call_script(lambda: ScriptCalls.init(instance, script, attributes))

    def cmd_destroy(self, command):
        instance = self.instances[command["instance"]]
        attributes = properties_map(command.get("properties", {}))
        return call_script(lambda: ScriptCalls.destroy(instance, attributes))

    def cmd_authenticate(self, command):
        call = request_call(self.instances[command["instance"]], command, self.clients)
        World.beginRequest()
        if command.get("staleReads"):
            Cache.beginStaleReads()
        try:
            outcome = call_script(call.run)
        finally:
            if command.get("staleReads"):
                Cache.endStaleReads()
        outcome = call.finish(outcome)
        outcome["sms"] = java_to_json(Outbox.drainSms())
        outcome["verify"] = java_to_json(Outbox.drainVerify())
        return outcome

    def cmd_parallel(self, command):
        """K authenticate requests released together on K real Java threads (a fixed pool and a start gate), as Janssen's
        request threads would run them; each answer carries its own headers, user, SMS and Verify records, and logs."""
        requests = command["requests"]
        if not 1 <= len(requests) <= MAX_PARALLEL:
            raise ValueError("parallel takes 1 to %d requests, got %d" % (MAX_PARALLEL, len(requests)))
        World.beginRequest()
        self.parallel_count += 1
        calls = [request_call(self.instances[request["instance"]], request, self.clients) for request in requests]
        return run_parallel(calls, "parallel%d" % self.parallel_count, long(command.get("timeoutMs", 60000)))

    def cmd_recycle(self, command):
        """Returns the process to the state of a fresh start for the next user of a pooled JVM (JythonScriptHost reuse):
        the scripts' executors and the driver's own runs are stopped (not the scripts' destroy: a fresh JVM never ran it,
        the next user cannot see whether it did, and script code could hang or fail here), the loaded modules, instances,
        clients and the real cache backend dropped, and the world reset as at the start. `clean` is false when a thread of
        this use is still running after RECYCLE_WAIT_MS (a call blocked in a socket read): that JVM must not be reused."""
        for executor in SCRIPT_EXECUTORS + [runner for runner, _ in self.claim_runs]:
            executor.shutdownNow()
        del SCRIPT_EXECUTORS[:]
        for name in [name for name in sys.modules if name.startswith(MODULE_PREFIX)]:
            del sys.modules[name]
        drop_cache_backend()
        deadline = JavaSystem.currentTimeMillis() + RECYCLE_WAIT_MS
        while live_threads() - self.own_threads and JavaSystem.currentTimeMillis() < deadline:
            JavaThread.sleep(10)
        clean = not (live_threads() - self.own_threads)
        self.fresh_state()
        return {"clean": clean}

    def serve(self, stdin, stdout):
        while True:
            line = stdin.readline()
            if line == "":
                return
            reply = self.handle(line)
            stdout.write(REPLY_PREFIX + json.dumps(reply) + "\n")
            stdout.flush()
            if reply.get("quit"):
                return

    def handle(self, line):
        command_id = None
        try:
            command = parse_command(line)
            command_id = command.get("id")
            if command["cmd"] == "quit":
                return {"id": command_id, "ok": True, "quit": True}
            handler = getattr(self, "cmd_" + command["cmd"], None)
            if handler is None:
                raise ValueError("unknown command %r" % command["cmd"])
            reply = handler(command)
            reply.update({"id": command_id, "ok": True})
            return reply
        except:
            return {"id": command_id, "ok": False, "error": describe(sys.exc_info()[1]), "traceback": traceback.format_exc()}


def live_threads():
    """The threads that keep the JVM running (daemon threads, such as the fake Twilio API's, do not)."""
    return set(thread for thread in JavaThread.getAllStackTraces().keySet() if thread.isAlive() and not thread.isDaemon())


def main():
    if len(sys.argv) > 1:
        raise SystemExit(SHAPE_GONE)
    start_fake_twilio()
    warm_up_twilio()
    protocol_out = sys.stdout
    Driver().serve(sys.stdin, protocol_out)
    protocol_out.flush()
    # A script's worker threads (its Twilio call pool) would keep the JVM alive after the last command.
    JavaSystem.exit(0)


if __name__ == "__main__":
    main()
