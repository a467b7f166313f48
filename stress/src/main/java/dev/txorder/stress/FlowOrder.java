package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * The state of {@code HashGroup_*}: one {@code hash} group of two queues keyed by destination MAC.
 * Writer A sends a 2-packet array A and then a packet C, both on flow X (MAC ..:00, queue 0): A
 * returns before C begins, so FlowOrder requires A1 A2 C1 in that order. Writer B sends one packet B,
 * on flow X too ({@code sameFlow}: it contends for queue 0's lock) or on flow Y (MAC ..:01, queue 1),
 * and then runs the NIC while A may still be sending. The arbiter drains the rest.
 *
 * <pre>
 *   same flow:  q0 [A1 A2 C1 with B1 before, between or after]  q1 []
 *   two flows:  q0 [A1 A2 C1]  q1 [B1]   NIC: round robin, one descriptor per visit
 *   M4:         queue = mix(request id): A, B -> q1, C -> q0, so C can leave before A
 * </pre>
 * Outcome: the wire.
 */
final class FlowOrder {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH).withRingSize(4));
    private static final long FLOW_X = 0x02_00_00_00_00_00L;
    private static final long FLOW_Y = 0x02_00_00_00_00_01L;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, FLOW_X, 2);
    private final TxRequest c = Rig.request('C', 0, FLOW_X, 1);
    private final TxRequest b;

    FlowOrder(Impl impl, boolean sameFlow) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
        b = Rig.request('B', 1, sameFlow ? FLOW_X : FLOW_Y, 1);
    }

    void writerA() {
        rig.send(a);
        rig.send(c);
    }

    void writerBThenNic() {
        rig.send(b);
        // Races writer A, whose descriptors may be half written.
        rig.nic.drainNow();
    }

    void nic(L_Result r) {
        rig.nic.drainNow();
        r.r1 = rig.wire.text();
    }
}
