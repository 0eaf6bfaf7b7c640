package com.twilio.exception;

/** An error answer from Twilio (code and HTTP status set) or a failed connection (both null). */
public class ApiException extends TwilioException {
    private final Integer code;
    private final String moreInfo;
    private final Integer status;

    public ApiException(String message) {
        this(message, null, null, null, null);
    }

    public ApiException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    public ApiException(String message, Integer code, String moreInfo, Integer status, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.moreInfo = moreInfo;
        this.status = status;
    }

    public Integer getCode() {
        return code;
    }

    public String getMoreInfo() {
        return moreInfo;
    }

    public Integer getStatusCode() {
        return status;
    }
}
