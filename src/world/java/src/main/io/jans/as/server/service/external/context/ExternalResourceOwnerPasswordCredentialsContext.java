package io.jans.as.server.service.external.context;

import io.jans.as.common.model.common.User;
import io.jans.as.server.model.common.ExecutionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Double of ExternalResourceOwnerPasswordCredentialsContext (reference-src): getExecutionContext(), getUser()/setUser().
 * Guessed: nothing; createWebApplicationException is left out because the ROPC caller never throws it.
 */
public class ExternalResourceOwnerPasswordCredentialsContext extends ExternalScriptContext {
    private final ExecutionContext executionContext;
    private User user;

    public ExternalResourceOwnerPasswordCredentialsContext(
            ExecutionContext executionContext,
            HttpServletRequest httpRequest,
            HttpServletResponse httpResponse,
            String ipAddress) {
        super(httpRequest, httpResponse, ipAddress);
        this.executionContext = executionContext;
    }

    public ExecutionContext getExecutionContext() {
        return executionContext;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }
}
