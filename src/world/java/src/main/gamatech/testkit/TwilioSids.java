package gamatech.testkit;

/** Resource SIDs in Twilio's shape (two letters, 32 hex digits), counted so runs are reproducible. */
public final class TwilioSids {
    private static int counter;

    private TwilioSids() {}

    static synchronized void reset() {
        counter = 0;
    }

    public static synchronized String next(String prefix) {
        counter++;
        return prefix + String.format("%032x", counter);
    }
}
