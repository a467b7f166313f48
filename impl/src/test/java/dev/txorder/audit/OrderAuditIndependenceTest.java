package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Verdicts the audit must reach from the harness's own records (the send history on one clock, the
 * wire as transmitted), not from what the system under test says about itself.
 */
class OrderAuditIndependenceTest {
    private static final long MAC = 0x0a0bL;
    private static final TxConfig NEXT = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);

    /**
     * A driver that writes its tickets consistently with its own (wrong) order: request 1 leaves
     * before request 0 and carries the lower ticket, so the tickets agree with the wire. Request 0
     * returned before request 1 began, so the real-time check, which reads only the history's clock
     * and the wire, still sees GroupOrder broken.
     */
    @Test
    void shouldCatchWrongTicketsWrittenConsistentlyFromTheHistorysClock() {
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(0, 0, 0, MAC, 1, 1));
        h.add(new TxRequest(1, 1, 0, MAC, 2, 1));
        h.begin(0, 10);
        h.end(0, 20, SendHistory.Outcome.ACCEPTED);
        h.begin(1, 30);
        h.end(1, 40, SendHistory.Outcome.ACCEPTED);
        RecordingWire lying = new RecordingWire();
        lying.transmit(1, 1, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        lying.transmit(0, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);

        AuditReport r = new OrderAudit(NEXT, Simulation.newPath(NEXT, Simulation.Driver.TXORDER)).audit(h, lying, true);
        assertThat(r.violations(Property.GroupOrder)).as("tickets 0, 1 in wire order: only the clock can tell")
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("request 1 began after request 0 returned"));
    }

    /**
     * Which properties apply is what the run was configured to promise, not what the path says it
     * drains: the prior art under {@code next} owes GroupOrder too. It used to report GroupOrder
     * "not applicable" because its rings are drained round robin.
     */
    @Test
    void shouldJudgeThePriorArtUnderNextForGroupOrder() throws InterruptedException {
        TxConfig config = TxConfig.of(Layout.parse("0-3x2,4-7x2"), AssignmentPolicy.NEXT);
        var history = RandomRequests.generate(config.layout(), 2_000, 2, 4, 5);
        Simulation.Result r = Simulation.run(config, Simulation.Driver.SINGLE_QUEUE, history, FaultPlan.NONE,
                Simulation.DEFAULT_STALL_MILLIS);
        assertThat(r.audit().verdict(Property.GroupOrder)).isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(r.audit().verdict(Property.RequestContiguity)).isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(r.audit().verdict(Property.FlowAffinity)).isEqualTo(AuditReport.Verdict.NOT_APPLICABLE);
    }
}
