# Runs the built script on a classpath of real jars only: a twilio-java line from Maven Central with its declared
# dependencies, Janssen's model jar (../shared/vendor/janssen) and the JDK. The Janssen services that no jar has
# (CacheService, CdiUtil, ...) are empty classes compiled by the test from their names in SIGNATURES.md; CdiUtil.bean
# throws as the real one does without a bean. Nothing else is stubbed. One JVM per twilio-java line does it all:
#
# 1. probe: which of the given classes `from package import Class` cannot import (the script's module-level imports);
# 2. load and init: the script loaded as Janssen loads it, and init with each sender;
# 3. measure: how long a send holds the caller and its worker thread when Twilio cannot be reached. The SDK's traffic goes
#    through the JVM's HTTPS proxy properties (which every line's client honours) to a local port that refuses
#    connections ("refused"), accepts and never answers ("silent"), or never accepts ("blackhole": a full backlog, as a
#    black-holed address); "overflow:N" releases N concurrent calls that hold
#    their worker until all have started or been refused (the worker pool's size, without the network); "fake:STATUS:MS:N"
#    sends N at once through the real SDK to a fake Twilio over TLS that answers STATUS after MS milliseconds.
#
# Usage: echo '{"script": PATH, "className": NAME, "probe": [...], "timeoutSeconds": 2, "cases": [...]}' |
#   jython -Dpython.path=... real-sdk.py
# className is the script's class (default ResourceOwnerPasswordCredentials).
# Prints one "RESULT {json}" line per check.
import imp
import json
import os
import sys
import threading
import time

from java.lang import System
from java.net import InetSocketAddress, ServerSocket, Socket
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
    sys.__stdout__.flush()


def properties(values):
    found = HashMap()
    for name, value in values.items():
        found.put(name, SimpleCustomProperty(name, value))
    return found


def probe(names):
    missing = []
    for name in names:
        package, cls = name.rsplit(".", 1)
        try:
            exec "from %s import %s" % (package, cls) in {}
        except ImportError:
            missing.append(name)
    report("probe", missing=missing)


def load_and_init(path, class_name):
    try:
        module = imp.load_source(os.path.splitext(os.path.basename(path))[0], path)
    except BaseException as error:
        report("load", ok=False, error=repr(error))
        return None
    report("load", ok=True, verifyImported=module.Verification is not None)
    from com.twilio import Twilio
    for sender in sorted(SENDERS):
        values = dict(ACCOUNT)
        values.update(SENDERS[sender])
        script = getattr(module, class_name)(0)
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
    return module


def silent_server():
    """Accepts every connection, reads nothing back and never answers."""
    server = ServerSocket(0, 50)
    held = []

    def accept():
        while True:
            held.append(server.accept())

    thread = threading.Thread(target=accept)
    thread.daemon = True
    thread.start()
    return server.getLocalPort()


def closed_port():
    server = ServerSocket(0)
    port = server.getLocalPort()
    server.close()
    return port


def full_backlog():
    """A listening socket that never accepts, its queue filled: further connects get no SYN-ACK."""
    server = ServerSocket()
    server.bind(InetSocketAddress("127.0.0.1", 0), 1)
    port = server.getLocalPort()
    fillers = []
    for _ in range(8):
        socket = Socket()
        try:
            socket.connect(InetSocketAddress("127.0.0.1", port), 300)
            fillers.append(socket)
        except:
            break
    full_backlog.keep = (server, fillers)
    return port


PORTS = {"silent": silent_server, "refused": closed_port, "blackhole": full_backlog}

def config_for(timeout_seconds):
    return {
        "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
        "twilioAuthToken": "auth-token-never-logged-4242",
        "twilioApiKeySid": None,
        "twilioApiKeySecret": None,
        "twilioTimeoutSeconds": timeout_seconds,
    }


