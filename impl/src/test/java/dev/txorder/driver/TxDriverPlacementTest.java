package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.trace.Action;
import dev.txorder.trace.ActionLog;
import dev.txorder.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each send path puts a request, read back from its rings without a NIC: the queue (ticket
 * mod k for k a power of two and not; the MAC's last octet; the flow's mix; M4's request id), the
 * ticket column, the indicators, the per-ring counts, and the events a recording driver appends.
 * The contract tests see placement only through a drained wire, where two queues swapped alike or
 * a wrong ticket column can still give a valid order.
 */
class TxDriverPlacementTest {
    private static final long MAC = 0x02_00_00_00_00_00L;

    private static TxRequest request(long id, int cpu, int priority, long mac, long flow, int packets) {
        return new TxRequest(id, cpu, priority, mac, flow, packets);
    }

    /** The descriptor at position {@code pos} of {@code ring}: request, packet, ticket, indicator. */
    private static String at(TxRing ring, long pos) {
        while (ring.head() < pos) {
            ring.advance();
        }
        assertThat(ring.head()).as("read positions in order").isEqualTo(pos);
        if (!ring.headReady()) {
            return "unwritten";
        }
        return ring.headRequest() + "/" + ring.headPacket() + " t" + ring.headTicket() + " " + ring.headIndicator();
    }

    @Test
    void shouldPutTicketTInQueueTModKWhenKIsNotAPowerOfTwo() {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x3,1x1"), AssignmentPolicy.NEXT).withRingSize(8));
        for (int i = 0; i < 7; i++) {
            d.send(request(i, 0, 0, MAC, MAC, 1));
        }
        d.send(request(7, 0, 0, MAC, MAC, 2));  // ticket 7 -> queue 1, two packets

        assertThat(d.tickets(0)).isEqualTo(8);
        assertThat(d.tickets(1)).as("another group's tickets are its own").isZero();
        assertThat(new long[] {d.ring(0, 0).tail(), d.ring(0, 1).tail(), d.ring(0, 2).tail()}).containsExactly(3, 4, 2);
        assertThat(new long[] {d.ring(0, 0).requests(), d.ring(0, 1).requests(), d.ring(0, 2).requests()})
                .containsExactly(3, 3, 2);
        assertThat(List.of(at(d.ring(0, 0), 0), at(d.ring(0, 0), 1), at(d.ring(0, 0), 2), at(d.ring(0, 0), 3)))
                .containsExactly("0/1 t0 NEXT", "3/1 t3 NEXT", "6/1 t6 NEXT", "unwritten");
        assertThat(List.of(at(d.ring(0, 1), 0), at(d.ring(0, 1), 1), at(d.ring(0, 1), 2), at(d.ring(0, 1), 3)))
                .containsExactly("1/1 t1 NEXT", "4/1 t4 NEXT", "7/1 t7 CURRENT", "7/2 t7 NEXT");
        assertThat(List.of(at(d.ring(0, 2), 0), at(d.ring(0, 2), 1)))
                .containsExactly("2/1 t2 NEXT", "5/1 t5 NEXT");

        d.send(request(8, 0, 1, MAC, MAC, 1));
        assertThat(d.tickets(1)).isEqualTo(1);
        assertThat(at(d.ring(1, 0), 0)).isEqualTo("8/1 t0 NEXT");
        assertThat(d.drainPolicy(0)).isEqualTo(AssignmentPolicy.NEXT);
        assertThat(d.drainPolicy(1)).isEqualTo(AssignmentPolicy.NEXT);
    }

    @Test
    void shouldPutTicketTInQueueTModKWhenKIsAPowerOfTwo() {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x4"), AssignmentPolicy.NEXT).withRingSize(4));
        for (int i = 0; i < 9; i++) {
            d.send(request(i, 0, 0, MAC, MAC, 1));
        }
        assertThat(new long[] {d.ring(0, 0).tail(), d.ring(0, 1).tail(), d.ring(0, 2).tail(), d.ring(0, 3).tail()})
                .containsExactly(3, 2, 2, 2);
        assertThat(List.of(at(d.ring(0, 0), 0), at(d.ring(0, 0), 1), at(d.ring(0, 0), 2)))
                .containsExactly("0/1 t0 NEXT", "4/1 t4 NEXT", "8/1 t8 NEXT");
        assertThat(List.of(at(d.ring(0, 3), 0), at(d.ring(0, 3), 1))).containsExactly("3/1 t3 NEXT", "7/1 t7 NEXT");
        assertThat(d.tickets(0)).isEqualTo(9);
    }

    @Test
    void shouldMarkAnArraysNonFinalPacketsNextUnderMutantM3() {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withMutant(Mutant.M3));
        d.send(request(1, 0, 0, MAC, MAC, 3));
        TxRing q0 = d.ring(0, 0);
        assertThat(List.of(at(q0, 0), at(q0, 1), at(q0, 2))).containsExactly("1/1 t0 NEXT", "1/2 t0 NEXT", "1/3 t0 NEXT");
    }

    @Test
    void shouldHashTheMacsLastOctetOrTheFlowOrUnderM4TheRequestId() {
        Layout layout = Layout.parse("0x3");
        TxDriver byMac = new TxDriver(TxConfig.of(layout, AssignmentPolicy.HASH).withHashKey(HashKey.MAC));
        TxDriver byFlow = new TxDriver(TxConfig.of(layout, AssignmentPolicy.HASH).withHashKey(HashKey.FLOW));
        TxDriver m4 = new TxDriver(TxConfig.of(layout, AssignmentPolicy.HASH).withHashKey(HashKey.FLOW)
                .withMutant(Mutant.M4));
        for (long id = 0; id < 40; id++) {
            TxRequest r = request(id * 7 + 1, 0, 0, MAC | (id * 13 & 0xff) | (id << 24), id * 31 + 5, 1);
            assertThat(byMac.queueOf(r, 3)).isEqualTo(QueueSelector.byMac(r.dstMac, 3));
            assertThat(byFlow.queueOf(r, 3)).isEqualTo(QueueSelector.mix(r.flow, 3));
            assertThat(m4.queueOf(r, 3)).isEqualTo(QueueSelector.mix(r.id, 3));
        }

        // ..:0e -> queue 14 mod 3 = 2; ..:04 -> 1; hash descriptors carry ticket -1 and no indicator.
        byMac.send(request(10, 0, 0, MAC | 0x0e, 0, 2));
        byMac.send(request(11, 0, 0, MAC | 0x04, 0, 1));
        byMac.send(request(12, 0, 0, MAC | 0x0e, 0, 1));
        assertThat(new long[] {byMac.ring(0, 0).tail(), byMac.ring(0, 1).tail(), byMac.ring(0, 2).tail()})
                .containsExactly(0, 1, 3);
        assertThat(new long[] {byMac.ring(0, 0).requests(), byMac.ring(0, 1).requests(), byMac.ring(0, 2).requests()})
                .containsExactly(0, 1, 2);
        assertThat(List.of(at(byMac.ring(0, 2), 0), at(byMac.ring(0, 2), 1), at(byMac.ring(0, 2), 2)))
                .containsExactly("10/1 t-1 NONE", "10/2 t-1 NONE", "12/1 t-1 NONE");
        assertThat(at(byMac.ring(0, 1), 0)).isEqualTo("11/1 t-1 NONE");
        assertThat(byMac.tickets(0)).as("hash takes no tickets").isZero();
        assertThat(byMac.drainPolicy(0)).isEqualTo(AssignmentPolicy.HASH);
    }

    @Test
    void shouldClaimWithoutTheQueueLockUnderMutantM5AndStillFillTheRows() {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH).withMutant(Mutant.M5));
        TxRing q1 = d.ring(0, 1);
        q1.lock(StepProbe.NONE, 9);  // a lock M5 never looks at
        d.send(request(3, 0, 0, MAC | 1, 0, 2), StepProbe.NO_WAIT, FaultPlan.NONE);

        assertThat(q1.tail()).isEqualTo(2);
        assertThat(q1.requests()).isEqualTo(1);
        assertThat(List.of(at(q1, 0), at(q1, 1))).containsExactly("3/1 t-1 NONE", "3/2 t-1 NONE");

        TxDriver correct = new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH));
        correct.ring(0, 1).lock(StepProbe.NONE, 9);
        assertThatThrownBy(() -> correct.send(request(3, 0, 0, MAC | 1, 0, 2), StepProbe.NO_WAIT, FaultPlan.NONE))
                .as("the correct hash path takes the queue's lock").isInstanceOf(Backoff.WouldWait.class);
        assertThat(correct.ring(0, 1).tail()).isZero();
    }

    @Test
    void shouldTakeTheTicketApartFromTheReservationUnderMutantM1() {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT).withMutant(Mutant.M1));
        d.send(request(0, 0, 0, MAC, MAC, 2));
        d.send(request(1, 0, 0, MAC, MAC, 1));
        d.send(request(2, 0, 0, MAC, MAC, 1));
        assertThat(d.tickets(0)).isEqualTo(3);
        assertThat(new long[] {d.ring(0, 0).requests(), d.ring(0, 1).requests()}).containsExactly(2, 1);
        assertThat(List.of(at(d.ring(0, 0), 0), at(d.ring(0, 0), 1), at(d.ring(0, 0), 2)))
                .containsExactly("0/1 t0 CURRENT", "0/2 t0 NEXT", "2/1 t2 NEXT");
        assertThat(at(d.ring(0, 1), 0)).isEqualTo("1/1 t1 NEXT");

        // M1 reserves under the queue's lock after its ticket: a held lock refuses a try, the ticket already gone.
        d.ring(0, 1).lock(StepProbe.NONE, 9);
        assertThatThrownBy(() -> d.send(request(3, 0, 0, MAC, MAC, 1), StepProbe.NO_WAIT, FaultPlan.NONE))
                .isInstanceOf(Backoff.WouldWait.class);
        assertThat(d.tickets(0)).isEqualTo(4);
        d.ring(0, 1).unlock();
        d.send(request(4, 0, 0, MAC, MAC, 1));
        assertThat(at(d.ring(0, 0), 3)).as("ticket 4 -> queue 0 after the lost ticket 3").isEqualTo("4/1 t4 NEXT");
    }

    @Test
    void shouldRecordTheStepsOfEachSendPath() {
        ActionLog log = new ActionLog();
        TxConfig next = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);
        TxDriver d = new TxDriver(next, log);
        assertThat(d.actionLog()).isSameAs(log);
        assertThat(d.config()).isEqualTo(next);
        assertThat(d.queueLayout()).isEqualTo(next.layout());
        TxRequest r = request(5, 1, 0, MAC | 0x0e, 77, 1);
        d.send(r);
        d.send(request(6, 1, 0, MAC, 77, 1));
        List<TraceEvent> events = log.events();
        assertThat(events).extracting(TraceEvent::action)
                .containsExactly(Action.ASSIGN_RESERVE, Action.WRITE, Action.ASSIGN_RESERVE, Action.WRITE);
        assertThat(events.get(2).queue()).isEqualTo(1);
        assertThat(events.get(2).ticket()).isEqualTo(1);
        assertThat(events.get(2).slot()).isEqualTo(0);
        assertThat(events.get(0).req()).isEqualTo("5");

        ActionLog hashLog = new ActionLog();
        TxDriver h = new TxDriver(TxConfig.of(Layout.parse("0x4"), AssignmentPolicy.HASH), hashLog);
        h.send(r);
        h.send(r);
        assertThat(hashLog.events()).extracting(TraceEvent::action).containsExactly(
                Action.ASSIGN, Action.RESERVE, Action.WRITE, Action.ASSIGN, Action.RESERVE, Action.WRITE);
        assertThat(hashLog.events()).extracting(TraceEvent::queue).containsOnly(2);
        assertThat(hashLog.events().get(0).ticket()).isEqualTo(-1);
        assertThat(hashLog.events().get(4).slot()).as("the second claim starts at position 1").isEqualTo(1);

        ActionLog m1Log = new ActionLog();
        TxDriver m1 = new TxDriver(next.withMutant(Mutant.M1), m1Log);
        m1.send(r);
        m1.send(r);
        assertThat(m1Log.events()).extracting(TraceEvent::action).containsExactly(
                Action.ASSIGN, Action.RESERVE, Action.WRITE, Action.ASSIGN, Action.RESERVE, Action.WRITE);
        assertThat(m1Log.events()).extracting(TraceEvent::ticket).containsExactly(0L, -1L, -1L, 1L, -1L, -1L);
        assertThat(m1Log.events()).extracting(TraceEvent::queue).containsExactly(0, 0, 0, 1, 1, 1);

        ActionLog m5Log = new ActionLog();
        TxDriver m5 = new TxDriver(TxConfig.of(Layout.parse("0x4"), AssignmentPolicy.HASH).withMutant(Mutant.M5), m5Log);
        m5.send(r);
        assertThat(m5Log.events()).extracting(TraceEvent::action).containsExactly(
                Action.ASSIGN, Action.READ_TAIL, Action.RESERVE, Action.WRITE);
        assertThat(new TxDriver(next).actionLog()).isNull();
    }

    @Test
    void shouldGiveThePriorArtOneQueueAndOneOrderPerGroup() {
        TxConfig c = TxConfig.of(Layout.parse("0-1x4,2x3"), AssignmentPolicy.HASH).withRingSize(4);
        SingleQueueDriver d = new SingleQueueDriver(c);
        Layout one = d.queueLayout();
        assertThat(one.groupCount()).isEqualTo(2);
        assertThat(one.group(0).queueCount()).isEqualTo(1);
        assertThat(one.group(1).queueCount()).isEqualTo(1);
        assertThat(one.group(0).priorities()).containsExactly(0, 1);
        assertThat(one.group(1).priorities()).containsExactly(2);
        assertThat(d.drainPolicy(0)).isEqualTo(AssignmentPolicy.HASH);
        assertThatThrownBy(() -> d.ring(0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("the prior art has one queue per group, not queue 1");

        d.send(request(0, 0, 1, MAC | 3, 0, 2));
        d.send(request(1, 0, 0, MAC | 1, 0, 1));
        d.send(request(2, 0, 2, MAC | 1, 0, 1));
        TxRing g0 = d.ring(0, 0);
        assertThat(g0.capacity()).isEqualTo(4);
        assertThat(g0.requests()).isEqualTo(2);
        assertThat(d.ring(1, 0).requests()).isEqualTo(1);
        assertThat(List.of(at(g0, 0), at(g0, 1), at(g0, 2)))
                .as("the ticket column holds the position: the assignment order")
                .containsExactly("0/1 t0 NONE", "0/2 t0 NONE", "1/1 t2 NONE");
        assertThat(at(d.ring(1, 0), 0)).isEqualTo("2/1 t0 NONE");

        SingleQueueDriver m6 = new SingleQueueDriver(c.withMutant(Mutant.M6));
        assertThatThrownBy(() -> m6.send(request(3, 0, 0, MAC, 0, 2), StepProbe.NONE, (r, written) -> written == 1))
                .isInstanceOf(dev.txorder.SenderFault.class);
        assertThat(at(m6.ring(0, 0), 1)).as("M6: no no-op behind a failed fill").isEqualTo("unwritten");
        SingleQueueDriver correct = new SingleQueueDriver(c);
        assertThatThrownBy(() -> correct.send(request(3, 0, 0, MAC, 0, 2), StepProbe.NONE, (r, written) -> written == 1))
                .isInstanceOf(dev.txorder.SenderFault.class);
        assertThat(correct.ring(0, 0).head()).isZero();
        correct.ring(0, 0).advance();
        assertThat(correct.ring(0, 0).headReady()).isTrue();
        assertThat(correct.ring(0, 0).headNoop()).isTrue();
        assertThat(correct.ring(0, 0).headIndicator()).isEqualTo(Indicator.NONE);

        SingleQueueDriver m10 = new SingleQueueDriver(c.withMutant(Mutant.M10).withRingSize(1));
        m10.send(request(4, 0, 0, MAC, 0, 1));
        TxRing flag = m10.ring(0, 0);
        flag.advance();
        flag.handBack();
        flag.reserve(1, StepProbe.NONE, 0);
        assertThat(flag.headReady()).as("the prior art's rings read marks as M10 says too").isTrue();
    }

    @Test
    void shouldShowEverySendPathsStepsToTheProbeInTheSpecsOrder() {
        List<String> steps = new java.util.ArrayList<>();
        StepProbe probe = (step, cpu) -> steps.add(step + " " + cpu);
        TxConfig next = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);
        List<SendPath> paths = List.of(
                new TxDriver(next),
                new TxDriver(next.withMutant(Mutant.M1)),
                new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH)),
                new SingleQueueDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH)));
        for (SendPath p : paths) {
            steps.clear();
            p.send(request(1, 6, 0, MAC, MAC, 2), probe, FaultPlan.NONE);
            assertThat(steps).as(p.getClass().getSimpleName())
                    .containsExactly("ASSIGN 6", "RESERVE 6", "WRITE 6", "WRITE 6");
        }
        // M5 reaches RESERVE twice: before the claim, as every path, and between its read and store of TAIL.
        steps.clear();
        new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.HASH).withMutant(Mutant.M5))
                .send(request(1, 6, 0, MAC, MAC, 2), probe, FaultPlan.NONE);
        assertThat(steps).containsExactly("ASSIGN 6", "RESERVE 6", "RESERVE 6", "WRITE 6", "WRITE 6");
    }
}
