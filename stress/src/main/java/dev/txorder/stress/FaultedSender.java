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
 * The state of {@code NextGroup_FaultedSender_*}: one {@code next} group of two queues. The writer
 * sends a 2-packet array A that fails after A1 is written (its A2 position is reserved), then a
 * packet B. The NIC, racing it, steps until it has sent two packets or given up; the arbiter drains
 * what is left and reports whether every reserved descriptor was consumed.
 *
 * <pre>
 *   q0 [A1 CURRENT, A2 no-op NEXT]  q1 [B1 NEXT]    the NIC passes the no-op and goes on to q1
 *   M6: q0 [A1 CURRENT, A2 never published]           the cursor waits at q0 forever; B1 stays
 * </pre>
 * Outcome: (the wire, drained or stalled).
 */
final class FaultedSender {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_00_00_00_00_01L;
    /** NIC steps before the NIC actor stops waiting; the arbiter finishes the drain in any case. */
    private static final int NIC_STEPS = 1 << 14;
    private static final FaultPlan FAIL_AFTER_FIRST_PACKET = (request, written) -> written == 1;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 2);
    private final TxRequest b = Rig.request('B', 0, MAC, 1);

    FaultedSender(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writer() {
        try {
            rig.send(a, StepProbe.NONE, FAIL_AFTER_FIRST_PACKET);
        } catch (SenderFault expected) {
            // The injected fault: A2's position is reserved and, in the correct design, a ready no-op.
        }
        rig.send(b);
    }

    void nic() {
        rig.stepNicUntil(2, NIC_STEPS);
    }

    void result(LL_Result r) {
        rig.nic.drainNow();
        r.r1 = rig.wire.text();
        r.r2 = rig.drained(2) ? "drained" : "stalled";
    }
}
