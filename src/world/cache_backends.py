# The cache provider a reset names: the world's own map, or a real Redis, Redis Cluster, memcached or PostgreSQL server
# on loopback through Janssen's own provider classes (their jars are on the classpath only when a test asks for them).


def use_cache_backend(spec):
    """The world's cache provider: the world's own map (IN_MEMORY) unless the reset names a real server. Its data is
    emptied; the provider itself (and its connections) is kept while the address stays the same."""
    kind = "memory" if spec is None else spec.get("kind", "memory")
    if kind == "memory":
        return
    # Only on the classpath when the test put the backend jars there (src/world/backends.ts).
    from gamatech.backends import Backends
    from gamatech.testkit import CacheBackend
    if kind == "redis":
        Backends.useRedis(spec.get("host", "127.0.0.1"), int(spec["port"]))
        if spec.get("flush", True):
            CacheBackend.selected().clear()
    elif kind == "redisCluster":
        servers = ",".join("%s:%d" % (spec.get("host", "127.0.0.1"), int(port)) for port in spec["ports"])
        Backends.useRedisCluster(servers, int(spec.get("soTimeoutMs", 3000)))
        if spec.get("flush", True):
            Backends.flushRedisCluster()
    elif kind == "memcached":
        Backends.useMemcached(spec.get("host", "127.0.0.1"), int(spec["port"]))
        if spec.get("flush", True):
            CacheBackend.selected().clear()
    elif kind == "database":
        from org.postgresql import Driver as PostgresDriver
        Backends.useDatabase(PostgresDriver(), spec["jdbcUrl"], spec.get("user", "postgres"), spec.get("password"))
        if spec.get("flush", True):
            Backends.sqlEntries().resetTable()
    else:
        raise ValueError("unknown cacheBackend kind %r (memory, redis, redisCluster, memcached, database)" % kind)


def drop_cache_backend():
    """Closes the real cache provider of the last use (Backends keeps one per JVM), as if the JVM had never made one."""
    try:
        from gamatech.backends import Backends
    except ImportError:
        return  # the backends' jars are not on this JVM's classpath
    close = Backends.getDeclaredMethod("close", [])
    close.setAccessible(True)
    close.invoke(None, [])
