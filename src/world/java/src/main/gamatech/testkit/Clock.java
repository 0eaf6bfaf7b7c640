package gamatech.testkit;

/** The time every double and the loaded script read, moved only by the tests. */
public final class Clock {
    // Read by every request thread while the driver thread may move it.
    private static volatile long nowMillis;

    private Clock() {}

    public static long now() {
        return nowMillis;
    }

    public static void set(long millis) {
        nowMillis = millis;
    }

    public static synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        nowMillis += millis;
    }
}
