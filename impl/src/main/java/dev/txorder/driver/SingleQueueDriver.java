package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;

/**
 * The prior art the patent improves on: one transmit queue and one spinlock per priority group,
 * so every sender of a group waits for every other (patent ¶0004-0006).
 *
 * <pre>
 *   send(r) --priority--> group g --lock g--> reserve; fill; unlock --> TxRing[g] --> NIC
 * </pre>
 * The layout's queue counts are ignored: each group has exactly one ring.
 */
public final class SingleQueueDriver implements SendPath {
    private final TxConfig config;
    private final Layout layout;
    private final Layout queueLayout;
    private final TxRing[] rings;

    public SingleQueueDriver(TxConfig config) {
        this.config = config;
        this.layout = config.layout();
        int[][] prios = new int[layout.groupCount()][];
        int[] ones = new int[layout.groupCount()];
        rings = new TxRing[layout.groupCount()];
        for (QueueGroup g : layout.groups()) {
            prios[g.index()] = g.priorities();
            ones[g.index()] = 1;
            rings[g.index()] = new TxRing(g.index(), 0, config.ringSize(), null, TxRing.ReadyMark.of(config));
        }
        this.queueLayout = Layout.of(prios, ones);
    }

    @Override
    public void send(TxRequest r, StepProbe probe, FaultPlan faults) {
        QueueGroup group = SendPath.checkedGroup(layout, r, config.ringSize());
        TxRing ring = rings[group.index()];
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        probe.before(StepProbe.Step.RESERVE, r.cpu);
        ring.lock(probe, r.cpu);
        try {
            long pos = ring.reserve(r.packets, probe, r.cpu);
            ring.countRequest();
            // The position is the assignment order: recorded as the ticket so the audit can check it.
            ring.fill(pos, r, pos, Indicator.NONE, Indicator.NONE, probe, faults,
                    config.has(Mutant.M8), !config.has(Mutant.M6));
        } finally {
            ring.unlock();
        }
    }

    @Override
    public Layout queueLayout() {
        return queueLayout;
    }

    @Override
    public AssignmentPolicy drainPolicy(int group) {
        return AssignmentPolicy.HASH;
    }

    @Override
    public TxRing ring(int group, int queue) {
        if (queue != 0) {
            throw new IndexOutOfBoundsException("the prior art has one queue per group, not queue " + queue);
        }
        return rings[group];
    }
}
