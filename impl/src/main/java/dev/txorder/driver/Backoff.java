package dev.txorder.driver;

/**
 * How a sender waits. The machine this suite targets has 2 cores and runs 3 busy threads (two
 * senders and the NIC), so a waiter that only spins steals the core the thread it waits for needs:
 * spin briefly, then yield.
 */
final class Backoff {
    private static final int SPIN_LIMIT = 64;

    private Backoff() {
    }

    /** One wait iteration; {@code iteration} counts from 0 within one wait. */
    static void pause(int iteration) {
        if (iteration < SPIN_LIMIT) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
