package dev.txorder.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SingleQueueDriver;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The action log of small deterministic sequences: one thread sends, the NIC runs in step mode,
 * and the log is exactly the list of TLA+ actions taken, in order.
 */
class ActionLogStepModeTest {
    /** Priority 0 is group 0, priority 1 group 1; two queues each. */
    private static final Layout LAYOUT = Layout.parse("0x2,1x2");
    private static final long MAC_1 = 0x02_00_00_00_00_01L;
    private static final long MAC_2 = 0x02_00_00_00_00_02L;

    private final ActionLog log = new ActionLog();
    private TxDriver driver;
    private SimulatedNic nic;

    private void build(AssignmentPolicy policy, Set<Mutant> mutants) {
        TxConfig c = TxConfig.of(LAYOUT, policy).withMutants(mutants);
        driver = new TxDriver(c, log);
        nic = new SimulatedNic(driver, Scheduler.STRICT, new RecordingWire(), c.mutants(), log);
    }

    private static TxRequest request(long id, int cpu, long mac, int packets) {
        return new TxRequest(id, cpu, 0, mac, mac, packets);
    }

    // ------------------------------------------------------------------ expected events

    private static String assign(int cpu, long req, long mac, int packets, int queue, long ticket) {
        return "Assign cpu=" + cpu + " req=" + req + " flow=" + mac + " priority=0 dst_mac="
                + TxRequest.formatMac(mac) + " packets=" + packets + " group=0 queue=" + queue + " ticket=" + ticket;
    }

    private static String assignReserve(int cpu, long req, long mac, int packets, int queue, long ticket, long slot) {
        return "AssignReserve cpu=" + cpu + " req=" + req + " flow=" + mac + " priority=0 dst_mac="
                + TxRequest.formatMac(mac) + " packets=" + packets + " group=0 queue=" + queue + " ticket=" + ticket
                + " slot=" + slot;
    }

    private static String reserve(int cpu, long req, int queue, long slot) {
        return "Reserve cpu=" + cpu + " req=" + req + " group=0 queue=" + queue + " slot=" + slot;
    }

    private static String write(int cpu, long req, int packet, int queue, long slot, Indicator ind) {
        return "Write cpu=" + cpu + " req=" + req + " packet=" + packet + " group=0 queue=" + queue + " slot=" + slot
                + " indicator=" + ind;
    }

    private static String fail(int cpu, long req, int queue, int written) {
        return "Fail cpu=" + cpu + " req=" + req + " group=0 queue=" + queue + " written=" + written;
    }

    private static String transmit(int queue, long req, int packet, long slot) {
        return "Transmit group=0 queue=" + queue + " req=" + req + " packet=" + packet + " slot=" + slot;
    }

    private static String passNoop(int queue, long req, int packet, long slot) {
        return "PassNoop group=0 queue=" + queue + " req=" + req + " packet=" + packet + " slot=" + slot;
    }

    /** The log without seq numbers, which are checked once here: 0, 1, 2, ... */
    private List<String> logged() {
        List<TraceEvent> events = log.events();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(i);
        }
        return events.stream().map(e -> e.toString().substring(e.toString().indexOf(' ') + 1)).toList();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void shouldLogOneAssignReservePerNextRequestThenItsWritesThenTheNicsSteps() {
        build(AssignmentPolicy.NEXT, Mutant.none());
        driver.send(request(1, 0, MAC_1, 2));
        driver.send(request(2, 0, MAC_2, 1));
        assertThat(nic.step()).isTrue();
        assertThat(nic.step()).isTrue();
        assertThat(nic.step()).isTrue();
        assertThat(nic.step()).isFalse();
        assertThat(nic.step()).as("idle again: nothing changed, nothing logged").isFalse();

        assertThat(logged()).containsExactly(
                assignReserve(0, 1, MAC_1, 2, 0, 0, 0),
                write(0, 1, 1, 0, 0, Indicator.CURRENT),
                write(0, 1, 2, 0, 1, Indicator.NEXT),
                assignReserve(0, 2, MAC_2, 1, 1, 1, 0),
                write(0, 2, 1, 1, 0, Indicator.NEXT),
                transmit(0, 1, 1, 0),
                transmit(0, 1, 2, 1),
                transmit(1, 2, 1, 0),
                "Idle");
    }

    @Test
    void shouldLogAssignThenReserveUnderHashAndTheRoundRobinOfTheNic() {
        build(AssignmentPolicy.HASH, Mutant.none());
        driver.send(request(1, 0, MAC_1, 2)); // ..:01 -> queue 1 of 2
        driver.send(request(2, 0, MAC_2, 1)); // ..:02 -> queue 0
        assertThat(nic.drainNow()).isEqualTo(3);

        assertThat(logged()).containsExactly(
                assign(0, 1, MAC_1, 2, 1, -1),
                reserve(0, 1, 1, 0),
                write(0, 1, 1, 1, 0, Indicator.NONE),
                write(0, 1, 2, 1, 1, Indicator.NONE),
                assign(0, 2, MAC_2, 1, 0, -1),
                reserve(0, 2, 0, 0),
                write(0, 2, 1, 0, 0, Indicator.NONE),
                transmit(0, 2, 1, 0),
                transmit(1, 1, 1, 0),
                transmit(1, 1, 2, 1),
                "Idle");
    }

