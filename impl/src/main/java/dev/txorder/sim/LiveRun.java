package dev.txorder.sim;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.RunFailedException;
import dev.txorder.SendInterruptedException;
import dev.txorder.SendResult;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.SendHistory;
import dev.txorder.audit.StreamingAudit;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.StepProbe;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.nic.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run of any length, audited as it goes: senders make up their requests as they send them, and
 * the send history and the wire flow to a {@link StreamingAudit} on a thread of its own, so memory
 * follows the requests in flight, not the packets sent.
 *
 * <pre>
 *   cpu c: request --begin--> RecordRing[c] ------------------------------+
 *          send(request) --> TxRing[g][q] --> SimulatedNic --> RecordRing  +--> audit thread: StreamingAudit
 *          --end--> RecordRing[c] ----------------------------------------+
 * </pre>
 * A sender publishes a request's begin before it sends, so by the time the audit reads a packet
 * (after acquiring the wire's count) the begin of its request is in the sender's ring: the audit
 * reads the wire's count first, then every sender's ring, then those packets.
 */
public final class LiveRun {
    /**
     * What one live run sends and how.
     *
     * @param senders      sender threads (CPUs), each with its own request stream
     * @param arrayMax     largest packet array; sizes uniform in 1..arrayMax
     * @param destinations flows (one priority each)
     * @param faultRate    the share of requests whose sender fails: part-way through its writes,
     *                     or (next) after its ticket, before reserving
     * @param seed         the request streams and the faults derive from it
     */
    public record Mix(TxConfig config, Simulation.Driver driver, int senders, int arrayMax, int destinations,
                      double faultRate, long seed) {
        public Mix {
            if (senders < 1 || senders > 256) {
                throw new InvalidInputException("senders", senders + "; allowed 1..256");
            }
            if (arrayMax < 1 || arrayMax > config.ringSize()) {
                throw new InvalidInputException("array-max", arrayMax + "; allowed 1.." + config.ringSize()
                        + " (the ring size)");
            }
            if (faultRate < 0 || faultRate > 1) {
                throw new InvalidInputException("fault-rate", faultRate + "; allowed 0..1");
            }
        }
    }

    /**
     * What a live run did.
     *
     * @param faults       how many of each {@link FaultKind} were injected (by ordinal)
     * @param peakInFlight the most requests the audit held at once
     */
    public record Outcome(Mix mix, AuditReport audit, long packets, long requests, long[] faults, long nanos,
                          long peakInFlight) {
        /** Million packets a second, audited. */
        public double mpps() {
            return nanos == 0 ? 0 : packets * 1e3 / nanos;
        }

        public long faults(FaultKind k) {
            return faults[k.ordinal()];
        }
    }

    private static final int BEGIN = 1;
    private static final int END = 2;
    private static final int EVENT_WIDTH = 8;
    private static final int PACKET_WIDTH = 8;
    private static final SendHistory.Outcome[] OUTCOMES = SendHistory.Outcome.values();

    private final Mix mix;
    private final SendPath path;
    private final RecordRing[] events;
    private final RecordRing packets = new RecordRing(1 << 14, PACKET_WIDTH);
    private final StreamingAudit audit;
    private final AtomicLong audited;
    /** The run's clock starts here: times are System.nanoTime from it, never negative ("no time" to the audit). */
    private final long origin = System.nanoTime();
    private volatile boolean finishing;
    private volatile boolean auditFailed;

    /** The run's clock: begins, ends and the wire are stamped with it. */
    private long now() {
        return System.nanoTime() - origin;
    }

    private LiveRun(Mix mix, AtomicLong audited) {
        this.mix = mix;
        this.path = Simulation.newPath(mix.config(), mix.driver());
        this.events = new RecordRing[mix.senders()];
        for (int c = 0; c < events.length; c++) {
            events[c] = new RecordRing(1 << 12, EVENT_WIDTH);
        }
        this.audit = new StreamingAudit(mix.config(), mix.faultRate() > 0, RecordingWire.NANO_TIME_SLACK);
        this.audited = audited;
    }

    /**
     * Sends about {@code packets} packets (each sender stops at its share) and audits them.
     *
     * @param audited updated with the packets audited so far, for a progress display
     * @throws RunFailedException if a sender, the NIC or the audit thread crashed
     */
    public static Outcome run(Mix mix, long packets, long stallMillis, AtomicLong audited) throws InterruptedException {
        return run(mix, packets, Long.MAX_VALUE, stallMillis, audited);
    }

    /**
     * {@link #run(Mix, long, long, AtomicLong)} that also ends at {@code deadline} (a
     * {@code System.nanoTime()} value): each sender stops after the request it is sending then.
     */
    public static Outcome run(Mix mix, long packets, long deadline, long stallMillis, AtomicLong audited)
            throws InterruptedException {
        return new LiveRun(mix, audited).execute(packets, deadline, stallMillis);
    }

    private Outcome execute(long budget, long deadline, long stallMillis) throws InterruptedException {
        SimulatedNic nic = new SimulatedNic(path, mix.config().scheduler(), new StreamedWire(),
                mix.config().mutants());
        CountDownLatch go = new CountDownLatch(1);
        Simulation.AbortProbe abort = new Simulation.AbortProbe();
        List<Throwable> crashes = new ArrayList<>();
        long[][] faults = new long[mix.senders()][FaultKind.values().length];
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < mix.senders(); c++) {
            int cpu = c;
            long quota = budget / mix.senders() + (c == 0 ? budget % mix.senders() : 0);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(cpu, quota, deadline, abort, faults[cpu]);
            }, "cpu-" + c);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (crashes) {
                    crashes.add(e);
                }
            });
            senders.add(t);
        }
        Thread auditor = new Thread(this::auditLoop, "streaming-audit");
        Throwable[] auditCrash = new Throwable[1];
        auditor.setUncaughtExceptionHandler((th, e) -> {
            auditCrash[0] = e;
            auditFailed = true;
        });
        auditor.start();
        nic.start();
        senders.forEach(Thread::start);
        long start = System.nanoTime();
        go.countDown();
        Thread injector = null;
        if (mix.faultRate() > 0) {
            injector = new Thread(() -> injectFaults(senders, nic), "fault-injector");
            injector.setDaemon(true);
            injector.start();
        }
        boolean stalled = !Simulation.awaitSenders(senders, path, stallMillis);
        if (injector != null) {
            injector.interrupt();
            injector.join();
            nic.resume();
        }
        if (stalled) {
            abort.aborted = true;
            for (Thread t : senders) {
                t.join();
            }
        }
        boolean drained = nic.drainAndStop(stallMillis) && !stalled;
        finishing = true;
        auditor.join();
        long nanos = System.nanoTime() - start;
        if (!crashes.isEmpty()) {
            throw new RunFailedException("a sender thread crashed", crashes.get(0));
        }
        if (auditCrash[0] != null) {
            throw new RunFailedException("the audit thread crashed", auditCrash[0]);
        }
        AuditReport report = audit.finish(drained, path);
        long[] total = new long[FaultKind.values().length];
        for (long[] perSender : faults) {
            for (int k = 0; k < total.length; k++) {
                total[k] += perSender[k];
            }
        }
        total[FaultKind.NIC_PAUSE.ordinal()] = nic.pauses();
        return new Outcome(mix, report, report.packets(), audit.requests(), total, nanos, audit.peakLiveRequests());
    }

    /**
     * While the senders run: every 0.5-2 ms interrupts one of them (it matters only if it is
     * waiting, or waits next), and every 20-80 ms pauses the NIC for 0.1-5 ms. Its own schedule,
     * from the mix's seed; the moments it hits are the machine's.
     */
    private void injectFaults(List<Thread> senders, SimulatedNic nic) {
        SplittableRandom rnd = new SplittableRandom(mix.seed() ^ 0x5DEECE66DL);
        long nextPause = System.nanoTime() + 20_000_000L + rnd.nextLong(60_000_000L);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000L + rnd.nextLong(1_500_000L));
                senders.get(rnd.nextInt(senders.size())).interrupt();
                if (System.nanoTime() >= nextPause) {
                    nic.pause();
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000L + rnd.nextLong(4_900_000L));
                    nic.resume();
                    nextPause = System.nanoTime() + 20_000_000L + rnd.nextLong(60_000_000L);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            nic.resume();
        }
    }

    /** Sender {@code cpu}: makes up requests and sends them until it has sent {@code quota} packets or time is up. */
    private void send(int cpu, long quota, long deadline, Simulation.AbortProbe abort, long[] faults) {
        SplittableRandom streams = new SplittableRandom(mix.seed());
        long[] macs = new long[mix.destinations()];
        int[] priorities = new int[mix.destinations()];
        for (int d = 0; d < macs.length; d++) {
            macs[d] = 0x02_00_00_00_00_00L | ((long) streams.nextInt(1 << 24) << 8) | (d & 0xff);
            priorities[d] = streams.nextInt(mix.config().layout().priorityCount());
        }
        SplittableRandom rnd = new SplittableRandom(mix.seed() * 0x9E3779B97F4A7C15L + cpu);
        RandomFaults plan = new RandomFaults(mix.faultRate(), mix.seed(), mix.config().policy() == AssignmentPolicy.NEXT);
        Simulation.FaultWitness witness = new Simulation.FaultWitness(plan);
        DeathOnNoopPath death = new DeathOnNoopPath(abort);
        boolean injecting = mix.faultRate() > 0;
        RecordRing out = events[cpu];
        TxRequest r = new TxRequest();
        long sent = 0;
        for (long k = 0; sent < quota; k++) {
            int d = rnd.nextInt(macs.length);
            r.set(k * mix.senders() + cpu, cpu, priorities[d], macs[d], macs[d], 1 + rnd.nextInt(mix.arrayMax()));
            if (!record(out, BEGIN, r.id, r.priority, r.dstMac, r.flow, r.packets, now())) {
                return;
            }
            witness.failedAfter = -1;
            death.armed = injecting && plan.diesOnNoopPath(r);
            boolean trying = injecting && rnd.nextInt(8) == 0;
            SendHistory.Outcome outcome;
            try {
                if (trying) {
                    outcome = path.trySend(r, witness) == SendResult.SENT ? SendHistory.Outcome.ACCEPTED
                            : SendHistory.Outcome.WOULD_WAIT;
                } else {
                    path.send(r, death, witness);
                    outcome = SendHistory.Outcome.ACCEPTED;
                }
            } catch (SenderFault e) {
                outcome = e.beforeReserving() ? SendHistory.Outcome.FAILED_BEFORE_RESERVING : SendHistory.Outcome.FAILED;
            } catch (SenderDeath e) {
                outcome = SendHistory.Outcome.FAILED;
                faults[FaultKind.DIE_ON_NOOP_PATH.ordinal()]++;
            } catch (SendInterruptedException e) {
                outcome = SendHistory.Outcome.INTERRUPTED;
                Thread.interrupted();
            } catch (Simulation.Aborted e) {
                outcome = SendHistory.Outcome.ABORTED;
            }
            long end = now();
            switch (outcome) {
                case FAILED -> faults[FaultKind.FAIL_WRITING.ordinal()]++;
                case FAILED_BEFORE_RESERVING -> faults[FaultKind.FAIL_AFTER_TICKET.ordinal()]++;
                case INTERRUPTED -> faults[FaultKind.INTERRUPTED.ordinal()]++;
                case WOULD_WAIT -> faults[FaultKind.TRY_SEND_REFUSED.ordinal()]++;
                default -> { }
            }
            if (!record(out, END, r.id, outcome.ordinal(), witness.failedAfter, 0, 0, end)) {
                return;
            }
            if (outcome == SendHistory.Outcome.ABORTED || System.nanoTime() - deadline > 0) {
                return;
            }
            if (outcome == SendHistory.Outcome.ACCEPTED) {
                sent += r.packets;
            } else if (outcome == SendHistory.Outcome.FAILED) {
                sent += Math.max(1, witness.failedAfter);
            }
        }
    }

    /** Appends one event to a sender's ring; false if the audit thread is gone. */
    private boolean record(RecordRing out, long kind, long id, long a, long b, long c, long d, long time) {
        int at = out.claim(() -> auditFailed);
        if (at < 0) {
            return false;
        }
        out.put(at, 0, kind);
        out.put(at, 1, id);
        out.put(at, 2, a);
        out.put(at, 3, b);
        out.put(at, 4, c);
        out.put(at, 5, d);
        out.put(at, 6, time);
        out.publish();
        return true;
    }

    /** A sender thread's death, injected: an error no send path expects. */
    static final class SenderDeath extends Error {
        private static final long serialVersionUID = 1L;

        SenderDeath() {
            super("sender died on the no-op path", null, false, false);
        }
    }

    /** The sender's probe: the harness's abort, and for an armed request a death at the no-op path. */
    private static final class DeathOnNoopPath implements StepProbe {
        private final StepProbe abort;
        boolean armed;

        DeathOnNoopPath(StepProbe abort) {
            this.abort = abort;
        }

        @Override
        public void before(Step step, int cpu) {
            abort.before(step, cpu);
            if (armed && step == Step.FAIL) {
                throw new SenderDeath();
            }
        }
    }

    /** The audit thread: the wire's count, then every sender's events, then those packets; until told to finish. */
    private void auditLoop() {
        TxRequest r = new TxRequest();
        int spins = 0;
        while (true) {
            boolean last = finishing;
            int n = packets.available();
            int e = 0;
            for (RecordRing ring : events) {
                e += drainEvents(ring, r);
            }
            for (int i = 0; i < n; i++) {
                audit.transmit(packets.get(i, 0), (int) packets.get(i, 1), (int) packets.get(i, 2),
                        (int) packets.get(i, 3), (int) packets.get(i, 4), packets.get(i, 5), packets.get(i, 6),
                        packets.get(i, 7));
            }
            if (n > 0) {
                packets.release(n);
                audited.addAndGet(n);
            }
            if (n > 0 || e > 0) {
                spins = 0;
            } else if (last) {
                return;
            } else {
                RecordRing.idle(spins++);
            }
        }
    }

    private int drainEvents(RecordRing ring, TxRequest r) {
        int n = ring.available();
        for (int i = 0; i < n; i++) {
            if (ring.get(i, 0) == BEGIN) {
                r.set(ring.get(i, 1), 0, (int) ring.get(i, 2), ring.get(i, 3), ring.get(i, 4), (int) ring.get(i, 5));
                audit.begin(r, ring.get(i, 6));
            } else {
                audit.end(ring.get(i, 1), ring.get(i, 6), OUTCOMES[(int) ring.get(i, 2)], (int) ring.get(i, 3));
            }
        }
        if (n > 0) {
            ring.release(n);
        }
        return n;
    }

    /** The NIC's side: each packet, stamped with the senders' clock, into the audit's ring. */
    private final class StreamedWire implements Wire {
        @Override
        public void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                             long dstMac, long ticket, long readyGroups) {
            int at = packets.claim(() -> auditFailed);
            if (at < 0) {
                throw new IllegalStateException("the audit thread is gone");
            }
            packets.put(at, 0, request);
            packets.put(at, 1, packet);
            packets.put(at, 2, priority);
            packets.put(at, 3, group);
            packets.put(at, 4, queue);
            packets.put(at, 5, ticket);
            packets.put(at, 6, readyGroups);
            packets.put(at, 7, now());
            packets.publish();
        }
    }

    /**
     * Faults decided by the request id alone (so a replay of the mix fails the same requests): a
     * share {@code rate} of requests fail part-way through their writes, at a packet chosen by the
     * id, and under {@code next} another share fail after their ticket.
     */
    static final class RandomFaults implements FaultPlan {
        private final long threshold;
        private final long salt;
        private final boolean next;

        RandomFaults(double rate, long seed, boolean next) {
            this.threshold = rate >= 1 ? Long.MAX_VALUE : (long) (rate * Long.MAX_VALUE);
            this.salt = seed;
            this.next = next;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        @Override
        public boolean failsBefore(TxRequest r, int written) {
            long h = mix(r.id ^ salt);
            return (h >>> 1) < threshold && written == (int) Long.remainderUnsigned(mix(h), r.packets);
        }

        @Override
        public boolean failsBeforeReserve(TxRequest r) {
            return next && (mix(r.id ^ ~salt) >>> 1) < threshold / 2;
        }

        /** Whether the sender of r, if it fails part-way, dies again on the no-op path (half of them). */
        boolean diesOnNoopPath(TxRequest r) {
            return (mix(r.id * 31 + salt) & 1) == 0;
        }
    }
}
