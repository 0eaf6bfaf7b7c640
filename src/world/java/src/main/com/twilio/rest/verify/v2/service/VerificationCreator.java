package com.twilio.rest.verify.v2.service;

import com.twilio.http.TwilioRestClient;
import gamatech.testkit.FakeVerify;

public class VerificationCreator {
    private final String pathServiceSid;
    private final String to;
    private final String channel;
    private String locale;

    VerificationCreator(String pathServiceSid, String to, String channel) {
        this.pathServiceSid = pathServiceSid;
        this.to = to;
        this.channel = channel;
    }

    public VerificationCreator setLocale(String locale) {
        this.locale = locale;
        return this;
    }

    public Verification create(TwilioRestClient client) {
        String sid = FakeVerify.start(client, pathServiceSid, to, channel, locale);
        return new Verification(sid, to, channel, "pending");
    }
}
