package dev.txorder.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulatedNic#transmit(int)}: one scheduling decision serves a run of packets of the
 * chosen group, and the run ends exactly where the scheduler would choose another group. Step
 * mode, one thread: each case builds the rings first and then lets the NIC decide.
 */
class SimulatedNicBurstTest {
    /** Priority 0 is group 0 (low), priority 1 group 1 (high); two queues each. */
    private static final Layout LAYOUT = Layout.parse("0x2,1x2");

    private long nextId;

    private void send(TxDriver driver, int priority, int packets) {
        driver.send(new TxRequest(nextId++, 0, priority, 0x0200_0000_0000L, priority, packets));
    }

    @Test
    void shouldServeTheHighGroupUntilItIsEmptyInOneDecisionUnderStrict() {
        TxDriver driver = new TxDriver(TxConfig.of(LAYOUT, AssignmentPolicy.NEXT));
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.STRICT, wire);
        send(driver, 0, 3);
        send(driver, 1, 2);
        send(driver, 1, 3);

        assertThat(nic.transmit(64)).as("group 1's five packets, then group 0 would be next").isEqualTo(5);
        assertThat(nic.transmit(2)).as("at most max per decision").isEqualTo(2);
        assertThat(nic.transmit(64)).isEqualTo(1);
        assertThat(nic.transmit(64)).as("nothing left").isZero();
        assertThat(groups(wire)).containsExactly(1, 1, 1, 1, 1, 0, 0, 0);
        assertThat(driver.ring(1, 0).consumed()).as("slots handed back at the end of the run").isEqualTo(2);
        assertThat(driver.ring(1, 1).consumed()).isEqualTo(3);
    }

    @Test
    void shouldEndALowGroupRunAsSoonAsTheHighGroupHasAPacket() {
        TxDriver driver = new TxDriver(TxConfig.of(LAYOUT, AssignmentPolicy.NEXT));
        // A wire that makes a high-priority request arrive while the NIC sends group 0's second packet.
        RecordingWire recorded = new RecordingWire();
        Wire wire = new Wire() {
            @Override
            public void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                                 long dstMac, long ticket, long readyGroups) {
                recorded.transmit(request, packet, priority, group, queue, indicator, dstMac, ticket, readyGroups);
                if (recorded.size() == 2) {
                    send(driver, 1, 1);
                }
            }
        };
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.STRICT, wire);
        send(driver, 0, 4);

        assertThat(nic.transmit(64)).as("the run stops after the packet during which group 1 became ready")
                .isEqualTo(2);
        assertThat(nic.transmit(64)).isEqualTo(1);
        assertThat(nic.transmit(64)).isEqualTo(2);
        assertThat(groups(recorded)).containsExactly(0, 0, 1, 0, 0);
        assertThat(recorded.readyGroups(2)).as("the decision for group 1 saw both groups ready").isEqualTo(0b11);
    }

    @Test
    void shouldServeAGroupNoLongerThanItsCreditUnderWrr() {
        TxDriver driver = new TxDriver(TxConfig.of(LAYOUT, AssignmentPolicy.NEXT));
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.parse("wrr:1,2"), wire);
        for (int i = 0; i < 3; i++) {
            send(driver, 0, 2);
            send(driver, 1, 2);
        }

        List<Integer> runs = new ArrayList<>();
        for (int n; (n = nic.transmit(64)) > 0; ) {
            runs.add(n);
        }

        assertThat(runs).as("weight 2 for group 1, 1 for group 0; then group 0 alone, one credit per decision")
                .containsExactly(2, 1, 2, 1, 2, 1, 1, 1, 1);
        assertThat(groups(wire)).containsExactly(1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0);
    }

    private static List<Integer> groups(RecordingWire wire) {
        List<Integer> g = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            g.add(wire.group(i));
        }
        return g;
    }

    @Test
    void shouldCountAnIdleDecisionAsWaitingForOrderWhenOnlyALaterTicketIsWritten() throws InterruptedException {
        TxDriver driver = new TxDriver(TxConfig.of(LAYOUT, AssignmentPolicy.NEXT));
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.STRICT, wire);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch mayWrite = new CountDownLatch(1);
        // Sender A takes ticket 0 (queue 0 of group 1) and stops before writing it.
        StepProbe holdBeforeWrite = (step, cpu) -> {
            if (step == StepProbe.Step.WRITE && reserved.getCount() > 0) {
                reserved.countDown();
                try {
                    mayWrite.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread a = new Thread(() -> driver.send(new TxRequest(nextId++, 0, 1, 0x0200_0000_0000L, 1, 1),
                holdBeforeWrite, FaultPlan.NONE));
        a.start();
        reserved.await();

        assertThat(nic.transmit(64)).as("nothing written yet").isZero();
        assertThat(nic.orderWaits()).as("and nothing waiting behind the cursor").isZero();

        send(driver, 1, 2);    // ticket 1, queue 1: written at once
        assertThat(nic.transmit(64)).as("ticket 1 must wait for ticket 0").isZero();
        assertThat(nic.idleSteps()).isEqualTo(2);
        assertThat(nic.orderWaits()).as("the second idle decision had ticket 1 ready behind the cursor").isEqualTo(1);

        mayWrite.countDown();
        a.join();
        assertThat(nic.transmit(64)).isEqualTo(3);
        assertThat(wire.size()).isEqualTo(3);
    }
}
