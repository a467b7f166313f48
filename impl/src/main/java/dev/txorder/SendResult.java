package dev.txorder;

/** What a non-blocking send ({@code SendPath.trySend}) did. */
public enum SendResult {
    /** Every packet is queued, as by a blocking send. */
    SENT,
    /** The request's ring had no room for all its packets; nothing was queued and no ticket is taken. */
    RING_FULL,
    /** Another sender held the lock this one needed (the group's assignment lock, or the queue's); nothing was queued. */
    LOCK_BUSY
}
