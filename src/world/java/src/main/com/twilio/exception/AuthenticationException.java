package com.twilio.exception;

public class AuthenticationException extends TwilioException {
    public AuthenticationException(String message) {
        super(message);
    }
}
