package gamatech.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Failures the tests arm at named points of the doubles, each for a number of calls or until the world is reset. */
public final class Faults {
    /** Matches every Twilio call that has no fault of its own armed. */
    private static final String TWILIO_ANY = "twilio";
    private static final List<String> TWILIO_EFFECTS = List.of("apiError", "timeout", "hang", "crash", "drop");

    private static final Map<String, List<String>> EFFECTS = Map.of(
            "cache.get", List.of("null", "throw"),
            "cache.put", List.of("throw"),
            "cache.remove", List.of("throw"),
            "users.getUserByAttribute", List.of("throw"),
            "auth.authenticate", List.of("throw"),
            // Twilio faults are HTTP behaviour of the fake Twilio API (gamatech.testkit.twilio.TwilioApi.answerFault).
            "twilio.message", TWILIO_EFFECTS,
            "twilio.verification", TWILIO_EFFECTS,
            "twilio.verificationCheck", TWILIO_EFFECTS,
            TWILIO_ANY, TWILIO_EFFECTS);

    // Guarded by the class lock: parallel requests take uses of one fault, and each use must be counted once.
    private static final Map<String, Fault> armed = new HashMap<>();
    private static final Map<String, Integer> remaining = new HashMap<>();

    private Faults() {}

    /** times <= 0 keeps the fault until the next reset. */
    public static void inject(String target, String effect, Integer code, Integer status, int times) {
        inject(target, effect, code, status, times, null, null);
    }

    /** delayMs: how long a Twilio "hang" holds its answer, or a "timeout" waits at most; retryAfterSeconds: Retry-After. */
    public static synchronized void inject(
            String target, String effect, Integer code, Integer status, int times, Long delayMs, Integer retryAfterSeconds) {
        List<String> allowed = EFFECTS.get(target);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown fault target " + target + "; known: " + EFFECTS.keySet());
        }
        if (!allowed.contains(effect)) {
            throw new IllegalArgumentException("fault " + target + " accepts " + allowed + ", not " + effect);
        }
        armed.put(target, new Fault(effect, code, status, delayMs, retryAfterSeconds));
        remaining.put(target, times);
    }

    public static synchronized void clear() {
        armed.clear();
        remaining.clear();
    }

    /** The fault armed at this point, consuming one use; null when none. */
    public static synchronized Fault take(String target) {
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

    /** The fault armed for this Twilio call (its own target first, else "twilio"), consuming one use; null when none. */
    public static synchronized Fault takeTwilio(String target) {
        return armed.containsKey(target) ? take(target) : take(TWILIO_ANY);
    }
}
