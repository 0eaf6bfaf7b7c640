package com.twilio.rest.verify.v2.service;

/** A started verification; Twilio's status is a plain String here ("pending"), unlike Message's enum. */
public class Verification {
    private final String sid;
    private final String to;
    private final String channel;
    private final String status;

    Verification(String sid, String to, String channel, String status) {
        this.sid = sid;
        this.to = to;
        this.channel = channel;
        this.status = status;
    }

    public static VerificationCreator creator(String pathServiceSid, String to, String channel) {
        return new VerificationCreator(pathServiceSid, to, channel);
    }

    public String getSid() {
        return sid;
    }

    public String getTo() {
        return to;
    }

    public String getChannel() {
        return channel;
    }

    public String getStatus() {
        return status;
    }

    public Boolean getValid() {
        return false;
    }
}