    @Test
    void shouldLogFailAtomicallyWithItsNoopsAndTheNicPassingThem() {
        build(AssignmentPolicy.NEXT, Mutant.none());
        FaultPlan failsAfterOne = (r, written) -> r.id == 1 && written == 1;
        assertThatThrownBy(() -> driver.send(request(1, 0, MAC_1, 3), StepProbe.NONE, failsAfterOne))
                .isInstanceOf(SenderFault.class);
        driver.send(request(2, 0, MAC_2, 1));
        assertThat(nic.drainNow()).isEqualTo(2);

        assertThat(logged()).containsExactly(
                assignReserve(0, 1, MAC_1, 3, 0, 0, 0),
                write(0, 1, 1, 0, 0, Indicator.CURRENT),
                fail(0, 1, 0, 1),
                assignReserve(0, 2, MAC_2, 1, 1, 1, 0),
                write(0, 2, 1, 1, 0, Indicator.NEXT),
                transmit(0, 1, 1, 0),
                passNoop(0, 1, 2, 1),
                passNoop(0, 1, 3, 2),
                transmit(1, 2, 1, 0),
                "Idle");
    }

    @Test
    void shouldLogOneFailWithNothingWrittenWhenTheSenderFailsRightAfterItsReservation() {
        build(AssignmentPolicy.NEXT, Mutant.none());
        StepProbe failsAtReserve = (step, cpu) -> {
            if (step == StepProbe.Step.RESERVE) {
                throw new SenderFault("after the reservation");
            }
        };
        assertThatThrownBy(() -> driver.send(request(1, 0, MAC_1, 2), failsAtReserve, FaultPlan.NONE))
                .isInstanceOf(SenderFault.class);
        assertThat(nic.step()).isFalse();

        assertThat(logged()).containsExactly(
                assignReserve(0, 1, MAC_1, 2, 0, 0, 0),
                fail(0, 1, 0, 0),
                passNoop(0, 1, 1, 0),
                passNoop(0, 1, 2, 1),
                "Idle");
    }

    @Test
    void shouldLogTheFailButNoNoopsUnderM6() {
        build(AssignmentPolicy.NEXT, EnumSet.of(Mutant.M6));
        FaultPlan failsAtOnce = (r, written) -> r.id == 1;
        assertThatThrownBy(() -> driver.send(request(1, 0, MAC_1, 2), StepProbe.NONE, failsAtOnce))
                .isInstanceOf(SenderFault.class);
        driver.send(request(2, 0, MAC_2, 1));
        assertThat(nic.step()).as("the cursor waits at queue 0 forever").isFalse();

        assertThat(logged()).containsExactly(
                assignReserve(0, 1, MAC_1, 2, 0, 0, 0),
                fail(0, 1, 0, 0),
                assignReserve(0, 2, MAC_2, 1, 1, 1, 0),
                write(0, 2, 1, 1, 0, Indicator.NEXT),
                "Idle");
    }

    @Test
    void shouldLogSkipUnwrittenWhenTheM2NicPassesAReservedCursorQueue() {
        build(AssignmentPolicy.NEXT, EnumSet.of(Mutant.M2));
        driver.send(request(1, 0, MAC_1, 1));
        // Request 2 (ticket 1, queue 1) stops between its reservation and its write; meanwhile a
        // second sender queues request 3 (ticket 2, queue 0) and the NIC runs twice.
        StepProbe meanwhile = (step, cpu) -> {
            if (step == StepProbe.Step.RESERVE) {
                driver.send(request(3, 1, MAC_1, 1));
                assertThat(nic.step()).isTrue();
                assertThat(nic.step()).isTrue();
            }
        };
        driver.send(request(2, 0, MAC_2, 1), meanwhile, FaultPlan.NONE);

        assertThat(logged()).containsExactly(
                assignReserve(0, 1, MAC_1, 1, 0, 0, 0),
                write(0, 1, 1, 0, 0, Indicator.NEXT),
                assignReserve(0, 2, MAC_2, 1, 1, 1, 0),
                assignReserve(1, 3, MAC_1, 1, 0, 2, 1),
                write(1, 3, 1, 0, 1, Indicator.NEXT),
                transmit(0, 1, 1, 0),
                "SkipUnwritten group=0 queue=1",
                transmit(0, 3, 1, 1),
                write(0, 2, 1, 1, 0, Indicator.NEXT));
    }

    @Test
    void shouldLogTheTwoStepsOfTheUnownedReservationUnderM5() {
        // M5 removes the hash policy's queue lock: the tail is read, then claimed, as two steps.
        build(AssignmentPolicy.HASH, EnumSet.of(Mutant.M5));
        driver.send(request(1, 0, MAC_1, 2)); // ..:01 -> queue 1 of 2

        assertThat(logged()).containsExactly(
                assign(0, 1, MAC_1, 2, 1, -1),
                "ReadTail cpu=0 req=1 group=0 queue=1 slot=0",
                reserve(0, 1, 1, 0),
                write(0, 1, 1, 1, 0, Indicator.NONE),
                write(0, 1, 2, 1, 1, Indicator.NONE));
    }

    @Test
    void shouldRefuseAnAppendOutsideTheTraceLock() {
        assertThatThrownBy(log::idle).isInstanceOf(IllegalStateException.class).hasMessageContaining("trace lock");
    }

    @Test
    void shouldRefuseToTraceThePriorArt() {
        TxConfig c = TxConfig.of(LAYOUT, AssignmentPolicy.NEXT);
        assertThatThrownBy(() -> new SimulatedNic(new SingleQueueDriver(c), Scheduler.STRICT, new RecordingWire(),
                c.mutants(), log)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not traced");
        assertThatThrownBy(() -> new SimulatedNic(new TxDriver(c, new ActionLog()), Scheduler.STRICT,
                new RecordingWire(), c.mutants(), log)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same log", "its TxDriver");
    }
}
