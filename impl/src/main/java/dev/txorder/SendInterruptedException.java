package dev.txorder;

/**
 * A sender was interrupted while it waited (for ring space or for a lock). Every wait of the send
 * path comes before the sender reserves anything, so nothing of the request was queued and, under
 * {@code next}, its ticket went back to the group. The thread's interrupt status stays set.
 */
public final class SendInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SendInterruptedException(String message) {
        super(message, null, false, false);
    }
}
