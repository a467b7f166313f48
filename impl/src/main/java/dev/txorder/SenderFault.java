package dev.txorder;

/**
 * An injected failure of a sender: after it reserved its descriptors (see TxOrder.tla: Fail; M6
 * publishes nothing), or under {@code next} between its ticket and its reservation (see
 * TxOrder.tla: FailAssigned; M11 keeps the ticket).
 */
public final class SenderFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean beforeReserving;

    /** A failure after the sender reserved its descriptors. */
    public SenderFault(String message) {
        this(message, false);
    }

    public SenderFault(String message, boolean beforeReserving) {
        super(message, null, false, false);
        this.beforeReserving = beforeReserving;
    }

    /** Whether the sender failed before it reserved anything: none of its packets may leave. */
    public boolean beforeReserving() {
        return beforeReserving;
    }
}
