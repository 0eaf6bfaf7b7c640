package org.apache.http.client.config;

/** Apache HttpClient 4's request settings, as twilio-java 7.x to 10.x take them; only the timeouts (milliseconds). */
public class RequestConfig {
    private final int connectTimeout;
    private final int connectionRequestTimeout;
    private final int socketTimeout;

    private RequestConfig(int connectTimeout, int connectionRequestTimeout, int socketTimeout) {
        this.connectTimeout = connectTimeout;
        this.connectionRequestTimeout = connectionRequestTimeout;
        this.socketTimeout = socketTimeout;
    }

    public static Builder custom() {
        return new Builder();
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public int getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public int getSocketTimeout() {
        return socketTimeout;
    }

    public static class Builder {
        private int connectTimeout = -1;
        private int connectionRequestTimeout = -1;
        private int socketTimeout = -1;

        Builder() {}

        public Builder setConnectTimeout(int connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder setConnectionRequestTimeout(int connectionRequestTimeout) {
            this.connectionRequestTimeout = connectionRequestTimeout;
            return this;
        }

        public Builder setSocketTimeout(int socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        public RequestConfig build() {
            return new RequestConfig(connectTimeout, connectionRequestTimeout, socketTimeout);
        }
    }
}
