package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The state of {@code NextGroup_ArrayContiguity_*}: one {@code next} group of two queues; writer A
 * sends a 2-packet array, writer B a single packet; the NIC drains in the arbiter.
 *
 * <pre>
 *   ticket 0 -> queue 0   ticket 1 -> queue 1      NIC cursor starts at queue 0
 *   A first:  q0 [A1 CURRENT, A2 NEXT]  q1 [B1 NEXT]   wire A1 A2 B1
 *   B first:  q0 [B1 NEXT]  q1 [A1 CURRENT, A2 NEXT]   wire B1 A1 A2
 * </pre>
 * Outcome: (the request that took the group's first ticket, the wire).
 */
final class ArrayContiguity {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_00_00_00_00_01L;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 2);
    private final TxRequest b = Rig.request('B', 1, MAC, 1);

    ArrayContiguity(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writerA() {
        rig.send(a);
    }

    void writerB() {
        rig.send(b);
    }

    void nic(LL_Result r) {
        // The arbiter runs after both writers: every descriptor is written, none is waited for.
        rig.nic.drainNow();
        r.r1 = rig.wire.firstAssigned('A', 'B', 0);
        r.r2 = rig.wire.text();
    }
}
