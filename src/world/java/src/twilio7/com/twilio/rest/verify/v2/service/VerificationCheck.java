package com.twilio.rest.verify.v2.service;

/** twilio-java 7.x to 8.32 (what Janssen installs): the code is a creator argument. */
public class VerificationCheck {
    private final String to;
    private final String status;

    VerificationCheck(String to, String status) {
        this.to = to;
        this.status = status;
    }

    public static VerificationCheckCreator creator(String pathServiceSid, String code) {
        return new VerificationCheckCreator(pathServiceSid, code);
    }

    public String getTo() {
        return to;
    }

    public String getStatus() {
        return status;
    }

    public Boolean getValid() {
        return status.equals("approved");
    }
}
