import { ApiException } from "java:com.twilio.exception";
import { TwilioRestClient } from "java:com.twilio.http";
import { FutureTask, SynchronousQueue, ThreadPoolExecutor, TimeUnit } from "java:java.util.concurrent";
import type { Config } from "../flow/config";

/** What one Twilio call gave: its result, or the Twilio error code (null for a timeout or an unexpected failure). */
export interface TwilioAnswer<T> {
  value: T | null;
  failed: boolean;
  errorCode: number | null;
}

// At most this many Twilio calls run at once per script instance; a request beyond that fails at once (OTP not sent)
// instead of queueing behind a slow provider.
const MAX_CONCURRENT_CALLS = 16;
const IDLE_THREAD_SECONDS = 60;

function failure<T>(errorCode: number | null): TwilioAnswer<T> {
  return { value: null, failed: true, errorCode: errorCode };
}

/** Runs the call, turning every exception (Java or Python) into an answer, so nothing escapes the worker thread. */
function attempt<T>(call: () => T): TwilioAnswer<T> {
  try {
    return { value: call(), failed: false, errorCode: null };
  } catch (error) {
    if (error instanceof ApiException) {
      return failure<T>(error.getCode());
    }
    return failure<T>(null);
  }
}

/**
 * A private Twilio client (never the JVM-global Twilio.init, which another script could overwrite) and a bound on how long
 * a call may hold the token request. twilio-java's own timeouts are set through Apache HttpClient classes that changed
 * package between SDK 10 and 11, so the bound is enforced here, the same way on every SDK version.
 */
export class TwilioGateway {
  private readonly client: TwilioRestClient;
  private readonly executor: ThreadPoolExecutor;
  private readonly timeoutSeconds: number;

  constructor(config: Config) {
    this.client = buildClient(config);
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

  /** The call's answer, or a failure when it takes longer than the configured timeout or no worker is free. */
  call<T>(work: () => T): TwilioAnswer<T> {
    const task = new FutureTask<TwilioAnswer<T>>(() => attempt(work));
    try {
      this.executor.execute(task);
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
function buildClient(config: Config): TwilioRestClient {
  const apiKeySid = config.twilioApiKeySid;
  const apiKeySecret = config.twilioApiKeySecret;
  if (apiKeySid !== null && apiKeySecret !== null) {
    return new TwilioRestClient.Builder(apiKeySid, apiKeySecret).accountSid(config.twilioAccountSid).build();
  }
  return new TwilioRestClient.Builder(config.twilioAccountSid, config.twilioAuthToken ?? "").build();
}
