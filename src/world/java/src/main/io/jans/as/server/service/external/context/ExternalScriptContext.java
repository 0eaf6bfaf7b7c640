package io.jans.as.server.service.external.context;

import io.jans.as.server.authorize.ws.rs.AuthzRequest;
import io.jans.as.server.model.common.ExecutionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.resteasy.spi.NoLogWebApplicationException;

/**
 * Double of io.jans.as.server.service.external.context.ExternalScriptContext (reference-src). Real: getIpAddress() is
 * request.getRemoteAddr() (or ""), with no X-Forwarded-For handling; here the driver passes the address the test gives,
 * standing for what getRemoteAddr() (or Jetty's forwarded module) would answer. createWebApplicationException stores its
 * answer, which the endpoint throws after the script returns (throwWebApplicationExceptionIfSet), as the real one does.
 */
public class ExternalScriptContext {
    private final ExecutionContext executionContext;
    private final HttpServletRequest httpRequest;
    private final HttpServletResponse httpResponse;
    private final String ipAddress;
    private NoLogWebApplicationException webApplicationException;

    /** The real context derives the IP from the request; the double takes it as given (proxy handling is unverified). */
    public ExternalScriptContext(
            ExecutionContext executionContext,
            HttpServletRequest httpRequest,
            HttpServletResponse httpResponse,
            String ipAddress) {
        this.executionContext = executionContext;
        this.httpRequest = httpRequest;
        this.httpResponse = httpResponse;
        this.ipAddress = ipAddress;
    }

    public ExecutionContext getExecutionContext() {
        return executionContext;
    }

    public AuthzRequest getAuthzRequest() {
        return executionContext != null ? executionContext.getAuthzRequest() : null;
    }

    public HttpServletRequest getHttpRequest() {
        return httpRequest;
    }

    public HttpServletResponse getHttpResponse() {
        return httpResponse;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public NoLogWebApplicationException getWebApplicationException() {
        return webApplicationException;
    }

    public NoLogWebApplicationException createWebApplicationException(int status, String entity) {
        this.webApplicationException = new NoLogWebApplicationException(status, entity);
        return this.webApplicationException;
    }

    public void throwWebApplicationExceptionIfSet() {
        if (webApplicationException != null) {
            throw webApplicationException;
        }
    }
}
