package gamatech.testkit;

import com.twilio.exception.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Failures the tests arm at named points of the doubles, each for a number of calls or until the world is reset. */
public final class Faults {
    /** Matches every Twilio call that has no fault of its own armed. */
    private static final String TWILIO_ANY = "twilio";

    private static final Map<String, List<String>> EFFECTS = Map.of(
            "cache.get", List.of("null", "throw"),
            "cache.put", List.of("throw"),
            "cache.remove", List.of("throw"),
            "users.getUserByAttribute", List.of("throw"),
            "auth.authenticate", List.of("throw"),
            "twilio.message", List.of("apiError", "timeout", "hang", "crash"),
            "twilio.verification", List.of("apiError", "timeout", "hang", "crash"),
            "twilio.verificationCheck", List.of("apiError", "timeout", "hang", "crash"),
            TWILIO_ANY, List.of("apiError", "timeout", "hang", "crash"));

    /** How long a hanging Twilio call blocks, in real time: longer than any timeout a hang test configures. */
    private static final long HANG_MILLIS = 5_000;

    private static final Map<String, Fault> armed = new HashMap<>();
    private static final Map<String, Integer> remaining = new HashMap<>();

    private Faults() {}

    /** times <= 0 keeps the fault until the next reset. */
    public static void inject(String target, String effect, Integer code, Integer status, int times) {
        List<String> allowed = EFFECTS.get(target);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown fault target " + target + "; known: " + EFFECTS.keySet());
        }
        if (!allowed.contains(effect)) {
            throw new IllegalArgumentException("fault " + target + " accepts " + allowed + ", not " + effect);
        }
        armed.put(target, new Fault(effect, code, status));
        remaining.put(target, times);
    }

    public static void clear() {
        armed.clear();
        remaining.clear();
    }

    /** The fault armed at this point, consuming one use; null when none. */
    public static Fault take(String target) {
        Fault fault = armed.get(target);
        if (fault == null) {
            return null;
        }
        int left = remaining.get(target);
        if (left == 1) {
            armed.remove(target);
            remaining.remove(target);
        } else if (left > 1) {
            remaining.put(target, left - 1);
        }
        return fault;
    }

    /** For points whose only effect is an exception, as a database or LDAP failure would raise. */
    public static void failIfInjected(String target) {
        if (take(target) != null) {
            throw new IllegalStateException("injected fault at " + target);
        }
    }

    public static void failTwilioIfInjected(String target) {
        Fault fault = armed.containsKey(target) ? take(target) : take(TWILIO_ANY);
        if (fault == null) {
            return;
        }
        if (fault.effect.equals("hang")) {
            // A provider that answers only after HANG_MILLIS. A script that waits that long gets a normal answer, so a
            // test sees the difference; a script that gives up first cancels its worker, whose interrupt ends the wait
            // the way twilio-java's socket timeout would.
            try {
                Thread.sleep(HANG_MILLIS);
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ApiException("Read timed out", new java.net.SocketTimeoutException("Read timed out"));
            }
        }
        if (fault.effect.equals("crash")) {
            // Not an ApiException: a bug or an unexpected runtime failure inside the SDK.
            throw new IllegalStateException("injected unexpected failure in the Twilio SDK");
        }
        if (fault.effect.equals("timeout")) {
            // twilio-java wraps the socket timeout in an ApiException with neither a Twilio code nor an HTTP status.
            throw new ApiException("Read timed out", new java.net.SocketTimeoutException("Read timed out"));
        }
        throw new ApiException("injected Twilio error", fault.code, null, fault.status, null);
    }
}
