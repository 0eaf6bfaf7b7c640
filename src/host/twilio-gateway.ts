import { Twilio } from "java:com.twilio";
import { ApiException } from "java:com.twilio.exception";
import { NetworkHttpClient, TwilioRestClient } from "java:com.twilio.http";
import { ConnectionConfig, RequestConfig as RequestConfig5 } from "java:org.apache.hc.client5.http.config";
import { HttpClientBuilder as HttpClient5Builder } from "java:org.apache.hc.client5.http.impl.classic";
import { PoolingHttpClientConnectionManagerBuilder } from "java:org.apache.hc.client5.http.impl.io";
import type { ExecChain } from "java:org.apache.hc.client5.http.classic";
import { SocketConfig as SocketConfig5 } from "java:org.apache.hc.core5.http.io";
import { Timeout } from "java:org.apache.hc.core5.util";
import { RequestConfig } from "java:org.apache.http.client.config";
import { SocketConfig as SocketConfig4 } from "java:org.apache.http.config";
import { HttpClientBuilder as HttpClient4Builder } from "java:org.apache.http.impl.client";
import { PoolingHttpClientConnectionManager as ConnectionPool4 } from "java:org.apache.http.impl.conn";
import { FutureTask, SynchronousQueue, ThreadPoolExecutor, TimeUnit } from "java:java.util.concurrent";
import type { Config } from "../flow/config";

/** What one Twilio call gave: its result, or the Twilio error code (null for a timeout or an unexpected failure). */
export interface TwilioAnswer<T> {
  value: T | null;
  failed: boolean;
  /** False when the call never started (no worker free): nothing reached Twilio. */
  attempted: boolean;
  errorCode: number | null;
}

// Capacity per script instance (one per node). A Twilio call runs on a worker thread so that the token request waits at
// most twilio_timeout_seconds; workers are made on demand and end after a minute idle. 256 workers cover a burst of 200
// concurrent starts (Jetty's request threads bound the burst before this does); a call beyond them is refused before it
// starts (attempted = false, so the flow does not count the send). The SDK's HTTP pool keeps 40 connections per Twilio
// host (80 in all): a burst of 200 sends answered in 300 ms each then takes five rounds on warm connections (about 1.5 s)
// instead of 200 TLS handshakes at once, and stays under Twilio's per-account limit on concurrent requests.
const MAX_CONCURRENT_CALLS = 256;
const IDLE_THREAD_SECONDS = 60;
const MAX_CONNECTIONS_PER_HOST = 40;
const MAX_CONNECTIONS = 80;

/** twilio-java 11 and later are built on Apache HttpClient 5; 7.x–10.x on HttpClient 4. */
const FIRST_HTTPCLIENT5_MAJOR = 11;

function failure<T>(errorCode: number | null): TwilioAnswer<T> {
  return { value: null, failed: true, attempted: true, errorCode: errorCode };
}

/** Runs the call, turning every exception (Java or Python) into an answer, so nothing escapes the worker thread. */
function attempt<T>(call: () => T): TwilioAnswer<T> {
  try {
    return { value: call(), failed: false, attempted: true, errorCode: null };
  } catch (error) {
    if (error instanceof ApiException) {
      return failure<T>(error.getCode());
    }
    return failure<T>(null);
  }
}

/** The SDK's HTTP client and a line for the init log that says which timeouts hold on the loaded line. */
interface HttpSetup {
  client: NetworkHttpClient | null;
  description: string;
}

/** The loaded twilio-java's major version (7 for "7.17.0"), or 0 when it cannot be read. */
export function twilioMajorVersion(): number {
  const major = parseInt(Twilio.VERSION.split(".")[0] ?? "", 10);
  return Number.isNaN(major) ? 0 : major;
}

/**
 * twilio-java 7.x–10.x: Apache HttpClient 4, whose connect, read and pool-wait timeouts all hold through the builder's
 * default RequestConfig and the pool's SocketConfig.
 */
function httpClient4(timeoutMillis: number): NetworkHttpClient | null {
  if (
    HttpClient4Builder === null ||
    RequestConfig === null ||
    SocketConfig4 === null ||
    ConnectionPool4 === null
  ) {
    return null;
  }
  const pool = new ConnectionPool4();
  pool.setDefaultSocketConfig(SocketConfig4.custom().setSoTimeout(timeoutMillis).build());
  pool.setDefaultMaxPerRoute(MAX_CONNECTIONS_PER_HOST);
  pool.setMaxTotal(MAX_CONNECTIONS);
  const request = RequestConfig.custom()
    .setConnectTimeout(timeoutMillis)
    .setConnectionRequestTimeout(timeoutMillis)
    .setSocketTimeout(timeoutMillis)
    .build();
  const builder = HttpClient4Builder.create()
    .useSystemProperties()
    .setConnectionManager(pool)
    .setDefaultRequestConfig(request)
    .disableAutomaticRetries();
  return new NetworkHttpClient(builder);
}

/**
 * twilio-java 11 and later: Apache HttpClient 5. The SDK puts its own RequestConfig on every request (connect 30.5 s, pool
 * wait 10 s), which wins over the pool's ConnectionConfig; the first handler of the execution chain, which runs before the
 * connection is leased and opened, puts the configured timeout in their place. (A request interceptor would be too late:
 * HttpClient 5.5 runs those once connected.) The read timeout (the proxy's CONNECT answer and the TLS handshake included)
 * comes from SocketConfig and the connection's socket timeout.
 */
