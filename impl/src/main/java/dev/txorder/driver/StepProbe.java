package dev.txorder.driver;

/**
 * A hook at every step of the send path that another sender could observe, named after the
 * TLA+ actions ({@code TxOrder.tla}). Production code passes {@link #NONE}; the property tests
 * pass a probe that blocks each sender at each step until a generated schedule lets it go, so
 * that a failing interleaving shrinks to a minimal schedule and replays from its seed.
 *
 * <p>Every wait loop of the send path calls the probe once per iteration ({@link Step#WAIT}), so
 * a controlled sender that waits for another one yields to the schedule instead of spinning.
 */
@FunctionalInterface
public interface StepProbe {
    /** The steps of the send path; the names are the TLA+ action names. */
    enum Step {
        /** The request gets its queue (hash: flow key; next: the group's ticket). */
        ASSIGN,
        /**
         * The request claims its descriptors in that queue. Under {@code next} the claim is taken
         * together with the ticket (one step under the group's assignment lock): the driver calls
         * this right after that step, so that a schedule still sees both names in order.
         */
        RESERVE,
        /** One descriptor is written and marked ready. */
        WRITE,
        /** A fault after Reserve: the remaining reserved descriptors become ready no-ops. */
        FAIL,
        /** One iteration of a wait (for the group's assignment lock, the queue's lock, or ring space). */
        WAIT
    }

    /** Called by sender {@code cpu} just before it takes {@code step}. */
    void before(Step step, int cpu);

    /**
     * Whether the sender may wait at a {@link Step#WAIT}; false makes the send give up there, with
     * nothing reserved ({@link SendPath#trySend}).
     */
    default boolean mayWait() {
        return true;
    }

    StepProbe NONE = (step, cpu) -> { };

    /** No hook, and no waiting: a non-blocking send. */
    StepProbe NO_WAIT = new StepProbe() {
        @Override
        public void before(Step step, int cpu) {
        }

        @Override
        public boolean mayWait() {
            return false;
        }
    };
}
