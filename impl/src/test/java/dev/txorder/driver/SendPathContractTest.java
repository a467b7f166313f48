package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.Property;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link SendPath} promises, run against each driver by a subclass: the patent's
 * {@link TxDriver} under {@code next} and under {@code hash}, and the prior-art
 * {@link SingleQueueDriver}. Where the designs differ on purpose (parallel filling of one group's
 * queues), the subclass says which way its driver goes and the test checks that way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SendPathContractTest {
    private static final long MAC = 0x02_00_00_00_00_00L;

    /** The driver under test, with the policy this subclass covers, for {@code layout}. */
    protected abstract TxConfig config(Layout layout);

    protected abstract Simulation.Driver driver();

    /** Whether two senders can fill different queues of one group at the same time (the patent's gain). */
    protected abstract boolean fillsQueuesOfOneGroupInParallel();

    private SendPath path(TxConfig c) {
        return Simulation.newPath(c, driver());
    }

    private static TxRequest request(long id, int cpu, int priority, long mac, int packets) {
        return new TxRequest(id, cpu, priority, mac, mac, packets);
    }

    private static boolean drained(SendPath p) {
        for (var g : p.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                if (p.ring(g.index(), q).consumed() != p.ring(g.index(), q).tail()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long reserved(SendPath p) {
        long n = 0;
        for (var g : p.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                n += p.ring(g.index(), q).tail();
            }
        }
        return n;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Test
    void shouldKeepArrayContiguousWhenTicketsWrapAround() throws InterruptedException {
        // Ring of 4 and arrays of 3: almost every array straddles the end of the ring, and the
        // positions wrap the ring 150 times per queue.
        TxConfig c = config(Layout.parse("0x2")).withRingSize(4);
        SendPath p = path(c);
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(p, c.scheduler(), wire, c.mutants());
        int requests = 400;
        SendHistory h = new SendHistory(requests);
        for (int i = 0; i < requests; i++) {
            h.add(request(i, 0, 0, MAC, 3));
        }
        nic.start();
        try {
            TxRequest r = new TxRequest();
            for (int i = 0; i < requests; i++) {
                Simulation.sendOne(p, h, i, h.load(i, r), FaultPlan.NONE, StepProbe.NONE, System::nanoTime);
            }
        } finally {
            assertThat(nic.drainAndStop(5_000)).as("the NIC drains").isTrue();
        }
        assertThat(wire.size()).isEqualTo(3 * requests);
        for (int seq = 0; seq < wire.size(); seq++) {
            // One flow from one sender: request seq/3, packet seq%3+1, back to back.
            assertThat(wire.request(seq)).as("wire seq %d", seq).isEqualTo(seq / 3);
            assertThat(wire.packet(seq)).as("wire seq %d", seq).isEqualTo(seq % 3 + 1);
        }
        AuditReport audit = new OrderAudit(c, p).audit(h, wire, true);
        assertThat(audit.holds()).as(audit.table()).isTrue();
    }

    @Test
    void shouldApplyBackpressureWhenRingIsFull() throws InterruptedException {
        TxConfig c = config(Layout.parse("0x1")).withRingSize(2);
        SendPath p = path(c);
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(p, c.scheduler(), wire, c.mutants());
        CountDownLatch waiting = new CountDownLatch(1);
        StepProbe probe = (step, cpu) -> {
            if (step == StepProbe.Step.WAIT) {
                waiting.countDown();
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sender = daemon("sender", () -> {
            try {
                for (int i = 0; i < 3; i++) {
                    p.send(request(i, 0, 0, MAC, 1), probe, FaultPlan.NONE);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        sender.start();
        try {
            assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the third send waits for space").isTrue();
            assertThat(sender.isAlive()).as("a full ring blocks the sender, never drops").isTrue();
            assertThat(p.ring(0, 0).tail()).as("only what fits is reserved").isEqualTo(2);

            Thread.sleep(20);
            assertThat(nic.step()).isTrue();
            sender.join(10_000);
            assertThat(sender.isAlive()).as("one descriptor consumed lets the third send in").isFalse();
            assertThat(failure.get()).isNull();
        } finally {
            sender.interrupt();
        }
        nic.drainNow();
        assertThat(wire.size()).isEqualTo(3);
        assertThat(new long[] {wire.request(0), wire.request(1), wire.request(2)}).containsExactly(0, 1, 2);
        assertThat(drained(p)).isTrue();
        assertThat(p.ring(0, 0).ringFullEvents()).isEqualTo(1);
        assertThat(p.ring(0, 0).ringFullWaitNanos()).as("the wait is timed: it spanned the 20 ms sleep")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(p.ring(0, 0).lockWaitNanos()).as("one sender never waits for a lock").isZero();
    }

    @Test
    void shouldTimeHowLongASenderWaitsForTheLockThatOrdersItsQueue() throws InterruptedException {
        // The first sender waits for ring space while it owns the queue (hash, prior art: the queue's
        // lock; next: the group's assignment lock), so the second sender waits for that lock.
        TxConfig c = config(Layout.parse("0x1")).withRingSize(1);
        SendPath p = path(c);
        SimulatedNic nic = new SimulatedNic(p, c.scheduler(), new RecordingWire(), c.mutants());
        p.send(request(0, 0, 0, MAC, 1));
        CountDownLatch bothWaiting = new CountDownLatch(2);
        Set<Integer> waiting = ConcurrentHashMap.newKeySet();
        StepProbe probe = (step, cpu) -> {
            if (step == StepProbe.Step.WAIT && waiting.add(cpu)) {
                bothWaiting.countDown();
            }
        };
        Thread first = daemon("first", () -> p.send(request(1, 1, 0, MAC, 1), probe, FaultPlan.NONE));
        first.start();
        while (!waiting.contains(1)) {
            Thread.onSpinWait();
        }
        Thread second = daemon("second", () -> p.send(request(2, 2, 0, MAC, 1), probe, FaultPlan.NONE));
        second.start();
        try {
            assertThat(bothWaiting.await(10, TimeUnit.SECONDS)).as("both senders are waiting").isTrue();
            Thread.sleep(20);
            for (int sent = 0; sent < 3; ) {
                sent += nic.step() ? 1 : 0;
            }
            first.join(10_000);
            second.join(10_000);
            assertThat(first.isAlive() || second.isAlive()).isFalse();
        } finally {
            first.interrupt();
            second.interrupt();
        }
        assertThat(p.ring(0, 0).lockWaitNanos()).as("the second sender's lock wait spanned the 20 ms sleep")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void shouldRejectRequestLargerThanRing() {
        TxConfig c = config(Layout.parse("0x2")).withRingSize(4);
        SendPath p = path(c);

        assertThatThrownBy(() -> p.send(request(0, 0, 0, MAC, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("packets"))
                .hasMessageContaining("5")
                .hasMessageContaining("allowed 1..4");
        assertThat(reserved(p)).as("a rejected request reserves nothing").isZero();

        p.send(request(1, 0, 0, MAC, 4));
        RecordingWire wire = new RecordingWire();
        new SimulatedNic(p, c.scheduler(), wire, c.mutants()).drainNow();
        assertThat(wire.size()).as("a request as large as the ring still fits").isEqualTo(4);
    }

    @Test
    void shouldRejectRequestWithoutPackets() {
        SendPath p = path(config(Layout.parse("0x2")));

        assertThatThrownBy(() -> p.send(request(0, 0, 0, MAC, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("packets"))
                .hasMessageContaining("allowed 1..");
        assertThat(reserved(p)).isZero();
    }

    @Test
    void shouldRejectPriorityTheLayoutDoesNotMap() {
        SendPath p = path(config(Layout.parse("0x2,1x2")));

        assertThatThrownBy(() -> p.send(request(0, 0, 2, MAC, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("priority"))
                .hasMessageContaining("0..1");
        assertThat(reserved(p)).isZero();
    }

    /** Request 0 (3 packets) fails after writing its first packet; requests 1 and 2 follow on the same flow. */
    private record FailedSenderRun(SendPath path, SendHistory history, RecordingWire wire, SimulatedNic nic) { }

    private FailedSenderRun sendWithAFailureAfterReserving(TxConfig c) {
        SendPath p = path(c);
        SendHistory h = new SendHistory(3);
        h.add(request(0, 0, 0, MAC, 3));
        h.add(request(1, 0, 0, MAC, 1));
        h.add(request(2, 0, 0, MAC, 1));
        // Request 0 writes its first packet, then its sender fails: packets 2 and 3 are reserved but never written.
        FaultPlan failsAfterOne = (r, written) -> r.id == 0 && written == 1;

        assertThatThrownBy(() -> p.send(h.load(0, new TxRequest()), StepProbe.NONE, failsAfterOne))
                .isInstanceOf(SenderFault.class);
        h.begin(0, 0);
        h.end(0, 1, SendHistory.Outcome.FAILED);
        TxRequest r = new TxRequest();
        AtomicInteger clock = new AtomicInteger(2);
        for (int i = 1; i < 3; i++) {
            Simulation.sendOne(p, h, i, h.load(i, r), failsAfterOne, StepProbe.NONE, clock::getAndIncrement);
        }
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(p, c.scheduler(), wire, c.mutants());
        nic.drainNow();
        return new FailedSenderRun(p, h, wire, nic);
    }

    @Test
    void shouldPublishNoopsWhenSenderFailsAfterReserving() {
        TxConfig c = config(Layout.parse("0x2")).withRingSize(8);
        FailedSenderRun run = sendWithAFailureAfterReserving(c);
        RecordingWire wire = run.wire();

        assertThat(drained(run.path())).as("the NIC passes the no-ops instead of waiting for them").isTrue();
        assertThat(run.nic().noopsPassed()).as("the failed send's two unwritten descriptors").isEqualTo(2);
        assertThat(wire.size()).as("the failed send's written packet, then the later sends").isEqualTo(3);
        assertThat(new long[] {wire.request(0), wire.request(1), wire.request(2)}).containsExactly(0, 1, 2);
        AuditReport audit = new OrderAudit(c, run.path()).audit(run.history(), wire, true);
        assertThat(audit.holds()).as(audit.table()).isTrue();
    }

    @Test
    void shouldStallBehindAFailedSenderThatPublishesNothingUnderMutantM6() {
        // The same run with M6: the test above must be able to fail.
        TxConfig c = config(Layout.parse("0x2")).withRingSize(8).withMutant(Mutant.M6);
        FailedSenderRun run = sendWithAFailureAfterReserving(c);

        assertThat(drained(run.path())).as("two reserved descriptors are never written").isFalse();
        assertThat(run.nic().noopsPassed()).isZero();
        AuditReport audit = new OrderAudit(c, run.path()).audit(run.history(), run.wire(), false);
        assertThat(audit.violated()).contains(Property.Progress);
    }

    @Test
    void shouldLetSecondSenderFillAnotherQueueOfTheGroupWhileTheFirstIsMidArray() throws InterruptedException {
        TxConfig c = config(Layout.parse("0x2"));
        SendPath p = path(c);
        CountDownLatch firstMidArray = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger secondWaits = new AtomicInteger();
        StepProbe first = (step, cpu) -> {
            if (step == StepProbe.Step.WRITE && firstMidArray.getCount() == 0) {
                return;
            }
            if (step == StepProbe.Step.WRITE) {
                // Parks before its first descriptor: it owns its slots (or its lock) and has written nothing.
                firstMidArray.countDown();
                try {
                    releaseFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        StepProbe second = (step, cpu) -> {
            if (step == StepProbe.Step.WAIT) {
                secondWaits.incrementAndGet();
            }
        };
        // Ticket 0 -> queue 0 and ticket 1 -> queue 1 under next; MAC ..:00 -> 0 and ..:01 -> 1 under hash.
        Thread a = daemon("first", () -> p.send(request(0, 0, 0, MAC, 2), first, FaultPlan.NONE));
        Thread b = daemon("second", () -> p.send(request(1, 1, 0, MAC | 1, 1), second, FaultPlan.NONE));
        a.start();
        try {
            assertThat(firstMidArray.await(10, TimeUnit.SECONDS)).isTrue();
            b.start();
            b.join(fillsQueuesOfOneGroupInParallel() ? 10_000 : 300);
            if (fillsQueuesOfOneGroupInParallel()) {
                assertThat(b.isAlive()).as("the second sender finishes while the first holds its queue").isFalse();
                assertThat(secondWaits.get()).as("and never waits for it").isZero();
            } else {
                assertThat(b.isAlive()).as("the prior art's one lock per group makes the second sender wait").isTrue();
                assertThat(secondWaits.get()).isPositive();
            }
        } finally {
            releaseFirst.countDown();
            a.join(10_000);
            b.join(10_000);
        }
        assertThat(a.isAlive() || b.isAlive()).isFalse();
        assertThat(reserved(p)).isEqualTo(3);
    }

    @Test
    void shouldHoldEveryPropertyWithTwoRealSendersAndASmallRing() throws InterruptedException {
        TxConfig c = config(Layout.parse("0-1x2,2-3x3")).withRingSize(8);
        SendHistory h = RandomRequests.generate(c.layout(), 20_000, 2, 4, 7);
        Simulation.Result r = Simulation.run(c, driver(), h, FaultPlan.NONE, Simulation.DEFAULT_STALL_MILLIS);

        assertThat(r.drained()).isTrue();
        assertThat(r.wire().size()).isEqualTo(Simulation.totalPackets(h));
        assertThat(r.audit().holds()).as(r.audit().table()).isTrue();
    }
}
