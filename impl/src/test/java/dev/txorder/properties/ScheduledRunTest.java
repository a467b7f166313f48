package dev.txorder.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Mutant;
import dev.txorder.audit.Property;
import dev.txorder.audit.SendHistory;
import dev.txorder.sim.Simulation;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: replayable, fair when the schedule runs out, stalls detected, no thread left behind. */
class ScheduledRunTest {

    /** Two senders, one next group of two queues, ring of one: cpu 0 sends r0, r2; cpu 1 sends r1. */
    private static Scenario twoSenders(int[] schedule, int failBefore, Mutant... mutants) {
        return new Scenario(new int[] {1}, new int[] {2}, AssignmentPolicy.NEXT, HashKey.MAC, null, 1,
                Simulation.Driver.TXORDER, 2, List.of(new Scenario.Flow(0, 1)),
                List.of(new Scenario.Request(0, 1, 0, failBefore), new Scenario.Request(0, 1, 1, -1),
                        new Scenario.Request(0, 1, 0, -1)),
                schedule, mutants.length == 0 ? Mutant.none() : EnumSet.of(mutants[0], mutants));
    }

    @Test
    void shouldReplayTheSameStepsAndWireForTheSameScenario() {
        Scenario s = twoSenders(new int[] {1, 1, 0, 2, 0, 0, 2, 1, 2}, -1);

        ScheduledRun.Result a = ScheduledRun.run(s);
        ScheduledRun.Result b = ScheduledRun.run(s);

        assertThat(a.trace()).isEqualTo(b.trace());
        assertThat(a.describe()).isEqualTo(b.describe());
        assertThat(a.audit().holds()).as(a.describe()).isTrue();
    }

    @Test
    void shouldFollowTheScheduleStepByStep() {
        // cpu 1 assigns first (ticket 0), then cpu 0 (ticket 1): the wire must show r1 before r0.
        ScheduledRun.Result r = ScheduledRun.run(twoSenders(new int[] {1, 0, 0, 0, 1, 1, 2, 2}, -1));

        assertThat(r.trace().subList(0, 8)).containsExactly(
                "cpu1 ASSIGN r1", "cpu0 ASSIGN r0", "cpu0 RESERVE r0", "cpu0 WRITE r0",
                "cpu1 RESERVE r1", "cpu1 WRITE r1 -> done",
                "nic  Transmit r1#1 from group 0 queue 0 (NEXT)", "nic  Transmit r0#1 from group 0 queue 1 (NEXT)");
        assertThat(r.audit().holds()).as(r.describe()).isTrue();
    }

    @Test
    void shouldFinishWithAFairRoundRobinWhenTheScheduleRunsOut() {
        ScheduledRun.Result r = ScheduledRun.run(twoSenders(new int[0], -1));

        assertThat(r.drained()).isTrue();
        assertThat(r.wire().size()).isEqualTo(3);
        assertThat(r.audit().holds()).as(r.describe()).isTrue();
    }

    @Test
    void shouldReportAStallAsProgressWhenAFailedSenderPublishesNothing() {
        ScheduledRun.Result r = ScheduledRun.run(twoSenders(new int[0], 0, Mutant.M6));

        assertThat(r.drained()).isFalse();
        assertThat(r.trace()).last().asString().startsWith("stall:");
        assertThat(r.audit().violated()).contains(Property.Progress);
        assertThat(r.history().outcome(0)).isEqualTo(SendHistory.Outcome.FAILED);
    }

    @Test
    void shouldLeaveNoSenderThreadBehindEvenWhenSendersAreAbandoned() {
        for (int i = 0; i < 20; i++) {
            ScheduledRun.run(twoSenders(new int[] {0, 0, 1}, i % 2 == 0 ? 0 : -1, Mutant.M6));
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("scheduled-cpu-") && t.isAlive());
    }
}
