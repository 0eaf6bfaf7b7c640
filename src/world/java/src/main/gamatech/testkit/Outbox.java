package gamatech.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the Twilio doubles were asked to do, in order: one record per SMS, per Verify start and per Verify check. */
public final class Outbox {
    private static final List<Map<String, Object>> sms = new ArrayList<>();
    private static final List<Map<String, Object>> verify = new ArrayList<>();

    private Outbox() {}

    public static void clear() {
        sms.clear();
        verify.clear();
    }

    public static Map<String, Object> recordSms() {
        Map<String, Object> record = new LinkedHashMap<>();
        sms.add(record);
        return record;
    }

    public static Map<String, Object> recordVerify(String kind) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", kind);
        verify.add(record);
        return record;
    }

    /** The records since the last drain. */
    public static List<Map<String, Object>> drainSms() {
        List<Map<String, Object>> drained = new ArrayList<>(sms);
        sms.clear();
        return drained;
    }

    public static List<Map<String, Object>> drainVerify() {
        List<Map<String, Object>> drained = new ArrayList<>(verify);
        verify.clear();
        return drained;
    }
}
