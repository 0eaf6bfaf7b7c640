import type { ByteArray } from "java:java.lang";
import { String as JavaString } from "java:java.lang";
import { ByteBuffer } from "java:java.nio";
import { MessageDigest, SecureRandom as JavaSecureRandom } from "java:java.security";
import { BigInteger } from "java:java.math";
import { Mac } from "java:javax.crypto";
import { SecretKeySpec } from "java:javax.crypto.spec";
import type { KeyedHash, SecureRandom } from "../flow/ports";

const HMAC_SHA256_BYTES = 32;

function utf8(text: string): ByteArray {
  return new JavaString(text).getBytes("UTF-8");
}

/**
 * Lower-case hex, two digits per byte, with Java 11's API (java.util.HexFormat is Java 17+): BigInteger drops leading
 * zero digits, so the text is padded back to the byte count's length.
 */
function hex(bytes: ByteArray, byteCount: number): string {
  return new BigInteger(1, bytes).toString(16).padStart(byteCount * 2, "0");
}

/** Java's SecureRandom is thread-safe, so one generator serves every request of the script instance. */
export class JavaRandom implements SecureRandom {
  private readonly generator: JavaSecureRandom;

  constructor(generator: JavaSecureRandom) {
    this.generator = generator;
  }

  randomInt(bound: number): number {
    return this.generator.nextInt(bound);
  }

  randomHex(byteCount: number): string {
    const bytes = ByteBuffer.allocate(byteCount).array();
    this.generator.nextBytes(bytes);
    return hex(bytes, byteCount);
  }
}

/** HMAC-SHA256 through javax.crypto; a Mac is not thread-safe, so each call gets its own. */
export class JavaKeyedHash implements KeyedHash {
  hmacSha256Hex(key: string, message: string): string {
    const mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(utf8(key), "HmacSHA256"));
    return hex(mac.doFinal(utf8(message)), HMAC_SHA256_BYTES);
  }

  /** Jython 2.7 has no hmac.compare_digest; MessageDigest.isEqual does not stop at the first differing byte. */
  constantTimeEquals(a: string, b: string): boolean {
    return MessageDigest.isEqual(utf8(a), utf8(b));
  }
}
