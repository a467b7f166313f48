package dev.txorder;

/**
 * The run itself failed, so there is no verdict: a thread of the system under test crashed, or a
 * tool could not do its job. Never a property violation (a crashed NIC is not a NIC that stalled);
 * the command line maps it to exit status 3 with its message on one line.
 */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
        super(message + (cause == null ? "" : ": " + cause), cause);
    }
}
