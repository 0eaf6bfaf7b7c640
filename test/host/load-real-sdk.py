# Loads the built script the way Janssen does, on a classpath of real jars only: a twilio-java line from Maven Central
# with its declared dependencies, Janssen's model jar (../shared/vendor/janssen) and the JDK. The Janssen services that no
# jar has (CacheService, CdiUtil, ...) are empty classes compiled by the test from their names in SIGNATURES.md; CdiUtil.bean
# throws as the real one does without a bean. Nothing else is stubbed.
#
# Usage: echo SCRIPT.py | jython -Dpython.path=JARS:STUBS load-real-sdk.py
# Prints one JSON line per check, prefixed with "RESULT ".
import imp
import json
import sys

from java.util import HashMap
from io.jans.model import SimpleCustomProperty

ACCOUNT = {
    "twilio_account_sid": "AC0123456789abcdef0123456789abcdef",
    "twilio_auth_token": "auth-token-never-logged-4242",
}
SENDERS = {
    "sms": {"twilio_from_number": "+15005550006"},
    "messaging_service": {"twilio_messaging_service_sid": "MG0123456789abcdef0123456789abcdef"},
    "verify": {"twilio_verify_service_sid": "VA0123456789abcdef0123456789abcdef"},
}


class Captured(object):
    """stdout while a call runs: the script logs with print."""

    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)

    def flush(self):
        pass


def report(check, **fields):
    fields["check"] = check
    sys.__stdout__.write("RESULT " + json.dumps(fields) + "\n")


def properties(values):
    found = HashMap()
    for name, value in values.items():
        found.put(name, SimpleCustomProperty(name, value))
    return found


def main(path):
    try:
        module = imp.load_source("GamatechRopc", path)
    except BaseException as error:
        report("load", ok=False, error=repr(error))
        return
    report("load", ok=True, verifyImported=module.Verification is not None)
    from com.twilio import Twilio
    for sender in sorted(SENDERS):
        values = dict(ACCOUNT)
        values.update(SENDERS[sender])
        script = module.ResourceOwnerPasswordCredentials(0)
        captured = Captured()
        sys.stdout = captured
        try:
            api = script.getApiVersion()
            initialised = script.init(None, properties(values))
            script.destroy(properties(values))
        finally:
            sys.stdout = sys.__stdout__
        report("init", sender=sender, twilio=Twilio.VERSION, apiVersion=api, initialised=initialised,
               log="".join(captured.lines))


main(sys.stdin.readline().strip())