function httpClient5(timeoutMillis: number): NetworkHttpClient | null {
  if (
    HttpClient5Builder === null ||
    PoolingHttpClientConnectionManagerBuilder === null ||
    ConnectionConfig === null ||
    RequestConfig5 === null ||
    SocketConfig5 === null ||
    Timeout === null
  ) {
    return null;
  }
  const timeout = Timeout.ofMilliseconds(timeoutMillis);
  const pool = PoolingHttpClientConnectionManagerBuilder.create()
    .setDefaultSocketConfig(SocketConfig5.custom().setSoTimeout(timeout).build())
    .setDefaultConnectionConfig(
      ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build(),
    )
    .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
    .setMaxConnTotal(MAX_CONNECTIONS)
    .build();
  const boundConnect = (request: unknown, scope: ExecChain.Scope, chain: ExecChain): unknown => {
    const exchange = scope.clientContext;
    const current = exchange.getRequestConfig();
    const config = current === null ? RequestConfig5.custom() : RequestConfig5.copy(current);
    exchange.setRequestConfig(config.setConnectTimeout(timeout).setConnectionRequestTimeout(timeout).build());
    return chain.proceed(request, scope);
  };
  const builder = HttpClient5Builder.create()
    .useSystemProperties()
    .setConnectionManager(pool)
    .addExecInterceptorFirst("gamatech-timeouts", boundConnect)
    .disableAutomaticRetries();
  return new NetworkHttpClient(builder);
}

/** Builds the SDK's HTTP client for the loaded line; where that fails, the SDK's defaults remain (and say so). */
function httpSetup(timeoutSeconds: number): HttpSetup {
  const version = Twilio.VERSION;
  const timeoutMillis = timeoutSeconds * 1000;
  const useHttpClient5 = twilioMajorVersion() >= FIRST_HTTPCLIENT5_MAJOR;
  try {
    const client = useHttpClient5 ? httpClient5(timeoutMillis) : httpClient4(timeoutMillis);
    if (client !== null) {
      const held = `HttpClient ${useHttpClient5 ? 5 : 4}: connect, read and pool wait ${timeoutSeconds} s`;
      return { client: client, description: `twilio-java ${version}, ${held}, no HTTP-level retries` };
    }
  } catch (error) {
    // the classes exist but do not fit this SDK (e.g. another HttpClient line on the classpath): SDK defaults below
  }
  return {
    client: null,
    description: `twilio-java ${version}, SDK default timeouts (its Apache HttpClient classes were not usable)`,
  };
}

/**
 * A private Twilio client (never the JVM-global Twilio.init, which another script could overwrite) and two bounds on a
 * call: the SDK's own socket timeouts, so that no worker stays blocked long after the caller gave up, and a worker
 * thread whose answer the token request waits for at most twilio_timeout_seconds.
 */
export class TwilioGateway {
  private readonly client: TwilioRestClient;
  private readonly executor: ThreadPoolExecutor;
  private readonly timeoutSeconds: number;
  private readonly http: string;

  constructor(config: Config) {
    const setup = httpSetup(config.twilioTimeoutSeconds);
    this.client = buildClient(config, setup.client);
    this.http = setup.description;
    this.executor = new ThreadPoolExecutor(
      0,
      MAX_CONCURRENT_CALLS,
      IDLE_THREAD_SECONDS,
      TimeUnit.SECONDS,
      new SynchronousQueue<FutureTask<unknown>>(),
    );
    this.timeoutSeconds = config.twilioTimeoutSeconds;
  }

  restClient(): TwilioRestClient {
    return this.client;
  }

  /** For the init log line: the SDK version and which timeouts hold. */
  describeHttp(): string {
    return this.http;
  }

  /**
   * The call's answer; a failure when it takes longer than the configured timeout (the worker is interrupted, which ends
   * a retry wait; a blocked read ends at the SDK's socket timeout); not attempted when no worker is free.
   */
  call<T>(work: () => T): TwilioAnswer<T> {
    const task = new FutureTask<TwilioAnswer<T>>(() => attempt(work));
    try {
      this.executor.execute(task);
    } catch (error) {
      return { value: null, failed: true, attempted: false, errorCode: null };
    }
    try {
      return task.get(this.timeoutSeconds, TimeUnit.SECONDS);
    } catch (error) {
      task.cancel(true);
      return failure<T>(null);
    }
  }

  shutdown(): void {
    this.executor.shutdownNow();
  }
}

/** An API key (SK...) with its secret authenticates as the account; otherwise the account's auth token does. */
function buildClient(config: Config, http: NetworkHttpClient | null): TwilioRestClient {
  const apiKeySid = config.twilioApiKeySid;
  const apiKeySecret = config.twilioApiKeySecret;
  const builder =
    apiKeySid !== null && apiKeySecret !== null
      ? new TwilioRestClient.Builder(apiKeySid, apiKeySecret).accountSid(config.twilioAccountSid)
      : new TwilioRestClient.Builder(config.twilioAccountSid, config.twilioAuthToken ?? "");
  if (http !== null) {
    builder.httpClient(http);
  }
  return builder.build();
}
