package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;
import dev.txorder.trace.ActionLog;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The patent's send path: several transmit queues per priority group, each with its own
 * resources, so that senders on different queues of one group never wait for each other.
 *
 * <pre>
 *   send(r) --priority--> group g --policy--> queue q of g --reserve--> TxRing[g][q] --fill--> NIC
 *
 *   hash:  q = key(r) mod k                          lock q; reserve; fill; unlock
 *   next:  lock g, which holds ticket t;             fill without a lock; mark each descriptor ready
 *          q = t mod k; reserve in q; unlock g with t + 1
 * </pre>
 *
 * <p>Why {@code next} keeps absolute order: the NIC visits the group's queues in the same
 * round-robin sequence as the tickets (cursor + indicators), so it expects ticket t's packets at
 * the tail queue {@code t mod k} had when tickets {@code < t} of that queue had reserved. Taking the
 * ticket and reserving in its queue as one step (the group's assignment lock) makes that position
 * exactly where t's packets land. Taking the ticket and then appending at whatever the tail is
 * (mutant M1) lets ticket t+k overtake t between the two steps.
 *
 * <p>Why one short lock per group and not a ticket lock (a {@code TURN} word) per queue: the
 * assignment step is a counter increment and a tail bump, a few nanoseconds, while the fill grows
 * with the request and runs in parallel on different queues. A FIFO hand-off of the reservation
 * between senders (ticket t waits for ticket t - k) stalls every later ticket of the queue, and the
 * NIC's cursor, while the sender whose turn it is is descheduled; with more busy threads than cores
 * that is every few microseconds (measured in {@code bench/README.md}: 20-30 waits per packet, about
 * 1/50 of the throughput). A test-and-set lock is taken by whichever sender runs.
 *
 * <p>Recording ({@link #TxDriver(TxConfig, ActionLog)}, trace runs only): each action's effect and
 * the append of its event happen under the trace lock, the monitor of the {@link ActionLog} (see
 * the package comment). Not recording, the default, costs one null check of a final field per
 * recorded step.
 */
public final class TxDriver implements SendPath {

    private final TxConfig config;
    private final Layout layout;
    private final GroupPath[] groups;
    private final boolean plainPublish;
    private final boolean noopsOnFault;
    /** Mutant M11: a sender failing between ticket and reservation keeps its ticket. */
    private final boolean keepsTicketOnFault;
    /** The trace lock and recorder; null (the default) when not recording. */
    private final ActionLog log;

    /**
     * Per group: the assignment lock and the ticket counter (next policy), one word, and the rings:
     * <pre>
     *  ctl[ASSIGN]  ticket &lt;&lt; 1 | held   test, then CAS to acquire; release store of (ticket + 1) &lt;&lt; 1 to
     *                                   take the ticket and unlock in one write
     * </pre>
     * One word, not a lock word and a ticket word: on a heap array the JVM aligns only to 8 bytes,
     * so two words share a cache line or not depending on where the array lands, and a send that
     * touches two lines pays for two transfers between the senders' cores. The word sits in the
     * middle of a padded array, away from other groups' words and from whatever lies next in the heap.
     */
    private static final class GroupPath {
        private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
        private static final int ASSIGN = 16;
        private static final long HELD = 1L;

        final long[] ctl = new long[2 * ASSIGN + 1];
        final TxRing[] rings;
        final int k;
        /** k - 1 when k is a power of two (ticket mod k is then a mask), -1 otherwise. */
        private final int mask;

        GroupPath(TxRing[] rings) {
            this.rings = rings;
            this.k = rings.length;
            this.mask = Integer.bitCount(k) == 1 ? k - 1 : -1;
        }

        /** The queue of ticket t: t mod k, the round robin of the next policy. */
        int queueOf(long t) {
            return mask >= 0 ? (int) t & mask : (int) (t % k);
        }

        /**
         * see TxOrder.tla: Assign, Reserve (taken as one step). Acquires the assignment lock and
         * returns the ticket it holds; a wait is counted and timed in the statistics of that ticket's
         * ring, which the caller now owns.
         */
        long lockAssign(StepProbe probe, int cpu) {
            // Test, then CAS (volatile): acquires the previous holder's ticket, TAIL, CACHED and
            // statistics writes; the test keeps waiters from writing the line while it is held.
            long w = (long) LONGS.getOpaque(ctl, ASSIGN);
            if ((w & HELD) == 0 && LONGS.compareAndSet(ctl, ASSIGN, w, w | HELD)) {
                return w >>> 1;
            }
            long start = System.nanoTime();
            int i = 0;
            do {
                Backoff.pause(probe, cpu, Backoff.Wait.LOCK, i++);
                w = (long) LONGS.getOpaque(ctl, ASSIGN);
            } while ((w & HELD) != 0 || !LONGS.compareAndSet(ctl, ASSIGN, w, w | HELD));
            long t = w >>> 1;
            rings[queueOf(t)].addLockWait(i, System.nanoTime() - start);
            return t;
        }

        /**
         * Releases the lock with {@code next} as the group's next ticket: the held ticket + 1 once it
         * is reserved, the held ticket itself if the holder gives up before reserving.
         */
        void unlockAssign(long next) {
            // Release: this holder's ring TAIL/CACHED/statistics writes happen-before the next holder,
            // which reads its ticket from this same store.
            LONGS.setRelease(ctl, ASSIGN, next << 1);
        }

        /** The next ticket without the lock (the mutants' separate Assign step). */
        long takeTicketAtomically() {
            // Volatile read-modify-write: every ticket is taken exactly once (the lock bit is never set).
            return (long) LONGS.getAndAdd(ctl, ASSIGN, 2L) >>> 1;
        }

        /** Tickets taken so far (a sender holding the lock is still taking its own). */
        long tickets() {
            return (long) LONGS.getVolatile(ctl, ASSIGN) >>> 1;
        }
    }

    public TxDriver(TxConfig config) {
        this(config, null);
    }

    /**
     * A driver that records every action in {@code log} ({@code null}: none); the
     * {@link dev.txorder.nic.SimulatedNic} draining it must record in the same log.
     */
    public TxDriver(TxConfig config, ActionLog log) {
        this.config = config;
        this.log = log;
        this.layout = config.layout();
        this.groups = new GroupPath[layout.groupCount()];
        for (QueueGroup g : layout.groups()) {
            TxRing[] rings = new TxRing[g.queueCount()];
            for (int q = 0; q < rings.length; q++) {
                rings[q] = new TxRing(g.index(), q, config.ringSize(), log, TxRing.ReadyMark.of(config));
            }
            groups[g.index()] = new GroupPath(rings);
        }
        this.plainPublish = config.has(Mutant.M8);
        this.noopsOnFault = !config.has(Mutant.M6);
        this.keepsTicketOnFault = config.has(Mutant.M11);
    }

    public TxConfig config() {
        return config;
    }

    /** The log this driver records in, or null when it does not record. */
    public ActionLog actionLog() {
        return log;
    }

    @Override
    public void send(TxRequest r, StepProbe probe, FaultPlan faults) {
        QueueGroup group = SendPath.checkedGroup(layout, r, config.ringSize());
        GroupPath g = groups[group.index()];
        if (config.policy() == AssignmentPolicy.NEXT) {
            sendNext(g, r, probe, faults);
        } else {
            sendHash(g, r, probe, faults);
        }
    }

    private void sendNext(GroupPath g, TxRequest r, StepProbe probe, FaultPlan faults) {
        Indicator nonFinal = config.has(Mutant.M3) ? Indicator.NEXT : Indicator.CURRENT;
        if (config.has(Mutant.M1)) {
            sendNextTicketApart(g, r, nonFinal, probe, faults);
            return;
        }
        // see TxOrder.tla: Assign, Reserve -- one step under the group's assignment lock. The probe
        // sees ASSIGN before it and RESERVE right after it, so a test schedule orders the tickets
        // by the order it lets senders pass ASSIGN, and never parks a sender that holds the lock
        // (only a ring-full wait inside it calls the probe, with WAIT).
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        long t = g.lockAssign(probe, r.cpu);
        TxRing ring = g.rings[g.queueOf(t)];
        boolean failsHere;
        long pos = -1;
        try {
            failsHere = faults.failsBeforeReserve(r);
            if (!failsHere) {
                pos = ring.reserve(r.packets, probe, r.cpu);
                ring.countRequest();
            }
        } catch (Throwable e) {
            // Nothing reserved (a wait given up or interrupted, or the sender died here) and the queue's
            // TAIL unmoved: ticket t must stay the group's next, or ticket t + k would land where the NIC
            // expects t.
            g.unlockAssign(t);
            throw e;
        }
        if (failsHere) {
            // see TxOrder.tla: FailAssigned -- nothing claimed, and no other thread has seen ticket t
            // taken: give it back, so the next sender takes t and lands where the NIC expects it.
            // M11 keeps it (t + 1): queue t mod k never gets ticket t's packets, so the cursor waits
            // there forever, or takes ticket t + k's packets in t's place.
            g.unlockAssign(keepsTicketOnFault ? t + 1 : t);
            throw new SenderFault("request " + r.id + " failed after taking ticket " + t + ", before reserving", true);
        }
        if (log != null) {
            // No other thread can see ticket t taken or TAIL moved before the unlock below, so the
            // event appended here is at a valid linearization point of the step.
            synchronized (log) {
                log.assignReserve(r.cpu, r, ring.group(), ring.queue(), t, pos);
            }
        }
        g.unlockAssign(t + 1);
        try {
            probe.before(StepProbe.Step.RESERVE, r.cpu);
        } catch (Throwable e) {
            // see TxOrder.tla: Fail -- the positions are claimed already: hand them to the NIC as
            // no-ops, as a failed fill does.
            ring.fail(pos, 0, r, t, nonFinal, Indicator.NEXT, noopsOnFault);
            throw e;
        }
        // see TxOrder.tla: Write, Fail -- no lock: the positions are this sender's alone.
        ring.fill(pos, r, t, nonFinal, Indicator.NEXT, probe, faults, plainPublish, noopsOnFault);
    }

    /**
     * Mutant M1: the ticket, then the queue's lock at whatever its tail is. (M5, no owner of the
     * queue, is a mutant of the hash policy's queue lock only, as in the spec: under {@code next} the
     * owner is the holder of the assignment lock, and a claim apart from it is M1's split.)
     */
    private void sendNextTicketApart(GroupPath g, TxRequest r, Indicator nonFinal, StepProbe probe, FaultPlan faults) {
        // see TxOrder.tla: Assign -- the ticket alone, apart from the reservation.
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        long t;
        TxRing ring;
        if (log == null) {
            t = g.takeTicketAtomically();
            ring = g.rings[g.queueOf(t)];
        } else {
            synchronized (log) {
                t = g.takeTicketAtomically();
                ring = g.rings[g.queueOf(t)];
                log.assign(r.cpu, r, ring.group(), ring.queue(), t);
            }
        }
        probe.before(StepProbe.Step.RESERVE, r.cpu);
        ring.lock(probe, r.cpu);
        try {
            // see TxOrder.tla: Reserve -- at whatever the tail is, not at ticket t's turn.
            long pos = ring.reserve(r.packets, probe, r.cpu);
            ring.countRequest();
            traceReserve(ring, r, pos);
            // see TxOrder.tla: Write, Fail
            ring.fill(pos, r, t, nonFinal, Indicator.NEXT, probe, faults, plainPublish, noopsOnFault);
        } finally {
            ring.unlock();
        }
    }

    private void sendHash(GroupPath g, TxRequest r, StepProbe probe, FaultPlan faults) {
        // see TxOrder.tla: Assign
        probe.before(StepProbe.Step.ASSIGN, r.cpu);
        int q = queueOf(r, g.k);
        TxRing ring = g.rings[q];
        if (log != null) {
            // No memory effect: the queue is a function of the request.
            synchronized (log) {
                log.assign(r.cpu, r, ring.group(), q, -1L);
            }
        }

        // see TxOrder.tla: Reserve
        probe.before(StepProbe.Step.RESERVE, r.cpu);
        if (config.has(Mutant.M5)) {
            // see TxOrder.tla: ReadTail, Reserve (recorded inside)
            long pos = ring.reserveUnowned(r, probe);
            ring.countRequest();
            ring.fill(pos, r, -1L, Indicator.NONE, Indicator.NONE, probe, faults, plainPublish, noopsOnFault);
            return;
        }
        ring.lock(probe, r.cpu);
        try {
            long pos = ring.reserve(r.packets, probe, r.cpu);
            ring.countRequest();
            traceReserve(ring, r, pos);
            // see TxOrder.tla: Write, Fail -- under the queue lock, as the patent's spinlock (¶0041).
            ring.fill(pos, r, -1L, Indicator.NONE, Indicator.NONE, probe, faults, plainPublish, noopsOnFault);
        } finally {
            ring.unlock();
        }
    }

    /**
     * Records Reserve of the positions from {@code pos} just claimed by {@code ring.reserve}. The
     * caller still holds the ring's lock, so the moved TAIL has been seen by no other thread: the
     * append is at a valid linearization point of the claim.
     */
    private void traceReserve(TxRing ring, TxRequest r, long pos) {
        if (log != null) {
            synchronized (log) {
                log.reserve(r.cpu, r.id, ring.group(), ring.queue(), pos);
            }
        }
    }

    /** The queue a {@code hash} request goes to; mutant M4 hashes the request id, which varies within a flow. */
    int queueOf(TxRequest r, int k) {
        if (config.has(Mutant.M4)) {
            return QueueSelector.mix(r.id, k);
        }
        return config.hashKey() == HashKey.MAC ? QueueSelector.byMac(r.dstMac, k) : QueueSelector.mix(r.flow, k);
    }

    @Override
    public Layout queueLayout() {
        return layout;
    }

    @Override
    public AssignmentPolicy drainPolicy(int group) {
        return config.policy();
    }

    @Override
    public TxRing ring(int group, int queue) {
        return groups[group].rings[queue];
    }

    /** Tickets taken so far in {@code group} (next policy). */
    public long tickets(int group) {
        return groups[group].tickets();
    }
}
