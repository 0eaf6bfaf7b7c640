# Times a ROPC script's authenticate calls inside one Jython process, in the test world: Janssen's model classes and
# service doubles, the real twilio-java SDK talking HTTPS to the fake Twilio API (so a send's cost includes the SDK's own).
#   started by bench/jython-steps.ts through worldLaunch: step_bench.py SUBJECT SCRIPT WARMUP ITERATIONS
# SUBJECT is "login" (the three steps of the SMS login) or "password" (one password check, for the hand-written floor).
# Prints one line, RESULT_PREFIX + JSON: nanoseconds per call for each step, and the process's memory.
# World set-up, script loading and the request objects come from src/world/driver.py, so the script meets exactly what
# the test harness gives it; only the ScriptCalls.authenticate call itself is inside the timed region.
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "world"))

import driver
from gamatech.testkit import Clock, FakeRequest, FakeResponse, Outbox, ScriptCalls, World
from io.jans.as.common.model.registration import Client
from io.jans.as.server.model.common import ExecutionContext
from io.jans.as.server.service.external.context import ExternalResourceOwnerPasswordCredentialsContext
from java.lang import System
from java.lang.management import ManagementFactory

RESULT_PREFIX = "@@gamatech-bench@@ "
CLIENT_ID = "bench-client"
HEADER = "X-ROPC-TWO-FA"
USERS = 20
# Each login sends one SMS to its user; with USERS users and this many logins per simulated hour, no user comes near the
# hourly send cap (set to its maximum below), so no iteration is refused with 10010 and every one takes the real path.
LOGINS_PER_HOUR = 1000
HOUR_MS = 3601 * 1000
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
    """Drops the script's log lines: writing them is the server's logging cost, not the script's."""

    def write(self, text):
        pass

    def flush(self):
        pass


def users():
    return [
        {"uid": "bench%02d" % n, "password": "pw-%02d-correct" % n, "attributes": {"mobile": "+491511234%04d" % n}}
        for n in range(USERS)
    ]


def start_instance(harness, script_path):
    harness.cmd_reset({"users": users()})
    loaded = harness.cmd_load({"path": script_path})
    expect(loaded["outcome"] == "returned", "loading the script", loaded)
    created = harness.cmd_create({"script": loaded["script"]})
    expect(created["outcome"] == "returned", "creating the instance", created)
    inited = harness.cmd_init({"instance": created["instance"], "properties": PROPERTIES})
    expect(inited.get("value") is True, "init", inited)
    return harness.instances[created["instance"]]


def request(parameters, ip):
    client = Client()
    client.setClientId(CLIENT_ID)
    execution = ExecutionContext()
    execution.setClient(client)
    response = FakeResponse()
    http = FakeRequest(driver.parameters_map(parameters), driver.string_map({}))
    return ExternalResourceOwnerPasswordCredentialsContext(execution, http, response, ip), response


def timed_call(instance, parameters, ip):
    """One authenticate call as Janssen makes it; returns (nanoseconds, returned value, header, context)."""
    context, response = request(parameters, ip)
    World.beginRequest()
    started = System.nanoTime()
    value = ScriptCalls.authenticate(instance, context)
    elapsed = System.nanoTime() - started
    return elapsed, value, response.getHeaders().get(HEADER), context


def header_field(header, name):
    for part in (header or "").split(";"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


def login(instance, user, ip):
    """The three steps of one successful login; returns their durations, failing loudly on any other outcome."""
    username, password = user["uid"], user["password"]
    start_ns, value, header, _ = timed_call(instance, {"__step": "1", "username": username}, ip)
    expect(not value and header_field(header, "step") == "2", "start", header)
    session = header_field(header, "session_id")
    sent = Outbox.drainSms()
    expect(sent.size() == 1, "the code's SMS", sent)
    code = CODE.search(sent.get(0).get("body")).group(1)
    code_params = {"__step": "2", "__session_id": session, "username": username, "password": code}
    code_ns, value, header, _ = timed_call(instance, code_params, ip)
    expect(not value and header_field(header, "step") == "3", "code check", header)
    password_params = {"__step": "3", "__session_id": session, "username": username, "password": password}
    password_ns, value, header, context = timed_call(instance, password_params, ip)
    expect(value and context.getUser() is not None, "password check", header)
    return {"start": start_ns, "code": code_ns, "password": password_ns}


def password_check(instance, user, ip):
    params = {"username": user["uid"], "password": user["password"]}
    password_ns, value, header, context = timed_call(instance, params, ip)
    expect(value and context.getUser() is not None, "password check", header)
    return {"password": password_ns}


def run(subject, instance, warmup, iterations):
    step = login if subject == "login" else password_check
    people = users()
    samples = {}
    for n in range(warmup + iterations):
        if n % LOGINS_PER_HOUR == 0:
            Clock.advance(HOUR_MS)
        durations = step(instance, people[n % USERS], "198.51.100.%d" % (n % 250 + 1))
        if n >= warmup:
            for name, nanos in durations.items():
                samples.setdefault(name, []).append(nanos)
    return samples


def memory():
    """Peak resident set of this JVM (VmHWM), and the heap still in use after a full collection, in bytes."""
    rss = None
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) * 1024
    # The heap's peak would mostly count garbage not yet collected; what survives a collection is what the script keeps.
    System.gc()
    return rss, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()


def expect(condition, what, detail):
    if not condition:
        raise AssertionError("%s did not go as a successful login would: %r" % (what, detail))


def main():
    subject, script_path, warmup, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    driver.start_fake_twilio()
    harness = driver.Driver()
    saved = sys.stdout
    sys.stdout = Sink()
    try:
        instance = start_instance(harness, script_path)
        samples = run(subject, instance, warmup, iterations)
        # destroy stops the script's worker threads, which would otherwise keep the JVM alive for their idle timeout.
        ScriptCalls.destroy(instance, driver.properties_map(PROPERTIES))
    finally:
        sys.stdout = saved
    rss, heap = memory()
    result = {"samplesNs": samples, "peakRssBytes": rss, "liveHeapBytes": heap}
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
