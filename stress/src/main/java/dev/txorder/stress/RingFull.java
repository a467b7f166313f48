package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.StepProbe;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The state of {@code NextGroup_RingFull*}: one {@code next} group of one queue whose ring holds 2
 * descriptors, already full with the 2-packet array P when the writers start. Writer A sends one
 * packet, writer B a 2-packet array: both must wait for space (backpressure), in ticket order.
 *
 * <p>Who drains while both writers wait? With the NIC in the arbiter, a waiting writer would
 * never return (the arbiter runs after the actors), and a third, NIC actor cannot be scheduled on
 * a 2-CPU machine. So a waiting writer drives the NIC itself: the send path calls its
 * {@link StepProbe} once per wait iteration, and the probe steps the NIC under
 * {@link Rig#tryStepNic()} (one stepper at a time). A driver that reclaims descriptors in its
 * transmit path does the same. {@link #dedicatedNic()} is the 3-actor form of the same test.
 *
 * <p>A writer that waits {@link #GIVE_UP} iterations gives up (the probe throws): the sample then
 * reads {@code stuck} instead of hanging the run, and counts as a Progress violation.
 *
 * <pre>
 *   ring [P1 P2] full -> NIC sends P1 -> 1 free ... ; ticket order decides A1 | B1 B2 after P
 * </pre>
 * Outcome: (the request that took the first ticket after P, the wire [+ stuck]).
 */
final class RingFull {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT).withRingSize(2));
    private static final long MAC = 0x02_00_00_00_00_01L;
    private static final int GIVE_UP = 1 << 20;
    private static final int NIC_STEPS = 1 << 16;

    /** Thrown by the probe to end a wait that cannot end; no stack trace, it is a verdict. */
    private static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GaveUp() {
            super("waited " + GIVE_UP + " iterations", null, false, false);
        }
    }

    private final Rig rig;
    private final long base;
    private final TxRequest a = Rig.request('A', 0, MAC, 1);
    private final TxRequest b = Rig.request('B', 1, MAC, 2);
    /** Wait iterations per writer (index = cpu); each slot is written by its own writer only. */
    private final int[] waits = new int[2];
    /** Written by a writer that gave up, read by the arbiter after the actors. */
    private boolean stuck;
    private final boolean writersDriveNic;
    private final StepProbe onWait = this::beforeStep;

    /** @param writersDriveNic false for the 3-actor form, where {@link #dedicatedNic()} drains */
    RingFull(Impl impl, boolean writersDriveNic) {
        this.writersDriveNic = writersDriveNic;
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
        rig.send(Rig.request('P', 0, MAC, 2));
        // After P: TxDriver's next ticket is 1; the prior art's "ticket" is the ring position, 2.
        base = impl.singleQueue() ? 2 : 1;
    }

    private void beforeStep(StepProbe.Step step, int cpu) {
        if (step == StepProbe.Step.WAIT) {
            if (++waits[cpu] > GIVE_UP) {
                throw new GaveUp();
            }
            if (writersDriveNic) {
                rig.tryStepNic();
            }
        }
    }

    void writerA() {
        send(a);
    }

    void writerB() {
        send(b);
    }

    private void send(TxRequest r) {
        try {
            rig.send(r, onWait, FaultPlan.NONE);
        } catch (GaveUp e) {
            stuck = true;
        }
    }

    /** The NIC actor of the 3-actor form: steps until P, A and B are out, or gives up. */
    void dedicatedNic() {
        for (int i = 0; i < NIC_STEPS && rig.wire.size() < 5; i++) {
            if (!rig.tryStepNic()) {
                Thread.onSpinWait();
            }
        }
    }

    void result(LL_Result r) {
        rig.nic.drainNow();
        r.r1 = rig.wire.firstAssigned('A', 'B', base);
        r.r2 = stuck ? rig.wire.text() + " stuck" : rig.wire.text();
    }
}
