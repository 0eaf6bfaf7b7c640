// HMAC through javax.crypto.

declare module "java:javax.crypto" {
  import type { ByteArray } from "java:java.lang";
  import type { Key } from "java:java.security";

  /** Not thread-safe: get a new instance per computation (requests run concurrently). */
  export class Mac {
    private constructor();
    /** e.g. "HmacSHA256". */
    static getInstance(algorithm: string): Mac;
    init(key: Key): void;
    doFinal(input: ByteArray): ByteArray;
  }
}

declare module "java:javax.crypto.spec" {
  import type { ByteArray } from "java:java.lang";
  import type { Key } from "java:java.security";

  export class SecretKeySpec implements Key {
    constructor(key: ByteArray, algorithm: string);
    getAlgorithm(): string;
  }
}
