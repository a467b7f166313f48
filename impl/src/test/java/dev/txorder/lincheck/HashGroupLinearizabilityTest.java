package dev.txorder.lincheck;

import dev.txorder.Mutant;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Lincheck model checking of the real {@code hash} send path ({@code TxDriver}: a spinlock per
 * queue) and adapter ({@code SimulatedNic}) of one group of 2 queues.
 *
 * <p>Sequential specification ({@link HashGroupFifos}): one FIFO per queue, flow {@code f} always
 * in FIFO {@code f mod 2}; {@code send(id, f)} enqueues one packet, {@code transmit()} dequeues from
 * the next non-empty FIFO in the adapter's round robin, or returns {@code none} exactly when every
 * FIFO is empty. Linearizability to it is FlowAffinity, FlowOrder, NoLoss and NoDuplicate.
 *
 * <p>Bounds ({@link Scenarios#hashGroup}): threads = 2 senders + 1 adapter; rings of 2 that start
 * 1 position into their first lap; {@value #FREE} scenarios in which each sender sends 2
 * one-packet requests (2 per flow, so a ring can end exactly full) against 2..3 transmits, and
 * {@value #PREFILLED} in which both rings start full and the senders wait for the adapter;
 * {@value #INVOCATIONS} interleavings per scenario; the post part drains the rest.
 */
class HashGroupLinearizabilityTest {
    static final int FREE = 4;
    static final int PREFILLED = 2;
    static final int INVOCATIONS = 150;

    public static final class Correct extends HashGroupUnderTest {
        public Correct() {
            super(Injected.onto(correct()));
        }
    }

    public static final class WithM4 extends HashGroupUnderTest {
        public WithM4() {
            super(correct().withMutant(Mutant.M4));
        }
    }

    public static final class WithM5 extends HashGroupUnderTest {
        public WithM5() {
            super(correct().withMutant(Mutant.M5));
        }
    }

    private static ModelCheckingOptions options() {
        return LincheckRun.options(Scenarios.hashGroup(FREE, PREFILLED), HashGroupFifos.class, INVOCATIONS);
    }

    @Test
    void shouldLinearizeHashGroupToOneFifoPerQueue(TestReporter facts) {
        LincheckRun.expectLinearizable(options(), Correct.class, "FlowOrder", facts);
    }

    /** Hashing the request id puts one flow's requests in both queues: the round robin reorders them. */
    @Test
    void shouldCatchM4HashKeyVaryingWithinFlow(TestReporter facts) {
        LincheckRun.expectLinearizabilityFailure(options(), WithM4.class, Mutant.M4, facts);
    }

    /**
     * Without the queue's lock, a sender of a flow can reserve and finish behind another that has
     * reserved but not yet written (the interleaving Lincheck finds first): the adapter finds the
     * queue's head unwritten and serves the other queue although a finished request of this flow is
     * waiting, so the queue is no longer a FIFO; with other timing two senders read one TAIL and
     * one packet is lost.
     */
    @Test
    void shouldCatchM5TwoWritersClaimingOneDescriptorOfAFlow(TestReporter facts) {
        LincheckRun.expectLinearizabilityFailure(options(), WithM5.class, Mutant.M5, facts);
    }
}
