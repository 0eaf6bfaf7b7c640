// java.nio, only as the way to allocate a Java byte[] without jarray (e.g. for SecureRandom.nextBytes).

declare module "java:java.nio" {
  import type { ByteArray } from "java:java.lang";

  export class ByteBuffer {
    private constructor();
    /** A buffer over a new zero-filled byte[] of that length. */
    static allocate(capacity: number): ByteBuffer;
    /** The backing byte[] itself: writing into it (nextBytes) is visible through the buffer and vice versa. */
    array(): ByteArray;
  }
}
