package dev.txorder.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.Property;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * PriorityIsolation must be able to fail on a real run, as {@code MCMisroute} shows it for the spec:
 * no mutant of the design puts a packet in another group's queue, so the known-bad case here is a
 * driver configured with another priority map than the one the run is judged against (the drift
 * between an {@code mqprio} map and the driver's own table that a deployment can suffer). Real
 * sender threads, the real NIC; the audit reads the declared map, not the driver's.
 */
class MisrouteTest {
    /** Declared: priorities 0-1 in group 0, 2-3 in group 1. */
    private static final TxConfig DECLARED = TxConfig.of(Layout.parse("0-1x2,2-3x2"), AssignmentPolicy.NEXT);
    /** The driver's drifted map: priority 1 moved into group 1, the queues as declared. */
    private static final TxConfig DRIFTED = TxConfig.of(Layout.parse("0x2,1-3x2"), AssignmentPolicy.NEXT);

    private static AuditReport run(TxConfig driverConfig) throws InterruptedException {
        var requests = RandomRequests.generate(DECLARED.layout(), 200, 2, 3, 11);
        return Simulation.run(DECLARED, new TxDriver(driverConfig), null, requests, FaultPlan.NONE,
                Simulation.DEFAULT_STALL_MILLIS, null).audit();
    }

    @Test
    void shouldCatchADriverRoutingByAnotherPriorityMapAsPriorityIsolation(TestReporter facts) throws InterruptedException {
        AuditReport misrouted = run(DRIFTED);
        assertThat(misrouted.violated()).as(misrouted.table()).contains(Property.PriorityIsolation);
        assertThat(misrouted.violations(Property.PriorityIsolation)).first()
                .satisfies(v -> assertThat(v.detail()).contains("(priority 1, group 0) sat in a queue of group 1"));

        AuditReport control = run(DECLARED);
        assertThat(control.holds()).as("the same requests through a driver with the declared map:%n%s", control.table()).isTrue();

        // What `txorder verify` reads: a must-fail case that is no mutant of the design.
        facts.publishEntry(Map.of("witness", "Misroute", "property", Property.PriorityIsolation.name(), "examples", "1"));
    }
}
