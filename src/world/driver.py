# Long-lived Jython side of the script harness: loads ROPC and Authorization Challenge scripts and drives them against the
# Java doubles.
# Protocol: one JSON command per stdin line; one reply per command on stdout, prefixed with REPLY_PREFIX so stray output
# (a Java double or a script writing to the real stdout) can never be mistaken for a reply. See JythonScriptHost.ts.
import __builtin__
import json
import sys
import traceback

import jarray
from compiled_scripts import load_script
from com.fasterxml.jackson.databind import ObjectMapper
from java.io import File
from java.lang import Object as JavaObject
from java.lang import String as JavaString
from java.lang import System as JavaSystem
from java.lang import Thread as JavaThread
from java.net import URL
from java.util import ArrayList, HashMap
from java.util.concurrent import Callable, ConcurrentHashMap, CountDownLatch, Executors, TimeUnit

from gamatech.testkit import Cache, ChallengeEndpoint, Clients, Clock, Directory, Faults, FakeRequest, FakeResponse
from gamatech.testkit import Latency, Outbox, Requests, RequestScopedThreadPoolExecutor, ScriptCalls, World
from gamatech.testkit import ServerChallengeSessions
from gamatech.testkit.twilio import FakeTwilio, TwilioApi
from io.jans.as.common.model.registration import Client
from io.jans.as.server.authorize.ws.rs import AuthzRequest
from io.jans.as.server.model.common import ExecutionContext
from io.jans.as.server.service.external.context import ExternalResourceOwnerPasswordCredentialsContext
from io.jans.model import SimpleCustomProperty
from io.jans.model.custom.script.model import CustomScript
from io.jans.model.custom.script.type.authzchallenge import AuthorizationChallengeType
from io.jans.model.custom.script.type.owner import ResourceOwnerPasswordCredentialsType

REPLY_PREFIX = "@@gamatech-driver@@ "
MODULE_PREFIX = "gamatech_loaded_"
SHAPE_GONE = (
    "twilioShape is gone: the world runs the real twilio-java jars of one version per process; start the host with "
    "twilioVersion (e.g. 12.1.1 for VerificationCheck.creator(service).setCode(code), 7.37.4 for creator(service, code))"
)
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
# The /authorize-challenge parameters the server parses into its AuthzRequest before the script runs.
AUTHZ_REQUEST_FIELDS = [
    ("client_id", "setClientId"),
    ("acr_values", "setAcrValues"),
    ("scope", "setScope"),
    ("state", "setState"),
    ("code_challenge", "setCodeChallenge"),
    ("code_challenge_method", "setCodeChallengeMethod"),
    ("auth_session", "setAuthorizationChallengeSession"),
]


class ControlledSystem(object):
    """Stands in for java.lang.System inside loaded scripts: the clock is the tests' clock, the rest is the real System."""

    def currentTimeMillis(self):
        return Clock.now()

    def __getattr__(self, name):
        return getattr(JavaSystem, name)


class PackageOverlay(object):
    """A Java package whose listed names are replaced, returned to a script's `from package import ...`."""

    def __init__(self, package, overrides):
        self._package = package
        self._overrides = overrides

    def __getattr__(self, name):
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._package, name)


