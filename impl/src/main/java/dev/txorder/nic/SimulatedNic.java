package dev.txorder.nic;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.Mutant;
import dev.txorder.RunFailedException;
import dev.txorder.Scheduler;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.SingleQueueDriver;
import dev.txorder.driver.TxDriver;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.Layout;
import dev.txorder.trace.ActionLog;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The adapter: drains the descriptor rings of a {@link SendPath} onto a {@link Wire}.
 *
 * <p>Between groups it schedules by {@link Scheduler}. Within a {@code next} group it keeps a
 * cursor queue: it takes the head descriptor of the cursor queue, transmits it and moves the
 * cursor per the descriptor's indicator; when the cursor's head is reserved but not yet written
 * the group is not ready and the NIC waits (skipping it is mutant M2). Within a {@code hash}
 * group it serves the non-empty queues round robin, one descriptor per visit, from queue 0.
 * A no-op descriptor (a failed sender's) is passed, its indicator followed, nothing transmitted.
 *
 * <p>Threading: {@link #step()} and {@link #transmit(int)} are for one thread at a time: either
 * the caller's (step mode, for deterministic tests) or the NIC's own thread after {@link #start()},
 * which transmits up to {@value #BURST} packets per scheduling decision.
 *
 * <p>Recording ({@link #SimulatedNic(SendPath, Scheduler, Wire, Set, ActionLog)}, trace runs only):
 * each {@link #transmit(int)} runs entirely under the trace lock, the monitor of the
 * {@link ActionLog} its {@link TxDriver} records in, and appends Transmit, PassNoop, SkipUnwritten
 * (M2) or Idle as it takes those steps; the senders publish under the same lock, so no descriptor
 * changes while the NIC decides.
 */
public final class SimulatedNic {
    /**
     * Packets per scheduling decision on the NIC's own thread: enough to amortise the scan of the
     * groups and the hand-back of slots, few enough that senders waiting for ring space see it soon.
     */
    static final int BURST = 64;

    private final SendPath path;
    private final Scheduler scheduler;
    private final Wire wire;
    private final boolean skipUnwrittenCursor;
    private final boolean strictLowestFirst;
    /**
     * wrr: the packets a visit of group g may serve, the scheduler's weight of g; M9 reads the
     * weight of the group mirrored across the range (for two groups: the weights swapped).
     * see TxOrder.tla: VisitWeight
     */
    private final int[] visitWeight;

    private final int groupCount;
    private final TxRing[][] rings;
    private final boolean[] followsIndicators;

    /**
     * The NIC's registers, everything it writes as it transmits, padded on both sides to cache
     * lines of their own: senders read objects that may lie next to this one, and a field written
     * per packet beside them would cost them a miss on every send (see {@code TxRing}'s HEAD).
     * <pre>
     *  TRANSMITTED, NOOPS         counters (plain: read after the NIC has stopped)
     *  IDLE, ORDER_WAITS          decisions with nothing ready, and those of them where a next group had
     *                             a descriptor ready but not at its cursor: the NIC waiting for order
     *  IDLE_NANOS                 time its own thread spent with nothing ready
     *                             (the last three opaque: a monitor may read them while the NIC runs)
     *  WRR_GROUP, WRR_CREDIT      wrr: the group being served and what is left of its weight in this visit
     *  CURSOR + g                 group g's cursor queue (next) or round-robin position (hash)
     * </pre>
     */
    private final long[] regs;
    private static final VarHandle REGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PAD = 16;
    private static final int TRANSMITTED = PAD;
    private static final int NOOPS = PAD + 1;
    private static final int IDLE = PAD + 2;
    private static final int ORDER_WAITS = PAD + 3;
    private static final int IDLE_NANOS = PAD + 4;
    private static final int WRR_GROUP = PAD + 5;
    private static final int WRR_CREDIT = PAD + 6;
    private static final int CURSOR = PAD + 7;

    /** The trace lock and recorder; null (the default) when not recording. */
    private final ActionLog log;

    private volatile boolean stopRequested;
    /** Flow control: the peer asked the adapter to stop sending (an 802.3x PAUSE), until resumed. */
    private volatile boolean pauseRequested;
    /**
     * Counted up by the NIC's thread each time it finds a pause asked for, before it parks: once
     * {@link #pause()} sees it move, every later decision of the NIC reads the request first.
     */
    private volatile long pauseAcks;
    private long pauses;
    private Thread thread;
    /** What ended the NIC's own thread other than a stop, if anything; read after it has ended. */
    private volatile Throwable crash;

    public SimulatedNic(SendPath path, Scheduler scheduler, Wire wire) {
        this(path, scheduler, wire, EnumSet.noneOf(Mutant.class));
    }

    public SimulatedNic(SendPath path, Scheduler scheduler, Wire wire, Set<Mutant> mutants) {
        this(path, scheduler, wire, mutants, null);
    }

    /**
     * A NIC that records its steps in {@code log} ({@code null}: none), which must be the log
     * {@code path} records in: a {@link TxDriver} built with it. The prior art is not traced.
     *
     * @throws IllegalArgumentException for a log with a path that does not record in it
     */
    public SimulatedNic(SendPath path, Scheduler scheduler, Wire wire, Set<Mutant> mutants, ActionLog log) {
        if (log != null) {
            if (path instanceof SingleQueueDriver) {
                throw new IllegalArgumentException("the prior-art SingleQueueDriver is not traced; "
                        + "record a TxDriver (new TxDriver(config, log))");
            }
            if (!(path instanceof TxDriver d) || d.actionLog() != log) {
                throw new IllegalArgumentException("the NIC must record in the same log as its TxDriver "
                        + "(new TxDriver(config, log))");
            }
        }
        this.log = log;
        this.path = path;
        this.scheduler = scheduler;
        this.wire = wire;
        this.skipUnwrittenCursor = mutants.contains(Mutant.M2);
        this.strictLowestFirst = mutants.contains(Mutant.M7);
        Layout layout = path.queueLayout();
        this.groupCount = layout.groupCount();
        scheduler.checkFits(groupCount);
        this.rings = new TxRing[groupCount][];
        this.followsIndicators = new boolean[groupCount];
        this.regs = new long[CURSOR + groupCount + PAD];
        for (int g = 0; g < groupCount; g++) {
            int k = layout.group(g).queueCount();
            rings[g] = new TxRing[k];
            for (int q = 0; q < k; q++) {
                rings[g][q] = path.ring(g, q);
            }
            followsIndicators[g] = path.drainPolicy(g) == AssignmentPolicy.NEXT;
        }
        this.visitWeight = new int[groupCount];
        if (scheduler.kind() == Scheduler.Kind.WRR) {
            for (int g = 0; g < groupCount; g++) {
                visitWeight[g] = scheduler.weight(mutants.contains(Mutant.M9) ? groupCount - 1 - g : g);
            }
        }
        regs[WRR_GROUP] = groupCount - 1;
        regs[WRR_CREDIT] = visitWeight[groupCount - 1];
    }

    /**
     * Transmits at most one packet (passing any no-ops in its way): step mode's unit, so a test
     * schedule can interleave the NIC with the senders one descriptor at a time.
     * see TxOrder.tla: Transmit
     *
     * @return whether a packet was transmitted
     */
    public boolean step() {
        return transmit(1) > 0;
    }

    /**
     * One scheduling decision: picks a group as {@link #step()} does and transmits up to
     * {@code max} packets from it, as long as the scheduler would pick it again for each of them
     * (strict: no higher group has become ready; wrr: it has credit left) and its next descriptor
     * is ready. Each packet is one {@code Transmit} of the spec, and the wire records for each the
     * ready groups its choice rests on: the mask seen at the decision, with the groups ranked
     * above it re-read before every packet. The slots go back to the senders once, at the end.
     *
     * <p>Recording: the whole decision is one critical section of the trace lock; a decision that
     * transmits nothing appends Idle (see {@link ActionLog#idle()}).
     *
     * @return packets transmitted
     */
    public int transmit(int max) {
        // Not recording (log == null, the default): one null check of a final field, nothing else.
        if (log != null) {
            synchronized (log) {
                int n = decide(max);
                if (n == 0) {
                    // Idle: no packet to send and no no-op to pass (see Adapter.tla: NothingToSend).
                    log.idle();
                }
                return n;
            }
        }
        return decide(max);
    }

    /** {@link #transmit(int)}'s decision, recorded or not. */
    private int decide(int max) {
        long ready = 0;
        for (int g = 0; g < groupCount; g++) {
            if (ready(g)) {
                ready |= 1L << g;
            }
        }
        int n = 0;
        if (ready == 0) {
            addOpaque(IDLE, 1);
            if (waitingForOrder()) {
                addOpaque(ORDER_WAITS, 1);
            }
        } else {
            int g = choose(ready);
            while (n < max && (n == 0 || chosenAgain(g)) && transmitFrom(g, ready)) {
                n++;
            }
        }
        handBack();
        return n;
    }

    /** Whether a next group, not ready at its cursor, has a descriptor written in another of its queues. */
    private boolean waitingForOrder() {
        for (int g = 0; g < groupCount; g++) {
            if (followsIndicators[g]) {
                TxRing[] rs = rings[g];
                int at = cursor(g);
                for (int q = 0; q < rs.length; q++) {
                    if (q != at && rs[q].headReady()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Adds to a register monitors may read while the NIC runs; NIC thread only. */
    private void addOpaque(int reg, long delta) {
        // Opaque: a reader on another thread sees a whole 64-bit value; no ordering is needed.
        REGS.setOpaque(regs, reg, regs[reg] + delta);
    }

    /** Whether the scheduler picks group g, just served, again for its next packet. */
    private boolean chosenAgain(int g) {
        if (scheduler.kind() == Scheduler.Kind.STRICT) {
            // The groups strict ranks above g: the higher ones (M7: the lower ones).
            int from = strictLowestFirst ? 0 : g + 1;
            int to = strictLowestFirst ? g : groupCount;
            for (int h = from; h < to; h++) {
                if (ready(h)) {
                    return false;
                }
            }
            return ready(g);
        }
        if (regs[WRR_CREDIT] > 0 && ready(g)) {
            regs[WRR_CREDIT]--;
            return true;
        }
        return false;
    }

    /** Gives every slot consumed so far back to the senders (one release store per ring that moved). */
    private void handBack() {
        for (TxRing[] rs : rings) {
            for (TxRing r : rs) {
                r.handBack();
            }
        }
    }

    /** Whether group g has a packet the NIC may transmit now; passes no-ops on the way. */
    private boolean ready(int g) {
        TxRing[] rs = rings[g];
        if (followsIndicators[g]) {
            if (skipUnwrittenCursor) {
                for (TxRing r : rs) {
                    if (packetAtHead(r)) {
                        return true;
                    }
                }
                return false;
            }
            int q = cursor(g);
            TxRing r = rs[q];
            // One acquire of the ready flag per decision: reading it again after the no-op check
            // could find a no-op published in between and take it for a packet.
            while (r.headReady()) {
                if (!r.headNoop()) {
                    return true;
                }
                regs[NOOPS]++;
                Indicator ind = r.headIndicator();
                if (log != null) {
                    // see TxOrder.tla: PassNoop
                    log.passNoop(g, q, r.headRequest(), r.headPacket(), r.head());
                }
                r.advance();
                if (ind != Indicator.CURRENT) {
                    q = (q + 1) % rs.length;
                    regs[CURSOR + g] = q;
                    r = rs[q];
                }
            }
            return false;
        }
        boolean any = false;
        for (TxRing r : rs) {
            any |= packetAtHead(r);
        }
        return any;
    }

    /**
     * Passes the no-ops at r's head. @return whether r's head is then a ready packet (decided on
     * the same read of the ready flag as the no-op check, see {@link #ready}).
     */
    private boolean packetAtHead(TxRing r) {
        while (r.headReady()) {
            if (!r.headNoop()) {
                return true;
            }
            regs[NOOPS]++;
            if (log != null) {
                // see TxOrder.tla: PassNoop
                log.passNoop(r.group(), r.queue(), r.headRequest(), r.headPacket(), r.head());
            }
            r.advance();
        }
        return false;
    }

    /** A ready packet, not a no-op, at r's head; passes nothing. */
    private static boolean packetReady(TxRing r) {
        return r.headReady() && !r.headNoop();
    }

    /** The scheduler's choice among the ready groups (bit g of {@code ready}). */
    private int choose(long ready) {
        if (scheduler.kind() == Scheduler.Kind.STRICT) {
            // A higher group number is a higher priority; M7 scans from the wrong end.
            return strictLowestFirst ? Long.numberOfTrailingZeros(ready) : 63 - Long.numberOfLeadingZeros(ready);
        }
        int g = (int) regs[WRR_GROUP];
        if (regs[WRR_CREDIT] > 0 && (ready & (1L << g)) != 0) {
            regs[WRR_CREDIT]--;
            return g;
        }
        do {
            g = g == 0 ? groupCount - 1 : g - 1;
        } while ((ready & (1L << g)) == 0);
        regs[WRR_GROUP] = g;
        regs[WRR_CREDIT] = visitWeight[g] - 1;
        return g;
    }

    /**
     * Sends the packet group g's next queue holds. @return false when no queue of g holds one after
     * all: only a broken design takes back a packet ready() saw (M5's second writer turning it into a
     * no-op), and the NIC must then go on deciding, not loop over the group forever.
     */
    private boolean transmitFrom(int g, long ready) {
        TxRing[] rs = rings[g];
        int q = cursor(g);
        if (followsIndicators[g]) {
            if (skipUnwrittenCursor) {
                for (int skipped = 0; !packetReady(rs[q]); skipped++) {
                    if (skipped == rs.length) {
                        return false;
                    }
                    if (log != null) {
                        // see TxOrder.tla: SkipUnwritten -- one event per queue skipped.
                        log.skipUnwritten(g, q);
                    }
                    q = (q + 1) % rs.length;
                }
            }
        } else {
            // Round robin over the non-empty queues, one descriptor per visit.
            // A queue that became ready since ready() may hold a no-op: it is not a packet.
            for (int passed = 0; !packetReady(rs[q]); passed++) {
                if (passed == rs.length) {
                    return false;
                }
                q = (q + 1) % rs.length;
            }
        }
        TxRing r = rs[q];
        Indicator ind = r.headIndicator();
        wire.transmit(r.headRequest(), r.headPacket(), r.headPriority(), g, q, ind, r.headDstMac(),
                r.headTicket(), ready);
        if (log != null) {
            // see TxOrder.tla: Transmit
            log.transmit(g, q, r.headRequest(), r.headPacket(), r.head());
        }
        r.advance();
        regs[TRANSMITTED]++;
        boolean stays = followsIndicators[g] && ind == Indicator.CURRENT;
        regs[CURSOR + g] = stays ? q : (q + 1) % rs.length;
        return true;
    }

    // ---------------------------------------------------------------- its own thread

    /** Starts draining on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::runThread, "simulated-nic");
        thread.setDaemon(true);
        thread.start();
    }

    /** The NIC's thread: drains until stopped; a throwable ends it and is kept for {@link #stop()}. */
    private void runThread() {
        try {
            drainLoop();
        } catch (Throwable t) {
            crash = t;
        }
    }

    private void drainLoop() {
        int idle = 0;
        long idleSince = 0;
        while (!stopRequested) {
            if (pauseRequested) {
                // Between two decisions: nothing half-transmitted, the rings and cursors as they are.
                pauseAcks++;
                LockSupport.parkNanos(20_000);
                continue;
            }
            if (transmit(BURST) > 0) {
                if (idle > 0) {
                    addOpaque(IDLE_NANOS, System.nanoTime() - idleSince);
                }
                idle = 0;
            } else if (idle++ == 0) {
                idleSince = System.nanoTime();
            } else if (idle < 64) {
                Thread.onSpinWait();
            } else if (idle < 1024) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    /**
     * Waits until every reserved descriptor has been consumed, or until the NIC has made no
     * progress for {@code stallMillis}; then stops the thread.
     *
     * @return whether every ring drained (false: the NIC stalled, a {@code Progress} violation)
     */
    public boolean drainAndStop(long stallMillis) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long lastConsumed = -1;
        while (true) {
            if (crash != null) {
                stop();
            }
            long consumed = 0;
            boolean drained = true;
            for (TxRing[] rs : rings) {
                for (TxRing r : rs) {
                    long c = r.consumed();
                    consumed += c;
                    drained &= c == r.tail();
                }
            }
            if (drained) {
                stop();
                return true;
            }
            if (consumed != lastConsumed) {
                lastConsumed = consumed;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallMillis * 1_000_000L) {
                stop();
                return false;
            }
            Thread.sleep(1);
        }
    }

    /**
     * Stops the thread and waits for it; the NIC's counters and the wire are then safe to read.
     *
     * @throws RunFailedException if the thread had crashed: there is then no wire to judge
     */
    public void stop() throws InterruptedException {
        stopRequested = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
        if (crash != null) {
            throw new RunFailedException("the NIC thread crashed", crash);
        }
    }

    /**
     * Flow control, as a peer's PAUSE frame asks: the NIC's thread stops transmitting at its next
     * scheduling decision and keeps every descriptor, ring position and cursor as it is. Returns
     * once it has stopped (or has ended); nothing is transmitted from then until {@link #resume()}.
     * The senders go on filling the rings until they are full.
     */
    public void pause() throws InterruptedException {
        long before = pauseAcks;
        pauseRequested = true;
        pauses++;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        // The NIC counts only after reading the request: a decision it began before this call is
        // over by then, and the next one reads the request again.
        while (pauseAcks == before && t != null && t.isAlive()) {
            Thread.sleep(0, 50_000);
        }
    }

    /** Ends a {@link #pause()}: the NIC goes on from where it stopped. */
    public void resume() {
        pauseRequested = false;
    }

    /** Pauses asked for so far (by the thread that pauses). */
    public long pauses() {
        return pauses;
    }

    /** Step mode: steps until nothing is ready. @return packets transmitted */
    public long drainNow() {
        long n = 0;
        while (step()) {
            n++;
        }
        return n;
    }

    public long transmitted() {
        return regs[TRANSMITTED];
    }

    public long noopsPassed() {
        return regs[NOOPS];
    }

    /** Scheduling decisions that found nothing ready. Any thread: a monitor's view, it may lag. */
    public long idleSteps() {
        return (long) REGS.getOpaque(regs, IDLE);
    }

    /**
     * The part of {@link #idleSteps()} in which a {@code next} group had a descriptor written in a
     * queue other than its cursor's: the NIC idle because order makes it wait for a sender that has
     * reserved but not yet written, not because nothing was queued. Any thread; it may lag.
     */
    public long orderWaits() {
        return (long) REGS.getOpaque(regs, ORDER_WAITS);
    }

    /** Nanoseconds the NIC's own thread found nothing ready (0 in step mode). Any thread; it may lag. */
    public long idleNanos() {
        return (long) REGS.getOpaque(regs, IDLE_NANOS);
    }

    /** The cursor queue of {@code group} (next policy), or its round-robin position (hash). */
    public int cursor(int group) {
        return (int) regs[CURSOR + group];
    }
}
