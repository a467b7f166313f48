package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.Property;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.sim.Simulation;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The contract for the patent's driver under "next available" (ticket, queue t mod k, indicators). */
class TxDriverNextContractTest extends SendPathContractTest {
    private static final long MAC = 0x02_00_00_00_00_10L;

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

    /** A run on two queues of one group: request 0 fails between its ticket and its reservation, then request 1. */
    private record FailedBeforeReserving(TxDriver driver, SendHistory history, RecordingWire wire) { }

    private static FailedBeforeReserving failBeforeReserving(TxConfig c) {
        TxDriver p = new TxDriver(c);  // only shows the exception
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(0, 0, 0, MAC, MAC, 1));
        h.add(new TxRequest(1, 1, 0, MAC, MAC, 1));
        FaultPlan zeroFailsBeforeReserving = new FaultPlan() {
            @Override
            public boolean failsBefore(TxRequest r, int written) {
                return false;
            }

            @Override
            public boolean failsBeforeReserve(TxRequest r) {
                return r.id == 0;
            }
        };
        assertThatThrownBy(() -> p.send(new TxRequest(0, 0, 0, MAC, MAC, 1), StepProbe.NONE, zeroFailsBeforeReserving))
                .isInstanceOf(SenderFault.class).hasMessageContaining("before reserving")
                .matches(e -> ((SenderFault) e).beforeReserving(), "a fault before reserving");
        // The same fault again, through the harness, which records it; then request 1.
        TxDriver q = new TxDriver(c);
        AtomicLong clock = new AtomicLong();
        Simulation.sendOne(q, h, 0, h.load(0, new TxRequest()), zeroFailsBeforeReserving, StepProbe.NONE, clock::getAndIncrement);
        assertThat(h.outcome(0)).isEqualTo(SendHistory.Outcome.FAILED_BEFORE_RESERVING);
        Simulation.sendOne(q, h, 1, h.load(1, new TxRequest()), zeroFailsBeforeReserving, StepProbe.NONE, clock::getAndIncrement);
        RecordingWire wire = new RecordingWire();
        new SimulatedNic(q, c.scheduler(), wire, c.mutants()).drainNow();
        return new FailedBeforeReserving(q, h, wire);
    }

    @Test
    void shouldGiveTheTicketBackWhenASenderFailsBetweenTicketAndReservation() {
        TxConfig c = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4);
        FailedBeforeReserving run = failBeforeReserving(c);

        assertThat(run.driver().tickets(0)).as("ticket 0 went back and request 1 took it").isEqualTo(1);
        assertThat(run.driver().ring(0, 0).tail()).as("request 1 landed in queue 0, where the NIC's cursor is").isEqualTo(1);
        assertThat(run.wire().size()).isEqualTo(1);
        assertThat(run.wire().request(0)).isEqualTo(1);
        AuditReport audit = new OrderAudit(c, run.driver()).audit(run.history(), run.wire(), true);
        assertThat(audit.holds()).as(audit.table()).isTrue();
    }

    @Test
    void shouldStallTheCursorOnAnEmptyQueueWhenTheFailedSenderKeepsItsTicketUnderMutantM11() {
        // The same run with M11: the test above must be able to fail.
        TxConfig c = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withRingSize(4).withMutant(Mutant.M11);
        FailedBeforeReserving run = failBeforeReserving(c);

        assertThat(run.driver().tickets(0)).as("ticket 0 kept by the failed sender, request 1 took ticket 1").isEqualTo(2);
        assertThat(run.driver().ring(0, 1).tail()).as("request 1 went to queue 1").isEqualTo(1);
        assertThat(run.wire().size()).as("the cursor waits on queue 0, which nothing will ever fill").isZero();
        AuditReport audit = new OrderAudit(c, run.driver()).audit(run.history(), run.wire(), false);
        assertThat(audit.violated()).contains(Property.Progress);
    }
}
