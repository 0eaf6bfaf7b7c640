# The smallest useful Janssen ROPC script: the password check Janssen would do itself, nothing more.
# It is the harness's first fixture and the floor the generated script is benchmarked against.
from io.jans.as.server.service import AuthenticationService
from io.jans.model.custom.script.type.owner import ResourceOwnerPasswordCredentialsType
from io.jans.service.cdi.util import CdiUtil
from java.lang import Throwable


class ResourceOwnerPasswordCredentials(ResourceOwnerPasswordCredentialsType):
    def __init__(self, currentTimeMillis):
        self.currentTimeMillis = currentTimeMillis

    def init(self, customScript, configurationAttributes):
        print "MinimalRopc. init"
        return True

    def destroy(self, configurationAttributes):
        return True

    def getApiVersion(self):
        return 11

    def authenticate(self, context):
        request = context.getHttpRequest()
        username = request.getParameter("username")
        password = request.getParameter("password")
        if not username or not password:
            print "MinimalRopc. authenticate: username or password missing"
            return False
        try:
            service = CdiUtil.bean(AuthenticationService)
            if not service.authenticate(username, password):
                print "MinimalRopc. authenticate: rejected"
                return False
            context.setUser(service.getAuthenticatedUser())
            return True
        except (Exception, Throwable), error:
            # Java exceptions are not Exceptions in Jython: both bases are needed to keep any of them from escaping.
            print "MinimalRopc. authenticate: %s" % error.__class__.__name__
            return False
