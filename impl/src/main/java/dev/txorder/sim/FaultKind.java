package dev.txorder.sim;

/**
 * The faults a live run injects, each by name. Every one must leave nothing accepted unsent,
 * nothing unsent on the wire, nothing reordered, and the NIC draining.
 */
public enum FaultKind {
    /** A sender fails part-way through writing its descriptors; the rest become no-ops. */
    FAIL_WRITING("failed part-way through its writes"),
    /** next: a sender fails between its ticket and its claim; the ticket goes back. */
    FAIL_AFTER_TICKET("failed between ticket and claim"),
    /** A sender that failed dies again on its way through the no-op path. */
    DIE_ON_NOOP_PATH("died on the no-op path"),
    /** A sender interrupted while it waits for ring space or a lock; it reserves nothing. */
    INTERRUPTED("interrupted while waiting"),
    /** A non-blocking send that would have had to wait (ring full, lock held) and queued nothing. */
    TRY_SEND_REFUSED("trySend refused"),
    /** The NIC paused (flow control) and resumed. */
    NIC_PAUSE("NIC paused and resumed");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
