package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Indicator;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One case per check of {@link StreamingAudit}, fed event by event as a live harness feeds it, each
 * built so that the check it is about can see the fault: what {@link OrderAuditChecksTest} is to the
 * batch audit. Written against the survivors of mutation testing (impl/README.md).
 */
class StreamingAuditChecksTest {
    private static final long MAC = 0x0a0bL;
    /** One next group of two queues. */
    private static final TxConfig NEXT = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);
    /** Two groups of one queue, hash: group 1 (priority 1) above group 0 under strict priority. */
    private static final TxConfig TWO = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.HASH);

    private static TxRequest request(long id, int priority, int packets) {
        return new TxRequest(id, (int) id, priority, MAC, 1, packets);
    }

    /** A packet of a request of priority {@code group} in group {@code group}, the mask showing only that group. */
    private static void packet(StreamingAudit a, long request, int packet, int group, long time) {
        a.transmit(request, packet, group, group, 0, -1, 1L << group, time);
    }

    private static String only(AuditReport r, Property p) {
        assertThat(r.violations(p)).as("%s:%n%s", p, r.table()).hasSize(1);
        return r.violations(p).get(0).detail();
    }

    @Test
    void shouldReportPacketsOfASendThatQueuedNothing() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 1), 1);
        a.transmit(0, 1, 0, 0, 0, 0, 1, 2);
        a.end(0, 3, SendHistory.Outcome.REJECTED, -1);
        assertThat(a.liveRequests()).as("a rejected send is judged at its end").isZero();
        // Its end came first: the audit has forgotten it, the packet is one never sent.
        a.begin(request(1, 0, 1), 4);
        a.end(1, 5, SendHistory.Outcome.WOULD_WAIT, -1);
        a.transmit(1, 1, 0, 0, 0, 1, 1, 6);
        assertThat(a.finish(true, null).violations(Property.NoDuplicate)).extracting(Violation::detail).containsExactly(
                "1 packets of request 0 transmitted, but its send was rejected",
                "packet 1 of request 1, which was never sent or had already left whole");
    }

    @Test
    void shouldReportPacketsBeyondTheWrittenPrefixWhetherTheyLeftBeforeOrAfterTheEnd() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        // Packets before the end: packet 3 of 3 was a no-op, packet 2 never left.
        a.begin(request(0, 0, 3), 1);
        a.transmit(0, 1, 0, 0, 0, 0, 1, 2);
        a.transmit(0, 3, 0, 0, 0, 0, 1, 3);
        a.end(0, 4, SendHistory.Outcome.FAILED, 1);
        // Nothing written at all.
        a.begin(request(1, 0, 1), 5);
        a.transmit(1, 1, 0, 0, 0, 1, 1, 6);
        a.end(1, 7, SendHistory.Outcome.FAILED, 0);
        // The end before the packets: packet 1 was written, packet 2 was a no-op.
        a.begin(request(2, 0, 2), 8);
        a.end(2, 9, SendHistory.Outcome.FAILED, 1);
        a.transmit(2, 2, 0, 0, 0, 2, 1, 10);
        a.transmit(2, 1, 0, 0, 0, 2, 1, 11);
        AuditReport r = a.finish(true, null);
        assertThat(r.violations(Property.NoDuplicate)).extracting(Violation::detail).containsExactly(
                "packet 3 of request 0 transmitted, but its sender failed after writing 1: that descriptor was a no-op",
                "packet 1 of request 1 transmitted, but its sender failed after writing 0: that descriptor was a no-op",
                "packet 2 of request 2 transmitted, but its sender failed after writing 1: that descriptor was a no-op");
        assertThat(r.violations(Property.NoDuplicate).get(2).seq()).isEqualTo(3);
    }

    @Test
    void shouldForgetAFailedSendOnceItsWrittenPrefixHasLeft() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 1), 1);
        a.end(0, 2, SendHistory.Outcome.FAILED, 0);
        assertThat(a.liveRequests()).as("nothing written, nothing to wait for").isZero();

        a.begin(request(1, 0, 3), 3);
        a.end(1, 4, SendHistory.Outcome.FAILED, 2);
        assertThat(a.liveRequests()).isEqualTo(1);
        a.transmit(1, 1, 0, 0, 0, 0, 1, 5);
        assertThat(a.liveRequests()).as("packet 2 was written and has not left").isEqualTo(1);
        a.transmit(1, 2, 0, 0, 0, 0, 1, 6);
        assertThat(a.liveRequests()).isZero();

        a.begin(request(2, 0, 2), 7);
        a.transmit(2, 1, 0, 0, 0, 1, 1, 8);
        a.transmit(2, 2, 0, 0, 0, 1, 1, 9);
        assertThat(a.liveRequests()).as("its end not known yet").isEqualTo(1);
        a.end(2, 10, SendHistory.Outcome.ACCEPTED, -1);
        assertThat(a.liveRequests()).isZero();
        assertThat(a.finish(true, null).holds()).isTrue();
    }

    @Test
    void shouldReportPacketNumbersARequestDoesNotHaveAndPacketsOutOfOrder() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 2), 1);
        a.transmit(0, 3, 0, 0, 0, 0, 1, 2);
        a.transmit(0, 0, 0, 0, 0, 0, 1, 3);
        a.transmit(0, 2, 0, 0, 0, 0, 1, 4);
        a.transmit(0, 1, 0, 0, 0, 0, 1, 5);
        a.end(0, 6, SendHistory.Outcome.ACCEPTED, -1);
        AuditReport r = a.finish(true, null);
        assertThat(r.violations(Property.NoDuplicate)).extracting(Violation::detail).containsExactly(
                "packet 3 of request 0, which has only 2 packets",
                "packet 0 of request 0, which has only 2 packets");
        assertThat(only(r, Property.FlowOrder)).isEqualTo("packet 1 of request 0 after its packet 2");
        assertThat(r.violations(Property.FlowOrder).get(0).seq()).isEqualTo(3);
    }

    /**
     * Every packet on the wire took a turn of the scheduler, a doubled or unknown one too: group 1's
     * request had returned before the bad packet left, so the group-0 packet after it was chosen while
     * group 1 was owed the wire.
     */
    @Test
    void shouldCountABadPacketsTurnOfTheSchedulerOnTheClock() {
        for (Consumer<StreamingAudit> bad : java.util.List.<Consumer<StreamingAudit>>of(
                a -> packet(a, 9, 1, 0, 10), // a request never sent
                a -> packet(a, 1, 5, 0, 10), // a packet number it does not have
                a -> packet(a, 1, 1, 0, 10))) { // its packet 1, which then leaves again
            StreamingAudit a = new StreamingAudit(TWO, false, 0);
            a.begin(request(0, 1, 1), 0);
            a.end(0, 5, SendHistory.Outcome.ACCEPTED, -1);
            a.begin(request(1, 0, 1), 0);
            a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
            bad.accept(a);
            packet(a, 1, 1, 0, 20);
            packet(a, 0, 1, 1, 30);
            AuditReport r = a.finish(true, null);
            assertThat(r.count(Property.NoDuplicate)).isEqualTo(1);
            assertThat(only(r, Property.StrictPriority)).isEqualTo("group 1 was owed the wire (strict) with request 0"
                    + " ready: it had returned before the packet before wire seq 1 left");
        }
    }

    /** The same for a packet that leaves a second time while its request still has one to send. */
    @Test
    void shouldCountADoubledPacketsTurnOfTheSchedulerOnTheClock() {
        StreamingAudit a = new StreamingAudit(TWO, false, 0);
        a.begin(request(0, 1, 1), 0);
        a.end(0, 5, SendHistory.Outcome.ACCEPTED, -1);
        a.begin(request(1, 0, 2), 0);
        packet(a, 1, 1, 0, 10);
        packet(a, 1, 1, 0, 20);
        packet(a, 0, 1, 1, 30);
        packet(a, 1, 2, 0, 40);
        a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
        AuditReport r = a.finish(true, null);
        assertThat(only(r, Property.NoDuplicate)).isEqualTo("packet 1 of request 1 transmitted a second time");
        assertThat(only(r, Property.StrictPriority)).isEqualTo("group 1 was owed the wire (strict) with request 0"
                + " ready: it had returned before the packet before wire seq 1 left");
    }

    /**
     * A failed sender of 70 packets (two words of the audit's bit set) that wrote 62: packets 64 and
     * 66, no-ops, left before its end was known.
     */
    @Test
    void shouldFindPacketsBeyondTheWrittenPrefixInEveryWordOfALongRequest() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 70), 0);
        for (int p = 1; p <= 62; p++) {
            a.transmit(0, p, 0, 0, 0, 0, 1, p);
        }
        a.transmit(0, 64, 0, 0, 0, 0, 1, 64);
        a.transmit(0, 66, 0, 0, 0, 0, 1, 66);
        a.end(0, 100, SendHistory.Outcome.FAILED, 62);
        AuditReport r = a.finish(true, null);
        assertThat(r.violations(Property.NoDuplicate)).extracting(Violation::detail).containsExactly(
                "packet 64 of request 0 transmitted, but its sender failed after writing 62: that descriptor was a no-op",
                "packet 66 of request 0 transmitted, but its sender failed after writing 62: that descriptor was a no-op");
        assertThat(r.verdict(Property.NoLoss)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    @Test
    void shouldReportAPacketOutsideItsPrioritysGroupAndAGroupThatDoesNotExist() {
        StreamingAudit a = new StreamingAudit(TWO, false, 0);
        a.begin(request(0, 0, 1), 1);
        a.begin(request(1, 0, 1), 1);
        a.begin(request(2, 2, 1), 1); // the layout has priorities 0 and 1 only
        a.transmit(0, 1, 1, 1, 0, -1, 2, 2);
        a.transmit(1, 1, 0, 1, 0, -1, 2, 3);
        a.transmit(2, 1, 2, 2, 0, -1, 0, 4);
        for (long id = 0; id < 3; id++) {
            a.end(id, 10, SendHistory.Outcome.ACCEPTED, -1);
        }
        AuditReport r = a.finish(true, null);
        assertThat(r.violations(Property.PriorityIsolation)).extracting(Violation::detail).containsExactly(
                "request 0 has priority 0 but its descriptor says 1",
                "packet 1 of request 1 (priority 0, group 0) sat in a queue of group 1",
                "packet 1 of request 2 (priority 2, group -1) sat in a queue of group 2");
        assertThat(r.verdict(Property.StrictPriority)).as("no group 2 to schedule").isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(r.verdict(Property.NoLoss)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    @Test
    void shouldKeepEachFlowKeyInOneQueueUnderTheConfiguredKey() {
        TxConfig byMac = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH);
        // Flow 7 to two MACs in queues 0 then 1; then MAC 0x0a01 with another flow in queue 1.
        java.util.function.Function<TxConfig, AuditReport> run = c -> {
            StreamingAudit a = new StreamingAudit(c, false, 0);
            a.begin(new TxRequest(0, 0, 0, 0x0a01L, 7, 1), 1);
            a.begin(new TxRequest(1, 1, 0, 0x0a02L, 7, 1), 1);
            a.begin(new TxRequest(2, 2, 0, 0x0a01L, 8, 1), 1);
            a.transmit(0, 1, 0, 0, 0, -1, 1, 2);
            a.transmit(1, 1, 0, 0, 1, -1, 1, 3);
            a.transmit(2, 1, 0, 0, 1, -1, 1, 4);
            for (long id = 0; id < 3; id++) {
                a.end(id, 10, SendHistory.Outcome.ACCEPTED, -1);
            }
            return a.finish(true, null);
        };
        assertThat(only(run.apply(byMac), Property.FlowAffinity))
                .isEqualTo("MAC 2561 in queue 0 and queue 1 of group 0 (request 2)");
        assertThat(only(run.apply(byMac.withHashKey(HashKey.FLOW)), Property.FlowAffinity))
                .isEqualTo("flow 7 in queue 0 and queue 1 of group 0 (request 1)");
    }

    @Test
    void shouldCatchTwoPacketsOfOneRequestWithDifferentTicketsAndTwoRequestsWithOne() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 2), 1);
        a.begin(request(1, 0, 1), 1);
        a.transmit(0, 1, 0, 0, 0, 0, 1, 2);
        a.transmit(0, 2, 0, 0, 0, 5, 1, 3);
        a.transmit(1, 1, 0, 0, 1, 0, 1, 4);
        a.end(0, 10, SendHistory.Outcome.ACCEPTED, -1);
        a.end(1, 10, SendHistory.Outcome.ACCEPTED, -1);
        assertThat(a.finish(true, null).violations(Property.GroupOrder)).extracting(Violation::detail).containsExactly(
                "request 0 carries ticket 5 after 0",
                "group 0: request 1 (ticket 0) leaves after request 0 (ticket 0)");
    }

    /**
     * Request 1 is interrupted by request 0, resumes, and is interrupted again by request 2: the
     * report names the first interruption; request 0, which left whole before request 1 resumed, was
     * not interrupted.
     */
    @Test
    void shouldNameTheFirstInterruptionOfARequestAndEachResumption() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(1, 0, 3), 1);
        a.begin(request(0, 0, 1), 2);
        a.begin(request(2, 0, 1), 3);
        a.transmit(1, 1, 0, 0, 0, 0, 1, 4);
        a.transmit(0, 1, 0, 0, 1, 1, 1, 5);
        a.transmit(1, 2, 0, 0, 0, 0, 1, 6);
        a.transmit(2, 1, 0, 0, 1, 2, 1, 7);
        a.transmit(1, 3, 0, 0, 0, 0, 1, 8);
        for (long id : new long[] {0, 2, 1}) {
            a.end(id, 100, SendHistory.Outcome.ACCEPTED, -1);
        }
        AuditReport r = a.finish(true, null);
        assertThat(r.violations(Property.RequestContiguity)).extracting(Violation::detail).containsExactly(
                "request 1 resumes (packet 2) after request 0 came between",
                "request 1 resumes (packet 3) after request 2 came between",
                "request 1 interrupted after 1 of 3 packets by request 0");
        assertThat(r.violations(Property.GroupOrder)).extracting(Violation::detail).containsExactly(
                "group 0: request 1 (ticket 0) leaves after request 0 (ticket 1)",
                "group 0: request 1 (ticket 0) leaves after request 2 (ticket 2)");
    }

    /**
     * Real time orders only a send that returned strictly before the other began (as in the batch
     * audit), and the report names the first request to overtake.
     */
    @Test
    void shouldOrderOnlySendsThatReturnedStrictlyBeforeTheOtherBeganAndNameTheFirstToOvertake() {
        for (long laterBegin : new long[] {50, 51}) {
            StreamingAudit a = new StreamingAudit(NEXT, false, 0);
            a.begin(request(0, 0, 1), 10);
            a.end(0, 50, SendHistory.Outcome.ACCEPTED, -1);
            a.begin(request(1, 0, 1), laterBegin);
            a.begin(request(2, 0, 1), laterBegin);
            a.transmit(1, 1, 0, 0, 0, 0, 1, 60);
            a.transmit(2, 1, 0, 0, 1, 1, 1, 61);
            a.transmit(0, 1, 0, 0, 0, 2, 1, 62);
            a.end(1, 70, SendHistory.Outcome.ACCEPTED, -1);
            a.end(2, 70, SendHistory.Outcome.ACCEPTED, -1);
            AuditReport r = a.finish(true, null);
            if (laterBegin == 50) {
                assertThat(r.holds()).as("touching, not ordered:%n%s", r.table()).isTrue();
            } else {
                assertThat(only(r, Property.FlowOrder))
                        .isEqualTo("request 1 began after request 0 returned (flow of priority 0) but left first");
                assertThat(only(r, Property.GroupOrder))
                        .isEqualTo("request 1 began after request 0 returned (group 0) but left first");
            }
        }
    }

    /** Request 0 returned, then lost its second packet after request 1 overtook it: judged at the finish. */
    @Test
    void shouldJudgeARequestThatNeverLeftWholeAtTheFinish() {
        StreamingAudit a = new StreamingAudit(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH), false, 0);
        a.begin(request(0, 0, 2), 0);
        a.end(0, 10, SendHistory.Outcome.ACCEPTED, -1);
        a.begin(request(1, 0, 1), 20);
        a.transmit(1, 1, 0, 0, 0, -1, 1, 30);
        a.end(1, 31, SendHistory.Outcome.ACCEPTED, -1);
        a.transmit(0, 1, 0, 0, 0, -1, 1, 32);
        assertThat(a.liveRequests()).isEqualTo(1);
        assertThat(a.requests()).isEqualTo(2);
        assertThat(a.packets()).isEqualTo(2);
        AuditReport r = a.finish(true, null);
        assertThat(a.liveRequests()).isZero();
        assertThat(only(r, Property.FlowOrder))
                .isEqualTo("request 1 began after request 0 returned (flow of priority 0) but left first");
        assertThat(only(r, Property.NoLoss)).isEqualTo("request 0: 1 of 2 packets transmitted");
        assertThat(a.violations()).isEqualTo(2);
    }

    @Test
    void shouldReportAbandonedSendsAndAnUndrainedRunUnderProgress() {
        StreamingAudit a = new StreamingAudit(NEXT, false, 0);
        a.begin(request(0, 0, 1), 1);
        a.end(0, 2, SendHistory.Outcome.ABORTED, -1);
        assertThat(only(a.finish(false, null), Property.Progress))
                .isEqualTo("1 sends were abandoned: they waited on a NIC that made no progress");

        StreamingAudit b = new StreamingAudit(NEXT, false, 0);
        assertThat(only(b.finish(false, null), Property.Progress))
                .isEqualTo("the NIC did not drain every reserved descriptor in time");
    }

    /**
     * Strict priority from the clock: group 1's request returned at {@code end}; the group-0 packet
     * chosen after the packet of time 10 left owed group 1 the wire if the request had returned by
     * then, less the clock's slack.
     */
    @Test
    void shouldJudgeStrictPriorityFromTheClockOnlyForARequestThatReturnedStrictlyBefore() {
        record Case(long end, long slack, boolean violated) { }
        for (Case k : new Case[] {new Case(10, 0, false), new Case(9, 0, true), new Case(9, 2, false)}) {
            StreamingAudit a = new StreamingAudit(TWO, false, k.slack());
            a.begin(request(0, 1, 1), 0);
            a.end(0, k.end(), SendHistory.Outcome.ACCEPTED, -1);
            a.begin(request(1, 0, 2), 0);
            packet(a, 1, 1, 0, 10);
            packet(a, 1, 2, 0, 20);
            packet(a, 0, 1, 1, 30);
            a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
            AuditReport r = a.finish(true, null);
            assertThat(r.verdict(Property.StrictPriority)).as("%s", k)
                    .isEqualTo(k.violated() ? AuditReport.Verdict.VIOLATED : AuditReport.Verdict.HOLDS);
        }
    }

    /**
     * Wire times that repeat (a coarse clock): the report names the first packet at which group 1 was
     * owed the wire, however often it was owed it again at the same time.
     */
    @Test
    void shouldNameTheFirstPacketAtWhichAGroupWasOwedTheWire() {
        StreamingAudit a = new StreamingAudit(TWO, false, 0);
        a.begin(request(0, 1, 2), 0);
        a.begin(request(1, 0, 4), 0);
        packet(a, 1, 1, 0, 10);
        packet(a, 1, 2, 0, 10);
        packet(a, 1, 3, 0, 10);
        packet(a, 0, 1, 1, 10);
        packet(a, 1, 4, 0, 10);
        packet(a, 0, 2, 1, 20);
        a.end(0, 5, SendHistory.Outcome.ACCEPTED, -1);
        a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
        assertThat(only(a.finish(true, null), Property.StrictPriority)).isEqualTo("group 1 was owed the wire (strict)"
                + " with request 0 ready: it had returned before the packet before wire seq 1 left");
    }

    /** wrr 1:2, from the clock: group 1 keeps the wire for a third packet while group 0's request had returned. */
    @Test
    void shouldJudgeAWrrVisitPastItsWeightFromTheClock() {
        TxConfig wrr = TWO.withScheduler(Scheduler.wrr(1, 2));
        StreamingAudit a = new StreamingAudit(wrr, false, 0);
        a.begin(request(0, 0, 1), 0);
        a.end(0, 5, SendHistory.Outcome.ACCEPTED, -1);
        a.begin(request(1, 1, 3), 0);
        packet(a, 1, 1, 1, 10);
        packet(a, 1, 2, 1, 20);
        packet(a, 1, 3, 1, 30);
        packet(a, 0, 1, 0, 40);
        a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
        AuditReport r = a.finish(true, null);
        assertThat(only(r, Property.WeightedShare)).isEqualTo("group 0 was owed the wire (wrr:1,2) with request 0"
                + " ready: it had returned before the packet before wire seq 2 left");
        assertThat(r.violations(Property.WeightedShare).get(0).seq()).isEqualTo(2);
    }

    /** wrr 1:2, from the clock: group 1's visit ends after one packet of two while its next request had returned. */
    @Test
    void shouldJudgeAWrrVisitEndedShortOfItsWeightFromTheClock() {
        TxConfig wrr = TWO.withScheduler(Scheduler.wrr(1, 2));
        StreamingAudit a = new StreamingAudit(wrr, false, 0);
        a.begin(request(0, 1, 1), 0);
        a.begin(request(1, 0, 1), 0);
        a.begin(request(2, 1, 1), 0);
        a.end(2, 5, SendHistory.Outcome.ACCEPTED, -1);
        packet(a, 0, 1, 1, 10);
        packet(a, 1, 1, 0, 20);
        packet(a, 2, 1, 1, 30);
        a.end(0, 100, SendHistory.Outcome.ACCEPTED, -1);
        a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
        assertThat(only(a.finish(true, null), Property.WeightedShare)).isEqualTo("group 1 was owed the wire"
                + " (wrr:1,2) with request 2 ready: it had returned before the packet before wire seq 1 left");
    }

    /** wrr over three groups, from the clock: going from group 2 to group 0 passes over group 1, whose request had returned. */
    @Test
    void shouldJudgeAWrrVisitThatPassedOverAReadyGroupFromTheClock() {
        TxConfig wrr = TxConfig.of(Layout.parse("0x1,1x1,2x1"), AssignmentPolicy.HASH).withScheduler(Scheduler.wrr(1, 1, 1));
        StreamingAudit a = new StreamingAudit(wrr, false, 0);
        a.begin(request(0, 2, 1), 0);
        a.begin(request(1, 0, 1), 0);
        a.begin(request(2, 1, 1), 0);
        a.end(2, 5, SendHistory.Outcome.ACCEPTED, -1);
        packet(a, 0, 1, 2, 10);
        packet(a, 1, 1, 0, 20);
        packet(a, 2, 1, 1, 30);
        a.end(0, 100, SendHistory.Outcome.ACCEPTED, -1);
        a.end(1, 100, SendHistory.Outcome.ACCEPTED, -1);
        assertThat(only(a.finish(true, null), Property.WeightedShare)).isEqualTo("group 1 was owed the wire"
                + " (wrr:1,1,1) with request 2 ready: it had returned before the packet before wire seq 1 left");
    }

    /**
     * The replay tells the audit whether senders failed: a failed sender's no-ops may hold a next
     * group's cursor, so its scheduling is then judged from the NIC's mask alone. Group 1's request
     * returned before group 0's second packet left.
     */
    @Test
    void shouldNotJudgeNextGroupsFromTheClockWhenTheReplayedRunHadFailedSenders() {
        TxConfig next = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.NEXT);
        for (SendHistory.Outcome third : new SendHistory.Outcome[] {SendHistory.Outcome.REJECTED,
                SendHistory.Outcome.FAILED, SendHistory.Outcome.FAILED_BEFORE_RESERVING}) {
            SendHistory h = new SendHistory(3);
            h.add(request(0, 1, 1));
            h.add(request(1, 0, 2));
            h.add(request(2, 0, 1));
            h.begin(0, 0);
            h.end(0, 5, SendHistory.Outcome.ACCEPTED);
            h.begin(1, 0);
            h.end(1, 100, SendHistory.Outcome.ACCEPTED);
            h.begin(2, 0);
            h.end(2, 1, third, 0);
            long[] times = {10, 20, 30};
            int[] at = {0};
            RecordingWire w = new RecordingWire(3, () -> times[at[0]++]);
            w.transmit(1, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
            w.transmit(1, 2, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
            w.transmit(0, 1, 1, 1, 0, Indicator.CURRENT, MAC, 0, 2);
            AuditReport r = StreamingAudit.replay(next, h, w, true, null, 1);
            assertThat(r.verdict(Property.StrictPriority)).as("%s", third).isEqualTo(
                    third == SendHistory.Outcome.REJECTED ? AuditReport.Verdict.VIOLATED : AuditReport.Verdict.HOLDS);
        }
    }

    @Test
    void shouldSayWhatEachVerdictRestsOn() {
        assertThat(StreamingAudit.basis(Property.StrictPriority)).contains("the senders' clock", "ready mask");
        assertThat(StreamingAudit.basis(Property.Progress)).contains("never returned", "not independent");
        assertThat(StreamingAudit.basis(Property.SlotExclusion)).contains("rings' positions", "NoLoss and NoDuplicate");
        assertThat(StreamingAudit.basis(Property.GroupOrder)).contains("tickets carried");
        assertThat(StreamingAudit.basis(Property.NoLoss)).isEqualTo("the send history and the wire");
    }
}
