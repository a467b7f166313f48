package dev.txorder.stress;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Rig;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * The state of {@code Descriptor_ReadyFlag_*}: the writer fills one descriptor and marks it ready;
 * the NIC, racing it, takes one step. The question is the message-passing one of the JMM: can the
 * NIC see the ready mark ({@code published}, acquire) without the row written before it (release)?
 * <pre>
 *   writer:  request=A packet=1 dstMac=M ... ; published = 0 (release; M8: plain)
 *   nic:     published == 0 ? (acquire) ; read request, packet, dstMac ; transmit
 * </pre>
 * Outcome: the wire, with a packet whose MAC is not M marked {@code !mac}.
 */
final class ReadyFlag {
    private static final TxConfig[] CONFIGS =
            Impl.configs(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT).withRingSize(4));
    private static final long MAC = 0x02_5e_00_00_00_2aL;

    private final Rig rig;
    private final TxRequest a = Rig.request('A', 0, MAC, 1);

    ReadyFlag(Impl impl) {
        rig = new Rig(impl, CONFIGS[impl.ordinal()]);
    }

    void writer() {
        rig.send(a);
    }

    void nic() {
        rig.nic.step();
    }

    void result(L_Result r) {
        String wire = rig.wire.text();
        // Only the NIC actor's one step counts: the arbiter does not drain.
        r.r1 = rig.wire.size() == 1 && rig.wire.dstMac(0) != MAC ? wire + " !mac" : wire;
    }
}
