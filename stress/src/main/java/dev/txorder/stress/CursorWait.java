package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The state of {@code NextGroup_CursorWait_*}: one {@code next} group of two queues; writer A sends
 * one packet and then runs the NIC while writer B may still be filling; B sends a 2-packet array.
 * The arbiter drains what is left.
 *
 * <pre>
 *   B first:  q0 [B1 CURRENT, B2 NEXT]  q1 [A1 NEXT]
 *             A's NIC pass finds the cursor (q0) reserved but not written: it must WAIT there.
 * </pre>
 * The NIC runs on one thread at a time: writer A's actor, then the arbiter (JCStress orders the
 * actors before the arbiter). Outcome: (the request that took ticket 0, the wire).
 */
final class CursorWait {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_00_00_00_00_01L;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 1);
    private final TxRequest b = Rig.request('B', 1, MAC, 2);

    CursorWait(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writerAThenNic() {
        rig.send(a);
        // Races writer B: its descriptors may be reserved and unwritten right now.
        rig.nic.drainNow();
    }

    void writerB() {
        rig.send(b);
    }

    void nic(LL_Result r) {
        rig.nic.drainNow();
        r.r1 = rig.wire.firstAssigned('A', 'B', 0);
        r.r2 = rig.wire.text();
    }
}
