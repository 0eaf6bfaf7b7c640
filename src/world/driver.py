# Long-lived Jython side of the script harness: loads ROPC scripts and drives them against the Java doubles.
# Protocol: one JSON command per stdin line; one reply per command on stdout, prefixed with REPLY_PREFIX so stray output
# (a Java double or a script writing to the real stdout) can never be mistaken for a reply. See JythonScriptHost.ts.
import __builtin__
import imp
import json
import sys
import traceback

import jarray
from java.io import File
from java.lang import String as JavaString
from java.lang import System as JavaSystem
from java.net import URL
from java.util import ArrayList, HashMap

from gamatech.testkit import Cache, ChildFirstClassLoader, Clock, Directory, Faults, FakeRequest, FakeResponse
from gamatech.testkit import Outbox, ScriptCalls, World
from io.jans.as.common.model.registration import Client
from io.jans.as.server.model.common import ExecutionContext
from io.jans.as.server.service.external.context import ExternalResourceOwnerPasswordCredentialsContext
from io.jans.model import SimpleCustomProperty
from io.jans.model.custom.script.model import CustomScript
from io.jans.model.custom.script.type.owner import ResourceOwnerPasswordCredentialsType

REPLY_PREFIX = "@@gamatech-driver@@ "
MODULE_PREFIX = "gamatech_loaded_"
HTTPCLIENT4_PACKAGE = "org.apache.http"
VERIFY_PACKAGE = "com.twilio.rest.verify.v2.service"
VERIFY_CHECK_CLASS = VERIFY_PACKAGE + ".VerificationCheck"


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


class Driver(object):
    def __init__(self, shape_jars):
        self.shape_classes = dict((shape, load_shape(path)) for shape, path in shape_jars.items())
        self.shape = "7"
        self.system = ControlledSystem()
        self.modules = {}
        self.instances = {}
        self.clients = None
        self.real_import = __builtin__.__import__
        __builtin__.__import__ = self.import_for_scripts
        World.reset(0, 0)

    # Every import in a loaded script goes through here, so the script meets the test clock and the current Twilio shape
    # (its VerificationCheck, and no Apache HttpClient 4 under 12.x) even when it imports inside a function.
    def import_for_scripts(self, name, globals=None, locals=None, fromlist=None, level=-1):
        if not (globals or {}).get("__name__", "").startswith(MODULE_PREFIX):
            return self.real_import(name, globals, locals, fromlist, level)
        if self.shape == "12" and (name + ".").startswith(HTTPCLIENT4_PACKAGE + "."):
            raise ImportError("No module named %s (twilio-java 11 and later bundle Apache HttpClient 5)" % name)
        module = self.real_import(name, globals, locals, fromlist, level)
        if not fromlist:
            return module
        if name == "java.lang":
            return PackageOverlay(module, {"System": self.system})
        if name == VERIFY_PACKAGE:
            return PackageOverlay(module, {"VerificationCheck": self.shape_classes[self.shape]})
        return module

    def rebind_shape(self):
        """A script that imported VerificationCheck at load time keeps the old class: swap it for the current shape's."""
        current = self.shape_classes[self.shape]
        others = [cls for shape, cls in self.shape_classes.items() if shape != self.shape]
        for module in self.modules.values():
            for name, value in list(vars(module).items()):
                if any(value is cls for cls in others):
                    setattr(module, name, current)

    def cmd_reset(self, command):
        shape = command.get("twilioShape", "7")
        if shape not in self.shape_classes:
            raise ValueError("unknown twilioShape %r; known: %s" % (shape, sorted(self.shape_classes)))
        World.reset(long(command.get("clockMs", 1767225600000)), long(command.get("seed", 1)))
        Directory.setValuesIgnoreCase(command.get("valuesIgnoreCase", True))
        for user in command.get("users", []):
            add_user(user)
        for fault in command.get("faults", []):
            self.cmd_fault(fault)
        self.clients = command.get("clients")
        self.shape = shape
        self.rebind_shape()
        return {}

    def cmd_load(self, command):
        handle = "script%d" % (len(self.modules) + 1)
        outcome = call_script(lambda: imp.load_source(MODULE_PREFIX + handle, command["path"]))
        if outcome["outcome"] == "returned":
            self.modules[handle] = outcome.pop("value")
            outcome["script"] = handle
        return outcome

    def cmd_create(self, command):
        module = self.modules[command["script"]]
        outcome = call_script(lambda: module.ResourceOwnerPasswordCredentials(Clock.now()))
        if outcome["outcome"] == "returned":
            instance = outcome.pop("value")
            if not isinstance(instance, ResourceOwnerPasswordCredentialsType):
                raise ValueError("ResourceOwnerPasswordCredentials must subclass ResourceOwnerPasswordCredentialsType")
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
        instance = self.instances[command["instance"]]
        client_id = command["clientId"]
        if self.clients is not None and client_id not in self.clients:
            raise ValueError("client %r is not in the world's clients" % client_id)
        client = Client()
        client.setClientId(client_id)
        execution = ExecutionContext()
        execution.setClient(client)
        response = FakeResponse()
        request = FakeRequest(parameters_map(command.get("parameters", {})), string_map(command.get("headers", {})))
        context = ExternalResourceOwnerPasswordCredentialsContext(execution, request, response, command.get("ip"))
        World.beginRequest()
        if command.get("staleReads"):
            Cache.beginStaleReads()
        try:
            outcome = call_script(lambda: ScriptCalls.authenticate(instance, context))
        finally:
            if command.get("staleReads"):
                Cache.endStaleReads()
        user = context.getUser()
        outcome["headers"] = java_to_json(response.getHeaders())
        outcome["user"] = None if user is None else {"userId": user.getUserId(), "dn": user.getDn()}
        outcome["sms"] = java_to_json(Outbox.drainSms())
        outcome["verify"] = java_to_json(Outbox.drainVerify())
        return outcome

    def cmd_advanceClock(self, command):
        Clock.advance(long(command["ms"]))
        return {"nowMs": Clock.now()}

    def cmd_fault(self, command):
        Faults.inject(command["target"], command["effect"], command.get("code"), command.get("status"), command.get("times", 0))
        return {}

    def cmd_snapshotForStaleReads(self, command):
        Cache.snapshotForStaleReads()
        return {}

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
            command = json.loads(line)
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


