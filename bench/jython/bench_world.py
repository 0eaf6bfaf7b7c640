# The world both benchmark drivers share: the test world of src/world/driver.py (Janssen model classes and service doubles,
# the real twilio-java SDK over HTTPS to the fake Twilio API) plus the bench-only doubles the 2FA sample needs
# (bench/jython/java: SessionIdService, Identity, StringHelper, Constants), and the login of each subject as a client
# makes it. Our script and the sample are loaded into the same process, with the same users, properties and doubles.
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "world"))

import driver
from java_values import parameters_map, properties_map, string_map
from twilio_setup import start_fake_twilio
from gamatech.testkit import Beans, Clock, FakeRequest, FakeResponse, Outbox, ScriptCalls, World
from io.jans.as.common.model.registration import Client
from io.jans.as.server.model.common import ExecutionContext
from io.jans.as.server.security import Identity
from io.jans.as.server.service import SessionIdService
from io.jans.as.server.service.external.context import ExternalResourceOwnerPasswordCredentialsContext

RESULT_PREFIX = "@@gamatech-bench@@ "
# An hour and a second of the world's clock: every hourly send and failure slot is free again.
HOUR_MS = 3601 * 1000
CLIENT_ID = "bench-client"
HEADER = "X-ROPC-TWO-FA"
STEPS = ("start", "code", "password")
# The users of the sequential benches. Each login sends one SMS to its user; with USERS users and LOGINS_PER_HOUR logins of a
# subject per simulated hour, no user comes near the hourly send cap (set to its maximum), so no login is refused and
# every one takes the real path.
USERS = 20
LOGINS_PER_HOUR = 1000
CODE = re.compile(r"\b(\d{6})\b")

PROPERTIES = {
    "twilio_account_sid": "AC" + "0123456789abcdef" * 2,
    "twilio_auth_token": "bench-auth-token-not-a-secret",
    "twilio_from_number": "+15005550006",
    "otp_hash_key": "bench-hash-key-of-at-least-thirty-two-characters",
    "max_sends_per_user_per_hour": "100",
    "max_sends_per_ip_per_hour": "0",
}


class Sink(object):
    """Drops the scripts' log lines: writing them is the server's logging cost, not the script's."""

    def write(self, text):
        pass

    def flush(self):
        pass


class BenchWorld(object):
    """Both subjects loaded in one world; `identity` is the request-scoped Identity the sample asks for its client."""

    def __init__(self, ours_path, sample_path, user_count):
        start_fake_twilio()
        self.harness = driver.Driver()
        self.people = users(user_count)
        self.harness.cmd_reset({"users": self.people})
        self.identity = Identity()
        Beans.register(Identity, self.identity)
        Beans.register(SessionIdService, SessionIdService())
        self.client = Client()
        self.client.setClientId(CLIENT_ID)
        self.instances = {"ours": self.start(ours_path), "sample": self.start(sample_path)}
        self.logins = {"ours": login_ours, "sample": login_sample}

    def start(self, script_path):
        loaded = self.harness.cmd_load({"path": script_path})
        expect(loaded["outcome"] == "returned", "loading %s" % script_path, loaded)
        created = self.harness.cmd_create({"script": loaded["script"]})
        expect(created["outcome"] == "returned", "creating the instance", created)
        inited = self.harness.cmd_init({"instance": created["instance"], "properties": PROPERTIES})
        expect(inited.get("value") is True, "init of %s" % script_path, inited)
        return self.harness.instances[created["instance"]]

    def nth_login(self, subject, n, timer):
        """The n-th sequential login of `subject`: user and address by n, an hour passing every LOGINS_PER_HOUR logins."""
        if n % LOGINS_PER_HOUR == 0:
            Clock.advance(HOUR_MS)
        return self.login(subject, self.people[n % len(self.people)], "198.51.100.%d" % (n % 250 + 1), timer)

    def login(self, subject, user, ip, timer, request_id=None):
        """One successful login of `subject`; `timer(thunk)` runs each authenticate call and returns (figures, value)."""
        return self.logins[subject](self, self.instances[subject], user, ip, timer, request_id)

    def call(self, instance, parameters, ip, timer, request_id):
        """One authenticate call as Janssen makes it; returns (figures, value, header, context)."""
        execution = ExecutionContext()
        execution.setClient(self.client)
        response = FakeResponse()
        http = FakeRequest(parameters_map(parameters), string_map({}))
        context = ExternalResourceOwnerPasswordCredentialsContext(execution, http, response, ip)
        self.identity.serve(self.client)
        if request_id is None:
            World.beginRequest()
        figures, value = timer(lambda: ScriptCalls.authenticate(instance, context))
        return figures, value, response.getHeaders().get(HEADER), context

    def sent_code(self, request_id):
        sent = Outbox.drainSms() if request_id is None else Outbox.drainSmsOf(request_id)
        expect(sent.size() == 1, "the code's SMS", sent)
        return CODE.search(sent.get(0).get("body")).group(1)

    def stop(self):
        # destroy stops our script's worker threads, which would otherwise keep the JVM alive for their idle timeout.
        for instance in self.instances.values():
            ScriptCalls.destroy(instance, properties_map(PROPERTIES))


