package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.StepProbe;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The state of {@code NextGroup_TicketFault_*}: one {@code next} group of two queues. The writer
 * sends packet A, which fails after taking its ticket and before reserving, then packet B. The NIC,
 * racing it, steps until it has sent one packet or given up; the arbiter drains what is left and
 * reports whether every reserved descriptor was consumed.
 *
 * <pre>
 *   A takes ticket 0 and fails: the ticket goes back; B takes ticket 0:  q0 [B1 NEXT]
 *   M11: A keeps ticket 0; B takes ticket 1:  q0 []  q1 [B1 NEXT]   the cursor waits at q0 forever
 * </pre>
 * Outcome: (the wire, drained or stalled).
 */
final class TicketFault {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_00_00_00_00_01L;
    /** NIC steps before the NIC actor stops waiting; the arbiter finishes the drain in any case. */
    private static final int NIC_STEPS = 1 << 14;

    /** A fails between its ticket and its reservation; nothing else fails. */
    private static final FaultPlan A_FAILS_BEFORE_RESERVING = new FaultPlan() {
        @Override
        public boolean failsBefore(TxRequest request, int written) {
            return false;
        }

        @Override
        public boolean failsBeforeReserve(TxRequest request) {
            return request.id == 'A';
        }
    };

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 1);
    private final TxRequest b = Rig.request('B', 0, MAC, 1);

    TicketFault(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writer() {
        try {
            rig.send(a, StepProbe.NONE, A_FAILS_BEFORE_RESERVING);
        } catch (SenderFault expected) {
            // The injected fault, between A's ticket and its reservation.
        }
        rig.send(b, StepProbe.NONE, A_FAILS_BEFORE_RESERVING);
    }

    void nic() {
        rig.stepNicUntil(1, NIC_STEPS);
    }

    void result(LL_Result r) {
        rig.nic.drainNow();
        r.r1 = rig.wire.text();
        r.r2 = rig.drained(2) ? "drained" : "stalled";
    }
}
