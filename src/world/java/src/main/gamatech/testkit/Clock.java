package gamatech.testkit;

/** The time every double and the loaded script read, moved only by the tests. */
public final class Clock {
    private static long nowMillis;

    private Clock() {}

    public static long now() {
        return nowMillis;
    }

    public static void set(long millis) {
        nowMillis = millis;
    }

    public static void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        nowMillis += millis;
    }
}
