// Java collections and utilities from java.util used by the host.

declare module "java:java.util" {
  import type { ByteArray } from "java:java.lang";

  /** Only to read the client credentials of an HTTP Basic Authorization header. */
  export class Base64 {
    private constructor();
    static getDecoder(): Base64.Decoder;
  }

  export namespace Base64 {
    export class Decoder {
      private constructor();
      /** Throws IllegalArgumentException for text that is not Base64. */
      decode(src: string): ByteArray;
    }
  }

  /** Janssen hands custom properties over as a java.util.Map (a HashMap in practice). */
  export interface Map<K, V> {
    containsKey(key: K): boolean;
    get(key: K): V | null;
    keySet(): Set<K>;
    size(): number;
  }

  export interface Set<E> {
    contains(element: E): boolean;
    size(): number;
    /** A Java Object[]: Jython iterates and indexes it like a list. */
    toArray(): E[];
  }

  export interface List<E> {
    size(): number;
    /** Throws IndexOutOfBoundsException outside 0 <= index < size(). */
    get(index: number): E;
  }

  export class HashMap<K, V> implements Map<K, V> {
    constructor();
    containsKey(key: K): boolean;
    get(key: K): V | null;
    keySet(): Set<K>;
    size(): number;
    put(key: K, value: V): V | null;
  }

  /** What HttpServletRequest.getHeaders returns. */
  export interface Enumeration<E> {
    hasMoreElements(): boolean;
    nextElement(): E;
  }

  export class Objects {
    /** For a text, Java's String.hashCode (a signed 32-bit int). */
    static hashCode(value: string): number;
  }

  export class Date {
    constructor();
    constructor(epochMillis: number);
    getTime(): number;
  }
}
