package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.TxConfig;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;

/** The contract for the patent's driver under hash of the destination MAC (one spinlock per queue). */
class TxDriverHashContractTest extends SendPathContractTest {
    @Override
    protected TxConfig config(Layout layout) {
        return TxConfig.of(layout, AssignmentPolicy.HASH).withHashKey(HashKey.MAC);
    }

    @Override
    protected Simulation.Driver driver() {
        return Simulation.Driver.TXORDER;
    }

    @Override
    protected boolean fillsQueuesOfOneGroupInParallel() {
        return true;
    }
}
