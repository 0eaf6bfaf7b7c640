package gamatech.testkit;

import io.jans.as.common.model.common.User;
import io.jans.as.common.model.session.AuthorizationChallengeSession;
import io.jans.as.server.authorize.ws.rs.AuthzRequest;
import io.jans.as.server.model.common.ExecutionContext;
import io.jans.as.server.service.external.context.ExternalScriptContext;
import io.jans.model.custom.script.type.authzchallenge.AuthorizationChallengeType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.spi.NoLogWebApplicationException;

/**
 * What Janssen's /authorize-challenge does around the script (AuthorizationChallengeService and
 * ExternalAuthorizationChallengeService, read in Janssen's source): look the auth_session up in the server's own store,
 * call prepareAuthzRequest, call authorize on a new context, copy every request parameter whose key the server record
 * lacks into that record, then send the stored answer, or 401 access_denied for a bare False, or 500 for an exception,
 * or 200 with an authorization code. Guessed: the exact JSON of the server's own errors (its ErrorResponseFactory adds
 * fields such as state); the client, grant-type and scope checks the server makes before the script are left out.
 */
public final class ChallengeEndpoint {
    private ChallengeEndpoint() {}

    /** The HTTP answer, and what the script did to produce it. */
    public static final class Answer {
        public final int status;
        public final String body;
        /** The user the script set on the execution context (the code's user), or null. */
        public final User user;
        /** What authorize returned; false when it raised. */
        public final boolean result;
        /** An exception that escaped prepareAuthzRequest or authorize (the server logs it and answers 500). */
        public final RuntimeException scriptError;

        Answer(int status, String body, User user, boolean result, RuntimeException scriptError) {
            this.status = status;
            this.body = body;
            this.user = user;
            this.result = result;
            this.scriptError = scriptError;
        }
    }

    private static String serverError(String error, String description) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
    }

    public static Answer handle(
            AuthorizationChallengeType script,
            ExecutionContext execution,
            HttpServletRequest request,
            HttpServletResponse response,
            String ipAddress) {
        AuthzRequest authz = execution.getAuthzRequest();
        String sessionId = authz.getAuthorizationChallengeSession();
        if (sessionId != null && !sessionId.trim().isEmpty()) {
            authz.setAuthorizationChallengeSessionObject(ServerChallengeSessions.find(sessionId));
        }
        ExternalScriptContext prepareContext = new ExternalScriptContext(execution, request, response, ipAddress);
        try {
            script.prepareAuthzRequest(prepareContext);
            prepareContext.throwWebApplicationExceptionIfSet();
        } catch (NoLogWebApplicationException stored) {
            return new Answer(stored.getStatus(), stored.getEntity(), null, false, null);
        } catch (RuntimeException e) {
            String body = serverError(
                    "access_denied", "Unable to run 'prepareAuthzRequest' method authorization challenge script.");
            return new Answer(500, body, null, false, e);
        }
        ExternalScriptContext context = new ExternalScriptContext(execution, request, response, ipAddress);
        boolean result;
        try {
            result = script.authorize(context);
            saveRequestParametersInSession(context);
            context.throwWebApplicationExceptionIfSet();
        } catch (NoLogWebApplicationException stored) {
            return new Answer(stored.getStatus(), stored.getEntity(), execution.getUser(), false, null);
        } catch (RuntimeException e) {
            String body = serverError("access_denied", "Unable to run authorization challenge script.");
            return new Answer(500, body, execution.getUser(), false, e);
        }
        if (!result) {
            String body = serverError("access_denied", "Not allowed by authorization challenge script.");
            return new Answer(401, body, execution.getUser(), false, null);
        }
        // The real server issues the code even without a user (it takes new User()): the script must set one.
        String code = UUID.randomUUID().toString();
        return new Answer(200, "{\"authorization_code\":\"" + code + "\"}", execution.getUser(), true, null);
    }

    private static void saveRequestParametersInSession(ExternalScriptContext context) {
        AuthorizationChallengeSession session = context.getAuthzRequest().getAuthorizationChallengeSessionObject();
        if (session == null) {
            return;
        }
        Map<String, String> attributes = session.getAttributes().getAttributes();
        for (Map.Entry<String, String[]> entry : context.getHttpRequest().getParameterMap().entrySet()) {
            String[] values = entry.getValue();
            if (!attributes.containsKey(entry.getKey()) && values != null && values.length > 0) {
                attributes.put(entry.getKey(), values[0]);
            }
        }
    }
}
