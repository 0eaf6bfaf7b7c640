// Apache HttpClient 5, which twilio-java 11 and later are built on (7.x–10.x use HttpClient 4: org.apache.http.d.ts).
// Optional, since a server with twilio-java 7.17.0 (what Janssen installs) need not have it. twilio-java 12 sets its own
// RequestConfig on every request (connect 30.5 s, pool wait 10 s); the script's first chain handler replaces it.

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.core5.util" {
  export class Timeout {
    private constructor();
    static ofMilliseconds(milliseconds: number): Timeout;
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.core5.http.io" {
  import type { Timeout } from "java:org.apache.hc.core5.util";

  export class SocketConfig {
    private constructor();
    static custom(): SocketConfig.Builder;
  }

  /** Java's nested class SocketConfig.Builder. */
  export namespace SocketConfig {
    export class Builder {
      private constructor();
      /** How long one read (the TLS handshake's included) may wait for data. */
      setSoTimeout(soTimeout: Timeout): Builder;
      build(): SocketConfig;
    }
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.client5.http.config" {
  import type { Timeout } from "java:org.apache.hc.core5.util";

  export class ConnectionConfig {
    private constructor();
    static custom(): ConnectionConfig.Builder;
  }

  /** Java's nested class ConnectionConfig.Builder. */
  export namespace ConnectionConfig {
    export class Builder {
      private constructor();
      /** Overridden by a per-request RequestConfig's connect timeout (twilio-java 12 sets 30.5 s). */
      setConnectTimeout(connectTimeout: Timeout): Builder;
      /** The read timeout of an established connection. */
      setSocketTimeout(socketTimeout: Timeout): Builder;
      build(): ConnectionConfig;
    }
  }

  export class RequestConfig {
    private constructor();
    static custom(): RequestConfig.Builder;
    static copy(config: RequestConfig): RequestConfig.Builder;
  }

  /** Java's nested class RequestConfig.Builder. */
  export namespace RequestConfig {
    export class Builder {
      private constructor();
      /** Deprecated in HttpClient 5.2 for ConnectionConfig's, yet still wins over it when set (as twilio-java 12 does). */
      setConnectTimeout(connectTimeout: Timeout): Builder;
      /** How long a request may wait for a free connection of the pool. */
      setConnectionRequestTimeout(connectionRequestTimeout: Timeout): Builder;
      build(): RequestConfig;
    }
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.client5.http.protocol" {
  import type { RequestConfig } from "java:org.apache.hc.client5.http.config";

  /** The state of one request execution; the connection is leased and opened with its RequestConfig. */
  export class HttpClientContext {
    private constructor();
    getRequestConfig(): RequestConfig | null;
    setRequestConfig(config: RequestConfig): void;
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.client5.http.classic" {
  import type { HttpClientContext } from "java:org.apache.hc.client5.http.protocol";

  /** The rest of the execution chain, from a handler's point of view. */
  export class ExecChain {
    private constructor();
    proceed(request: unknown, scope: ExecChain.Scope): unknown;
  }

  /** Java's nested class ExecChain.Scope. */
  export namespace ExecChain {
    export class Scope {
      private constructor();
      readonly clientContext: HttpClientContext;
    }
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.client5.http.impl.io" {
  import type { ConnectionConfig } from "java:org.apache.hc.client5.http.config";
  import type { SocketConfig } from "java:org.apache.hc.core5.http.io";

  export class PoolingHttpClientConnectionManager {
    private constructor();
  }

  export class PoolingHttpClientConnectionManagerBuilder {
    private constructor();
    static create(): PoolingHttpClientConnectionManagerBuilder;
    setDefaultSocketConfig(config: SocketConfig): PoolingHttpClientConnectionManagerBuilder;
    setDefaultConnectionConfig(config: ConnectionConfig): PoolingHttpClientConnectionManagerBuilder;
    setMaxConnPerRoute(max: number): PoolingHttpClientConnectionManagerBuilder;
    setMaxConnTotal(max: number): PoolingHttpClientConnectionManagerBuilder;
    build(): PoolingHttpClientConnectionManager;
  }
}

/** @optional Apache HttpClient 5, next to twilio-java 11 and later */
declare module "java:org.apache.hc.client5.http.impl.classic" {
  import type { ExecChain } from "java:org.apache.hc.client5.http.classic";
  import type { PoolingHttpClientConnectionManager } from "java:org.apache.hc.client5.http.impl.io";

  export class HttpClientBuilder {
    private constructor();
    static create(): HttpClientBuilder;
    /** Proxy and TLS settings from the JVM's system properties, as twilio-java's own client does. */
    useSystemProperties(): HttpClientBuilder;
    setConnectionManager(manager: PoolingHttpClientConnectionManager): HttpClientBuilder;
    /** Jython turns the Python function into the ExecChainHandler; the first one runs before the connection is leased. */
    addExecInterceptorFirst(
      name: string,
      handler: (request: unknown, scope: ExecChain.Scope, chain: ExecChain) => unknown,
    ): HttpClientBuilder;
    /** Drops HttpClient 5's default retry (429 and 503 once, POST included): only twilio-java's 5xx retry remains. */
    disableAutomaticRetries(): HttpClientBuilder;
  }
}
