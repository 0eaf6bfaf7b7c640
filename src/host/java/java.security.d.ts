// Randomness and constant-time comparison from java.security.

declare module "java:java.security" {
  import type { ByteArray } from "java:java.lang";

  export interface Key {
    getAlgorithm(): string;
  }

  /** Thread-safe; one instance may serve every request. */
  export class SecureRandom {
    constructor();
    /** Uniform in [0, bound). */
    nextInt(bound: number): number;
    /** Fills the array in place. */
    nextBytes(bytes: ByteArray): void;
  }

  export class MessageDigest {
    private constructor();
    /** A new digest (not thread-safe: one per use). "SHA-256" exists on every JVM. */
    static getInstance(algorithm: string): MessageDigest;
    digest(input: ByteArray): ByteArray;
    /** Constant-time comparison (Jython has no hmac.compare_digest). False when either is null. */
    static isEqual(digesta: ByteArray | null, digestb: ByteArray | null): boolean;
  }
}
