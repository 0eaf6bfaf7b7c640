package com.twilio.rest.api.v2010.account;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.type.PhoneNumber;
import gamatech.testkit.Faults;
import gamatech.testkit.Outbox;
import gamatech.testkit.TwilioSids;
import java.util.Map;

/**
 * Records the SMS instead of sending it, after the checks Twilio's API makes. The codes are Twilio's documented ones
 * (21211, 21212, 21602, 21603); which one Twilio picks for a malformed messaging service SID is a guess (21701).
 */
public class MessageCreator {
    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final PhoneNumber to;
    private final PhoneNumber from;
    private final String messagingServiceSid;
    private final String body;

    MessageCreator(PhoneNumber to, PhoneNumber from, String messagingServiceSid, String body) {
        this.to = to;
        this.from = from;
        this.messagingServiceSid = messagingServiceSid;
        this.body = body;
    }

    public Message create(TwilioRestClient client) {
        Map<String, Object> record = Outbox.recordSms();
        client.describeInto(record);
        record.put("to", to == null ? null : to.getEndpoint());
        record.put("from", from == null ? null : from.getEndpoint());
        record.put("messagingServiceSid", messagingServiceSid);
        record.put("body", body);
        try {
            Faults.failTwilioIfInjected("twilio.message");
            validate();
        } catch (ApiException e) {
            record.put("errorCode", e.getCode());
            throw e;
        }
        String sid = TwilioSids.next("SM");
        record.put("sid", sid);
        // A message sent through a Messaging Service starts "accepted" (the service picks the sender later); else "queued".
        return new Message(sid, messagingServiceSid != null ? Message.Status.ACCEPTED : Message.Status.QUEUED);
    }

    private void validate() {
        if (to == null || !to.getEndpoint().matches(E164)) {
            throw new ApiException("The 'To' number is not a valid phone number.", 21211, null, 400, null);
        }
        if (from == null && messagingServiceSid == null) {
            throw new ApiException("A 'From' phone number is required.", 21603, null, 400, null);
        }
        if (from != null && !from.getEndpoint().matches(E164)) {
            throw new ApiException("The 'From' number is not a valid phone number.", 21212, null, 400, null);
        }
        if (messagingServiceSid != null && !messagingServiceSid.startsWith("MG")) {
            throw new ApiException("Invalid messagingServiceSid", 21701, null, 400, null);
        }
        if (body == null || body.isEmpty()) {
            throw new ApiException("Message body is required.", 21602, null, 400, null);
        }
    }
}
