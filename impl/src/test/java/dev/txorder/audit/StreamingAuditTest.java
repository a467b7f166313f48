package dev.txorder.audit;

import static dev.txorder.audit.StreamingAuditRuns.LAYOUT;
import static dev.txorder.audit.StreamingAuditRuns.streamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The streaming audit against the batch audit on every mutant's one-thread runs (every scheduled
 * run of the property tests is compared too, in {@code ScheduledRun}; the real-thread runs are in
 * {@link StreamingAuditRealThreadsTest}), and the verdicts it reaches from the harness's records
 * where the system under test lies about itself.
 */
class StreamingAuditTest {
    /**
     * Each mutant's one-thread runs, where it changes something: the same verdicts (but for the
     * difference {@link AuditAgreement} expects). The real-thread runs are in
     * {@link StreamingAuditRealThreadsTest}.
     */
    @Test
    void shouldAgreeWithTheBatchAuditOnEveryMutantsOneThreadRuns() throws InterruptedException {
        int violatedRuns = StreamingAuditRuns.assertAgreementOnEveryMutantsRuns(
                (c, requests, faults) -> Simulation.runDeterministic(c, Simulation.Driver.TXORDER, requests, faults));
        assertThat(violatedRuns).as("runs in which the mutants showed (14 of 34)").isGreaterThanOrEqualTo(10);
    }

    /**
     * A NIC that reports a ready mask holding only the group it served: replayed from the mask, M7's
     * lowest-first scan looks right. Every request had returned before the NIC started, so the
     * senders' clock says the higher groups were ready all along.
     */
    @Test
    void shouldCatchAStrictSchedulerBehindALyingReadyMaskFromTheSendersClock() {
        TxConfig c = TxConfig.of(LAYOUT, AssignmentPolicy.HASH).withMutants(Set.of(Mutant.M7));
        Simulation.Result r = Simulation.runDeterministic(c, Simulation.Driver.TXORDER,
                RandomRequests.generate(LAYOUT, 200, 2, 4, 8, 3));
        RecordingWire lying = rewrite(r.wire(), seq -> 1L << r.wire().group((int) seq));

        AuditReport batch = new OrderAudit(r.config(), r.path()).audit(r.history(), lying, true);
        AuditReport streaming = StreamingAudit.replay(r.config(), r.history(), lying, true, r.path(), 1);
        assertThat(batch.verdict(Property.StrictPriority)).as("the mask alone").isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(streaming.verdict(Property.StrictPriority)).isEqualTo(AuditReport.Verdict.VIOLATED);
        assertThat(streaming.violations(Property.StrictPriority).get(0).detail()).contains("was owed the wire");

        TxConfig right = c.withMutants(Mutant.none());
        Simulation.Result ok = Simulation.runDeterministic(right, Simulation.Driver.TXORDER,
                RandomRequests.generate(LAYOUT, 200, 2, 4, 8, 3));
        assertThat(StreamingAudit.replay(right, ok.history(), rewrite(ok.wire(), seq -> 1L << ok.wire().group((int) seq)),
                true, ok.path(), 1).holds()).as("the correct NIC behind the same lie").isTrue();
    }

