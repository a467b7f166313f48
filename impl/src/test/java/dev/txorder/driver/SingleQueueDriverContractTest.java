package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;

/** The contract for the prior art: one queue and one lock per group, whatever the layout's k. */
class SingleQueueDriverContractTest extends SendPathContractTest {
    @Override
    protected TxConfig config(Layout layout) {
        return TxConfig.of(layout, AssignmentPolicy.HASH);
    }

    @Override
    protected Simulation.Driver driver() {
        return Simulation.Driver.SINGLE_QUEUE;
    }

    @Override
    protected boolean fillsQueuesOfOneGroupInParallel() {
        return false;
    }
}
