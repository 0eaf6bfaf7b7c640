# One request as Janssen's server makes it of a test's command: the context a ROPC script's authenticate gets at /token,
# or the challenge endpoint around an Authorization Challenge script; and K of them released together on real threads.
import sys

from gamatech.testkit import ChallengeEndpoint, FakeRequest, FakeResponse, Outbox, ScriptCalls, World
from io.jans.as.common.model.registration import Client
from io.jans.as.server.authorize.ws.rs import AuthzRequest
from io.jans.as.server.model.common import ExecutionContext
from io.jans.as.server.service.external.context import ExternalResourceOwnerPasswordCredentialsContext
from io.jans.model.custom.script.type.authzchallenge import AuthorizationChallengeType
from java.lang import System as JavaSystem
from java.util.concurrent import Callable, CountDownLatch, Executors, TimeUnit

from java_values import java_to_json, parameters_map, string_map
from script_io import RequestRoutedCapture, describe, exception_type, run_script

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


def request_call(instance, command, clients):
    """The script call of one request, as Janssen makes it: authenticate on a ROPC context for /token, or the challenge
    endpoint for /authorize-challenge (chosen by the script's type). `clients` are the world's client ids (None: any)."""
    client_id = command["clientId"]
    if clients is not None and client_id not in clients:
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


def run_parallel(calls, run_name, timeout_ms):
    """Runs `calls` released together on their own threads of a fixed pool behind a start gate; each answer carries its
    own headers, user, SMS and Verify records, and logs, attributed through its request id."""
    router = RequestRoutedCapture()
    ready = CountDownLatch(len(calls))
    start = CountDownLatch(1)
    prepared = []
    for index, call in enumerate(calls):
        request_id = "%s-request%d" % (run_name, index + 1)
        prepared.append((request_id, call, ParallelRequest(request_id, call, router, ready, start)))
    pool = Executors.newFixedThreadPool(len(calls))
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
