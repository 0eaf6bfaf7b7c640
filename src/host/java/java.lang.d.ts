// Java classes from java.lang used by the host. See README.md in this folder for the conventions.

declare module "java:java.lang" {
  /**
   * A Java byte[] (array.array('b') in Jython). Opaque: obtained from String.getBytes, Mac.doFinal or ByteBuffer.array and
   * only passed back to Java. Type-only: no Java class has this name, so import it with `import type`.
   */
  export interface ByteArray {
    readonly __javaByteArray: true;
  }

  export class System {
    private constructor();
    /** Epoch milliseconds. The script's only clock: the Jython test harness replaces `System` to control it. */
    static currentTimeMillis(): number;
  }

  /** An explicitly constructed Java string, only to encode text; results stay Java objects, not guest strings. */
  export class String {
    constructor(value: string);
    /** Decodes bytes into a Java string: only toString() turns it into text for Python. */
    constructor(bytes: ByteArray, charsetName: string);
    /** The text itself, which Jython hands back as a Python string (the constructed object is not one). */
    toString(): string;
    getBytes(charsetName: string): ByteArray;
    /** Java's String.hashCode (a signed 32-bit int): stable for a given text on every JVM. */
    hashCode(): number;
  }

  /**
   * Any Java object as far as `getClass()`: for objects a method returns as Object (a cache provider's delegate) whose class
   * the guest must not import. Type-only: no Java class has this name.
   */
  export interface JavaObject {
    getClass(): Class;
  }

  /** java.lang.Class, only as reached through getClass(). */
  export interface Class {
    getName(): string;
    getSuperclass(): Class | null;
    getClassLoader(): ClassLoader | null;
  }

  export interface ClassLoader {
    /** The class (Jython exposes its static methods on it); throws ClassNotFoundException. */
    loadClass(name: string): unknown;
  }

  /** The root of Java exceptions. In Jython they are not Python Exceptions: a guest `catch` must still catch them. */
  export class Throwable {
    protected constructor();
    getMessage(): string | null;
  }

  export class Exception extends Throwable {}

  export class RuntimeException extends Exception {}
}
