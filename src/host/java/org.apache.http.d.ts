// Apache HttpClient 4, which twilio-java 7.x–10.x bundle, for the Twilio timeouts. twilio-java 11+ ships HttpClient 5
// instead: there this package does not exist and importing it fails when the script loads.

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
      setConnectionRequestTimeout(connectionRequestTimeout: number): Builder;
      setSocketTimeout(socketTimeout: number): Builder;
      build(): RequestConfig;
    }
  }
}
