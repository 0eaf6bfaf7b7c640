package com.twilio.rest.verify.v2.service;

import com.twilio.http.TwilioRestClient;
import gamatech.testkit.FakeVerify;

public class VerificationCheckCreator {
    private final String pathServiceSid;
    private String to;
    private String code;

    VerificationCheckCreator(String pathServiceSid) {
        this.pathServiceSid = pathServiceSid;
    }

    public VerificationCheckCreator setTo(String to) {
        this.to = to;
        return this;
    }

    public VerificationCheckCreator setCode(String code) {
        this.code = code;
        return this;
    }

    public VerificationCheck create(TwilioRestClient client) {
        return new VerificationCheck(to, FakeVerify.check(client, pathServiceSid, to, code));
    }
}
