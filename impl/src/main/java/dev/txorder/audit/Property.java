package dev.txorder.audit;

/**
 * The properties of DESIGN.md §3, under the names the TLA+ spec and every report use.
 */
public enum Property {
    /** Every accepted packet is transmitted. */
    NoLoss,
    /** No packet is transmitted twice, and nothing is transmitted that was not sent. */
    NoDuplicate,
    /** Same flow: if send(a) returned before send(b) began, or a precedes b in one array, a leaves first. */
    FlowOrder,
    /** {@code next}: within a group, wire order = assignment (ticket) order. */
    GroupOrder,
    /** {@code next}: the packets of one request are consecutive on the group's wire. */
    RequestContiguity,
    /** {@code hash}: one flow key, one queue. */
    FlowAffinity,
    /** A packet only ever sits in a queue of its priority's group. */
    PriorityIsolation,
    /** Strict scheduling: nothing leaves a lower group while a higher group has a ready packet. */
    StrictPriority,
    /** WRR: while a group stays backlogged, each of its visits serves its weight, no more and no less. */
    WeightedShare,
    /** No two senders ever write the same descriptor. */
    SlotExclusion,
    /** No deadlock: every reserved descriptor is eventually consumed, faults included. */
    Progress
}
