// Jedis, the Redis client behind Janssen's REDIS cache provider: version 3.9.0 in jans-bom (redis.clients:jedis), the same
// calls in 4.x and 5.x. Reached only through CacheProvider.getDelegate() → AbstractRedisProvider.getDelegate() (see
// claim-stores.ts); a server on another cache has no Jedis classes to import, so everything here is type-only.

declare module "java:redis.clients.jedis.params" {
  /** SET's options. `setParams()` is static: the guest reaches it through `SetParamsClass`. */
  export interface SetParams {
    /** Only set when the key does not exist. */
    nx(): SetParams;
    /** Expire after that many seconds (int in 3.x, long in 4.x: Jython passes either). */
    ex(secondsToExpire: number): SetParams;
  }

  /**
   * The class redis.clients.jedis.params.SetParams itself, as Jython exposes a java.lang.Class loaded at run time: its static
   * methods are callable on it. Type-only: no Java class has this name.
   */
  export interface SetParamsClass {
    setParams(): SetParams;
  }
}

declare module "java:redis.clients.jedis.commands" {
  import type { SetParams } from "java:redis.clients.jedis.params";

  /** redis.clients.jedis.commands.JedisCommands (3.x), implemented by Jedis, ShardedJedis and JedisCluster. */
  export interface JedisCommands {
    /** SET key value [NX] [EX n]: "OK" when set, null when NX found the key. */
    set(key: string, value: string, params: SetParams): string | null;
    get(key: string): string | null;
    /** DEL without blocking the server (Redis 4.0+): how many keys were removed. (`del` is a Python keyword.) */
    unlink(key: string): number;
  }
}

declare module "java:redis.clients.jedis" {
  import type { JedisCommands } from "java:redis.clients.jedis.commands";

  /** One pooled connection; close() hands it back to its pool. */
  export interface Jedis extends JedisCommands {
    close(): void;
  }

  /** JedisPool, JedisSentinelPool and ShardedJedisPool (all redis.clients.jedis.util.Pool in 3.x). */
  export interface JedisPool {
    /** Throws JedisConnectionException when no connection can be made. */
    getResource(): Jedis;
  }
}
