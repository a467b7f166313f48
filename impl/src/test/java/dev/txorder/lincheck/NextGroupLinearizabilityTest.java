package dev.txorder.lincheck;

import dev.txorder.Mutant;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Lincheck model checking of the real {@code next} send path ({@code TxDriver}) and adapter
 * ({@code SimulatedNic}) of one group of 2 queues.
 *
 * <p>Sequential specification ({@link NextGroupFifo}): a FIFO of requests. {@code send(id, n)}
 * enqueues the n packets of request {@code id} at once; {@code transmit()} dequeues one packet,
 * or returns {@code none} exactly when the FIFO is empty. Linearizability to it is GroupOrder,
 * RequestContiguity, NoLoss and NoDuplicate for the group. {@code transmit} is the adapter's next
 * transmission ({@link NicPort}): the adapter is one thread, so every scenario runs it in one
 * Lincheck thread (the generator's {@code nonParallelGroup} says the same for random scenarios).
 *
 * <p>Bounds ({@link Scenarios#nextGroup}): threads = 2 senders + 1 adapter; rings of 4 that start
 * 3 positions into their first lap, so descriptors wrap; {@value #FREE} scenarios in which each
 * sender sends 2 requests of 1..2 packets (a queue can end exactly full) against 2..3 transmits,
 * and {@value #PREFILLED} in which both rings start one descriptor short of full and both senders
 * must wait for the adapter; {@value #INVOCATIONS} interleavings per scenario; the post part drains
 * the rest and checks that the FIFO ends empty.
 */
class NextGroupLinearizabilityTest {
    static final int FREE = 6;
    static final int PREFILLED = 2;
    static final int INVOCATIONS = 300;

    public static final class Correct extends NextGroupUnderTest {
        public Correct() {
            super(Injected.onto(correct()));
        }
    }

    public static final class WithM1 extends NextGroupUnderTest {
        public WithM1() {
            super(correct().withMutant(Mutant.M1));
        }
    }

    public static final class WithM2 extends NextGroupUnderTest {
        public WithM2() {
            super(correct().withMutant(Mutant.M2));
        }
    }

    public static final class WithM3 extends NextGroupUnderTest {
        public WithM3() {
            super(correct().withMutant(Mutant.M3));
        }
    }

    private static ModelCheckingOptions options() {
        List<ExecutionScenario> scenarios = Scenarios.nextGroup(FREE, PREFILLED);
        return LincheckRun.options(scenarios, NextGroupFifo.class, INVOCATIONS);
    }

    @Test
    void shouldLinearizeNextGroupToFifoOfRequests(TestReporter facts) {
        LincheckRun.expectLinearizable(options(), Correct.class, "GroupOrder", facts);
    }

    /**
     * Guards the bounds: with one transmit instead of four, the prefilled scenario's sender of
     * queue 1 never gets ring space, so the correct design hangs. The prefilled scenarios therefore
     * really exercise backpressure (TxRing.awaitSpace), not just a ring that happens to fit.
     */
    @Test
    void shouldMakePrefilledSendersWaitForRingSpace() {
        ModelCheckingOptions starved = LincheckRun.options(
                List.of(Scenarios.nextGroupPrefilled(1)), NextGroupFifo.class, INVOCATIONS);
        LincheckRun.expectHang(starved, Correct.class);
    }

    /** Ticket t+2 locks queue t mod 2 before ticket t and takes the position the adapter expects for t. */
    @Test
    void shouldCatchM1TicketThenLockAppendAtTail(TestReporter facts) {
        LincheckRun.expectLinearizabilityFailure(options(), WithM1.class, Mutant.M1, facts);
    }

    /** The adapter passes a cursor queue whose head is reserved but unwritten: an array is split. */
    @Test
    void shouldCatchM2AdapterSkippingUnwrittenCursorHead(TestReporter facts) {
        LincheckRun.expectLinearizabilityFailure(options(), WithM2.class, Mutant.M2, facts);
    }

    /** NEXT on the first packet of an array sends the adapter to the other queue mid-request. */
    @Test
    void shouldCatchM3NextIndicatorOnEveryPacket(TestReporter facts) {
        LincheckRun.expectLinearizabilityFailure(options(), WithM3.class, Mutant.M3, facts);
    }
}
