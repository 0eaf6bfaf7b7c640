# The driver's commands on the world around the scripts: its clock, users, clients, faults, cache and the fake Twilio
# API's records. Driver (driver.py) adds the commands that load and call scripts.
from gamatech.testkit import Cache, Clients, Clock, Directory, Faults, Latency, ServerChallengeSessions, World
from gamatech.testkit.twilio import FakeTwilio, TwilioApi
from java.lang import System as JavaSystem
from java.util import HashMap

from cache_backends import use_cache_backend
from java_values import java_list, java_to_json
from twilio_setup import twilio_version

SHAPE_GONE = (
    "twilioShape is gone: the world runs the real twilio-java jars of one version per process; start the host with "
    "twilioVersion (e.g. 12.1.1 for VerificationCheck.creator(service).setCode(code), 7.37.4 for creator(service, code))"
)


class WorldCommands(object):
    """Commands that shape the world; `clients`, the client ids a reset allows (None: any), is read by the requests."""

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

    def cmd_serverSessions(self, command):
        """The server's own auth_session records (id to attributes), to show what the endpoint copied into them."""
        return {"sessions": java_to_json(ServerChallengeSessions.snapshot())}

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
