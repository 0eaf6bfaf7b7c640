package com.twilio.rest.verify.v2.service;

/** twilio-java 8.33 and later (up to 12.x): the creator takes only the service, the code comes through setCode. */
public class VerificationCheck {
    private final String to;
    private final String status;

    VerificationCheck(String to, String status) {
        this.to = to;
        this.status = status;
    }

    public static VerificationCheckCreator creator(String pathServiceSid) {
        return new VerificationCheckCreator(pathServiceSid);
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
