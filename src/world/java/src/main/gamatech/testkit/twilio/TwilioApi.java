package gamatech.testkit.twilio;

import gamatech.testkit.Clock;
import gamatech.testkit.Fault;
import gamatech.testkit.Faults;
import gamatech.testkit.Outbox;
import gamatech.testkit.Requests;
import gamatech.testkit.TwilioSids;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API as the script's SDK meets it: Programmable Messaging (api.twilio.com) and Verify v2
 * (verify.twilio.com), with the answers, error bodies and limits Twilio documents (shared/reference/twilio.md). Every
 * request is recorded (method, path, form fields, basic-auth user; never the password) and filed in the Outbox as an SMS or
 * Verify record under the test request it was made for. Faults armed at "twilio.message", "twilio.verification",
 * "twilio.verificationCheck" (or "twilio" for any) change the HTTP answer; see answerFault.
 */
public final class TwilioApi {
    static final long VERIFY_LIFETIME_MILLIS = 10 * 60 * 1000L;
    static final int VERIFY_MAX_CHECKS = 5;
    static final int VERIFY_MAX_SENDS = 5;
    /** How long an injected "hang" holds the answer by default (real time): longer than any timeout a test configures. */
    static final long DEFAULT_HANG_MILLIS = 5_000;
    /** How long an injected "timeout" keeps a request unanswered at most, waiting for the client to give up. */
    static final long DEFAULT_TIMEOUT_HOLD_MILLIS = 120_000;

    private static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern VERIFICATIONS = Pattern.compile("/v2/Services/([^/]+)/Verifications");
    private static final Pattern VERIFICATION_CHECK = Pattern.compile("/v2/Services/([^/]+)/VerificationCheck");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final class Pending {
        final String sid;
        final String code;
        final String channel;
        final long createdAtMillis;
        int checks;

        Pending(String sid, String code, String channel, long createdAtMillis) {
            this.sid = sid;
            this.code = code;
            this.channel = channel;
            this.createdAtMillis = createdAtMillis;
        }
    }

    // Guarded by the class lock.
    private static final Map<String, Pending> pending = new HashMap<>();
    private static final Map<String, List<Long>> sends = new HashMap<>();
    private static final List<Map<String, Object>> requests = new ArrayList<>();
    // Seeded so a failing test replays the same codes; tests read codes from the records, never predict them.
    private static Random random = new Random(1);
    private static volatile long latencyMillis = 0;

    private TwilioApi() {}

    public static synchronized void reset(long seed) {
        pending.clear();
        sends.clear();
        requests.clear();
        random = new Random(seed);
        latencyMillis = 0;
    }

    /** Every answer waits this long (real time) before it is sent: a slow provider. */
    public static void setLatency(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latencyMillis = millis;
    }

