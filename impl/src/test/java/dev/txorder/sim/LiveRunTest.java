package dev.txorder.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.Property;
import dev.txorder.layout.Layout;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Live runs audited as they go, and the soak built on them. */
class LiveRunTest {
    private static final Soak.Listener QUIET = new Soak.Listener() {
        @Override
        public void started(int epoch, LiveRun.Mix mix) {
        }

        @Override
        public void finished(int epoch, LiveRun.Outcome outcome) {
        }
    };

    @Test
    void shouldHoldOverEpochsOfChangingMixesWithFaults() throws InterruptedException {
        AtomicLong audited = new AtomicLong();
        Soak.Result r = Soak.run(new Soak.Options(3_000_000, 0, 3, 11, 250_000, Set.of(), -1, 2_000), QUIET, audited);
        assertThat(r.holds()).isTrue();
        // 3,000,000 packets at 250,000 per epoch is 12 epochs if every packet given were sent; failed senders send
        // fewer, so it takes more, how many more depends on where the threads happened to fail (15 was seen once
        // under load, 12-14 usually). Faults never cost half of an epoch's packets: at most 24.
        assertThat(r.epochs()).as("failed senders send fewer packets than they were given").isBetween(12, 24);
        assertThat(r.packets()).isEqualTo(audited.get()).isGreaterThanOrEqualTo(3_000_000);
        for (FaultKind k : FaultKind.values()) {
            assertThat(r.faults(k)).as("%s injected", k).isPositive();
        }
        assertThat(r.peakInFlight()).isLessThan(10_000);
    }

    @Test
    void shouldCatchAMutantLiveAndStopAtTheFirstFailingEpoch() throws InterruptedException {
        Soak.Result r = Soak.run(new Soak.Options(5_000_000, 0, 2, 5, 500_000, Set.of(Mutant.M3), -1, 2_000), QUIET,
                new AtomicLong());
        assertThat(r.holds()).isFalse();
        assertThat(r.failed().audit().violated()).contains(Property.RequestContiguity);
        assertThat(r.failed().mix().config().policy()).isEqualTo(AssignmentPolicy.NEXT);
        assertThat(r.packets()).isLessThan(5_000_000);
    }

    @Test
    void shouldReportAFailedSenderPrefixAndNothingBeyondIt() throws InterruptedException {
        TxConfig c = TxConfig.of(Layout.parse("0-3x2,4-7x3"), AssignmentPolicy.NEXT).withRingSize(64);
        LiveRun.Outcome ok = LiveRun.run(new LiveRun.Mix(c, Simulation.Driver.TXORDER, 3, 8, 16, 0.02, 1), 400_000,
                2_000, new AtomicLong());
        assertThat(ok.audit().holds()).as(ok.audit().table()).isTrue();
        assertThat(ok.faults(FaultKind.FAIL_WRITING)).isPositive();
        assertThat(ok.faults(FaultKind.DIE_ON_NOOP_PATH)).isPositive();

        LiveRun.Outcome m6 = LiveRun.run(new LiveRun.Mix(c.withMutants(Set.of(Mutant.M6)), Simulation.Driver.TXORDER,
                3, 8, 16, 0.02, 1), 400_000, 300, new AtomicLong());
        assertThat(m6.audit().verdict(Property.Progress)).isEqualTo(AuditReport.Verdict.VIOLATED);
    }
}
