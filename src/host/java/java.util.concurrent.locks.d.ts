// java.util.concurrent.locks: the per-node locks that serialize a session's or counter's read-check-write.

declare module "java:java.util.concurrent.locks" {
  export class ReentrantLock {
    constructor();
    lock(): void;
    /** Only by the thread holding the lock (else IllegalMonitorStateException). */
    unlock(): void;
  }
}
