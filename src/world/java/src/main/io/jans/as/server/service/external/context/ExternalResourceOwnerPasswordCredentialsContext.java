package io.jans.as.server.service.external.context;

import io.jans.as.common.model.common.User;
import io.jans.as.server.model.common.ExecutionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Double of ExternalResourceOwnerPasswordCredentialsContext (reference-src): getExecutionContext(), getUser()/setUser().
 * Guessed: nothing. The ROPC caller never throws a stored createWebApplicationException (the base class has it).
 */
public class ExternalResourceOwnerPasswordCredentialsContext extends ExternalScriptContext {
    private User user;

    public ExternalResourceOwnerPasswordCredentialsContext(
            ExecutionContext executionContext,
            HttpServletRequest httpRequest,
            HttpServletResponse httpResponse,
            String ipAddress) {
        super(executionContext, httpRequest, httpResponse, ipAddress);
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }
}
