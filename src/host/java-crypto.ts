import type { ByteArray } from "java:java.lang";
import { String as JavaString } from "java:java.lang";
import { ByteBuffer } from "java:java.nio";
import { MessageDigest, SecureRandom as JavaSecureRandom } from "java:java.security";
import { HexFormat } from "java:java.util";
import { Mac } from "java:javax.crypto";
import { SecretKeySpec } from "java:javax.crypto.spec";
import type { KeyedHash, SecureRandom } from "../flow/ports";

function utf8(text: string): ByteArray {
  return new JavaString(text).getBytes("UTF-8");
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
    return HexFormat.of().formatHex(bytes);
  }
}

/** HMAC-SHA256 through javax.crypto; a Mac is not thread-safe, so each call gets its own. */
export class JavaKeyedHash implements KeyedHash {
  hmacSha256Hex(key: string, message: string): string {
    const mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(utf8(key), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(utf8(message)));
  }

  /** Jython 2.7 has no hmac.compare_digest; MessageDigest.isEqual does not stop at the first differing byte. */
  constantTimeEquals(a: string, b: string): boolean {
    return MessageDigest.isEqual(utf8(a), utf8(b));
  }
}
