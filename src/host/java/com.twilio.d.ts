// twilio-java, as the script meets it on a Janssen server: 7.17 (what Janssen installs) up to 12.x. Where the two differ,
// the doc comment says which versions have the member.

declare module "java:com.twilio.exception" {
  import { RuntimeException } from "java:java.lang";

  export class TwilioException extends RuntimeException {}

  /** An error answer from Twilio, or a connection failure or timeout (then code and status code are null). */
  export class ApiException extends TwilioException {
    /** Twilio's error code, e.g. 21211 invalid number, 20404 verification not found, 60202 too many checks. */
    getCode(): number | null;
    /** The HTTP status. */
    getStatusCode(): number | null;
    getMoreInfo(): string | null;
  }
}

declare module "java:com.twilio" {
  /** The static entry point. The script never calls Twilio.init (JVM-global credentials); it only reads the version. */
  export class Twilio {
    private constructor();
    /** The loaded SDK's version, e.g. "7.17.0". */
    static readonly VERSION: string;
  }
}

declare module "java:com.twilio.http" {
  import type { HttpClientBuilder as HttpClient4Builder } from "java:org.apache.http.impl.client";
  import type { HttpClientBuilder as HttpClient5Builder } from "java:org.apache.hc.client5.http.impl.classic";

  export abstract class HttpClient {}

  /**
   * Every line from 7.17.0 to 12.x has the HttpClientBuilder constructor: Apache HttpClient 4's builder up to 10.x,
   * HttpClient 5's from 11.x. Jython raises TypeError for the other line's builder, before any request is made. (8.x–12.x
   * also take (RequestConfig, SocketConfig); 12.x then overrides the RequestConfig on every request.)
   */
  export class NetworkHttpClient extends HttpClient {
    constructor();
    constructor(clientBuilder: HttpClient4Builder);
    constructor(clientBuilder: HttpClient5Builder);
  }

  /** A private client: thread-safe and reusable; never the JVM-global Twilio.init one, which other scripts can replace. */
  export class TwilioRestClient {
    private constructor();
    getAccountSid(): string;
  }

  /** Java's nested class TwilioRestClient.Builder: `new TwilioRestClient.Builder(sid, token)` (Jython: attribute access). */
  export namespace TwilioRestClient {
    export class Builder {
      /** An account SID and auth token, or an API key SID and secret (then also call accountSid). */
      constructor(username: string, password: string);
      accountSid(accountSid: string): Builder;
      httpClient(httpClient: HttpClient): Builder;
      build(): TwilioRestClient;
    }
  }
}

declare module "java:com.twilio.type" {
  export class PhoneNumber {
    /** E.164, e.g. "+15551234567". */
    constructor(number: string);
  }
}

declare module "java:com.twilio.rest.api.v2010.account" {
  import type { TwilioRestClient } from "java:com.twilio.http";
  import type { PhoneNumber } from "java:com.twilio.type";

  export class Message {
    private constructor();
    /** From a phone number. Never pass null as `from`: Jython then picks the messaging-service overload below. */
    static creator(to: PhoneNumber, from: PhoneNumber, body: string): MessageCreator;
    /** From a Messaging Service (SID "MG..."). */
    static creator(to: PhoneNumber, messagingServiceSid: string, body: string): MessageCreator;
    getSid(): string;
    /** A Java enum: compare String(status) (e.g. "queued"), never the enum itself, with a string. */
    getStatus(): Message.Status;
  }

  /** Java's nested enum Message.Status. */
  export namespace Message {
    export class Status {
      private constructor();
      /** Twilio's lower-case value: "queued", "accepted", "failed"... */
      toString(): string;
    }
  }

  export class MessageCreator {
    private constructor();
    create(client: TwilioRestClient): Message;
  }
}

/**
 * Twilio Verify v2.
 * @optional twilio-java 7.37.0 and later (7.17.0, which Janssen installs, has no Verify)
 */
declare module "java:com.twilio.rest.verify.v2.service" {
  import type { TwilioRestClient } from "java:com.twilio.http";

  export class Verification {
    private constructor();
    /** channel: "sms" | "call" | "whatsapp" | "email". */
    static creator(pathServiceSid: string, to: string, channel: string): VerificationCreator;
    getSid(): string;
    /** A plain string here (unlike Message's enum): "pending". */
    getStatus(): string;
  }

  export class VerificationCreator {
    private constructor();
    setLocale(locale: string): VerificationCreator;
    create(client: TwilioRestClient): Verification;
  }

  /**
   * Each twilio-java version has exactly one of the two creator shapes; calling the missing one raises TypeError in Jython
   * (and setCode on 7.x raises AttributeError), so a script that supports both tries one and falls back to the other.
   */
  export class VerificationCheck {
    private constructor();
    /** twilio-java 8.33 and later (12.x): then setTo(to).setCode(code). */
    static creator(pathServiceSid: string): VerificationCheckCreator;
    /** twilio-java 7.x up to 8.32 (what Janssen installs): then setTo(to). */
    static creator(pathServiceSid: string, code: string): VerificationCheckCreator;
    /** "approved" for the right code, "pending" for a wrong one. */
    getStatus(): string;
    getValid(): boolean | null;
  }

  export class VerificationCheckCreator {
    private constructor();
    setTo(to: string): VerificationCheckCreator;
    /** twilio-java 8.33 and later only. */
    setCode(code: string): VerificationCheckCreator;
    create(client: TwilioRestClient): VerificationCheck;
  }
}
