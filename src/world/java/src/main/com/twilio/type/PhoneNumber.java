package com.twilio.type;

public class PhoneNumber {
    private final String number;

    public PhoneNumber(String number) {
        this.number = number;
    }

    public String getEndpoint() {
        return number;
    }

    @Override
    public String toString() {
        return number;
    }
}
