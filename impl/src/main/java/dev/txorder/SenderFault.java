package dev.txorder;

/** An injected failure of a sender after it reserved its descriptors (DESIGN.md §2, M6). */
public final class SenderFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SenderFault(String message) {
        super(message, null, false, false);
    }
}
