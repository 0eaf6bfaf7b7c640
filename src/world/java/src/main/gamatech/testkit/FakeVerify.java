package gamatech.testkit;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Twilio Verify's server side: it generates, keeps, expires and checks the codes. Limits follow Twilio's documentation:
 * codes live 10 minutes, 5 checks per verification, 5 sends per number per 10 minutes.
 */
public final class FakeVerify {
    static final long LIFETIME_MILLIS = 10 * 60 * 1000L;
    static final int MAX_CHECKS = 5;
    static final int MAX_SENDS = 5;

    private static final class Pending {
        final String sid;
        final String code;
        final long createdAtMillis;
        int checks;

        Pending(String sid, String code, long createdAtMillis) {
            this.sid = sid;
            this.code = code;
            this.createdAtMillis = createdAtMillis;
        }
    }

    private static final Map<String, Pending> pending = new HashMap<>();
    private static final Map<String, List<Long>> sends = new HashMap<>();
    // Seeded so a failing test replays the same codes; the tests read codes from the outbox, never predict them.
    private static Random random = new Random(0);

    private FakeVerify() {}

    static void reset(long seed) {
        pending.clear();
        sends.clear();
        random = new Random(seed);
    }

    /** Starts (or, inside the window, re-sends the same code of) a verification; returns its sid. */
    public static String start(TwilioRestClient client, String serviceSid, String to, String channel, String locale) {
        Map<String, Object> record = Outbox.recordVerify("verification");
        client.describeInto(record);
        record.put("serviceSid", serviceSid);
        record.put("to", to);
        record.put("channel", channel);
        record.put("locale", locale);
        try {
            Faults.failTwilioIfInjected("twilio.verification");
            requireNumber(to);
            String key = serviceSid + "|" + to;
            List<Long> recent = recentSends(key);
            if (recent.size() >= MAX_SENDS) {
                throw new ApiException("Max send attempts reached", 60203, null, 429, null);
            }
            recent.add(Clock.now());
            Pending current = live(key);
            if (current == null) {
                current = new Pending(TwilioSids.next("VE"), String.format("%06d", random.nextInt(1_000_000)), Clock.now());
                pending.put(key, current);
            }
            record.put("sid", current.sid);
            record.put("code", current.code);
            record.put("status", "pending");
            return current.sid;
        } catch (ApiException e) {
            record.put("errorCode", e.getCode());
            throw e;
        }
    }

    /** Checks a code; returns "approved" or "pending", or throws as Twilio answers an unknown or exhausted verification. */
    public static String check(TwilioRestClient client, String serviceSid, String to, String code) {
        Map<String, Object> record = Outbox.recordVerify("check");
        client.describeInto(record);
        record.put("serviceSid", serviceSid);
        record.put("to", to);
        record.put("code", code);
        try {
            Faults.failTwilioIfInjected("twilio.verificationCheck");
            // Twilio rejects a check without To or Code as an invalid parameter (60200, HTTP 400).
            if (to == null || code == null) {
                throw new ApiException("Invalid parameter", 60200, null, 400, null);
            }
            String key = serviceSid + "|" + to;
            Pending current = live(key);
            if (current == null) {
                throw new ApiException("The requested resource was not found", 20404, null, 404, null);
            }
            current.checks++;
            // Guess: the check after the fifth answers 60202 and ends the verification, so later checks find nothing (20404).
            if (current.checks > MAX_CHECKS) {
                pending.remove(key);
                throw new ApiException("Max check attempts reached", 60202, null, 429, null);
            }
            String status = current.code.equals(code) ? "approved" : "pending";
            if (status.equals("approved")) {
                pending.remove(key);
            }
            record.put("status", status);
            return status;
        } catch (ApiException e) {
            record.put("errorCode", e.getCode());
            throw e;
        }
    }

    private static Pending live(String key) {
        Pending current = pending.get(key);
        if (current != null && Clock.now() - current.createdAtMillis >= LIFETIME_MILLIS) {
            pending.remove(key);
            return null;
        }
        return current;
    }

    private static List<Long> recentSends(String key) {
        List<Long> recent = sends.computeIfAbsent(key, k -> new ArrayList<>());
        recent.removeIf(at -> Clock.now() - at >= LIFETIME_MILLIS);
        return recent;
    }

    /** Twilio answers 60200 (invalid parameter) for a To that is not E.164. */
    private static void requireNumber(String to) {
        if (to == null || !to.matches("\\+[1-9][0-9]{6,14}")) {
            throw new ApiException("Invalid parameter `To`", 60200, null, 400, null);
        }
    }
}
