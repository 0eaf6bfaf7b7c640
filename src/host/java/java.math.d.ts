// java.math, for turning bytes into hexadecimal with Java 11's API (java.util.HexFormat is Java 17+).

declare module "java:java.math" {
  import type { ByteArray } from "java:java.lang";

  export class BigInteger {
    /** signum 1: the bytes are the big-endian magnitude of a non-negative number. */
    constructor(signum: number, magnitude: ByteArray);
    /** Digits in `radix` without leading zeros (lower case for 16). */
    toString(radix: number): string;
  }
}
