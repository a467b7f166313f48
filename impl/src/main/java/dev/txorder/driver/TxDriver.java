package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The patent's send path: several transmit queues per priority group, each with its own
 * resources, so that senders on different queues of one group never wait for each other.
 *
 * <pre>
 *   send(r) --priority--> group g --policy--> queue q of g --reserve--> TxRing[g][q] --fill--> NIC
 *
 *   hash:  q = key(r) mod k                          lock q; reserve; fill; unlock
 *   next:  t = ticket_g++ ; q = t mod k              wait TURN_q == t / k; reserve; TURN_q++;
 *                                                    fill without a lock; mark each descriptor ready
 * </pre>
 *
 * <p>Why {@code next} keeps absolute order: the NIC visits the group's queues in the same
 * round-robin sequence as the tickets (cursor + indicators), so it expects ticket t's packets at
 * the tail queue {@code t mod k} had when tickets {@code < t} of that queue had reserved. Reserving
 * in ticket order per queue ({@code TURN}) makes that position exactly where t's packets land.
 * Taking the ticket and then appending at whatever the tail is (mutant M1) lets ticket t+k
 * overtake t between the two steps.
 */
public final class TxDriver implements SendPath {

    private final TxConfig config;
    private final Layout layout;
    private final GroupPath[] groups;
    private final boolean plainPublish;
    private final boolean noopsOnFault;

    /** Per group: the ticket counter (next policy) and the rings. */
    private static final class GroupPath {
        // Padded so that two groups' tickets never share a cache line.
        @SuppressWarnings("unused")
        long p01, p02, p03, p04, p05, p06, p07;
        final AtomicLong ticket = new AtomicLong();
        @SuppressWarnings("unused")
        long q01, q02, q03, q04, q05, q06, q07;
        final TxRing[] rings;
        final int k;

        GroupPath(TxRing[] rings) {
            this.rings = rings;
            this.k = rings.length;
        }
    }

    public TxDriver(TxConfig config) {
        this.config = config;
        this.layout = config.layout();
        this.groups = new GroupPath[layout.groupCount()];
        for (QueueGroup g : layout.groups()) {
            TxRing[] rings = new TxRing[g.queueCount()];
            for (int q = 0; q < rings.length; q++) {
                rings[q] = new TxRing(g.index(), q, config.ringSize());
            }
            groups[g.index()] = new GroupPath(rings);
        }
        this.plainPublish = config.has(Mutant.M8);
        this.noopsOnFault = !config.has(Mutant.M6);
    }

    public TxConfig config() {
        return config;
    }

    @Override
    public void send(TxRequest r, StepProbe probe, FaultPlan faults) {
        QueueGroup group = SendPath.checkedGroup(layout, r, config.ringSize());
        GroupPath g = groups[group.index()];
        if (config.policy() == AssignmentPolicy.NEXT) {
            sendNext(g, r, probe, faults);
        } else {
            sendHash(g, r, probe, faults);
        }
    }

    private void sendNext(GroupPath g, TxRequest r, StepProbe probe, FaultPlan faults) {
        // see TxOrder.tla: Assign
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        long t = g.ticket.getAndIncrement();
        int q = (int) (t % g.k);
        TxRing ring = g.rings[q];
        Indicator nonFinal = config.has(Mutant.M3) ? Indicator.NEXT : Indicator.CURRENT;

        // see TxOrder.tla: Reserve
        probe.before(StepProbe.Step.RESERVE, r.cpu);
        long pos;
        if (config.has(Mutant.M5)) {
            pos = ring.reserveUnowned(r.packets, probe, r.cpu);
            ring.count(r.packets, 0);
        } else if (config.has(Mutant.M1)) {
            long waits = ring.lock(probe, r.cpu);
            try {
                pos = ring.reserve(r.packets, probe, r.cpu);
                ring.count(r.packets, waits);
                ring.fill(pos, r, t, nonFinal, Indicator.NEXT, probe, faults, plainPublish, noopsOnFault);
            } finally {
                ring.unlock();
            }
            return;
        } else {
            long local = t / g.k;
            long waits = ring.awaitTurn(local, probe, r.cpu);
            try {
                pos = ring.reserve(r.packets, probe, r.cpu);
                ring.count(r.packets, waits);
            } finally {
                ring.passTurn(local);
            }
        }
        // see TxOrder.tla: Write -- no lock: the positions are this sender's alone.
        ring.fill(pos, r, t, nonFinal, Indicator.NEXT, probe, faults, plainPublish, noopsOnFault);
    }

    private void sendHash(GroupPath g, TxRequest r, StepProbe probe, FaultPlan faults) {
        // see TxOrder.tla: Assign
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        int q = queueOf(r, g.k);
        TxRing ring = g.rings[q];

        // see TxOrder.tla: Reserve
        probe.before(StepProbe.Step.RESERVE, r.cpu);
        if (config.has(Mutant.M5)) {
            long pos = ring.reserveUnowned(r.packets, probe, r.cpu);
            ring.count(r.packets, 0);
            ring.fill(pos, r, -1L, Indicator.NONE, Indicator.NONE, probe, faults, plainPublish, noopsOnFault);
            return;
        }
        long waits = ring.lock(probe, r.cpu);
        try {
            long pos = ring.reserve(r.packets, probe, r.cpu);
            ring.count(r.packets, waits);
            // see TxOrder.tla: Write -- under the queue lock, as the patent's spinlock (¶0041).
            ring.fill(pos, r, -1L, Indicator.NONE, Indicator.NONE, probe, faults, plainPublish, noopsOnFault);
        } finally {
            ring.unlock();
        }
    }

    /** The queue a {@code hash} request goes to; mutant M4 hashes the request id, which varies within a flow. */
    int queueOf(TxRequest r, int k) {
        if (config.has(Mutant.M4)) {
            return QueueSelector.mix(r.id, k);
        }
        return config.hashKey() == HashKey.MAC ? QueueSelector.byMac(r.dstMac, k) : QueueSelector.mix(r.flow, k);
    }

    @Override
    public Layout queueLayout() {
        return layout;
    }

    @Override
    public AssignmentPolicy drainPolicy(int group) {
        return config.policy();
    }

    @Override
    public TxRing ring(int group, int queue) {
        return groups[group].rings[queue];
    }

    /** Tickets taken so far in {@code group} (next policy). */
    public long tickets(int group) {
        return groups[group].ticket.get();
    }
}
