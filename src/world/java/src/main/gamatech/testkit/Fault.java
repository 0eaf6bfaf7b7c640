package gamatech.testkit;

/** One injected failure: what happens ("null", "throw", "apiError", "timeout") and, for Twilio errors, the code and status. */
public final class Fault {
    public final String effect;
    public final Integer code;
    public final Integer status;

    Fault(String effect, Integer code, Integer status) {
        this.effect = effect;
        this.code = code;
        this.status = status;
    }
}
