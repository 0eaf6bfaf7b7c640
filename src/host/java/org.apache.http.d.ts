// Apache HttpClient 4, which twilio-java 7.x–10.x are built on: the script builds the SDK's HTTP client with its own
// timeouts and pool (NetworkHttpClient(HttpClientBuilder)). twilio-java 11 and later are built on HttpClient 5
// (org.apache.hc.d.ts) and bring no HttpClient 4, so every module here is optional.

/** @optional Apache HttpClient 4, next to twilio-java 7.x to 10.x */
declare module "java:org.apache.http.client.config" {
  export class RequestConfig {
    private constructor();
    static custom(): RequestConfig.Builder;
  }

  /** Java's nested class RequestConfig.Builder. Timeouts in milliseconds. */
  export namespace RequestConfig {
    export class Builder {
      private constructor();
      setConnectTimeout(connectTimeout: number): Builder;
      /** How long a call may wait for a free connection of the pool. */
      setConnectionRequestTimeout(connectionRequestTimeout: number): Builder;
      /** How long one read may wait for data. */
      setSocketTimeout(socketTimeout: number): Builder;
      build(): RequestConfig;
    }
  }
}

/** @optional Apache HttpClient 4, next to twilio-java 7.x to 10.x */
declare module "java:org.apache.http.config" {
  export class SocketConfig {
    private constructor();
    static custom(): SocketConfig.Builder;
  }

  /** Java's nested class SocketConfig.Builder. */
  export namespace SocketConfig {
    export class Builder {
      private constructor();
      /** Milliseconds; also bounds the reads of the TLS handshake. */
      setSoTimeout(soTimeout: number): Builder;
      build(): SocketConfig;
    }
  }
}

/** @optional Apache HttpClient 4, next to twilio-java 7.x to 10.x */
declare module "java:org.apache.http.impl.conn" {
  import type { SocketConfig } from "java:org.apache.http.config";

  export class PoolingHttpClientConnectionManager {
    constructor();
    setMaxTotal(max: number): void;
    setDefaultMaxPerRoute(max: number): void;
    setDefaultSocketConfig(config: SocketConfig): void;
  }
}

/** @optional Apache HttpClient 4, next to twilio-java 7.x to 10.x */
declare module "java:org.apache.http.impl.client" {
  import type { RequestConfig } from "java:org.apache.http.client.config";
  import type { PoolingHttpClientConnectionManager } from "java:org.apache.http.impl.conn";

  export class HttpClientBuilder {
    private constructor();
    static create(): HttpClientBuilder;
    /** Proxy and TLS settings from the JVM's system properties, as twilio-java's own client does. */
    useSystemProperties(): HttpClientBuilder;
    setConnectionManager(manager: PoolingHttpClientConnectionManager): HttpClientBuilder;
    setDefaultRequestConfig(config: RequestConfig): HttpClientBuilder;
    /** No retry of a request whose sending failed: only twilio-java's own retry of 5xx answers remains. */
    disableAutomaticRetries(): HttpClientBuilder;
  }
}
