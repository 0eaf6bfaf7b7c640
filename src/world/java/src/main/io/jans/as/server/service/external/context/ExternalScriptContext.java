package io.jans.as.server.service.external.context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Double of io.jans.as.server.service.external.context.ExternalScriptContext (reference-src). Real: getIpAddress() is
 * request.getRemoteAddr() (or ""), with no X-Forwarded-For handling; here the driver passes the address the test gives,
 * standing for what getRemoteAddr() (or Jetty's forwarded module) would answer.
 */
public class ExternalScriptContext {
    private final HttpServletRequest httpRequest;
    private final HttpServletResponse httpResponse;
    private final String ipAddress;

    /** The real context derives the IP from the request; the double takes it as given (proxy handling is unverified). */
    public ExternalScriptContext(HttpServletRequest httpRequest, HttpServletResponse httpResponse, String ipAddress) {
        this.httpRequest = httpRequest;
        this.httpResponse = httpResponse;
        this.ipAddress = ipAddress;
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
}
