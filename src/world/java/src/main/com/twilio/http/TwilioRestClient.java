package com.twilio.http;

import java.util.Map;

/** A private client: credentials and HTTP client are per instance, never the JVM-global Twilio.init ones. */
public class TwilioRestClient {
    private final String username;
    private final String accountSid;
    private final HttpClient httpClient;

    private TwilioRestClient(Builder builder) {
        this.username = builder.username;
        this.accountSid = builder.accountSid != null ? builder.accountSid : builder.username;
        this.httpClient = builder.httpClient != null ? builder.httpClient : new NetworkHttpClient();
    }

    public String getAccountSid() {
        return accountSid;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    /** Adds to an outbox record who sent it and with which timeouts (never the secret). */
    public void describeInto(Map<String, Object> record) {
        record.put("accountSid", accountSid);
        record.put("username", username);
        if (httpClient instanceof NetworkHttpClient && ((NetworkHttpClient) httpClient).getRequestConfig() != null) {
            record.put("connectTimeoutMs", ((NetworkHttpClient) httpClient).getRequestConfig().getConnectTimeout());
            record.put("socketTimeoutMs", ((NetworkHttpClient) httpClient).getRequestConfig().getSocketTimeout());
        }
    }

    public static class Builder {
        private final String username;
        private final String password;
        private String accountSid;
        private HttpClient httpClient;

        /** username/password: an account SID and auth token, or an API key SID and secret (then set accountSid). */
        public Builder(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public Builder accountSid(String accountSid) {
            this.accountSid = accountSid;
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public TwilioRestClient build() {
            // twilio-java only fails on missing credentials when a request is made; the doubles fail at once to be clearer.
            if (username == null || password == null) {
                throw new com.twilio.exception.AuthenticationException("Username and password are required");
            }
            return new TwilioRestClient(this);
        }
    }
}
