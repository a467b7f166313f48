package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.SendInterruptedException;
import dev.txorder.SendResult;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sender faults of the send path, each a named kind: a sender interrupted while it waits, a
 * non-blocking send that would have had to wait, and a sender thread that dies at each point of
 * the path. Nothing is lost that was accepted, nothing leaves that was not queued, and the NIC
 * never stalls; where a fault path matters, a mutant without it shows the test failing.
 */
class SenderFaultKindsTest {
    private static final long MAC = 0x0200_0000_0001L;
    /** One group of two queues of four descriptors. */
    private static final Layout ONE_GROUP = Layout.parse("0x2");

    private static TxConfig config(AssignmentPolicy p) {
        return TxConfig.of(ONE_GROUP, p).withRingSize(4);
    }

    private static TxRequest request(long id, int cpu, long flow, int packets) {
        return new TxRequest(id, cpu, 0, MAC + flow, flow, packets);
    }

    /** A thread that sends {@code r} and keeps what became of it. */
    private static final class Sender extends Thread {
        final AtomicReference<Object> result = new AtomicReference<>();
        final CountDownLatch waiting = new CountDownLatch(1);
        volatile boolean interruptStillSet;

        Sender(SendPath path, TxRequest r, StepProbe extra) {
            super(() -> { });
            this.path = path;
            this.r = r;
            this.extra = extra;
        }

        private final SendPath path;
        private final TxRequest r;
        private final StepProbe extra;

        @Override
        public void run() {
            try {
                path.send(r, (step, cpu) -> {
                    extra.before(step, cpu);
                    if (step == StepProbe.Step.WAIT) {
                        waiting.countDown();
                    }
                }, FaultPlan.NONE);
                result.set("sent");
            } catch (Throwable e) {
                interruptStillSet = Thread.currentThread().isInterrupted();
                result.set(e);
            }
        }
    }

    // ------------------------------------------------------------------ interrupted while waiting

    /**
     * next: ticket 2 belongs to queue 0, which is full, so its sender waits for space holding the
     * group's assignment lock. Interrupted, it returns at once, reserves nothing, and hands ticket 2
     * back: the next sender takes it and lands where the NIC expects ticket 2.
     */
    @Test
    void shouldReturnAnInterruptedSenderWaitingForRingSpaceWithItsTicketGivenBack() throws Exception {
        TxDriver d = new TxDriver(config(AssignmentPolicy.NEXT));
        d.send(request(0, 0, 1, 4));
        d.send(request(1, 0, 1, 4));
        Sender b = new Sender(d, request(2, 1, 2, 1), StepProbe.NONE);
        b.start();
        assertThat(b.waiting.await(5, TimeUnit.SECONDS)).as("the sender waits for space").isTrue();
        assertThat(d.trySend(request(9, 2, 3, 1))).as("the group's lock is held by the waiter")
                .isEqualTo(SendResult.LOCK_BUSY);

        b.interrupt();
        b.join(1_000);
        assertThat(b.isAlive()).as("returned promptly").isFalse();
        assertThat(b.result.get()).isInstanceOf(SendInterruptedException.class);
        assertThat(((Throwable) b.result.get()).getMessage()).contains("ring space", "nothing was reserved");
        assertThat(b.interruptStillSet).as("the interrupt status stays set for the caller").isTrue();
        assertThat(d.tickets(0)).as("ticket 2 given back").isEqualTo(2);
        assertThat(d.ring(0, 0).tail() + d.ring(0, 1).tail()).as("nothing reserved").isEqualTo(8);

        assertThat(drainThenSend(d, request(3, 0, 1, 1))).containsExactly(
                "0#1", "0#2", "0#3", "0#4", "1#1", "1#2", "1#3", "1#4", "3#1");
        assertThat(d.ring(0, 0).tail()).as("request 3 took ticket 2, in queue 0").isEqualTo(5);
    }