def overflow(module, count):
    """count calls released together whose work holds its worker until every call has started or been refused, so that
    exactly the pool's size run at once whatever the machine's load; twilio_timeout_seconds 10."""
    gateway = module.TwilioGateway(config_for(10))
    start = threading.Event()
    release = threading.Event()
    answers = []
    lock = threading.Lock()
    running = [0]

    def hold():
        with lock:
            running[0] += 1
        release.wait(8)
        return "sent"

    def one():
        start.wait()
        answer = gateway.call(hold)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    start.set()
    deadline = time.time() + 8
    while time.time() < deadline:
        with lock:
            refused = len([a for a in answers if not a["attempted"]])
            if running[0] + refused >= count:
                break
        time.sleep(0.02)
    release.set()
    for thread in threads:
        thread.join()
    gateway.shutdown()
    return {
        "case": "overflow",
        "calls": count,
        "delivered": len([a for a in answers if not a["failed"]]),
        "notAttempted": len([a for a in answers if not a["attempted"]]),
    }


class FakeTwilio(object):
    """A CONNECT proxy that is also Twilio: it accepts the tunnel, speaks TLS as api.twilio.com (a certificate the test
    made and the JVM trusts through javax.net.ssl.trustStore), and answers every request with `status` after `delay_ms`,
    counting the requests. Keep-alive connections are served until the client closes them."""

    def __init__(self, keystore, status, delay_ms):
        from java.io import FileInputStream
        from java.security import KeyStore
        from javax.net.ssl import KeyManagerFactory, SSLContext
        store = KeyStore.getInstance("PKCS12")
        store.load(FileInputStream(keystore), list("changeit"))
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
        keys.init(store, list("changeit"))
        self.context = SSLContext.getInstance("TLS")
        self.context.init(keys.getKeyManagers(), None, None)
        self.status = status
        self.delay = delay_ms / 1000.0
        self.requests = 0
        self.lock = threading.Lock()
        self.server = ServerSocket(0, 512)
        thread = threading.Thread(target=self.accept)
        thread.daemon = True
        thread.start()

    def port(self):
        return self.server.getLocalPort()

    def accept(self):
        while True:
            socket = self.server.accept()
            thread = threading.Thread(target=self.serve, args=(socket,))
            thread.daemon = True
            thread.start()

    def serve(self, socket):
        from java.io import BufferedInputStream
        try:
            plain = socket.getInputStream()  # unbuffered: the TLS handshake follows the CONNECT head
            line = self.read_line(plain)
            while self.read_line(plain) != "":
                pass
            if not line.startswith("CONNECT"):
                return
            socket.getOutputStream().write(bytearray(b"HTTP/1.1 200 Connection established\r\n\r\n"))
            tls = self.context.getSocketFactory().createSocket(socket, None, socket.getPort(), True)
            tls.setUseClientMode(False)
            inp = BufferedInputStream(tls.getInputStream())
            out = tls.getOutputStream()
            while True:
                request = self.read_line(inp)
                if request == "":
                    return
                length = 0
                while True:
                    header = self.read_line(inp)
                    if header == "":
                        break
                    if header.lower().startswith("content-length:"):
                        length = int(header.split(":")[1].strip())
                for _ in range(length):
                    inp.read()
                with self.lock:
                    self.requests += 1
                time.sleep(self.delay)
                if self.status == 201:
                    body = '{"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued"}'
                else:
                    body = '{"code": 20%d, "message": "fake", "more_info": "", "status": %d}' % (self.status, self.status)
                head = "HTTP/1.1 %d Fake\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (
                    self.status, len(body))
                out.write(bytearray((head + body).encode("ascii")))
                out.flush()
        except:
            pass
        finally:
            socket.close()

    def read_line(self, stream):
        chars = []
        while True:
            byte = stream.read()
            if byte < 0:
                return "".join(chars)
            if byte == 10:
                return "".join(chars).rstrip("\r")
            chars.append(chr(byte))