    /** Every request since the reset, oldest first: method, host, path, form, username, httpStatus, via, requestId... */
    public static synchronized List<Map<String, Object>> requests() {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            synchronized (request) {
                copy.add(new LinkedHashMap<>(request));
            }
        }
        return copy;
    }

    /** Serves one request; false when the connection must not be reused. */
    static boolean handle(HttpExchange exchange, InputStream in, String host, String via, String requestId) throws IOException {
        Map<String, Object> log = Collections.synchronizedMap(new LinkedHashMap<>());
        log.put("method", exchange.method);
        log.put("host", host);
        log.put("path", exchange.path);
        log.put("form", new LinkedHashMap<>(exchange.form));
        log.put("username", exchange.basicUser());
        log.put("userAgent", exchange.headers.get("user-agent"));
        log.put("via", via);
        log.put("requestId", requestId);
        log.put("atMs", Clock.now());
        synchronized (TwilioApi.class) {
            requests.add(log);
        }
        Route route = route(exchange, host);
        Map<String, Object> record = route.record(exchange, requestId);
        if (record != null) {
            record.put("via", via);
        }
        long latency = latencyMillis;
        if (latency > 0) {
            sleep(latency);
        }
        Fault fault = route.faultTarget == null ? null : Faults.takeTwilio(route.faultTarget);
        if (fault != null) {
            log.put("fault", fault.effect);
            if (!fault.effect.equals("hang")) {
                return answerFault(exchange, in, fault, log, record);
            }
            // A provider that answers only after the delay; a client that waits that long gets a normal answer.
            sleep(fault.delayMs != null ? fault.delayMs : DEFAULT_HANG_MILLIS);
        }
        Answer answer = route.answer(exchange);
        finish(log, record, answer);
        exchange.respond(answer.status, "application/json", answer.body, answer.headers);
        return true;
    }

    /**
     * apiError: Twilio's error body with the fault's code and HTTP status (400 unless given; Retry-After when given or on
     * 429); without a code, a plain-text body with the status (500 unless given), as a load balancer answers. timeout: no
     * answer until the client gives up (or delayMs, default 120 s), then the connection closes. crash: bytes that are not
     * HTTP, then the connection closes. drop: the connection closes without an answer.
     */
    private static boolean answerFault(
            HttpExchange exchange, InputStream in, Fault fault, Map<String, Object> log, Map<String, Object> record)
            throws IOException {
        switch (fault.effect) {
            case "timeout": {
                long hold = fault.delayMs != null ? fault.delayMs : DEFAULT_TIMEOUT_HOLD_MILLIS;
                finish(log, record, null);
                boolean gaveUp = exchange.holdUntilClientGivesUp(in, hold);
                log.put("clientGaveUp", gaveUp);
                return false;
            }
            case "crash":
                finish(log, record, null);
                exchange.garbage();
                return false;
            case "drop":
                finish(log, record, null);
                exchange.drop();
                return false;
            default: {
                Map<String, String> headers = new LinkedHashMap<>();
                if (fault.retryAfterSeconds != null) {
                    headers.put("Retry-After", String.valueOf(fault.retryAfterSeconds));
                }
                Answer answer;
                if (fault.code == null) {
                    int status = fault.status != null ? fault.status : 500;
                    answer = new Answer(status, HttpExchange.reason(status), headers);
                    finish(log, record, answer);
                    exchange.respond(status, "text/plain", answer.body, headers);
                    return true;
                }
                int status = fault.status != null ? fault.status : 400;
                if (status == 429 && !headers.containsKey("Retry-After")) {
                    headers.put("Retry-After", "1");
                }
                answer = Answer.error(status, fault.code, "injected Twilio error " + fault.code);
                answer.headers.putAll(headers);
                finish(log, record, answer);
                exchange.respond(answer.status, "application/json", answer.body, answer.headers);
                return true;
            }
        }
    }

    private static void finish(Map<String, Object> log, Map<String, Object> record, Answer answer) {
        Integer status = answer == null ? null : answer.status;
        log.put("httpStatus", status);
        if (record == null) {
            return;
        }
        synchronized (record) {
            record.put("httpStatus", status);
            if (answer != null && answer.errorCode != null) {
                record.put("errorCode", answer.errorCode);
            }
            if (answer != null) {
                record.putAll(answer.recordFields);
            }
        }
    }

    // ---- routes ----

    private abstract static class Route {
        final String faultTarget;

        Route(String faultTarget) {
            this.faultTarget = faultTarget;
        }

        /** The Outbox record of this request (null for requests that are neither a send nor a Verify call). */
        abstract Map<String, Object> record(HttpExchange exchange, String requestId);

        abstract Answer answer(HttpExchange exchange);
    }

    private static Route route(HttpExchange exchange, String host) {
        boolean post = exchange.method.equals("POST");
        Matcher matcher = MESSAGES.matcher(exchange.path);
        if (post && host.equals("api.twilio.com") && matcher.matches()) {
            return new MessagesRoute(matcher.group(1));
        }
        matcher = VERIFICATIONS.matcher(exchange.path);
        if (post && host.equals("verify.twilio.com") && matcher.matches()) {
            return new VerificationsRoute(matcher.group(1));
        }
        matcher = VERIFICATION_CHECK.matcher(exchange.path);
        if (post && host.equals("verify.twilio.com") && matcher.matches()) {
            return new VerificationCheckRoute(matcher.group(1));
        }
        return new Route(null) {
            Map<String, Object> record(HttpExchange e, String requestId) {
                return null;
            }

            Answer answer(HttpExchange e) {
                return Answer.error(404, 20404, "The requested resource " + e.path + " was not found");
            }
        };
    }

    /** 20003 when the request carries no usable credentials (Twilio checks these before anything else). */
    private static Answer authenticationError(HttpExchange exchange, String pathAccountSid) {
        String user = exchange.basicUser();
        if (user == null || !exchange.hasPassword() || !(user.startsWith("AC") || user.startsWith("SK"))) {
            return Answer.error(401, 20003, "Authenticate");
        }
        if (pathAccountSid != null && user.startsWith("AC") && !user.equals(pathAccountSid)) {
            return Answer.error(401, 20003, "Authenticate");
        }
        return null;
    }

    private static final class MessagesRoute extends Route {
        final String accountSid;

        MessagesRoute(String accountSid) {
            super("twilio.message");
            this.accountSid = accountSid;
        }

        Map<String, Object> record(HttpExchange exchange, String requestId) {
            Map<String, Object> record = Collections.synchronizedMap(new LinkedHashMap<>());
            record.put("accountSid", accountSid);
            record.put("username", exchange.basicUser());
            record.put("to", exchange.form.get("To"));
            record.put("from", exchange.form.get("From"));
            record.put("messagingServiceSid", exchange.form.get("MessagingServiceSid"));
            record.put("body", exchange.form.get("Body"));
            record.put("userAgent", exchange.headers.get("user-agent"));
            fileUnder(requestId, () -> Outbox.recordSms(record));
            return record;
        }

        Answer answer(HttpExchange exchange) {
            Answer refused = authenticationError(exchange, accountSid);
            if (refused != null) {
                return refused;
            }
            String to = exchange.form.get("To");
            String from = exchange.form.get("From");
            String service = exchange.form.get("MessagingServiceSid");
            String body = exchange.form.get("Body");
            if (to == null || !to.matches(E164)) {
                return Answer.error(400, 21211, "Invalid 'To' Phone Number: " + (to == null ? "" : to.replaceAll("[0-9]", "X")));
            }
            if (from == null && service == null) {
                return Answer.error(400, 21603, "A 'From' phone number is required.");
            }
            if (from != null && !from.matches(E164)) {
                return Answer.error(400, 21212, "Invalid From Number (caller ID)");
            }
            // Which code Twilio picks for a malformed messaging service SID is a guess.
            if (service != null && !service.matches("MG[0-9a-fA-F]{32}")) {
                return Answer.error(400, 21701, "The Messaging Service Sid " + service + " is invalid.");
            }
            if (body == null || body.isEmpty()) {
                return Answer.error(400, 21602, "Message body is required.");
            }
            String sid = TwilioSids.next("SM");
            // Through a Messaging Service a message starts "accepted" (the service picks the sender later); else "queued".
            String status = service != null ? "accepted" : "queued";
            String now = RFC_2822.format(Instant.ofEpochMilli(Clock.now()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("account_sid", accountSid);
            json.put("api_version", "2010-04-01");
            json.put("body", body);
            json.put("date_created", now);
            json.put("date_sent", null);
            json.put("date_updated", now);
            json.put("direction", "outbound-api");
            json.put("error_code", null);
            json.put("error_message", null);
            json.put("from", from);
            json.put("messaging_service_sid", service);
            json.put("num_media", "0");
            json.put("num_segments", "1");
            json.put("price", null);
            json.put("price_unit", "USD");
            json.put("sid", sid);
            json.put("status", status);
            Map<String, Object> subresources = new LinkedHashMap<>();
            String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid;
            subresources.put("media", uri + "/Media.json");
            json.put("subresource_uris", subresources);
            json.put("to", to);
            json.put("uri", uri + ".json");
            Answer answer = new Answer(201, Json.write(json), new LinkedHashMap<>());
            answer.recordFields.put("sid", sid);
            answer.recordFields.put("status", status);
            return answer;
        }
    }

    private static final class VerificationsRoute extends Route {
        final String serviceSid;

        VerificationsRoute(String serviceSid) {
            super("twilio.verification");
            this.serviceSid = serviceSid;
        }

        Map<String, Object> record(HttpExchange exchange, String requestId) {
            Map<String, Object> record = verifyRecord("verification", exchange, serviceSid);
            record.put("channel", exchange.form.get("Channel"));
            record.put("locale", exchange.form.get("Locale"));
            fileUnder(requestId, () -> Outbox.recordVerify(record));
            return record;
        }

        Answer answer(HttpExchange exchange) {
            Answer refused = authenticationError(exchange, null);
            if (refused != null) {
                return refused;
            }
            String to = exchange.form.get("To");
            String channel = exchange.form.get("Channel");
            if (to == null || !to.matches(E164)) {
                return Answer.error(400, 60200, "Invalid parameter `To`: " + (to == null ? "" : to.replaceAll("[0-9]", "X")));
            }
            if (channel == null || !List.of("sms", "call", "whatsapp", "email", "sna", "auto").contains(channel)) {
                return Answer.error(400, 60200, "Invalid parameter: Channel");
            }
            Pending current;
            synchronized (TwilioApi.class) {
                String key = serviceSid + "|" + to;
                List<Long> recent = recentSends(key);
                if (recent.size() >= VERIFY_MAX_SENDS) {
                    Answer answer = Answer.error(429, 60203, "Max send attempts reached");
                    return answer;
                }
                recent.add(Clock.now());
                current = live(key);
                if (current == null) {
                    // A resend inside the window re-sends the same code.
                    current = new Pending(TwilioSids.next("VE"), String.format("%06d", random.nextInt(1_000_000)), channel, Clock.now());
                    pending.put(key, current);
                }
            }
            Answer answer = new Answer(201, Json.write(verificationJson(current, serviceSid, exchange, to, "pending")), new LinkedHashMap<>());
            answer.recordFields.put("sid", current.sid);
            answer.recordFields.put("code", current.code);
            answer.recordFields.put("status", "pending");
            return answer;
        }
    }

    private static final class VerificationCheckRoute extends Route {
        final String serviceSid;

        VerificationCheckRoute(String serviceSid) {
            super("twilio.verificationCheck");
            this.serviceSid = serviceSid;
        }

        Map<String, Object> record(HttpExchange exchange, String requestId) {
            Map<String, Object> record = verifyRecord("check", exchange, serviceSid);
            record.put("code", exchange.form.get("Code"));
            fileUnder(requestId, () -> Outbox.recordVerify(record));
            return record;
        }

        Answer answer(HttpExchange exchange) {
            Answer refused = authenticationError(exchange, null);
            if (refused != null) {
                return refused;
            }
            String to = exchange.form.get("To");
            String code = exchange.form.get("Code");
            // Twilio rejects a check without To (or VerificationSid) or Code as an invalid parameter (60200, HTTP 400).
            if (to == null || code == null) {
                return Answer.error(400, 60200, "Invalid parameter");
            }
            Pending current;
            String status;
            synchronized (TwilioApi.class) {
                String key = serviceSid + "|" + to;
                current = live(key);
                if (current == null) {
                    return Answer.error(404, 20404, "The requested resource /Services/" + serviceSid + "/VerificationCheck was not found");
                }
                current.checks++;
                // Guess: the check after the fifth answers 60202 (429) and ends the verification; later checks get 20404.
                if (current.checks > VERIFY_MAX_CHECKS) {
                    pending.remove(key);
                    return Answer.error(429, 60202, "Max check attempts reached");
                }
                status = current.code.equals(code) ? "approved" : "pending";
                if (status.equals("approved")) {
                    pending.remove(key);
                }
            }
            Map<String, Object> json = verificationJson(current, serviceSid, exchange, to, status);
            json.remove("lookup");
            json.remove("send_code_attempts");
            json.remove("url");
            json.put("sna_attempts_error_codes", new ArrayList<>());
            Answer answer = new Answer(200, Json.write(json), new LinkedHashMap<>());
            answer.recordFields.put("sid", current.sid);
            answer.recordFields.put("status", status);
            return answer;
        }
    }

    private static Map<String, Object> verifyRecord(String kind, HttpExchange exchange, String serviceSid) {
        Map<String, Object> record = Collections.synchronizedMap(new LinkedHashMap<>());
        String user = exchange.basicUser();
        record.put("kind", kind);
        // Verify's paths carry no account: the account is known only when the user is an Account SID (not an API key).
        record.put("accountSid", user != null && user.startsWith("AC") ? user : null);
        record.put("username", user);
        record.put("serviceSid", serviceSid);
        record.put("to", exchange.form.get("To"));
        record.put("userAgent", exchange.headers.get("user-agent"));
        return record;
    }

    private static Map<String, Object> verificationJson(Pending current, String serviceSid, HttpExchange exchange, String to, String status) {
        String user = exchange.basicUser();
        String now = ISO_8601.format(Instant.ofEpochMilli(Clock.now()));
        String created = ISO_8601.format(Instant.ofEpochMilli(current.createdAtMillis));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", current.sid);
        json.put("service_sid", serviceSid);
        json.put("account_sid", user != null && user.startsWith("AC") ? user : "AC" + "0".repeat(32));
        json.put("to", to);
        json.put("channel", current.channel);
        json.put("status", status);
        json.put("valid", status.equals("approved"));
        Map<String, Object> lookup = new LinkedHashMap<>();
        lookup.put("carrier", null);
        json.put("lookup", lookup);
        json.put("amount", null);
        json.put("payee", null);
        List<Object> attempts = new ArrayList<>();
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("attempt_sid", "VL" + String.format("%032x", current.checks + 1));
        attempt.put("channel", current.channel);
        attempt.put("time", created);
        attempts.add(attempt);
        json.put("send_code_attempts", attempts);
        json.put("date_created", created);
        json.put("date_updated", now);
        json.put("sna", null);
        json.put("url", "https://verify.twilio.com/v2/Services/" + serviceSid + "/Verifications/" + current.sid);
        return json;
    }

    private static Pending live(String key) {
        Pending current = pending.get(key);
        if (current != null && Clock.now() - current.createdAtMillis >= VERIFY_LIFETIME_MILLIS) {
            pending.remove(key);
            return null;
        }
        return current;
    }

    private static List<Long> recentSends(String key) {
        List<Long> recent = sends.computeIfAbsent(key, k -> new ArrayList<>());
        recent.removeIf(at -> Clock.now() - at >= VERIFY_LIFETIME_MILLIS);
        return recent;
    }

    /** Files an Outbox record under the test request the HTTP request was made for (this thread serves the connection). */
    private static void fileUnder(String requestId, Runnable add) {
        String previous = Requests.enter(requestId);
        try {
            add.run();
        } finally {
            Requests.enter(previous);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Answer {
        final int status;
        final String body;
        final Map<String, String> headers;
        Integer errorCode;
        final Map<String, Object> recordFields = new LinkedHashMap<>();

        Answer(int status, String body, Map<String, String> headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        /** Twilio's error body: {"code","message","more_info","status"}. */
        static Answer error(int status, int code, String message) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", code);
            json.put("message", message);
            json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
            json.put("status", status);
            Answer answer = new Answer(status, Json.write(json), new LinkedHashMap<>());
            answer.errorCode = code;
            return answer;
        }
    }
}