    /** Waiting for a lock: the group's assignment lock (next), the queue's lock (hash). */
    @ParameterizedTest
    @EnumSource(AssignmentPolicy.class)
    void shouldReturnAnInterruptedSenderWaitingForALock(AssignmentPolicy policy) throws Exception {
        TxDriver d = new TxDriver(config(policy));
        // next: the holder waits for ring space inside the assignment lock; hash: it is parked in
        // its fill, inside its queue's lock.
        CountDownLatch holderParked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepProbe parkAtWrite = (step, cpu) -> {
            if (step == StepProbe.Step.WRITE && policy == AssignmentPolicy.HASH) {
                holderParked.countDown();
                await(release);
            }
        };
        if (policy == AssignmentPolicy.NEXT) {
            d.send(request(0, 0, 1, 4));
            d.send(request(1, 0, 1, 4));
        }
        Sender holder = new Sender(d, request(2, 0, 1, 1), parkAtWrite);
        holder.start();
        if (policy == AssignmentPolicy.NEXT) {
            assertThat(holder.waiting.await(5, TimeUnit.SECONDS)).isTrue();
        } else {
            assertThat(holderParked.await(5, TimeUnit.SECONDS)).isTrue();
        }
        Sender waiter = new Sender(d, request(3, 1, 1, 1), StepProbe.NONE);
        waiter.start();
        assertThat(waiter.waiting.await(5, TimeUnit.SECONDS)).as("waits for the lock").isTrue();
        waiter.interrupt();
        waiter.join(1_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(waiter.result.get()).isInstanceOf(SendInterruptedException.class);
        assertThat(((Throwable) waiter.result.get()).getMessage()).contains("a lock");

        release.countDown();
        List<String> wire = drainThenSend(d, request(4, 0, 1, 1));
        holder.join(5_000);
        assertThat(holder.result.get()).isEqualTo("sent");
        assertThat(wire).doesNotContain("3#1").contains("2#1", "4#1");
    }

    // ------------------------------------------------------------------ trySend

    @ParameterizedTest
    @EnumSource(AssignmentPolicy.class)
    void shouldTrySendWithoutWaitingAndQueueNothingWhenItWouldHaveHadTo(AssignmentPolicy policy) throws Exception {
        TxDriver d = new TxDriver(config(policy));
        // hash: flow 1 goes to one queue of the two; next: tickets alternate, so fill both.
        assertThat(d.trySend(request(0, 0, 1, 4))).isEqualTo(SendResult.SENT);
        if (policy == AssignmentPolicy.NEXT) {
            assertThat(d.trySend(request(1, 0, 1, 4))).isEqualTo(SendResult.SENT);
        }
        long tails = d.ring(0, 0).tail() + d.ring(0, 1).tail();
        assertThat(d.trySend(request(2, 0, 1, 1))).isEqualTo(SendResult.RING_FULL);
        assertThat(d.ring(0, 0).tail() + d.ring(0, 1).tail()).as("nothing reserved").isEqualTo(tails);
        if (policy == AssignmentPolicy.NEXT) {
            assertThat(d.tickets(0)).as("no ticket taken").isEqualTo(2);
        }
        List<String> wire = drainThenSend(d, request(3, 0, 1, 1));
        assertThat(wire).doesNotContain("2#1").endsWith("3#1");
    }

    /**
     * The broken variant: M1 takes its ticket apart from its claim, so a send that gives up at the
     * queue's lock has already taken a ticket it never fills, and the NIC's cursor waits at that
     * queue for good. The correct path gives the ticket back (above).
     */
    @Test
    void shouldLoseATicketWhenTheClaimIsApartFromTheTicketAsM1Does() throws Exception {
        TxDriver d = new TxDriver(config(AssignmentPolicy.NEXT).withMutants(Set.of(Mutant.M1)));
        d.send(request(0, 0, 1, 4));
        d.send(request(1, 0, 1, 4));
        assertThat(d.trySend(request(2, 0, 1, 1))).isEqualTo(SendResult.RING_FULL);
        assertThat(d.tickets(0)).as("ticket 2 taken and never filled").isEqualTo(3);
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, new RecordingWire(), Set.of(Mutant.M1));
        nic.start();
        d.send(request(3, 0, 1, 1));
        assertThat(nic.drainAndStop(300)).as("the cursor waits at queue 0 for ticket 2").isFalse();
    }

    // ------------------------------------------------------------------ a sender that dies

    /** Where the sender dies, and what it had reserved by then. */
    enum DeathPoint {
        BEFORE_THE_TICKET, BETWEEN_TICKET_AND_CLAIM, DURING_THE_FILL, DURING_THE_NOOP_PATH
    }

    /** An error no send path expects: the thread is gone. */
    static final class SenderDeath extends Error {
        private static final long serialVersionUID = 1L;

        SenderDeath(DeathPoint at) {
            super("sender died " + at.name().toLowerCase().replace('_', ' '), null, false, false);
        }
    }

