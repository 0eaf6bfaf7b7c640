package com.twilio.http;

import org.apache.http.client.config.RequestConfig;

/** Keeps the RequestConfig so the tests can see which timeouts a script asked for. */
public class NetworkHttpClient extends HttpClient {
    private final RequestConfig requestConfig;

    public NetworkHttpClient() {
        this(null);
    }

    public NetworkHttpClient(RequestConfig requestConfig) {
        this.requestConfig = requestConfig;
    }

    public RequestConfig getRequestConfig() {
        return requestConfig;
    }
}
