package gamatech.testkit;

/**
 * One injected failure: what happens ("null", "throw"; for Twilio "apiError", "timeout", "hang", "crash", "drop") and, for
 * Twilio, the error code and HTTP status, the delay of a hang or timeout, and a Retry-After header.
 */
public final class Fault {
    public final String effect;
    public final Integer code;
    public final Integer status;
    public final Long delayMs;
    public final Integer retryAfterSeconds;

    Fault(String effect, Integer code, Integer status, Long delayMs, Integer retryAfterSeconds) {
        this.effect = effect;
        this.code = code;
        this.status = status;
        this.delayMs = delayMs;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