def call_script(thunk):
    """Runs script code with its prints captured; any exception, Python or Java, becomes the "raised" outcome."""
    capture = AsciiCapture()
    saved = sys.stdout
    sys.stdout = capture
    try:
        value = thunk()
        outcome = {"outcome": "returned", "value": value}
    except:
        error = sys.exc_info()[1]
        outcome = {
            "outcome": "raised",
            "exception": {"type": exception_type(error), "message": describe(error), "traceback": traceback.format_exc()},
        }
    finally:
        sys.stdout = saved
    outcome["logs"] = capture.lines()
    return outcome


def exception_type(error):
    if hasattr(error, "getClass"):
        return error.getClass().getName()
    return type(error).__name__


def describe(error):
    if hasattr(error, "getMessage"):
        return unicode(error.getMessage())
    return unicode(error)


def load_shape(path):
    """The VerificationCheck of one Twilio shape jar, loaded beside (not over) the shared doubles."""
    loader = ChildFirstClassLoader(jarray.array([File(path).toURI().toURL()], URL), ChildFirstClassLoader.sharedLoader())
    return loader.loadClass(VERIFY_CHECK_CLASS)


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
    result = HashMap()
    for name, value in values.items():
        result.put(name, value)
    return result


def java_to_json(value):
    if hasattr(value, "keySet"):
        return dict((key, java_to_json(value.get(key))) for key in value.keySet())
    if hasattr(value, "iterator") or isinstance(value, list):
        return [java_to_json(item) for item in value]
    return value


def main():
    shape_jars = dict(argument.split("=", 1) for argument in sys.argv[1:])
    protocol_out = sys.stdout
    Driver(shape_jars).serve(sys.stdin, protocol_out)
    protocol_out.flush()
    # A script's worker threads (its Twilio call pool) would keep the JVM alive after the last command.
    JavaSystem.exit(0)


if __name__ == "__main__":
    main()
