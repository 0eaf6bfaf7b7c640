package com.twilio.rest.verify.v2.service;

import com.twilio.http.TwilioRestClient;
import gamatech.testkit.FakeVerify;

public class VerificationCheckCreator {
    private final String pathServiceSid;
    private final String code;
    private String to;

    VerificationCheckCreator(String pathServiceSid, String code) {
        this.pathServiceSid = pathServiceSid;
        this.code = code;
    }

    public VerificationCheckCreator setTo(String to) {
        this.to = to;
        return this;
    }

    public VerificationCheck create(TwilioRestClient client) {
        return new VerificationCheck(to, FakeVerify.check(client, pathServiceSid, to, code));
    }
}
