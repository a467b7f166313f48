package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wait for the {@code next} policy's assignment lock, counted exactly: every WAIT the probe sees
 * is one iteration in the ring's statistics, the lock waiter's as lock waits and the holder's as
 * ring-full waits, and the lock wait is timed within the waiter's send. The contract test times
 * such a wait only from below, which a clock read gone wrong (a sum for a difference) also passes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AssignmentLockWaitTest {
    private static final long MAC = 0x02_00_00_00_00_00L;

    @Test
    void shouldCountEachIterationOfAnAssignmentLockWaitInTheTicketsRing() throws InterruptedException {
        // One queue of 2, full. A waits for ring space while it holds the group's assignment lock;
        // B waits for that lock and, at its third look, plays the NIC: it consumes both descriptors.
        TxDriver d = new TxDriver(TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.NEXT).withRingSize(2));
        TxRing ring = d.ring(0, 0);
        d.send(new TxRequest(0, 0, 0, MAC, MAC, 2));

        AtomicInteger holderWaits = new AtomicInteger();
        AtomicInteger waiterWaits = new AtomicInteger();
        CountDownLatch holderWaiting = new CountDownLatch(1);
        StepProbe holder = (step, cpu) -> {
            if (step == StepProbe.Step.WAIT) {
                holderWaits.incrementAndGet();
                holderWaiting.countDown();
            }
        };
        StepProbe waiter = (step, cpu) -> {
            if (step == StepProbe.Step.WAIT && waiterWaits.incrementAndGet() == 3) {
                for (int i = 0; i < 2; i++) {
                    ring.advance();
                }
                ring.handBack();
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong waiterElapsed = new AtomicLong();
        Thread a = new Thread(() -> {
            try {
                d.send(new TxRequest(1, 1, 0, MAC, MAC, 1), holder, FaultPlan.NONE);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, "holder");
        Thread b = new Thread(() -> {
            try {
                long start = System.nanoTime();
                d.send(new TxRequest(2, 2, 0, MAC, MAC, 1), waiter, FaultPlan.NONE);
                waiterElapsed.set(System.nanoTime() - start);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, "waiter");
        a.setDaemon(true);
        b.setDaemon(true);
        a.start();
        assertThat(holderWaiting.await(10, TimeUnit.SECONDS)).as("A waits for space, holding the lock").isTrue();
        b.start();
        a.join(30_000);
        b.join(30_000);
        assertThat(a.isAlive() || b.isAlive()).isFalse();
        assertThat(failure.get()).isNull();

        assertThat(waiterWaits.get()).as("B looked at least until it freed the space").isGreaterThanOrEqualTo(3);
        assertThat(ring.ringFullEvents()).as("only A waited for space").isEqualTo(1);
        assertThat(ring.ringFullWaits()).isEqualTo(holderWaits.get());
        assertThat(ring.waits()).as("A's ring-full looks and B's lock looks, each once")
                .isEqualTo(holderWaits.get() + waiterWaits.get());
        assertThat(ring.lockWaitNanos()).isPositive().isLessThanOrEqualTo(waiterElapsed.get());
        assertThat(ring.requests()).isEqualTo(3);
        assertThat(d.tickets(0)).isEqualTo(3);
        ring.advance();
        assertThat(ring.headTicket()).as("B's ticket 2 right behind A's ticket 1").isEqualTo(2);
        assertThat(ring.headIndicator()).isEqualTo(Indicator.NEXT);
    }
}