def against_fake(module, keystore, status, delay_ms, count):
    """count sends through the real SDK released together, against a fake Twilio answering `status` after delay_ms, with
    the default twilio_timeout_seconds (10). A warm-up of 40 concurrent sends first (not counted) stands for a server that
    has been running: it compiles the JVM's TLS code and opens the pool's connections, so that the burst measures the
    script and the SDK rather than a cold JVM doing 40 TLS handshakes on both ends at once."""
    timeout_seconds = 10
    from com.twilio.rest.api.v2010.account import Message
    from com.twilio.type import PhoneNumber
    fake = FakeTwilio(keystore, status, delay_ms)
    System.setProperty("javax.net.ssl.trustStore", keystore)
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit")
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12")
    System.setProperty("https.proxyHost", "127.0.0.1")
    System.setProperty("https.proxyPort", str(fake.port()))
    gateway = module.TwilioGateway(config_for(timeout_seconds))
    client = gateway.restClient()
    start = threading.Event()
    answers = []
    lock = threading.Lock()

    def send():
        return Message.creator(PhoneNumber("+15005550006"), PhoneNumber("+15005550001"), "code").create(client).getSid()

    def one():
        start.wait()
        began = time.time()
        answer = gateway.call(send)
        with lock:
            answers.append((answer, time.time() - began))

    warm_up = [threading.Thread(target=gateway.call, args=(send,)) for _ in range(40)]
    for thread in warm_up:
        thread.start()
    for thread in warm_up:
        thread.join()
    with fake.lock:
        fake.requests = 0
    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()
    gateway.shutdown()
    return {
        "case": "fake:%d:%d:%d" % (status, delay_ms, count),
        "requests": fake.requests,
        "delivered": len([a for a, _ in answers if not a["failed"]]),
        "notAttempted": len([a for a, _ in answers if not a["attempted"]]),
        "errorCodes": sorted(set(a["errorCode"] for a, _ in answers if a["errorCode"] is not None)),
        "slowestSeconds": round(max(seconds for _, seconds in answers), 2),
    }


def measure(module, timeout_seconds, cases, keystore):
    from com.twilio.rest.api.v2010.account import Message
    from com.twilio.type import PhoneNumber

    for case in cases:
        if case.startswith("fake:"):
            _, status, delay_ms, count = case.split(":")
            report("measure", **against_fake(module, keystore, int(status), int(delay_ms), int(count)))
            continue
        if case.startswith("overflow:"):
            report("measure", **overflow(module, int(case.split(":")[1])))
            continue
        port = PORTS[case]()
        System.setProperty("https.proxyHost", "127.0.0.1")
        System.setProperty("https.proxyPort", str(port))
        gateway = module.TwilioGateway(config_for(timeout_seconds))
        client = gateway.restClient()
        worker = {}

        def work():
            worker["start"] = time.time()
            try:
                return Message.creator(PhoneNumber("+15005550006"), PhoneNumber("+15005550001"), "code").create(client)
            finally:
                worker["end"] = time.time()

        started = time.time()
        answer = gateway.call(work)
        caller = time.time() - started
        deadline = time.time() + 3 * timeout_seconds + 35
        while "end" not in worker and time.time() < deadline:
            time.sleep(0.05)
        worker_seconds = worker["end"] - worker["start"] if "end" in worker else None
        gateway.shutdown()
        report(
            "measure",
            case=case,
            http=gateway.describeHttp(),
            callerSeconds=round(caller, 2),
            workerSeconds=None if worker_seconds is None else round(worker_seconds, 2),
            failed=answer["failed"],
            attempted=answer["attempted"],
        )


def account_status(module):
    """isActive on Janssen's real User (getStatus, the ORM's shape) and on an older model without getStatus."""
    from java.util import ArrayList
    from io.jans.as.common.model.common import User
    from io.jans.model import GluuStatus
    from io.jans.orm.model.base import CustomObjectAttribute

    def current(status):
        user = User()
        user.setUserId("alice")
        user.setStatus(status)
        user.setCustomAttributes(ArrayList([CustomObjectAttribute("mobile", "+15550001")]))
        return module.isActive(user)

    class OlderUser(object):
        def __init__(self, status):
            self.status = status

        def getAttributeValues(self, name):
            return ArrayList([self.status]) if name == "jansStatus" and self.status is not None else None

    report("status", current={"active": current(GluuStatus.ACTIVE), "inactive": current(GluuStatus.INACTIVE),
                              "none": current(None)},
           older={"active": module.isActive(OlderUser("active")), "inactive": module.isActive(OlderUser("inactive")),
                  "none": module.isActive(OlderUser(None))})


command = json.loads(sys.stdin.readline())
probe(command.get("probe", []))
loaded = load_and_init(command["script"], command.get("className", "ResourceOwnerPasswordCredentials"))
if loaded is not None:
    account_status(loaded)
    measure(loaded, command.get("timeoutSeconds", 2), command.get("cases", []), command.get("keystore"))
# The gateways' idle worker threads would keep the JVM alive for a minute: exit now.
sys.stdout.flush()
System.exit(0)
