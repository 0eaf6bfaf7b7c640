package gamatech.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Twilio doubles were asked to do, in order: one record per SMS, per Verify start and per Verify check. Each
 * record remembers the test request (Requests.current()) of the thread that made it, so parallel requests can each take
 * their own (drainSmsOf / drainVerifyOf); the record itself is unchanged. Thread-safe.
 */
public final class Outbox {
    private static final List<Map<String, Object>> sms = new ArrayList<>();
    private static final List<Map<String, Object>> verify = new ArrayList<>();
    /** The request each record was made under; records made outside any request are absent. Guarded by the class lock. */
    private static final Map<Map<String, Object>, String> requestOf = new IdentityHashMap<>();

    private Outbox() {}

    public static synchronized void clear() {
        sms.clear();
        verify.clear();
        requestOf.clear();
    }

    /** A new SMS record, attributed to the current request; the caller fills it (on its own thread, before it returns). */
    public static Map<String, Object> recordSms() {
        return add(sms, Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    public static Map<String, Object> recordVerify(String kind) {
        Map<String, Object> record = Collections.synchronizedMap(new LinkedHashMap<>());
        record.put("kind", kind);
        return add(verify, record);
    }

    /** For doubles that build their own record (a fake Twilio API): files it under the current request. */
    public static Map<String, Object> recordSms(Map<String, Object> record) {
        return add(sms, record);
    }

    /** The same for a Verify record (its "kind" already set). */
    public static Map<String, Object> recordVerify(Map<String, Object> record) {
        return add(verify, record);
    }

    private static synchronized Map<String, Object> add(List<Map<String, Object>> list, Map<String, Object> record) {
        list.add(record);
        String requestId = Requests.current();
        if (requestId != null) {
            requestOf.put(record, requestId);
        }
        return record;
    }

    /** The records since the last drain. */
    public static synchronized List<Map<String, Object>> drainSms() {
        return drain(sms, null, false);
    }

    public static synchronized List<Map<String, Object>> drainVerify() {
        return drain(verify, null, false);
    }

    /** The records made under this request since the last drain; the others stay. */
    public static synchronized List<Map<String, Object>> drainSmsOf(String requestId) {
        return drain(sms, requestId, true);
    }

    public static synchronized List<Map<String, Object>> drainVerifyOf(String requestId) {
        return drain(verify, requestId, true);
    }

    private static List<Map<String, Object>> drain(List<Map<String, Object>> list, String requestId, boolean selective) {
        List<Map<String, Object>> drained = new ArrayList<>();
        // By identity: two records with the same content are still two SMS.
        for (java.util.Iterator<Map<String, Object>> it = list.iterator(); it.hasNext(); ) {
            Map<String, Object> record = it.next();
            String owner = requestOf.get(record);
            if (!selective || (requestId == null ? owner == null : requestId.equals(owner))) {
                // A copy: the fake Twilio API may still complete a record whose client gave up (a hang).
                synchronized (record) {
                    drained.add(new LinkedHashMap<>(record));
                }
                it.remove();
                requestOf.remove(record);
            }
        }
        return drained;
    }
}
