# Measures how long a Twilio send holds the caller and its worker thread when Twilio cannot be reached, on the real
# twilio-java jars on the classpath. The SDK's traffic goes through the JVM's HTTPS proxy properties (which every line's
# client honours) to a local port that either refuses connections, accepts and never answers, or never accepts (a full
# backlog: the connect hangs as for a black-holed address).
#
# Usage: echo "SCRIPT.py TIMEOUT_SECONDS CASE..." | jython -Dpython.path=JARS:STUBS twilio-timeouts.py
# Prints one "RESULT {json}" line per case.
import imp
import json
import sys
import threading
import time

from java.lang import System
from java.net import InetSocketAddress, ServerSocket, Socket

args = sys.stdin.readline().split()
module = imp.load_source("GamatechRopc", args[0])
timeout_seconds = int(args[1])
cases = args[2:]


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

config = {
    "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
    "twilioAuthToken": "auth-token-never-logged-4242",
    "twilioApiKeySid": None,
    "twilioApiKeySecret": None,
    "twilioTimeoutSeconds": timeout_seconds,
}

from com.twilio.rest.api.v2010.account import Message
from com.twilio.type import PhoneNumber

for case in cases:
    port = PORTS[case]()
    System.setProperty("https.proxyHost", "127.0.0.1")
    System.setProperty("https.proxyPort", str(port))
    gateway = module.TwilioGateway(config)
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
    sys.stdout.write("RESULT " + json.dumps({
        "case": case,
        "http": gateway.describeHttp(),
        "callerSeconds": round(caller, 2),
        "workerSeconds": None if worker_seconds is None else round(worker_seconds, 2),
        "failed": answer["failed"],
        "attempted": answer["attempted"],
    }) + "\n")
    sys.stdout.flush()
