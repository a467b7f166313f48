package dev.txorder.driver;

import dev.txorder.SendInterruptedException;
import dev.txorder.SendResult;

/**
 * How a sender waits, and when it stops waiting. The machine this suite targets has 2 cores and
 * runs 3 busy threads (two senders and the NIC), so a waiter that only spins steals the core the
 * thread it waits for needs: spin briefly, then yield.
 *
 * <p>Every wait of the send path comes before the sender reserves anything, so a wait may end
 * with nothing to undo but a lock: when the thread is interrupted ({@link SendInterruptedException})
 * and when the caller asked not to wait at all ({@link StepProbe#mayWait()}, a {@code trySend}).
 */
final class Backoff {
    private static final int SPIN_LIMIT = 64;

    private Backoff() {
    }

    /** What a wait is for: the answer a non-blocking send gets when it would have waited. */
    enum Wait {
        RING_SPACE(SendResult.RING_FULL, "ring space"),
        LOCK(SendResult.LOCK_BUSY, "a lock");

        final WouldWait wouldWait;
        final String what;

        Wait(SendResult result, String what) {
            this.wouldWait = new WouldWait(result);
            this.what = what;
        }
    }

    /**
     * One iteration of a wait for {@code what}, {@code iteration} counting from 0 within the wait:
     * tells the probe, then gives up or pauses.
     *
     * @throws WouldWait                if the probe does not let the sender wait
     * @throws SendInterruptedException if the thread is interrupted (its status stays set)
     */
    static void pause(StepProbe probe, int cpu, Wait what, int iteration) {
        probe.before(StepProbe.Step.WAIT, cpu);
        if (!probe.mayWait()) {
            throw what.wouldWait;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new SendInterruptedException("interrupted while waiting for " + what.what
                    + "; nothing was reserved");
        }
        if (iteration < SPIN_LIMIT) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** The end of a wait a non-blocking send would have had to make. Shared and stackless: it carries no state. */
    static final class WouldWait extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SendResult result;

        WouldWait(SendResult result) {
            super(result.name(), null, false, false);
            this.result = result;
        }
    }
}
