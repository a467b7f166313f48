package dev.txorder.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.Property;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.FaultPlan;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * {@link TraceRun}: real sender threads and the NIC's thread with the action log on. What the OS
 * interleaves varies from run to run; what is checked holds for every interleaving.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceRunTest {
    private static final Layout LAYOUT = Layout.parse("0-3x2,4-7x2");
    private static final int REQUESTS = 30;

    private static SendHistory requests(long seed) {
        return RandomRequests.generate(LAYOUT, REQUESTS, 2, 3, 6, seed);
    }

    @ParameterizedTest
    @EnumSource(AssignmentPolicy.class)
    void shouldRecordEveryStepOfThirtyRequestsOnTwoRealSendersAsAConsistentLog(AssignmentPolicy policy,
                                                                            @TempDir Path dir) throws Exception {
        TxConfig config = TxConfig.of(LAYOUT, policy);
        SendHistory h = requests(11);
        TraceRun.Result t = TraceRun.run(config, h, 11, 2, 2_000);
        List<TraceEvent> events = t.events();

        assertThat(t.drained()).isTrue();
        assertThat(t.audit().holds()).as(t.audit().table()).isTrue();
        assertThat(t.header()).isEqualTo(TraceHeader.of(config, 2));
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).as("seq of event %d", i).isEqualTo(i);
        }

        Map<String, List<TraceEvent>> byRequest = new HashMap<>();
        for (TraceEvent e : events) {
            if (e.req() != null && e.cpu() >= 0) {
                byRequest.computeIfAbsent(e.req(), k -> new ArrayList<>()).add(e);
            }
        }
        assertThat(byRequest).hasSize(REQUESTS);
        int failed = 0;
        for (int row = 0; row < h.size(); row++) {
            List<TraceEvent> own = byRequest.get(Long.toString(h.id(row)));
            boolean fails = h.outcome(row) == SendHistory.Outcome.FAILED;
            failed += fails ? 1 : 0;
            checkSenderSteps(policy, own, h, row, fails);
        }
        assertThat(failed).as("the fault plan's two requests").isEqualTo(2);

        long transmits = events.stream().filter(e -> e.action() == Action.TRANSMIT).count();
        long noops = events.stream().filter(e -> e.action() == Action.PASS_NOOP).count();
        assertThat(transmits).as("one Transmit per packet on the wire").isEqualTo(t.simulation().wire().size());
        assertThat(noops).isEqualTo(t.simulation().nic().noopsPassed());

        Path file = dir.resolve("run.ndjson");
        t.write(file);
        TraceFile.Contents back = TraceFile.read(file);
        assertThat(back.header()).isEqualTo(t.header());
        assertThat(back.events()).isEqualTo(events);
    }

    /** One request's sender steps, in log order: its assignment, then its writes 1..w, then Fail if it failed. */
    private static void checkSenderSteps(AssignmentPolicy policy, List<TraceEvent> own, SendHistory h, int row,
                                         boolean fails) {
        String what = "request " + h.id(row) + ": " + own;
        TraceEvent first = own.get(0);
        long slot;
        int next;
        if (policy == AssignmentPolicy.NEXT) {
            assertThat(first.action()).as(what).isEqualTo(Action.ASSIGN_RESERVE);
            slot = first.slot();
            next = 1;
        } else {
            assertThat(first.action()).as(what).isEqualTo(Action.ASSIGN);
            assertThat(first.ticket()).isEqualTo(-1);
            TraceEvent reserve = own.get(1);
            assertThat(reserve.action()).as(what).isEqualTo(Action.RESERVE);
            assertThat(reserve.queue()).isEqualTo(first.queue());
            slot = reserve.slot();
            next = 2;
        }
        assertThat(first.packets()).isEqualTo(h.packets(row));
        assertThat(first.priority()).isEqualTo(h.priority(row));
        assertThat(first.flow()).isEqualTo(Long.toString(h.flow(row)));
        assertThat(first.dstMac()).isEqualTo(TxRequest.formatMac(h.dstMac(row)));
        assertThat(first.cpu()).isEqualTo(h.cpu(row));
        int packet = 0;
        for (TraceEvent e : own.subList(next, own.size())) {
            if (e.action() == Action.FAIL) {
                assertThat(fails).as(what).isTrue();
                assertThat(e.written()).as(what).isEqualTo(packet);
                assertThat(e).as(what + ": Fail is its last step").isSameAs(own.get(own.size() - 1));
                return;
            }
            packet++;
            assertThat(e.action()).as(what).isEqualTo(Action.WRITE);
            assertThat(e.packet()).as(what).isEqualTo(packet);
            assertThat(e.slot()).as(what).isEqualTo(slot + packet - 1);
            assertThat(e.group()).isEqualTo(first.group());
            assertThat(e.queue()).isEqualTo(first.queue());
        }
        assertThat(fails).as(what + " has no Fail").isFalse();
        assertThat(packet).as(what).isEqualTo(h.packets(row));
    }

    @Test
    void shouldEndWithIdleAfterTheFailWhenTheM6NicStallsAndStillReturnTheLog() throws InterruptedException {
        TxConfig config = TxConfig.of(LAYOUT, AssignmentPolicy.NEXT).withMutant(Mutant.M6).withRingSize(8);
        TraceRun.Result t = TraceRun.run(config, requests(5), 5, 1, 300);
        List<TraceEvent> events = t.events();

        assertThat(t.drained()).isFalse();
        assertThat(t.audit().violated()).contains(Property.Progress);
        assertThat(t.header().mutants()).containsExactly("M6");
        int fail = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).action() == Action.FAIL) {
                fail = i;
            }
        }
        assertThat(fail).as("one request failed").isNotNegative();
        assertThat(events.get(events.size() - 1).action()).isEqualTo(Action.IDLE);
        assertThat(events.size() - 1).isGreaterThan(fail);
    }

    @Test
    void shouldChooseTheSameFaultsFromTheSameSeed() {
        SendHistory h = requests(3);
        FaultPlan a = TraceRun.faultPlan(h, 4, 9);
        FaultPlan b = TraceRun.faultPlan(h, 4, 9);
        int faults = 0;
        TxRequest r = new TxRequest();
        for (int row = 0; row < h.size(); row++) {
            h.load(row, r);
            for (int w = 0; w < r.packets; w++) {
                assertThat(a.failsBefore(r, w)).isEqualTo(b.failsBefore(r, w));
                faults += a.failsBefore(r, w) ? 1 : 0;
            }
        }
        assertThat(faults).isEqualTo(4);
        assertThatThrownBy(() -> TraceRun.faultPlan(h, REQUESTS + 1, 9)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("faults");
    }

    @Test
    void shouldRefuseToTraceTheSingleQueueDriver() {
        TxConfig config = TxConfig.of(LAYOUT, AssignmentPolicy.NEXT);
        assertThatThrownBy(() -> TraceRun.run(config, Simulation.Driver.SINGLE_QUEUE, requests(1), 1, 0, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("driver", "not traced");
    }
}
