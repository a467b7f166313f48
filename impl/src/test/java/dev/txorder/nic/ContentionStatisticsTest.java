package dev.txorder.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Scheduler;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.Layout;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The counters `simulate` prints as contention (DESIGN.md §6): per queue, the requests and
 * packets queued, the waits for a lock and for ring space with their time; per NIC, the decisions
 * that found nothing ready, those in which order made it wait, and its idle time. Each is driven
 * here into a known value, so that a counter that stops counting is seen.
 */
class ContentionStatisticsTest {
    private static final long MAC = 0x0200_0000_0001L;

    @Test
    void shouldCountRequestsPacketsAndTheWaitsForRingSpace() throws Exception {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT).withRingSize(4));
        TxRing ring = d.ring(0, 0);
        d.send(new TxRequest(0, 0, 0, MAC, 1, 4));
        CountDownLatch waiting = new CountDownLatch(1);
        Thread blocked = new Thread(() -> d.send(new TxRequest(1, 1, 0, MAC, 1, 2), (step, cpu) -> {
            if (step == StepProbe.Step.WAIT) {
                waiting.countDown();
            }
        }, FaultPlan.NONE));
        blocked.start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        TimeUnit.MILLISECONDS.sleep(20);
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, new RecordingWire());
        nic.start();
        blocked.join(5_000);
        assertThat(nic.drainAndStop(2_000)).isTrue();

        assertThat(ring.requests()).isEqualTo(2);
        assertThat(ring.packets()).isEqualTo(6);
        assertThat(ring.ringFullEvents()).isEqualTo(1);
        assertThat(ring.ringFullWaits()).isPositive();
        assertThat(ring.waits()).as("no lock waits: one sender at a time").isEqualTo(ring.ringFullWaits());
        assertThat(ring.ringFullWaitNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(ring.lockWaitNanos()).isZero();
        assertThat(nic.transmitted()).isEqualTo(6);
    }

    @Test
    void shouldCountTheWaitsForAQueuesLockAndTheirTime() throws Exception {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH));
        TxRing ring = d.ring(0, 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> d.send(new TxRequest(0, 0, 0, MAC, 1, 1), (step, cpu) -> {
            if (step == StepProbe.Step.WRITE) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, FaultPlan.NONE));
        holder.start();
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> d.send(new TxRequest(1, 1, 0, MAC, 1, 1), (step, cpu) -> {
            if (step == StepProbe.Step.WAIT) {
                waiting.countDown();
            }
        }, FaultPlan.NONE));
        waiter.start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        TimeUnit.MILLISECONDS.sleep(20);
        release.countDown();
        holder.join(5_000);
        waiter.join(5_000);

        assertThat(ring.waits()).isPositive();
        assertThat(ring.ringFullWaits()).isZero();
        assertThat(ring.ringFullEvents()).isZero();
        assertThat(ring.lockWaitNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(ring.requests()).isEqualTo(2);
    }

    /**
     * next, two queues: ticket 0 is reserved in queue 0 and not yet written, ticket 1 is written in
     * queue 1. The NIC may not send ticket 1 first: a decision that finds nothing ready, and one in
     * which order made it wait. A failed sender's no-ops are passed and counted.
     */
    @Test
    void shouldCountIdleDecisionsOrderWaitsAndNoopsPassed() throws Exception {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT));
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, wire);
        assertThat(nic.step()).isFalse();
        assertThat(nic.idleSteps()).isEqualTo(1);
        assertThat(nic.orderWaits()).isZero();

        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> d.send(new TxRequest(0, 0, 0, MAC, 1, 1), (step, cpu) -> {
            if (step == StepProbe.Step.WRITE) {
                reserved.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, FaultPlan.NONE));
        slow.start();
        assertThat(reserved.await(5, TimeUnit.SECONDS)).isTrue();
        d.send(new TxRequest(1, 1, 0, MAC, 2, 1));
        assertThat(nic.step()).as("ticket 1 must wait for ticket 0").isFalse();
        assertThat(nic.idleSteps()).isEqualTo(2);
        assertThat(nic.orderWaits()).isEqualTo(1);
        release.countDown();
        slow.join(5_000);
        assertThat(nic.drainNow()).isEqualTo(2);

        assertThatThrownBy(() -> d.send(new TxRequest(2, 0, 0, MAC, 1, 3), StepProbe.NONE, (r, written) -> written == 1))
                .isInstanceOf(SenderFault.class);
        assertThat(nic.drainNow()).isEqualTo(1);
        assertThat(nic.noopsPassed()).isEqualTo(2);
        assertThat(nic.transmitted()).isEqualTo(3);
        assertThat(wire.size()).isEqualTo(3);
    }

    @Test
    void shouldAccountTheTimeTheNicsThreadFoundNothingToSend() throws Exception {
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH));
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, new RecordingWire());
        nic.start();
        TimeUnit.MILLISECONDS.sleep(30);
        d.send(new TxRequest(0, 0, 0, MAC, 1, 1));
        assertThat(nic.drainAndStop(2_000)).isTrue();
        assertThat(nic.idleNanos()).as("idle from its start to the first packet")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(nic.idleSteps()).isPositive();
    }
}