class AsciiCapture(object):
    """Collects a script's print output. Janssen's stdout is ASCII, where printing non-ASCII unicode raises; so does this."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        if isinstance(text, unicode):
            text = text.encode("ascii")
        self.parts.append(text)

    def flush(self):
        pass

    def lines(self):
        text = "".join(self.parts)
        return [line for line in text.split("\n") if line != ""]


class RequestRoutedCapture(object):
    """sys.stdout while parallel requests run: each line goes to the capture of the test request the writing thread serves
    (Requests.current(), which a script's pool threads inherit from the request that submitted their work); output of any
    other thread goes to `stray`."""

    def __init__(self):
        self.captures = ConcurrentHashMap()
        self.stray = AsciiCapture()

    def open(self, request_id):
        capture = AsciiCapture()
        self.captures.put(request_id, capture)
        return capture

    def write(self, text):
        request_id = Requests.current()
        capture = self.captures.get(request_id) if request_id is not None else None
        (capture if capture is not None else self.stray).write(text)

    def flush(self):
        pass


class ParallelRequest(Callable):
    """One of the requests of a parallel command, on its own pool thread: it gets ready, waits at the start gate with
    the others, then calls authenticate as Janssen's request thread would."""

    def __init__(self, request_id, call, router, ready, start):
        self.request_id = request_id
        self.script_call = call
        self.router = router
        self.ready = ready
        self.start = start

    def call(self):
        World.beginParallelRequest(self.request_id)
        capture = self.router.open(self.request_id)
        try:
            self.ready.countDown()
            self.start.await()
            started = JavaSystem.nanoTime()
            outcome = run_script(self.script_call.run)
            outcome["elapsedMs"] = (JavaSystem.nanoTime() - started) / 1000000.0
        finally:
            World.endParallelRequest()
        outcome["logs"] = capture.lines()
        return outcome


def user_json(user):
    return None if user is None else {"userId": user.getUserId(), "dn": user.getDn()}


class RopcCall(object):
    """One /token request to a ROPC script: authenticate(context); the reply adds the headers it set and its user."""

    def __init__(self, instance, context, response):
        self.instance = instance
        self.context = context
        self.response = response

    def run(self):
        return ScriptCalls.authenticate(self.instance, self.context)

    def finish(self, outcome):
        outcome["headers"] = java_to_json(self.response.getHeaders())
        outcome["user"] = user_json(self.context.getUser())
        return outcome


class ChallengeCall(object):
    """One /authorize-challenge request: the server's endpoint around the script (gamatech.testkit.ChallengeEndpoint); the
    reply adds the HTTP answer the server sends, and an exception the endpoint caught becomes the "raised" outcome."""

    def __init__(self, instance, execution, request, response, ip):
        self.instance = instance
        self.execution = execution
        self.request = request
        self.response = response
        self.ip = ip
        self.answer = None

    def run(self):
        self.answer = ChallengeEndpoint.handle(self.instance, self.execution, self.request, self.response, self.ip)
        return self.answer.result

    def finish(self, outcome):
        answer = self.answer
        outcome["headers"] = java_to_json(self.response.getHeaders())
        if answer is None:
            outcome["user"] = None
            return outcome
        error = answer.scriptError
        if error is not None:
            outcome.pop("value", None)
            outcome["outcome"] = "raised"
            outcome["exception"] = {"type": exception_type(error), "message": describe(error), "traceback": unicode(error)}
        outcome["user"] = user_json(answer.user)
        outcome["http"] = {"status": answer.status, "body": answer.body}
        return outcome


class TrackedExecutor(RequestScopedThreadPoolExecutor):
    """The ThreadPoolExecutor loaded scripts get, recorded so recycle can stop its threads whatever became of the script."""

    def __init__(self, *args):
        RequestScopedThreadPoolExecutor.__init__(self, *args)
        SCRIPT_EXECUTORS.append(self)


SCRIPT_EXECUTORS = []


class Driver(object):
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

    def cmd_reset(self, command):
        if "twilioShape" in command:
            raise ValueError(SHAPE_GONE)
        World.reset(long(command.get("clockMs", 1767225600000)), long(command.get("seed", 1)))
        Directory.setValuesIgnoreCase(command.get("valuesIgnoreCase", True))
        Directory.setUserModel(command.get("userModel", "current"))
        TwilioApi.setLatency(long(command.get("twilioLatencyMs", 0)))
        Latency.set(long(command.get("latencyMs", 0)))
        for user in command.get("users", []):
            add_user(user)
        for fault in command.get("faults", []):
            self.cmd_fault(fault)
        self.clients = command.get("clients")
        for client_id, secret in command.get("clientSecrets", {}).items():
            Clients.setSecret(client_id, secret)
        for session_id in command.get("serverSessions", []):
            ServerChallengeSessions.create(session_id)
        use_cache_backend(command.get("cacheBackend"))
        return {}

    def cmd_claims(self, command):
        """Calls the claim store an instance built at init (its `claims` field) directly: each op is claim, get or release.
        With `parallel`, every op runs on its own thread, all released together by a latch, and, when `startAtMs` (epoch
        ms, wall clock) is given, not before then, so two JVMs can release theirs at the same moment. With `detach` the
        reply comes at once with a `ticket`; claimResults waits for that run's results (the client is synchronous, so a
        test starts a run in each JVM, then collects both)."""
        store = claim_store(self.instances[command["instance"]])
        if store is None:
            raise ValueError("the instance has no claim store (init failed or was not called)")
        ops = command["ops"]
        if not command.get("parallel"):
            return {"results": [run_claim_op(store, op) for op in ops]}
        if len(ops) > MAX_PARALLEL * 5:
            raise ValueError("at most %d parallel claim ops" % (MAX_PARALLEL * 5))
        pool = Executors.newFixedThreadPool(len(ops))
        ready = CountDownLatch(len(ops))
        start = CountDownLatch(1)
        start_at = command.get("startAtMs")
        futures = [pool.submit(ClaimOp(store, op, ready, start, start_at)) for op in ops]
        ready.await()
        start.countDown()
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

    def request_call(self, instance, command):
        """The script call of one request, as Janssen makes it: authenticate on a ROPC context for /token, or the challenge
        endpoint for /authorize-challenge (chosen by the script's type)."""
        client_id = command["clientId"]
        if self.clients is not None and client_id not in self.clients:
            raise ValueError("client %r is not in the world's clients" % client_id)
        client = Client()
        client.setClientId(client_id)
        execution = ExecutionContext()
        execution.setClient(client)
        response = FakeResponse()
        parameters = command.get("parameters", {})
        request = FakeRequest(parameters_map(parameters), string_map(command.get("headers", {})))
        if isinstance(instance, AuthorizationChallengeType):
            execution.setAuthzRequest(authz_request(parameters))
            return ChallengeCall(instance, execution, request, response, command.get("ip"))
        context = ExternalResourceOwnerPasswordCredentialsContext(execution, request, response, command.get("ip"))
        return RopcCall(instance, context, response)

    def cmd_authenticate(self, command):
        call = self.request_call(self.instances[command["instance"]], command)
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

    def cmd_serverSessions(self, command):
        """The server's own auth_session records (id to attributes), to show what the endpoint copied into them."""
        return {"sessions": java_to_json(ServerChallengeSessions.snapshot())}

    def cmd_parallel(self, command):
        """K authenticate requests released together on K real Java threads (a fixed pool and a start gate), as Janssen's
        request threads would run them; each answer carries its own headers, user, SMS and Verify records, and logs."""
        requests = command["requests"]
        if not 1 <= len(requests) <= MAX_PARALLEL:
            raise ValueError("parallel takes 1 to %d requests, got %d" % (MAX_PARALLEL, len(requests)))
        timeout_ms = long(command.get("timeoutMs", 60000))
        World.beginRequest()
        self.parallel_count += 1
        router = RequestRoutedCapture()
        ready = CountDownLatch(len(requests))
        start = CountDownLatch(1)
        prepared = []
        for index, request in enumerate(requests):
            call = self.request_call(self.instances[request["instance"]], request)
            request_id = "parallel%d-request%d" % (self.parallel_count, index + 1)
            task = ParallelRequest(request_id, call, router, ready, start)
            prepared.append((request_id, call, task))
        pool = Executors.newFixedThreadPool(len(requests))
        saved = sys.stdout
        sys.stdout = router
        try:
            futures = [pool.submit(task) for _, _, task in prepared]
            if not ready.await(timeout_ms, TimeUnit.MILLISECONDS):
                raise RuntimeError("the request threads were not ready within %d ms" % timeout_ms)
            released = JavaSystem.nanoTime()
            start.countDown()
            outcomes = [future.get(timeout_ms, TimeUnit.MILLISECONDS) for future in futures]
            elapsed_ms = (JavaSystem.nanoTime() - released) / 1000000.0
        finally:
            sys.stdout = saved
            start.countDown()
            pool.shutdownNow()
        results = []
        for (request_id, call, _), outcome in zip(prepared, outcomes):
            outcome = call.finish(outcome)
            outcome["sms"] = java_to_json(Outbox.drainSmsOf(request_id))
            outcome["verify"] = java_to_json(Outbox.drainVerifyOf(request_id))
            results.append(outcome)
        unattributed = {
            "sms": java_to_json(Outbox.drainSms()),
            "verify": java_to_json(Outbox.drainVerify()),
            "logs": router.stray.lines(),
        }
        return {"results": results, "unattributed": unattributed, "elapsedMs": elapsed_ms}

    def cmd_advanceClock(self, command):
        Clock.advance(long(command["ms"]))
        return {"nowMs": Clock.now()}

    def cmd_fault(self, command):
        delay = command.get("delayMs")
        Faults.inject(
            command["target"],
            command["effect"],
            command.get("code"),
            command.get("status"),
            command.get("times", 0),
            None if delay is None else long(delay),
            command.get("retryAfter"),
        )
        return {}

    def cmd_snapshotForStaleReads(self, command):
        Cache.snapshotForStaleReads()
        return {}

    def cmd_twilioRequests(self, command):
        """Every HTTP request the fake Twilio API received since the reset (method, host, path, form, username, ...)."""
        return {"requests": java_to_json(TwilioApi.requests())}

    def cmd_worldInfo(self, command):
        """What this process runs: the twilio-java version on the classpath and how the fake Twilio API is reached."""
        return {"twilioVersion": twilio_version(), "fakeTwilio": FakeTwilio.describe(), "java": JavaSystem.getProperty("java.version")}

    def cmd_clearFaults(self, command):
        Faults.clear()
        return {}

    def cmd_cache(self, command):
        entries = {}
        snapshot = Cache.snapshot()
        for key in snapshot.keySet():
            value, ttl = snapshot.get(key)
            entries[key] = {"value": value, "ttlMs": ttl}
        return {"entries": entries, "nowMs": Clock.now()}

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


def use_cache_backend(spec):
    """The world's cache provider: the world's own map (IN_MEMORY) unless the reset names a real server. Its data is
    emptied; the provider itself (and its connections) is kept while the address stays the same."""
    kind = "memory" if spec is None else spec.get("kind", "memory")
    if kind == "memory":
        return
    # Only on the classpath when the test put the backend jars there (src/world/backends.ts).
    from gamatech.backends import Backends
    from gamatech.testkit import CacheBackend
    if kind == "redis":
        Backends.useRedis(spec.get("host", "127.0.0.1"), int(spec["port"]))
        if spec.get("flush", True):
            CacheBackend.selected().clear()
    elif kind == "redisCluster":
        servers = ",".join("%s:%d" % (spec.get("host", "127.0.0.1"), int(port)) for port in spec["ports"])
        Backends.useRedisCluster(servers, int(spec.get("soTimeoutMs", 3000)))
        if spec.get("flush", True):
            Backends.flushRedisCluster()
    elif kind == "memcached":
        Backends.useMemcached(spec.get("host", "127.0.0.1"), int(spec["port"]))
        if spec.get("flush", True):
            CacheBackend.selected().clear()
    elif kind == "database":
        from org.postgresql import Driver as PostgresDriver
        Backends.useDatabase(PostgresDriver(), spec["jdbcUrl"], spec.get("user", "postgres"), spec.get("password"))
        if spec.get("flush", True):
            Backends.sqlEntries().resetTable()
    else:
        raise ValueError("unknown cacheBackend kind %r (memory, redis, redisCluster, memcached, database)" % kind)


def drop_cache_backend():
    """Closes the real cache provider of the last use (Backends keeps one per JVM), as if the JVM had never made one."""
    try:
        from gamatech.backends import Backends
    except ImportError:
        return  # the backends' jars are not on this JVM's classpath
    close = Backends.getDeclaredMethod("close", [])
    close.setAccessible(True)
    close.invoke(None, [])


def live_threads():
    """The threads that keep the JVM running (daemon threads, such as the fake Twilio API's, do not)."""
    return set(thread for thread in JavaThread.getAllStackTraces().keySet() if thread.isAlive() and not thread.isDaemon())


def claim_store(instance):
    """The claim store an initialised instance built at init (both script types keep it in their ScriptCore's setup)."""
    setup = instance.core.setup
    if setup is None:
        raise ValueError("the instance is not initialised: it has no claim store")
    return setup["claims"]


def authz_request(parameters):
    """The AuthzRequest the server parses from a challenge request's parameters (the first value of each)."""
    authz = AuthzRequest()
    for name, setter in AUTHZ_REQUEST_FIELDS:
        value = parameters.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None:
            getattr(authz, setter)(value)
    return authz


def call_script(thunk):
    """Runs script code with its prints captured; any exception, Python or Java, becomes the "raised" outcome."""
    capture = AsciiCapture()
    saved = sys.stdout
    sys.stdout = capture
    try:
        outcome = run_script(thunk)
    finally:
        sys.stdout = saved
    outcome["logs"] = capture.lines()
    return outcome


def run_script(thunk):
    """Script code's result or escaped exception (Python or Java) as an outcome; prints go wherever sys.stdout points."""
    try:
        value = thunk()
        return {"outcome": "returned", "value": value}
    except:
        error = sys.exc_info()[1]
        return {
            "outcome": "raised",
            "exception": {"type": exception_type(error), "message": describe(error), "traceback": traceback.format_exc()},
        }


def exception_type(error):
    if hasattr(error, "getClass"):
        return error.getClass().getName()
    return type(error).__name__


def describe(error):
    if hasattr(error, "getMessage"):
        return unicode(error.getMessage())
    return unicode(error)


def twilio_version():
    """The twilio-java version on the classpath, from its jar's manifest or its pom properties."""
    from com.twilio import Twilio

    version = Twilio.getPackage().getImplementationVersion()
    if version is None:
        stream = Twilio.getClassLoader().getResourceAsStream("META-INF/maven/com.twilio.sdk/twilio/pom.properties")
        if stream is not None:
            from java.util import Properties

            properties = Properties()
            properties.load(stream)
            version = properties.getProperty("version")
    return version


def start_fake_twilio():
    """The fake Twilio API and its proxy, from the system properties the Node side gives the JVM (see JythonScriptHost)."""
    keystore = JavaSystem.getProperty("gamatech.twilio.keystore")
    if keystore is None:
        raise ValueError("gamatech.twilio.keystore is not set: start the driver through JythonScriptHost")
    return FakeTwilio.start(
        keystore,
        JavaSystem.getProperty("gamatech.twilio.keystorePassword"),
        JavaSystem.getProperty("gamatech.twilio.directAddress"),
    )


def warm_up_twilio():
    """One SMS through the SDK before the first command: loading its classes, Jackson and TLS takes seconds in a cold JVM,
    which would otherwise count against the first test's Twilio timeout. The fake's records are cleared afterwards."""
    from com.twilio.http import TwilioRestClient
    from com.twilio.rest.api.v2010.account import Message
    from com.twilio.type import PhoneNumber

    account = "AC" + "0" * 32
    client = TwilioRestClient.Builder(account, "warm-up").accountSid(account).build()
    Message.creator(PhoneNumber("+15005550006"), PhoneNumber("+15005550006"), "warm-up").create(client)
    World.reset(0, 0)


def add_user(user):
    attributes = HashMap()
    for name, values in user.get("attributes", {}).items():
        attributes.put(name, java_list(values))
    if "uid" in attributes:
        raise ValueError("give the uid as the user's uid field, not as an attribute")
    attributes.put("uid", java_list(user["uid"]))
    status = user.get("status", "active")
    if status is not None:
        if "jansStatus" in attributes:
            raise ValueError("give jansStatus as the user's status field, not as an attribute")
        attributes.put("jansStatus", java_list(status))
    dn = user.get("dn", "inum=%s,ou=people,o=jans" % user["uid"])
    Directory.addUser(dn, user.get("password"), attributes)


def java_list(values):
    result = ArrayList()
    for value in values if isinstance(values, list) else [values]:
        result.add(value)
    return result


def properties_map(properties):
    attributes = HashMap()
    for name, value in properties.items():
        attributes.put(name, SimpleCustomProperty(name, value))
    return attributes


def parameters_map(parameters):
    result = HashMap()
    for name, values in parameters.items():
        result.put(name, jarray.array(values if isinstance(values, list) else [values], JavaString))
    return result


def string_map(values):
    """Header name -> value; a list stands for a header sent on several lines (FakeRequest.getHeaders gives each)."""
    result = HashMap()
    for name, value in values.items():
        result.put(name, jarray.array(value, JavaString) if isinstance(value, list) else value)
    return result


# Jackson, which every twilio-java line depends on, reads a command in a few milliseconds where Python's json takes most
# of a second for a 1 MiB value written with escapes (the hostile corpus's control characters and non-ASCII text).
COMMAND_READER = ObjectMapper()


def parse_command(line):
    return java_to_json(COMMAND_READER.readValue(line, JavaObject))


def java_to_json(value):
    if hasattr(value, "keySet"):
        return dict((key, java_to_json(value.get(key))) for key in value.keySet())
    if hasattr(value, "iterator") or isinstance(value, list):
        return [java_to_json(item) for item in value]
    return value


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