    /**
     * The sender of a 3-packet request dies at each point; the other senders' requests all leave, in
     * order, and the NIC drains every descriptor (it passes the no-ops of what the dead one had
     * claimed). The dead request leaves at most what it had written (one packet, at the fill).
     */
    @ParameterizedTest
    @EnumSource(DeathPoint.class)
    void shouldNeverStallTheNicWhereverASenderDies(DeathPoint at) throws Exception {
        for (AssignmentPolicy policy : AssignmentPolicy.values()) {
            if (at == DeathPoint.BETWEEN_TICKET_AND_CLAIM && policy == AssignmentPolicy.HASH) {
                continue; // hash takes no ticket
            }
            List<String> wire = runWithADeath(config(policy), at);
            assertThat(wire).as("%s, dies %s", policy, at).contains("1#1", "1#2", "2#1", "3#1", "3#2");
            assertThat(wire.stream().filter(p -> p.startsWith("0#")).toList())
                    .isEqualTo(at == DeathPoint.DURING_THE_FILL || at == DeathPoint.DURING_THE_NOOP_PATH
                            ? List.of("0#1") : List.of());
        }
    }

    /** The broken variant: M6 publishes nothing for the dead sender's claim, and the NIC stalls. */
    @Test
    void shouldStallTheNicWhenTheNoopPathIsMissingAsInM6() {
        for (DeathPoint at : List.of(DeathPoint.DURING_THE_FILL, DeathPoint.DURING_THE_NOOP_PATH)) {
            assertThatThrownBy(() -> runWithADeath(config(AssignmentPolicy.NEXT).withMutants(Set.of(Mutant.M6)), at))
                    .as("dies %s", at).isInstanceOf(AssertionError.class).hasMessageContaining("stalled");
        }
    }

    /**
     * Request 0 (3 packets, cpu 0) dies at {@code at}; then requests 1-3 of cpu 1. Returns the wire
     * as request#packet.
     */
    private static List<String> runWithADeath(TxConfig c, DeathPoint at) throws Exception {
        TxDriver d = new TxDriver(c);
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, wire, c.mutants());
        nic.start();
        StepProbe probe = (step, cpu) -> {
            if (at == DeathPoint.BEFORE_THE_TICKET && step == StepProbe.Step.ASSIGN) {
                throw new SenderDeath(at);
            }
            if (at == DeathPoint.DURING_THE_NOOP_PATH && step == StepProbe.Step.FAIL) {
                throw new SenderDeath(at);
            }
        };
        FaultPlan faults = new FaultPlan() {
            @Override
            public boolean failsBefore(TxRequest r, int written) {
                if (written == 1 && at == DeathPoint.DURING_THE_FILL) {
                    throw new SenderDeath(at);
                }
                return written == 1 && at == DeathPoint.DURING_THE_NOOP_PATH;
            }

            @Override
            public boolean failsBeforeReserve(TxRequest r) {
                if (at == DeathPoint.BETWEEN_TICKET_AND_CLAIM) {
                    throw new SenderDeath(at);
                }
                return false;
            }
        };
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread dying = new Thread(() -> d.send(request(0, 0, 1, 3), probe, faults));
        dying.setUncaughtExceptionHandler((t, e) -> died.set(e));
        dying.start();
        dying.join();
        assertThat(died.get()).isInstanceOfAny(SenderDeath.class, SenderFault.class);
        d.send(request(1, 1, 2, 2));
        d.send(request(2, 1, 3, 1));
        d.send(request(3, 1, 2, 2));
        if (!nic.drainAndStop(500)) {
            throw new AssertionError("the NIC stalled after a sender died " + at);
        }
        List<String> out = new ArrayList<>();
        for (int s = 0; s < wire.size(); s++) {
            out.add(wire.request(s) + "#" + wire.packet(s));
        }
        return out;
    }

    /**
     * Starts a NIC, lets it drain what is queued, sends {@code r}, drains again (one NIC, whose
     * cursor carries over): the wire as request#packet.
     */
    private static List<String> drainThenSend(SendPath d, TxRequest r) throws InterruptedException {
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(d, Scheduler.STRICT, wire);
        nic.start();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!drained(d) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        d.send(r);
        assertThat(nic.drainAndStop(2_000)).isTrue();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < wire.size(); s++) {
            out.add(wire.request(s) + "#" + wire.packet(s));
        }
        return out;
    }

    private static boolean drained(SendPath d) {
        for (var g : d.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                if (d.ring(g.index(), q).consumed() < d.ring(g.index(), q).tail()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
