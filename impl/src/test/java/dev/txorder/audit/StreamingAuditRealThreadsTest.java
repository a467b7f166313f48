package dev.txorder.audit;

import static dev.txorder.audit.StreamingAuditRuns.LAYOUT;
import static dev.txorder.audit.StreamingAuditRuns.SOME_FAIL;
import static dev.txorder.audit.StreamingAuditRuns.configs;
import static dev.txorder.audit.StreamingAuditRuns.streamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.TxConfig;
import dev.txorder.driver.FaultPlan;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming audit against the batch audit on real-thread runs, correct and mutant. These take
 * 10-14 s each, so mutation testing leaves them out (impl/README.md); the one-thread cases are in
 * {@link StreamingAuditTest}.
 */
class StreamingAuditRealThreadsTest {
    @Test
    void shouldAgreeWithTheBatchAuditOnRandomRealThreadRuns() throws InterruptedException {
        int runs = 0;
        for (TxConfig c : configs()) {
            for (Simulation.Driver d : Simulation.Driver.values()) {
                for (FaultPlan faults : List.of(FaultPlan.NONE, SOME_FAIL)) {
                    long seed = 17L * ++runs;
                    var history = RandomRequests.generate(LAYOUT, 3_000, 3, 6, 8, seed);
                    Simulation.Result r = Simulation.run(c, d, history, faults, Simulation.DEFAULT_STALL_MILLIS);
                    AuditReport s = streamed(r, seed);
                    assertThat(r.audit().holds()).as("batch, %s %s", d, c).isTrue();
                    assertThat(s.violated()).as("streaming, %s %s:%n%s", d, c, s.table()).isEmpty();
                    assertThat(s.packets()).isEqualTo(r.wire().size());
                }
            }
        }
        assertThat(runs).isEqualTo(16);
    }

    /** Each mutant's real-thread runs, where it changes something: the same verdicts. */
    @Test
    void shouldAgreeWithTheBatchAuditOnEveryMutantsRealThreadRuns() throws InterruptedException {
        int violatedRuns = StreamingAuditRuns.assertAgreementOnEveryMutantsRuns(
                (c, requests, faults) -> Simulation.run(c, Simulation.Driver.TXORDER, requests, faults, 300));
        assertThat(violatedRuns).as("runs in which the mutants showed (20 of 34 on 2 cores)")
                .isGreaterThanOrEqualTo(5);
    }
}