    /** The same for wrr: M9 serves the mirrored weights; the mask is rewritten to agree with it. */
    @Test
    void shouldCatchAWrrSchedulerBehindALyingReadyMaskFromTheSendersClock() {
        Layout two = Layout.parse("0-3x2,4-7x2");
        TxConfig c = TxConfig.of(two, AssignmentPolicy.NEXT).withScheduler(Scheduler.wrr(3, 1));
        var requests = RandomRequests.generate(two, 400, 2, 4, 8, 9);
        Simulation.Result m9 = Simulation.runDeterministic(c.withMutants(Set.of(Mutant.M9)), Simulation.Driver.TXORDER,
                requests);
        RecordingWire lying = rewrite(m9.wire(), seq -> 1L << m9.wire().group((int) seq));
        assertThat(new OrderAudit(m9.config(), m9.path()).audit(m9.history(), lying, true)
                .verdict(Property.WeightedShare)).as("the mask alone").isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(StreamingAudit.replay(m9.config(), m9.history(), lying, true, m9.path(), 2)
                .verdict(Property.WeightedShare)).isEqualTo(AuditReport.Verdict.VIOLATED);

        Simulation.Result ok = Simulation.runDeterministic(c, Simulation.Driver.TXORDER,
                RandomRequests.generate(two, 400, 2, 4, 8, 9));
        assertThat(StreamingAudit.replay(ok.config(), ok.history(),
                rewrite(ok.wire(), seq -> 1L << ok.wire().group((int) seq)), true, ok.path(), 2).holds())
                .as("the correct NIC behind the same lie").isTrue();
    }

