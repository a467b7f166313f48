package dev.txorder.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two worked examples of US 2003/0058878 A1, run through {@link Simulation#runDeterministic}:
 * every request is queued first (in stream order, one thread), then the NIC drains, so the
 * placements and the wire are fixed by the layout, policy and scheduler alone.
 *
 * <p>Both figures use eight queues: four for the "high" group and four for the "low" group
 * (¶0035). With a higher group number being the higher priority, that is layout {@code 0x4,1x4}:
 * priority 1 = "high" = group 1, priority 0 = "low" = group 0.
 */
class PatentFiguresTest {
    private static final Layout EIGHT_QUEUES = Layout.parse("0x4,1x4");
    private static final int HIGH = 1;
    private static final int LOW = 0;

    /** One wire row: request, packet, group, queue, indicator. */
    private record Row(long request, int packet, int group, int queue, Indicator indicator) {
        @Override
        public String toString() {
            return "r" + request + "#" + packet + " g" + group + "q" + queue + " " + indicator.wireName();
        }
    }

    private static List<Row> rows(RecordingWire w) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            rows.add(new Row(w.request(i), w.packet(i), w.group(i), w.queue(i), w.indicator(i)));
        }
        return rows;
    }

    /**
     * FIG. 4 (¶0036-0042): four processors each send one packet at once; destination MACs end in
     * 3, E, 3 (high) and 4 (low); the hash is the MAC's last two bits.
     */
    private static SendHistory figure4() {
        SendHistory h = new SendHistory(4);
        h.add(new TxRequest(0, 0, HIGH, TxRequest.parseMac("00:a0:c9:00:00:03", "dst_mac"), 3, 1)); // packet 401
        h.add(new TxRequest(1, 1, HIGH, TxRequest.parseMac("00:a0:c9:00:00:0e", "dst_mac"), 14, 1)); // packet 407
        h.add(new TxRequest(2, 2, HIGH, TxRequest.parseMac("00:a0:c9:00:00:03", "dst_mac"), 3, 1)); // packet 413
        h.add(new TxRequest(3, 3, LOW, TxRequest.parseMac("00:a0:c9:00:00:04", "dst_mac"), 4, 1)); // packet 419
        return h;
    }

    @Test
    void shouldPlaceFigure4PacketsByTheLastTwoBitsOfTheirDestinationMac() {
        Simulation.Result r = Simulation.runDeterministic(TxConfig.of(EIGHT_QUEUES, AssignmentPolicy.HASH),
                Simulation.Driver.TXORDER, figure4());

        // ¶0038: ..3 -> queue 3 (433); ¶0039: ..E -> queue 2 (431); ¶0041: the second ..3 joins
        // the first in queue 3; ¶0042: ..4 -> queue 0 of the low group (437).
        assertThat(r.path().ring(HIGH, 3).tail()).isEqualTo(2);
        assertThat(r.path().ring(HIGH, 2).tail()).isEqualTo(1);
        assertThat(r.path().ring(HIGH, 0).tail() + r.path().ring(HIGH, 1).tail()).isZero();
        assertThat(r.path().ring(LOW, 0).tail()).isEqualTo(1);
        assertThat(r.path().ring(LOW, 1).tail() + r.path().ring(LOW, 2).tail() + r.path().ring(LOW, 3).tail()).isZero();
        assertThat(r.audit().holds()).as(r.audit().table()).isTrue();
    }

    @Test
    void shouldSendFigure4HighGroupFirstRoundRobinFromQueueZeroUnderStrictPriority() {
        Simulation.Result r = Simulation.runDeterministic(TxConfig.of(EIGHT_QUEUES, AssignmentPolicy.HASH),
                Simulation.Driver.TXORDER, figure4());

        // ¶0042, first scenario: the high group's queues in sequence until empty, then the low
        // group. Round robin over the non-empty queues from queue 0, one descriptor per visit:
        // queue 2 (..E), queue 3 (first ..3), wrap past the empty 0..2, queue 3 (second ..3).
        assertThat(rows(r.wire())).containsExactly(
                new Row(1, 1, HIGH, 2, Indicator.NONE),
                new Row(0, 1, HIGH, 3, Indicator.NONE),
                new Row(2, 1, HIGH, 3, Indicator.NONE),
                new Row(3, 1, LOW, 0, Indicator.NONE));
        assertThat(r.audit().holds()).as(r.audit().table()).isTrue();
    }

    @Test
    void shouldSendTwoHighPacketsForEveryLowOneUnderWeightedRoundRobin() {
        TxConfig wrr = TxConfig.of(EIGHT_QUEUES, AssignmentPolicy.HASH).withScheduler(Scheduler.parse("wrr:1,2"));
        Simulation.Result r = Simulation.runDeterministic(wrr, Simulation.Driver.TXORDER, figure4());

        // ¶0042, second scenario: two from the high group, one from the low, then the last high.
        assertThat(rows(r.wire())).extracting(Row::group).containsExactly(HIGH, HIGH, LOW, HIGH);
        assertThat(rows(r.wire())).extracting(Row::request).containsExactly(1L, 0L, 3L, 2L);
        assertThat(r.audit().holds()).as(r.audit().table()).isTrue();
    }

    /**
     * FIG. 7 (¶0056-0062): requests of 2 (packets 701, 703), 1 (707) and 2 (711, 713) packets at
     * high priority and 1 (717) at low priority, one per processor, under "next available".
     */
    private static SendHistory figure7() {
        SendHistory h = new SendHistory(4);
        long mac = TxRequest.parseMac("00:a0:c9:00:00:01", "dst_mac");
        h.add(new TxRequest(0, 0, HIGH, mac, 0, 2));
        h.add(new TxRequest(1, 1, HIGH, mac + 1, 1, 1));
        h.add(new TxRequest(2, 2, HIGH, mac + 2, 2, 2));
        h.add(new TxRequest(3, 3, LOW, mac + 3, 3, 1));
        return h;
    }

    @Test
    void shouldAssignFigure7RequestsToSuccessiveQueuesWithCurrentAndNextIndicators() {
        Simulation.Result r = Simulation.runDeterministic(TxConfig.of(EIGHT_QUEUES, AssignmentPolicy.NEXT),
                Simulation.Driver.TXORDER, figure7());

        // ¶0058-0062: request 1 -> queue 0 (723), CURRENT then NEXT; request 2 -> queue 1 (725),
        // NEXT; request 3 -> queue 2 (727), CURRENT then NEXT; request 4 -> low queue 0 (733), NEXT.
        // The wire is exactly the assignment order: the NIC follows the indicators.
        assertThat(rows(r.wire())).containsExactly(
                new Row(0, 1, HIGH, 0, Indicator.CURRENT),
                new Row(0, 2, HIGH, 0, Indicator.NEXT),
                new Row(1, 1, HIGH, 1, Indicator.NEXT),
                new Row(2, 1, HIGH, 2, Indicator.CURRENT),
                new Row(2, 2, HIGH, 2, Indicator.NEXT),
                new Row(3, 1, LOW, 0, Indicator.NEXT));
        RecordingWire w = r.wire();
        assertThat(List.of(w.ticket(0), w.ticket(2), w.ticket(3), w.ticket(5))).containsExactly(0L, 1L, 2L, 0L);
        assertThat(r.nic().cursor(HIGH)).as("after queue 2's NEXT the cursor moves on to queue 3").isEqualTo(3);
        assertThat(r.audit().holds()).as(r.audit().table()).isTrue();
    }
}
