package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The state of {@code NextGroup_TicketOrder_*}: one {@code next} group of ONE queue, so that the
 * two racing tickets land in the same queue. In a group of k queues that is the race of tickets t
 * and t+k, which needs a third request in between; with k = 1 two writers meet it on every sample.
 * Writer A sends a 2-packet array, writer B one packet; the NIC drains in the arbiter.
 *
 * <pre>
 *   correct:  ticket t reserves when TURN == t   ->  queue order = ticket order
 *   M1:       ticket, then lock and append        ->  ticket 1 can append before ticket 0
 *   M5:       plain TAIL read/write, no owner     ->  both claim position 0
 * </pre>
 * Outcome: (the request that took ticket 0, the wire).
 */
final class TicketOrder {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_00_00_00_00_01L;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 2);
    private final TxRequest b = Rig.request('B', 1, MAC, 1);

    TicketOrder(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writerA() {
        rig.send(a);
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