    /** A driver that drops what a failed sender had written: those packets were its to publish. */
    @Test
    void shouldCatchADroppedPrefixOfAFailedRequestAsNoLoss() {
        TxConfig c = TxConfig.of(LAYOUT, AssignmentPolicy.NEXT);
        FaultPlan failsAfterTwo = (r, written) -> r.id == 10 && written == 2;
        var requests = RandomRequests.generate(LAYOUT, 40, 2, 1, 8, 4);
        SendHistory h = new SendHistory(40);
        TxRequest r = new TxRequest();
        for (int i = 0; i < requests.size(); i++) {
            requests.load(i, r);
            h.add(r.set(r.id, r.cpu, r.priority, r.dstMac, r.flow, i == 10 ? 4 : 1));
        }
        Simulation.Result run = Simulation.runDeterministic(c, Simulation.Driver.TXORDER, h, failsAfterTwo);
        assertThat(run.history().outcome(10)).isEqualTo(SendHistory.Outcome.FAILED);
        assertThat(run.history().written(10)).isEqualTo(2);
        assertThat(run.audit().holds()).isTrue();
        assertThat(streamed(run, 3).holds()).isTrue();

        RecordingWire dropped = copyWithout(run.wire(), 10, 1);
        assertThat(new OrderAudit(run.config(), run.path()).audit(run.history(), dropped, true).violations(Property.NoLoss))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("failed after writing 2"));
        assertThat(StreamingAudit.replay(run.config(), run.history(), dropped, true, run.path(), 3)
                .violations(Property.NoLoss)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("failed after writing 2"));
    }

    /** A NIC that sends a failed request's no-op as a packet: nothing was written there. */
    @Test
    void shouldCatchAPacketBeyondTheWrittenPrefixAsNoDuplicate() {
        TxConfig c = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT);
        SendHistory h = new SendHistory(1);
        h.add(new TxRequest(0, 0, 0, 1, 1, 3));
        h.begin(0, 1);
        h.end(0, 2, SendHistory.Outcome.FAILED, 1);
        RecordingWire w = new RecordingWire(4, new java.util.concurrent.atomic.AtomicLong(3)::getAndIncrement);
        w.transmit(0, 1, 0, 0, 0, Indicator.CURRENT, 1, 0, 1);
        w.transmit(0, 2, 0, 0, 0, Indicator.CURRENT, 1, 0, 1);
        var path = Simulation.newPath(c, Simulation.Driver.TXORDER);
        assertThat(new OrderAudit(c, path).audit(h, w, true).violated()).contains(Property.NoDuplicate);
        assertThat(StreamingAudit.replay(c, h, w, false, null, 0).violations(Property.NoDuplicate))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("was a no-op"));
    }

    /** A harness that claims the rings drained while a send never returned: the history says otherwise. */
    @Test
    void shouldCatchASendThatNeverReturnedWhateverTheDrainFlagSays() {
        TxConfig c = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);
        StreamingAudit audit = new StreamingAudit(c, false, 0);
        audit.begin(new TxRequest(0, 0, 0, 1, 1, 1), 1);
        audit.transmit(0, 1, 0, 0, 0, 0, 1, 2);
        audit.end(0, 3, SendHistory.Outcome.ACCEPTED, -1);
        audit.begin(new TxRequest(1, 1, 0, 1, 1, 1), 4);
        assertThat(audit.finish(true, null).violations(Property.Progress)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("request 1 never returned"));
    }

    /**
     * Wrong tickets written consistently (the wire's tickets agree with its order), judged online:
     * request 0 returned before request 1 began, yet 1 left first.
     */
    @Test
    void shouldCatchConsistentlyWrongTicketsFromTheClock() {
        TxConfig c = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);
        StreamingAudit audit = new StreamingAudit(c, false, 0);
        audit.begin(new TxRequest(0, 0, 0, 1, 1, 1), 10);
        audit.end(0, 20, SendHistory.Outcome.ACCEPTED, -1);
        audit.begin(new TxRequest(1, 1, 0, 1, 2, 1), 30);
        audit.transmit(1, 1, 0, 0, 0, 0, 1, 35);
        audit.end(1, 40, SendHistory.Outcome.ACCEPTED, -1);
        audit.transmit(0, 1, 0, 0, 1, 1, 1, 45);
        AuditReport r = audit.finish(true, null);
        assertThat(r.violations(Property.GroupOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("request 1 began after request 0 returned"));
        assertThat(r.verdict(Property.FlowOrder)).as("two flows").isEqualTo(AuditReport.Verdict.HOLDS);
    }

    /** Memory follows the requests in flight: a long run holds a handful at a time. */
    @Test
    void shouldHoldOnlyTheRequestsInFlight() {
        TxConfig c = TxConfig.of(LAYOUT, AssignmentPolicy.NEXT);
        StreamingAudit audit = new StreamingAudit(c, false, 0);
        TxRequest r = new TxRequest();
        long t = 0;
        for (int i = 0; i < 200_000; i++) {
            audit.begin(r.set(i, 0, i % 8, 1 + i % 5, 1 + i % 5, 2), t++);
            audit.end(i, t++, SendHistory.Outcome.ACCEPTED, -1);
            int g = LAYOUT.groupOf(i % 8).index();
            audit.transmit(i, 1, i % 8, g, 0, i, 1L << g, t++);
            audit.transmit(i, 2, i % 8, g, 0, i, 1L << g, t++);
        }
        AuditReport report = audit.finish(true, null);
        assertThat(audit.peakLiveRequests()).isEqualTo(1);
        assertThat(audit.liveRequests()).isZero();
        assertThat(report.packets()).isEqualTo(400_000);
    }

    /** A copy of {@code w} whose ready masks come from {@code mask}, times kept. */
    private static RecordingWire rewrite(RecordingWire w, LongUnaryOperator mask) {
        long[] at = {0};
        RecordingWire copy = new RecordingWire(w.size(), () -> w.time((int) at[0]));
        for (int s = 0; s < w.size(); s++) {
            at[0] = s;
            copy.transmit(w.request(s), w.packet(s), w.priority(s), w.group(s), w.queue(s), w.indicator(s),
                    w.dstMac(s), w.ticket(s), mask.applyAsLong(s));
        }
        return copy;
    }

    /** A copy of {@code w} without packet {@code packet} of request {@code request}, times kept. */
    private static RecordingWire copyWithout(RecordingWire w, long request, int packet) {
        int[] at = {0};
        RecordingWire copy = new RecordingWire(w.size(), () -> w.time(at[0]));
        for (int s = 0; s < w.size(); s++) {
            if (w.request(s) == request && w.packet(s) == packet) {
                continue;
            }
            at[0] = s;
            copy.transmit(w.request(s), w.packet(s), w.priority(s), w.group(s), w.queue(s), w.indicator(s),
                    w.dstMac(s), w.ticket(s), w.readyGroups(s));
        }
        return copy;
    }
}
