package gamatech.testkit;

import java.util.concurrent.TimeUnit;

/**
 * The round trip of one store operation (a cache on another host: Redis, memcached, the database), in real time, so that
 * parallel requests interleave as they do on a server. Set per world (reset's latencyMs; 0 by default). Every store double
 * calls pause() once before and once after it touches its data, each time half the round trip: the request travels, the
 * store applies it, the answer travels back, so a value read is already as old as the way back when the caller sees it.
 */
public final class Latency {
    private static volatile long roundTripMicros = 0;

    private Latency() {}

    public static void set(long roundTripMillis) {
        if (roundTripMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative, got " + roundTripMillis);
        }
        roundTripMicros = roundTripMillis * 1000L;
    }

    public static long roundTripMillis() {
        return roundTripMicros / 1000L;
    }

    /** One way of the round trip (half of it); call it before and after the store operation. */
    public static void pause() {
        long micros = roundTripMicros / 2;
        if (micros <= 0) {
            return;
        }
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException interrupted) {
            // A cancelled request thread: keep the flag for the caller, as a blocking client would.
            Thread.currentThread().interrupt();
        }
    }
}
