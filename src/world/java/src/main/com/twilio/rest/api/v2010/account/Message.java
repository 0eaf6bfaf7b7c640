package com.twilio.rest.api.v2010.account;

import com.twilio.type.PhoneNumber;

/**
 * Programmable Messaging. The media-URL overloads of creator are left out: the script never sends media, and without them
 * Jython still resolves a None sender to the messaging-service (String) overload, the trap the script must avoid.
 */
public class Message {
    /** A Java enum whose toString is Twilio's lower-case value, so only str(status) compares equal to "queued". */
    public enum Status {
        ACCEPTED("accepted"),
        QUEUED("queued"),
        SENDING("sending"),
        SENT("sent"),
        FAILED("failed"),
        DELIVERED("delivered"),
        UNDELIVERED("undelivered");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    private final String sid;
    private final Status status;

    Message(String sid, Status status) {
        this.sid = sid;
        this.status = status;
    }

    public static MessageCreator creator(PhoneNumber to, PhoneNumber from, String body) {
        return new MessageCreator(to, from, null, body);
    }

    public static MessageCreator creator(PhoneNumber to, String messagingServiceSid, String body) {
        return new MessageCreator(to, null, messagingServiceSid, body);
    }

    public String getSid() {
        return sid;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getErrorCode() {
        return null;
    }
}
