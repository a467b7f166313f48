package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;

/** The contract for the patent's driver under "next available" (ticket, queue t mod k, indicators). */
class TxDriverNextContractTest extends SendPathContractTest {
    @Override
    protected TxConfig config(Layout layout) {
        return TxConfig.of(layout, AssignmentPolicy.NEXT);
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
