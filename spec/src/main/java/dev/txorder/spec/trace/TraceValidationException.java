package dev.txorder.spec.trace;

/** TLC could not judge a log (a parse error, a crash, a timeout): the run failed, not the log. */
public final class TraceValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceValidationException(String message) {
        super(message);
    }
}
