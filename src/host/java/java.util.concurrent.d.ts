// java.util.concurrent, for bounding how long a Twilio call may hold a token request (every twilio-java version alike), and
// the map of the claims a node holds (per-node-claims.ts).

declare module "java:java.util.concurrent" {
  import type { Set } from "java:java.util";

  export class ConcurrentHashMap<K, V> {
    constructor();
    get(key: K): V | null;
    put(key: K, value: V): V | null;
    remove(key: K): V | null;
    /** Removes the entry only while it still maps `key` to `value`. */
    remove(key: K, value: V): boolean;
    size(): number;
    keySet(): Set<K>;
  }

  export interface Callable<V> {
    call(): V;
  }

  export interface Executor {
    execute(command: FutureTask<unknown>): void;
  }

  export class SynchronousQueue<E> {
    constructor();
    /** Never read by the guest; present so the element type is used. */
    peek(): E | null;
  }

  export class TimeUnit {
    private constructor();
    static readonly SECONDS: TimeUnit;
    static readonly MILLISECONDS: TimeUnit;
  }

  export class ThreadPoolExecutor implements Executor {
    constructor(
      corePoolSize: number,
      maximumPoolSize: number,
      keepAliveTime: number,
      unit: TimeUnit,
      workQueue: SynchronousQueue<FutureTask<unknown>>,
    );
    execute(command: FutureTask<unknown>): void;
    shutdownNow(): unknown;
  }

  export class FutureTask<V> {
    /** Jython turns a Python function into the Callable. */
    constructor(callable: () => V);
    get(timeout: number, unit: TimeUnit): V;
    cancel(mayInterruptIfRunning: boolean): boolean;
  }

  export class ExecutionException {
    private constructor();
    getCause(): unknown;
  }

  export class TimeoutException {
    private constructor();
  }

  export class RejectedExecutionException {
    private constructor();
  }
}
