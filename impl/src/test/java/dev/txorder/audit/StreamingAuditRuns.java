package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@link StreamingAuditTest} (one thread) and {@link StreamingAuditRealThreadsTest} (real
 * threads) share: the layout, the configurations, a fault plan, and the comparison of the streaming
 * audit with the batch audit on every mutant's runs.
 */
final class StreamingAuditRuns {
    static final Layout LAYOUT = Layout.parse("0-3x2,4-7x3");
    static final FaultPlan SOME_FAIL = new FaultPlan() {
        @Override
        public boolean failsBefore(TxRequest r, int written) {
            return r.id % 23 == 5 && written == Math.min(1, r.packets - 1);
        }

        @Override
        public boolean failsBeforeReserve(TxRequest r) {
            return r.id % 31 == 7;
        }
    };

    private StreamingAuditRuns() {
    }

    /** Every policy under strict priority and under wrr(2, 1), rings of 16 descriptors. */
    static List<TxConfig> configs() {
        List<TxConfig> all = new ArrayList<>();
        for (AssignmentPolicy p : AssignmentPolicy.values()) {
            for (Scheduler s : List.of(Scheduler.STRICT, Scheduler.wrr(2, 1))) {
                all.add(TxConfig.of(LAYOUT, p).withScheduler(s).withRingSize(16));
            }
        }
        return all;
    }

    /** The streaming audit's verdicts on a finished run, replayed in an order drawn from {@code seed}. */
    static AuditReport streamed(Simulation.Result r, long seed) {
        return StreamingAudit.replay(r.config(), r.history(), r.wire(), r.drained(), r.path(), seed);
    }

    /** How one mutant's run is made: its configuration, its requests (2 000 of them) and its faults. */
    interface MutantRun {
        Simulation.Result run(TxConfig config, SendHistory requests, FaultPlan faults) throws InterruptedException;
    }

    /**
     * Runs each mutant, where it changes something, under every configuration, and asserts that the
     * streaming audit reaches the batch audit's verdicts (but for the difference {@link AuditAgreement}
     * expects). Returns the number of runs in which a property was violated.
     */
    static int assertAgreementOnEveryMutantsRuns(MutantRun how) throws InterruptedException {
        int violatedRuns = 0;
        for (Mutant m : Mutant.values()) {
            for (TxConfig base : configs()) {
                if (!m.changes(base.policy(), base.scheduler().kind())) {
                    continue;
                }
                TxConfig c = base.withMutants(Set.of(m));
                FaultPlan faults = m == Mutant.M6 || m == Mutant.M11 ? SOME_FAIL : FaultPlan.NONE;
                Simulation.Result r = how.run(c, RandomRequests.generate(LAYOUT, 2_000, 2, 6, 8, m.ordinal()), faults);
                AuditReport s = streamed(r, m.ordinal());
                assertThat(AuditAgreement.differences(r.audit(), s)).as("%s under %s:%nbatch:%n%sstreaming:%n%s", m, c,
                        r.audit().table(), s.table()).isEmpty();
                violatedRuns += s.holds() ? 0 : 1;
            }
        }
        return violatedRuns;
    }
}
