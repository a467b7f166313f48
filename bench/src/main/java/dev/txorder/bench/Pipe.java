package dev.txorder.bench;

/**
 * One implementation under test: many senders put requests of one or more packets in, one
 * consumer thread (the {@link dev.txorder.nic.SimulatedNic} or the peer's equivalent) takes the
 * packets out and counts them. Created started; {@link #close()} stops the consumer.
 */
interface Pipe extends AutoCloseable {

    /** Queues every packet of the sender's current request, waiting while the queue is full. */
    void send(Sender sender);

    /**
     * Wait iterations of all senders so far (spins, yields, lock and turn waits, ring-full waits),
     * for implementations that count them in shared statistics; 0 for the others (the peers count
     * theirs per sender, if at all: see {@link Sender}).
     */
    default long waits() {
        return 0;
    }

    /** The part of {@link #waits()} spent waiting for ring space (not for a lock or a turn). */
    default long ringFullWaits() {
        return 0;
    }

    /** Requests that found their ring full so far, counted in shared statistics; 0 otherwise. */
    default long ringFullEvents() {
        return 0;
    }

    /**
     * Nanoseconds all senders so far waited for a lock or the assignment step, for the
     * implementations that have one and time it (txorder's); 0 for the others.
     */
    default long lockWaitNanos() {
        return 0;
    }

    /**
     * For txorder's {@code SimulatedNic}: its scheduling decisions that found nothing ready, those
     * of them that waited for order (a later ticket written, the cursor's not), and the time it
     * spent with nothing ready; 0 for the peers, whose consumers do not count theirs.
     */
    default long nicIdleSteps() {
        return 0;
    }

    default long nicOrderWaits() {
        return 0;
    }

    default long nicIdleNanos() {
        return 0;
    }

    @Override
    void close() throws InterruptedException;
}
