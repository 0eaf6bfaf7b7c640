# Loaded by test/host/challenge-script.test.ts after dist/GamatechAuthzChallenge.py: an Authorization Challenge script that
# calls the hooks the endpoint does not report (prepareAuthzRequest, getAuthenticationMethodClaims) on an instance of the
# loaded challenge script, with the endpoint's own context, and answers what they did as a stored body (HTTP 299).
import json
import os
import sys
from java.util import Map
from io.jans.model.custom.script.type.authzchallenge import AuthorizationChallengeType

def challenge_class():
    for module in list(sys.modules.values()):
        if os.path.basename(getattr(module, "__file__", None) or "").startswith("GamatechAuthzChallenge"):
            return module.AuthorizationChallenge
    raise RuntimeError("the challenge script is not loaded")

class AuthorizationChallenge(AuthorizationChallengeType):
    def __init__(self, now):
        self.inner = challenge_class()(now)
    def init(self, script, attributes):
        return self.inner.init(script, attributes)
    def destroy(self, attributes):
        return self.inner.destroy(attributes)
    def getApiVersion(self):
        return 11
    def prepareAuthzRequest(self, context):
        return None
    def getAuthenticationMethodClaims(self, context):
        return None
    def authorize(self, context):
        authz = context.getAuthzRequest()
        session = authz.getAuthorizationChallengeSessionObject()
        prepared = self.inner.prepareAuthzRequest(context)
        claims = self.inner.getAuthenticationMethodClaims(context)
        facts = {
            "prepared": repr(prepared),
            "sessionKept": authz.getAuthorizationChallengeSessionObject() is session,
            "stored": context.getWebApplicationException() is not None,
            "user": context.getExecutionContext().getUser() is not None,
            "claimsIsMap": isinstance(claims, Map),
            "claims": dict(claims) if isinstance(claims, Map) else repr(claims),
        }
        context.createWebApplicationException(299, json.dumps(facts))
        return False
