package dev.txorder;

/** Which queue of its group a transmit request goes to (DESIGN.md §1). */
public enum AssignmentPolicy {
    /** The queue is a function of a flow key, so one flow always lands in one queue: flow order. */
    HASH,
    /**
     * Next available: requests take the group's queues in round-robin turn, a whole request in one
     * queue, every descriptor carries an {@link Indicator}: absolute order within the group.
     */
    NEXT;

    public static AssignmentPolicy parse(String text) {
        if (text != null) {
            for (AssignmentPolicy p : values()) {
                if (p.name().equalsIgnoreCase(text.strip())) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("policy", "'" + text + "' is not a policy; allowed: hash, next");
    }
}
