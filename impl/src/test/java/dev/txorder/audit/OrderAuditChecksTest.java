package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import org.junit.jupiter.api.Test;

/**
 * One case per check of {@link OrderAudit}, each built so that this check alone can see the fault:
 * the other checks of the same property are given nothing to find (overlapping sends leave the
 * real-time check nothing; tickets in order leave the ticket check nothing). Written against the
 * survivors of mutation testing (impl/README.md): a check whose report could be deleted without a
 * test failing was not yet tested.
 */
class OrderAuditChecksTest {
    private static final long MAC = 0x0a0bL;
    private static final TxConfig NEXT = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);

    /**
     * Requests of priority 0 with the given packet counts, all overlapping in time (begin 0, end 100).
     * No driver sent them, so the rings' counts disagree (SlotExclusion): each case reads its own property.
     */
    private static SendHistory concurrent(int... packets) {
        SendHistory h = new SendHistory(packets.length);
        for (int i = 0; i < packets.length; i++) {
            h.add(new TxRequest(i, i, 0, MAC, 1, packets[i]));
            h.begin(i, i);
            h.end(i, 100 + i, SendHistory.Outcome.ACCEPTED);
        }
        return h;
    }

    private static AuditReport audit(TxConfig config, SendHistory h, RecordingWire w, boolean drained) {
        return new OrderAudit(config, new TxDriver(config)).audit(h, w, drained);
    }

    @Test
    void shouldCatchTicketsOutOfOrderWhenTheSendsOverlapInTime() {
        RecordingWire w = new RecordingWire();
        w.transmit(1, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);
        w.transmit(0, 1, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        AuditReport r = audit(NEXT, concurrent(1, 1), w, true);
        assertThat(r.violations(Property.GroupOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("group 0: request 0 (ticket 0) leaves after request 1 (ticket 1)"));

        RecordingWire inOrder = new RecordingWire();
        inOrder.transmit(0, 1, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        inOrder.transmit(1, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);
        assertThat(audit(NEXT, concurrent(1, 1), inOrder, true).verdict(Property.GroupOrder)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    @Test
    void shouldCatchTwoRequestsGivenTheSameTicket() {
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        w.transmit(1, 1, 0, 0, 1, Indicator.NEXT, MAC, 0, 1);
        assertThat(audit(NEXT, concurrent(1, 1), w, true).violations(Property.GroupOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("group 0: request 1 (ticket 0) leaves after request 0 (ticket 0)"));
    }

    @Test
    void shouldHashTheConfiguredKeyForFlowAffinity() {
        // Two requests of flow 7 to two MACs, in two queues: one flow in two queues under the flow-id
        // key, two keys in two queues under the MAC key.
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(0, 0, 0, 0x0a01L, 7, 1));
        h.add(new TxRequest(1, 1, 0, 0x0a02L, 7, 1));
        for (int i = 0; i < 2; i++) {
            h.begin(i, i);
            h.end(i, 100, SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 1, Indicator.NONE, 0x0a01L, -1, 1);
        w.transmit(1, 1, 0, 0, 0, Indicator.NONE, 0x0a02L, -1, 1);
        TxConfig byMac = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH);
        assertThat(audit(byMac, h, w, true).verdict(Property.FlowAffinity)).isEqualTo(AuditReport.Verdict.HOLDS);
        TxConfig byFlow = byMac.withHashKey(dev.txorder.HashKey.FLOW);
        assertThat(audit(byFlow, h, w, true).violations(Property.FlowAffinity)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("flow 7 in queue 1 and queue 0 of group 0 (request 1)"));
    }

    @Test
    void shouldReportAPacketFromAGroupTheNicSawNotReadyUnderItsSchedulersProperty() {
        // Ready mask 0b01 (only group 0) while group 1 transmits.
        TxConfig strict = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.HASH);
        SendHistory h = new SendHistory(1);
        h.add(new TxRequest(0, 0, 1, MAC, 1, 1));
        h.begin(0, 0);
        h.end(0, 100, SendHistory.Outcome.ACCEPTED);
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 1, 1, 0, Indicator.NONE, MAC, -1, 1);
        assertThat(audit(strict, h, w, true).violations(Property.StrictPriority)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("group 1 transmitted while the NIC saw it not ready"));
        TxConfig wrr = strict.withScheduler(Scheduler.wrr(1, 1));
        assertThat(audit(wrr, h, w, true).violations(Property.WeightedShare)).first()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("group 1 transmitted while the NIC saw it not ready"));
    }

    @Test
    void shouldCatchTwoPacketsOfOneRequestWithDifferentTickets() {
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
        w.transmit(0, 2, 0, 0, 0, Indicator.NEXT, MAC, 5, 1);
        assertThat(audit(NEXT, concurrent(2), w, true).violations(Property.GroupOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("request 0 carries ticket 5 after 0"));
    }

    @Test
    void shouldCatchARequestInterruptedAndResumedAsRequestContiguity() {
        // Tickets in order (0, then 1) and the sends overlap: only contiguity is broken.
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
        w.transmit(1, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);
        w.transmit(0, 2, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        AuditReport r = audit(NEXT, concurrent(2, 1), w, true);
        assertThat(r.violations(Property.RequestContiguity)).extracting(Violation::detail).containsExactly(
                "request 0 interrupted after 1 of 2 packets by request 1",
                "request 0 resumes (packet 2) after request 1 came between");
        assertThat(r.violated()).contains(Property.RequestContiguity).doesNotContain(Property.NoLoss, Property.NoDuplicate);
    }

    @Test
    void shouldNotCallAFinishedRequestInterrupted() {
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
        w.transmit(0, 2, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        w.transmit(1, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);
        AuditReport r = audit(NEXT, concurrent(2, 1), w, true);
        assertThat(r.verdict(Property.RequestContiguity)).isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(r.verdict(Property.GroupOrder)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    @Test
    void shouldReportAStallFromTheRingsAndARunThatDidNotDrainOtherwise() {
        TxDriver driver = new TxDriver(NEXT);
        SendHistory h = concurrent(1);
        driver.send(new TxRequest(0, 0, 0, MAC, 1, 1));
        // Nothing transmitted: the descriptor is still in queue 0.
        AuditReport stalled = new OrderAudit(NEXT, driver).audit(h, new RecordingWire(), false);
        assertThat(stalled.violations(Property.Progress)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("the NIC stalled: group 0 queue 0 consumed 0 of 1 reserved descriptors"));

        // The rings are empty, but the harness says the run did not drain in time.
        AuditReport late = new OrderAudit(NEXT, new TxDriver(NEXT)).audit(new SendHistory(0), new RecordingWire(), false);
        assertThat(late.violations(Property.Progress)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("the NIC did not drain in time"));
        assertThat(new OrderAudit(NEXT, new TxDriver(NEXT)).audit(new SendHistory(0), new RecordingWire(), true).holds()).isTrue();
    }

    @Test
    void shouldCatchRingsThatHandedOutFewerPositionsThanTheSendersReservedAsSlotExclusion() {
        TxDriver driver = new TxDriver(NEXT);
        driver.send(new TxRequest(0, 0, 0, MAC, 1, 2));
        // The history says 3 packets were reserved (2 + 1); the rings handed out 2 positions.
        SendHistory h = concurrent(2, 1);
        AuditReport r = new OrderAudit(NEXT, driver).audit(h, new RecordingWire(), true);
        assertThat(r.violations(Property.SlotExclusion)).singleElement().satisfies(v -> assertThat(v.detail())
                .isEqualTo("senders reserved 3 descriptors but the rings handed out 2 positions: 1 descriptors were claimed by two writers"));
    }

    @Test
    void shouldCatchAWrrVisitOnePacketTooLongAsWeightedShare() {
        // wrr 1:2, group 1 (weight 2) first, both groups ready throughout: 1 1 0 1 1 0 ...
        TxConfig wrr = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.HASH).withScheduler(Scheduler.wrr(1, 2));
        SendHistory h = new SendHistory(6);
        int[] prio = {1, 1, 0, 1, 1, 0};
        for (int i = 0; i < 6; i++) {
            h.add(new TxRequest(i, 0, prio[i], MAC, prio[i], 1));
            h.begin(i, i);
            h.end(i, 100, SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire right = new RecordingWire();
        for (int i : new int[] {0, 1, 2, 3, 4, 5}) {
            right.transmit(i, 1, prio[i], prio[i], 0, Indicator.NONE, MAC, -1, 3);
        }
        assertThat(audit(wrr, h, right, true).verdict(Property.WeightedShare)).isEqualTo(AuditReport.Verdict.HOLDS);

        RecordingWire third = new RecordingWire();
        for (int i : new int[] {0, 1, 3, 2, 4, 5}) {
            third.transmit(i, 1, prio[i], prio[i], 0, Indicator.NONE, MAC, -1, 3);
        }
        assertThat(audit(wrr, h, third, true).violations(Property.WeightedShare)).first()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("group 1 served where wrr:1,2 serves group 0"));
    }

    @Test
    void shouldOrderOnlySendsThatReturnedStrictlyBeforeTheOtherBegan() {
        // Request 0 returns at 50 and request 1 begins at 50: not ordered in real time, either may go first.
        SendHistory touching = new SendHistory(2);
        touching.add(new TxRequest(0, 0, 0, MAC, 1, 1));
        touching.add(new TxRequest(1, 1, 0, MAC, 1, 1));
        touching.begin(0, 10);
        touching.end(0, 50, SendHistory.Outcome.ACCEPTED);
        touching.begin(1, 50);
        touching.end(1, 60, SendHistory.Outcome.ACCEPTED);
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        RecordingWire reversed = new RecordingWire();
        reversed.transmit(1, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        reversed.transmit(0, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        assertThat(audit(hash, touching, reversed, true).verdict(Property.FlowOrder)).isEqualTo(AuditReport.Verdict.HOLDS);

        touching.begin(1, 51);
        assertThat(audit(hash, touching, reversed, true).violations(Property.FlowOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).startsWith("request 1 began after request 0 returned"));
    }

    /**
     * The real-time sweep keeps one key's requests apart from another's: flow 1's sends are in
     * order, flow 2's are overtaken, and flow 1's early end must not make flow 2's late begin look
     * ordered (nor the reverse). Both audits must name only flow 2's pair.
     */
    @Test
    void shouldJudgeRealTimeOrderPerFlowWithSeveralFlowsInterleaved() {
        SendHistory h = new SendHistory(4);
        h.add(new TxRequest(0, 0, 0, MAC, 1, 1));
        h.add(new TxRequest(1, 1, 0, MAC + 1, 2, 1));
        h.add(new TxRequest(2, 0, 0, MAC, 1, 1));
        h.add(new TxRequest(3, 1, 0, MAC + 1, 2, 1));
        long[][] times = {{10, 20}, {11, 21}, {30, 40}, {31, 41}};
        for (int i = 0; i < 4; i++) {
            h.begin(i, times[i][0]);
            h.end(i, times[i][1], SendHistory.Outcome.ACCEPTED);
        }
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        RecordingWire w = new RecordingWire(4, new java.util.concurrent.atomic.AtomicLong(50)::getAndIncrement);
        for (long req : new long[] {0, 3, 2, 1}) {
            w.transmit(req, 1, 0, 0, 0, Indicator.NONE, MAC + (req % 2), -1, 1);
        }
        AuditReport batch = audit(hash, h, w, true);
        assertThat(batch.violations(Property.FlowOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).startsWith("request 3 began after request 1 returned"));
        AuditReport streaming = StreamingAudit.replay(hash, h, w, true, null, 5);
        assertThat(streaming.violations(Property.FlowOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).startsWith("request 3 began after request 1 returned"));
    }

    /** Every violation is counted; only the first few of each property are kept in full. */
    @Test
    void shouldCountEveryViolationAndKeepTheFirstFewOfEachProperty() {
        SendHistory h = concurrent(1);
        RecordingWire w = new RecordingWire();
        for (int i = 0; i < 16; i++) {
            w.transmit(0, 1, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        }
        AuditReport r = audit(NEXT, h, w, true);
        assertThat(r.count(Property.NoDuplicate)).isEqualTo(15);
        assertThat(r.violations(Property.NoDuplicate)).hasSize(AuditReport.KEPT_PER_PROPERTY)
                .allSatisfy(v -> assertThat(v.detail()).endsWith("transmitted a second time"));
        assertThat(r.violations(Property.NoDuplicate).get(0).seq()).isEqualTo(1);
        assertThat(r.packets()).isEqualTo(16);
    }

    /**
     * Packets the history cannot account for, each reported under its own words: a request never
     * sent (its id one past the last), a packet number the request does not have, a packet of a send
     * that was rejected, a packet before an earlier one of its request, a descriptor whose priority
     * is not the request's.
     */
    @Test
    void shouldReportEachPacketTheHistoryCannotAccountFor() {
        TxConfig hash = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.HASH);
        SendHistory h = concurrent(2, 1, 1);
        h.end(1, 101, SendHistory.Outcome.REJECTED);
        RecordingWire w = new RecordingWire();
        w.transmit(3, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(0, 3, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(0, 2, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(0, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(1, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(2, 1, 1, 0, 0, Indicator.NONE, MAC, -1, 1);
        AuditReport r = audit(hash, h, w, true);
        assertThat(r.violations(Property.NoDuplicate)).extracting(Violation::detail).containsExactly(
                "packet 1 of request 3, which was never sent",
                "packet 3 of request 0, which has only 2 packets",
                "packet 1 of request 1 transmitted but the send was rejected");
        assertThat(r.violations(Property.FlowOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("packet 1 of request 0 after its packet 2"));
        assertThat(r.violations(Property.PriorityIsolation)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("request 2 has priority 0 but its descriptor says 1"));
    }

    @Test
    void shouldReportAPacketOfASenderThatFailedBeforeWritingAny() {
        SendHistory h = concurrent(1);
        h.end(0, 100, SendHistory.Outcome.FAILED, 0);
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
        assertThat(audit(NEXT, h, w, true).violations(Property.NoDuplicate)).singleElement().satisfies(v -> assertThat(
                v.detail()).isEqualTo("packet 1 of request 0 transmitted, but its sender failed after writing 0: that descriptor was a no-op"));
    }

    /** The overtaking request's first packet is at wire position 0, its last after the overtaken one. */
    @Test
    void shouldJudgeRealTimeOrderFromARequestsFirstPacketEvenAtWirePositionZero() {
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(0, 0, 0, MAC, 1, 1));
        h.add(new TxRequest(1, 1, 0, MAC, 1, 2));
        h.begin(0, 0);
        h.end(0, 10, SendHistory.Outcome.ACCEPTED);
        h.begin(1, 20);
        h.end(1, 30, SendHistory.Outcome.ACCEPTED);
        RecordingWire w = new RecordingWire();
        w.transmit(1, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(0, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(1, 2, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        assertThat(audit(hash, h, w, true).violations(Property.FlowOrder)).singleElement().satisfies(v -> assertThat(
                v.detail()).isEqualTo("request 1 began after request 0 returned (flow 1 at priority 0) but left first (wire seq 0 < 1)"));
    }

    @Test
    void shouldNameTheRequestInHistoryRowZeroThatCameBetween() {
        RecordingWire w = new RecordingWire();
        w.transmit(1, 1, 0, 0, 0, Indicator.CURRENT, MAC, 0, 1);
        w.transmit(0, 1, 0, 0, 1, Indicator.NEXT, MAC, 1, 1);
        w.transmit(1, 2, 0, 0, 0, Indicator.NEXT, MAC, 0, 1);
        assertThat(audit(NEXT, concurrent(1, 2), w, true).violations(Property.RequestContiguity))
                .extracting(Violation::detail).contains("request 1 resumes (packet 2) after request 0 came between");
    }

    /** Request ids that are not the rows' numbers, id 0 among them but not in row 0. */
    @Test
    void shouldFindRequestsByIdWhenIdsAreNotRowNumbers() {
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(1, 0, 0, MAC, 1, 1));
        h.add(new TxRequest(0, 1, 0, MAC, 2, 1));
        for (int i = 0; i < 2; i++) {
            h.begin(i, i);
            h.end(i, 100, SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire w = new RecordingWire();
        w.transmit(0, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        w.transmit(1, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 1);
        AuditReport r = audit(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH), h, w, true);
        assertThat(r.verdict(Property.NoDuplicate)).as(r.table()).isEqualTo(AuditReport.Verdict.HOLDS);
        assertThat(r.verdict(Property.NoLoss)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    /**
     * Files without one clock: each sender's own order only. Sender 1 sent request 0 then request 1
     * of flow 10 and the wire reversed them; sender 0's requests 2 and 3 (flows 11, 12) came after
     * request 0 returned by a clock that is not comparable, and left first: not a violation. Sixteen
     * rows (the last twelve rejected) fill the history's arrays exactly.
     */
    @Test
    void shouldJudgeFlowOrderPerSenderWithoutOneClock() {
        SendHistory h = new SendHistory(16);
        long[][] rows = {{10, 1, 0, 10}, {10, 1, 20, 30}, {11, 0, 40, 50}, {12, 0, 60, 70}};
        for (int i = 0; i < rows.length; i++) {
            h.add(new TxRequest(i, (int) rows[i][1], 0, MAC, rows[i][0], 1));
            h.begin(i, rows[i][2]);
            h.end(i, rows[i][3], SendHistory.Outcome.ACCEPTED);
        }
        for (int i = rows.length; i < 16; i++) {
            h.add(new TxRequest(i, 0, 0, MAC, 99, 1));
            h.end(i, 80, SendHistory.Outcome.REJECTED);
        }
        RecordingWire w = new RecordingWire();
        for (long req : new long[] {3, 2, 1, 0}) {
            w.transmit(req, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 0);
        }
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        AuditReport r = new OrderAudit(hash, null, OrderAudit.Evidence.FILES).audit(h, w, true);
        assertThat(r.violations(Property.FlowOrder)).singleElement().satisfies(v -> assertThat(v.detail())
                .isEqualTo("request 1 began after request 0 returned (flow 10 at priority 0) but left first (wire seq 2 < 3)"));
    }

    /**
     * The same for GroupOrder, from files without tickets: sender 1's requests 2 and 3 in group 0
     * are reversed on the wire; sender 0's request 1 (group 1) after its request 0 (group 0) is not
     * ordered against it. Without tickets, the wire's order is the only ticket: nothing else to find.
     */
    @Test
    void shouldJudgeGroupOrderPerSenderAndGroupWithoutOneClockOrTickets() {
        SendHistory h = new SendHistory(4);
        long[][] rows = {{0, 0, 0, 10}, {1, 0, 20, 30}, {0, 1, 0, 10}, {0, 1, 20, 30}};
        for (int i = 0; i < rows.length; i++) {
            h.add(new TxRequest(i, (int) rows[i][1], (int) rows[i][0], MAC, i + 1, 1));
            h.begin(i, rows[i][2]);
            h.end(i, rows[i][3], SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire w = new RecordingWire();
        w.transmit(1, 1, 1, 1, 0, Indicator.NONE, MAC, -1, 0);
        w.transmit(0, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 0);
        w.transmit(3, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 0);
        w.transmit(2, 1, 0, 0, 0, Indicator.NONE, MAC, -1, 0);
        TxConfig next = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.NEXT);
        AuditReport r = new OrderAudit(next, null, OrderAudit.Evidence.FILES).audit(h, w, true);
        assertThat(r.violations(Property.GroupOrder)).singleElement().satisfies(v -> assertThat(v.detail())
                .isEqualTo("request 3 began after request 2 returned (group 0) but left first (wire seq 2 < 3)"));
        assertThat(r.verdict(Property.FlowOrder)).isEqualTo(AuditReport.Verdict.HOLDS);
    }

    /**
     * After a wrr violation the replay follows the NIC's choice, with that group's full weight less
     * the packet sent: one wrong packet, one violation. wrr 1:2, both groups ready: 1 1 0 [0] 1 1 0.
     */
    @Test
    void shouldFollowTheNicsChoiceAfterAWrrViolation() {
        TxConfig wrr = TxConfig.of(Layout.parse("0x1,1x1"), AssignmentPolicy.HASH).withScheduler(Scheduler.wrr(1, 2));
        int[] prio = {1, 1, 0, 0, 1, 1, 0};
        SendHistory h = new SendHistory(prio.length);
        for (int i = 0; i < prio.length; i++) {
            h.add(new TxRequest(i, 0, prio[i], MAC, prio[i], 1));
            h.begin(i, i);
            h.end(i, 100, SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire w = new RecordingWire();
        for (int i = 0; i < prio.length; i++) {
            w.transmit(i, 1, prio[i], prio[i], 0, Indicator.NONE, MAC, -1, 3);
        }
        assertThat(audit(wrr, h, w, true).violations(Property.WeightedShare)).singleElement().satisfies(v -> {
            assertThat(v.detail()).isEqualTo("group 0 served where wrr:1,2 serves group 1");
            assertThat(v.seq()).isEqualTo(3);
        });
    }
}