def login_ours(world, instance, user, ip, timer, request_id):
    username = user["uid"]
    start, value, header, _ = world.call(instance, {"__step": "1", "username": username}, ip, timer, request_id)
    expect(not value and header_field(header, "step") == "2", "our start", header)
    session = header_field(header, "session_id")
    code = world.sent_code(request_id)
    params = {"__step": "2", "__session_id": session, "username": username, "password": code}
    checked, value, header, _ = world.call(instance, params, ip, timer, request_id)
    expect(not value and header_field(header, "step") == "3", "our code check", header)
    params = {"__step": "3", "__session_id": session, "username": username, "password": user["password"]}
    granted, value, header, context = world.call(instance, params, ip, timer, request_id)
    expect(value and context.getUser() is not None, "our password check", header)
    return {"start": start, "code": checked, "password": granted}


def login_sample(world, instance, user, ip, timer, request_id):
    username = user["uid"]
    start, value, header, _ = world.call(instance, {"__step": "1", "username": username}, ip, timer, request_id)
    expect(not value and header_field(header, "status") == "proceed", "the sample's start", header)
    session = header_field(header, "session_id")
    code = world.sent_code(request_id)
    params = {"__step": "2", "__session_id": session, "username": username, "password": code}
    checked, value, header, _ = world.call(instance, params, ip, timer, request_id)
    expect(not value and header_field(header, "status") == "proceed", "the sample's code check", header)
    params = {"__step": "3", "__session_id": session, "username": username, "password": user["password"]}
    granted, value, header, context = world.call(instance, params, ip, timer, request_id)
    expect(value and context.getUser() is not None, "the sample's password check", header)
    return {"start": start, "code": checked, "password": granted}


def users(count):
    return [
        {"uid": "bench%03d" % n, "password": "pw-%03d-correct" % n, "attributes": {"mobile": "+491511234%04d" % n}}
        for n in range(count)
    ]


def header_field(header, name):
    for part in (header or "").split(";"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


def process_cpu_ns():
    """CPU time of every thread of this JVM so far (utime + stime of /proc/self/stat, in USER_HZ = 100 ticks a second)."""
    with open("/proc/self/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 10000000


# What each kind of thread of this JVM is, from its name (/proc/self/task/N/comm, the first 15 characters of the Java name).
THREAD_GROUPS = (
    ("fake-twilio", "the fake Twilio API (its TLS included)"),
    ("bench-client", "request threads (the script, and the sample's SMS)"),
    ("pool-", "our script's Twilio workers"),
    ("C1 CompilerThre", "JIT"),
    ("C2 CompilerThre", "JIT"),
    ("GC", "garbage collector"),
    ("G1", "garbage collector"),
    ("VM Thread", "garbage collector"),  # the safepoints the collector stops the threads at
)


def thread_group(name):
    for prefix, group in THREAD_GROUPS:
        if name.startswith(prefix):
            return group
    return "other"


def thread_cpu_ns():
    """CPU time so far of every live thread of this JVM: thread id to (THREAD_GROUPS group, nanoseconds)."""
    threads = {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open("/proc/self/task/%s/comm" % task) as comm:
                name = comm.read().strip()
            with open("/proc/self/task/%s/stat" % task) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except IOError:
            continue  # the thread ended meanwhile
        threads[task] = (thread_group(name), (int(fields[11]) + int(fields[12])) * 10000000)
    return threads


def thread_cpu_between(before, after):
    """The CPU time each group's threads took from `before` to `after` (thread_cpu_ns); threads that ended are not in it."""
    groups = {}
    for task, (group, ns) in after.items():
        groups[group] = groups.get(group, 0) + ns - before.get(task, (group, 0))[1]
    return groups


def expect(condition, what, detail):
    if not condition:
        raise AssertionError("%s did not go as a successful login would: %r" % (what, detail))
