package dev.txorder.driver;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.trace.ActionLog;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bounded descriptor ring of one transmit queue ({@code queues[q]} in {@code TxOrder.tla}).
 *
 * <p>Positions are 64-bit and only grow; position {@code p} lives in slot {@code p & mask}. A
 * descriptor is one row of {@value #ROW} longs in a single array, so that filling one allocates
 * nothing and the sender writing it and the NIC reading it move one cache line, not one per field:
 * <pre>
 *  row word | 0                | 1       | 2      | 3      | 4                                         | 5..7
 *  ---------+------------------+---------+--------+--------+-------------------------------------------+--------
 *  slot i   | published: p once| request | ticket | dstMac | packet &lt;&lt; 32 | priority &lt;&lt; 8 | noop &lt;&lt; 2 | ind | padding
 *           | the row is whole |         |        |        |                                           |
 *  ---------+------------------+---------+--------+--------+-------------------------------------------+--------
 *  words 1-4 written plain by the one sender that reserved p; word 0 last, with release
 * </pre>
 * (Parallel arrays, one per field, cost the NIC a miss per field: measured, the NIC reading slot
 * i while a sender wrote slot i + 1 moved five arrays' lines between the cores.)
 * Control words, by writer, each group on its own 128-byte stride of {@code ctl} so that senders
 * and the NIC do not share a cache line:
 * <pre>
 *  TAIL      next position to reserve            written by the owner (see below), once per send
 *  REQUESTS  requests queued here                written by the owner, once per send
 *  CACHED    owner's last view of CONSUMED       written by the owner when it looks at CONSUMED
 *  (waits)   statistics of waits                 written by the owner after a wait only
 *  LOCK      0 free, 1 held                      hash policy and prior art: CAS acquire, release store
 *  CONSUMED  positions below it are free again   release by the NIC per run, acquire by the owner when full
 *  HEAD      the NIC's next position to read     NIC only (plain)
 * </pre>
 * The NIC's private words live in {@code ctl} as well, not in fields of this object: senders read
 * this object's fields ({@code rows}, {@code mask}, {@code ctl}) on every send, and a field the
 * NIC writes per packet would share their cache line.
 * The owner of a ring is the sender that may claim its positions: under {@code next} the holder
 * of its group's assignment lock ({@link TxDriver}), under {@code hash} and in the prior art the
 * holder of the ring's own {@code LOCK}.
 * The NIC reads the slot at its {@code HEAD} when that slot's {@code published} word equals {@code HEAD}
 * (acquire), which happens-after every plain write of that row. Because positions never repeat,
 * a slot needs no clearing between laps: a mark left by the lap before never equals {@code HEAD}.
 * ({@link ReadyMark#FLAG}, mutant M10, reads the mark as a flag instead, and resends the lap
 * before's descriptor. see SlotRing.tla: HeadReady)
 *
 * <p>Recording ({@code log != null}, trace runs only): every publication ({@link #write},
 * the no-ops of {@link #fail}) and M5's TAIL accesses take place inside {@code synchronized (log)}
 * together with the append of their event, so the log order is the order other threads saw them in.
 * Waits (ring full) stay outside the trace lock. With {@code log == null}, the default, each of these
 * paths differs from the unrecorded code by one null check of a final field: no allocation, no atomic.
 */
public final class TxRing {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int STRIDE = 16;
    private static final int TAIL = STRIDE;
    /** The one statistic every send writes, next to TAIL: the other statistics change only on a wait. */
    private static final int STAT_REQUESTS = TAIL + 1;
    private static final int CACHED = TAIL + 2;
    private static final int LOCK = 2 * STRIDE;
    private static final int CONSUMED = 3 * STRIDE;
    private static final int HEAD = 4 * STRIDE;
    /** Owner-written statistics of waits, on the owner's stride after TAIL. */
    private static final int STAT_WAITS = TAIL + 3;
    private static final int STAT_FULL = TAIL + 4;
    private static final int STAT_FULL_WAITS = TAIL + 5;
    private static final int STAT_LOCK_NANOS = TAIL + 6;
    private static final int STAT_FULL_NANOS = TAIL + 7;

    private static final int NOOP_BIT = 1 << 2;
    private static final int INDICATOR_MASK = 3;

    private final int group;
    private final int queue;
    private final int capacity;
    private final int mask;
    private final long[] ctl = new long[6 * STRIDE];
    /** The trace lock and recorder of a trace run; null (the default) when not recording. */
    private final ActionLog log;

    /** Longs per descriptor row: 64 bytes, a cache line's worth. */
    private static final int ROW = 8;
    private static final int PUBLISHED = 0;
    private static final int REQUEST = 1;
    private static final int TICKET = 2;
    private static final int DST_MAC = 3;
    private static final int PACKET_META = 4;

    private final long[] rows;

    /** How the NIC reads a slot's {@code published} word. see SlotRing.tla: HeadReady */
    public enum ReadyMark {
        /** The word is the position published: ready when it equals the NIC's head. */
        POSITION,
        /**
         * Mutant M10: the word is read as a flag that nobody clears, "ready" for any slot below the
         * tail published at some lap. After a wrap, a slot reserved and not yet written shows the
         * previous lap's mark and descriptor.
         */
        FLAG;

        /** The read the design of {@code config} uses: FLAG with M10 switched on, else POSITION. */
        public static ReadyMark of(TxConfig config) {
            return config.has(Mutant.M10) ? FLAG : POSITION;
        }
    }

    private final ReadyMark readyMark;

    /**
     * @param group    the queue group this ring belongs to
     * @param queue    its index inside the group
     * @param capacity descriptors the ring holds (backpressure starts there); the arrays are
     *                 the next power of two, so a slot index is a mask, not a division
     */
    public TxRing(int group, int queue, int capacity) {
        this(group, queue, capacity, null);
    }

    /**
     * A ring whose publications are recorded in {@code log} (see the class comment); {@code log}
     * null records nothing.
     */
    public TxRing(int group, int queue, int capacity, ActionLog log) {
        this(group, queue, capacity, log, ReadyMark.POSITION);
    }

    /** A ring whose NIC side reads ready marks as {@code readyMark} says ({@link ReadyMark#FLAG}: M10). */
    public TxRing(int group, int queue, int capacity, ActionLog log, ReadyMark readyMark) {
        if (capacity < 1 || capacity > (1 << 26)) {
            throw new InvalidInputException("ring-size", capacity + " is outside 1.." + (1 << 26));
        }
        this.group = group;
        this.queue = queue;
        this.capacity = capacity;
        this.log = log;
        this.readyMark = readyMark;
        int slots = Integer.bitCount(capacity) == 1 ? capacity : Integer.highestOneBit(capacity) << 1;
        // At most `capacity` positions are live at once and capacity <= slots, so live positions
        // never share a slot.
        this.mask = slots - 1;
        rows = new long[slots * ROW];
        // No position is ever -1, so a fresh slot reads as "not yet written" for every lap.
        for (int i = 0; i < slots; i++) {
            rows[i * ROW + PUBLISHED] = -1L;
        }
    }

    public int group() {
        return group;
    }

    public int queue() {
        return queue;
    }

    public int capacity() {
        return capacity;
    }

    // ---------------------------------------------------------------- queue-specific resources

    /**
     * The queue's spinlock: the patent's queue-specific resources (¶0038). A wait is counted and
     * timed (only a wait: the uncontended path reads no clock) in the new holder's statistics.
     */
    void lock(StepProbe probe, int cpu) {
        // CAS has volatile semantics: acquires everything the previous holder released.
        if (LONGS.compareAndSet(ctl, LOCK, 0L, 1L)) {
            return;
        }
        long start = System.nanoTime();
        int i = 0;
        do {
            Backoff.pause(probe, cpu, Backoff.Wait.LOCK, i++);
        } while (!LONGS.compareAndSet(ctl, LOCK, 0L, 1L));
        addLockWait(i, System.nanoTime() - start);
    }

    /**
     * Adds a wait for the lock that made the caller this ring's owner: its own lock, or the group's
     * assignment lock under {@code next}. The caller owns the ring.
     */
    void addLockWait(long iterations, long nanos) {
        LONGS.set(ctl, STAT_WAITS, (long) LONGS.get(ctl, STAT_WAITS) + iterations);
        LONGS.set(ctl, STAT_LOCK_NANOS, (long) LONGS.get(ctl, STAT_LOCK_NANOS) + nanos);
    }

    void unlock() {
        // Release: the holder's TAIL/CACHED/statistics and descriptor writes happen-before the next holder.
        LONGS.setRelease(ctl, LOCK, 0L);
    }

    // ---------------------------------------------------------------- sender side (owner only)

    /**
     * Claims {@code n} consecutive positions, waiting while the ring is full (backpressure).
     * The caller owns the queue (its group's assignment lock or the queue's lock). see TxOrder.tla: Reserve
     *
     * @return the first claimed position
     */
    long reserve(int n, StepProbe probe, int cpu) {
        long pos = (long) LONGS.get(ctl, TAIL);
        awaitSpace(pos, n, probe, cpu);
        LONGS.set(ctl, TAIL, pos + n);
        return pos;
    }

    /**
     * Mutant M5: claims positions with a plain read and a later plain write of TAIL and no
     * owner, so two writers can read the same TAIL and claim the same slot.
     * see TxOrder.tla: ReadTail, Reserve (two steps)
     */
    long reserveUnowned(TxRequest r, StepProbe probe) {
        int n = r.packets;
        int cpu = r.cpu;
        long pos;
        if (log == null) {
            pos = (long) LONGS.get(ctl, TAIL);
        } else {
            synchronized (log) {
                // see TxOrder.tla: ReadTail -- atomic with the plain read of TAIL.
                pos = (long) LONGS.get(ctl, TAIL);
                log.readTail(cpu, r.id, group, queue, pos);
            }
        }
        awaitSpace(pos, n, probe, cpu);
        probe.before(StepProbe.Step.RESERVE, cpu);
        if (log == null) {
            LONGS.set(ctl, TAIL, pos + n);
        } else {
            synchronized (log) {
                // see TxOrder.tla: Reserve -- atomic with the plain store of TAIL.
                LONGS.set(ctl, TAIL, pos + n);
                log.reserve(cpu, r.id, group, queue, pos);
            }
        }
        return pos;
    }

    private void awaitSpace(long pos, int n, StepProbe probe, int cpu) {
        long limit = pos + n - capacity;
        if (limit <= (long) LONGS.get(ctl, CACHED)) {
            return;
        }
        int i = 0;
        long consumed;
        long start = 0;
        // Acquire: pairs with the NIC's release in handBack(); the NIC has finished reading every
        // row below CONSUMED, so overwriting them cannot tear a descriptor it is reading.
        while (limit > (consumed = (long) LONGS.getAcquire(ctl, CONSUMED))) {
            if (i == 0) {
                start = System.nanoTime();
            }
            Backoff.pause(probe, cpu, Backoff.Wait.RING_SPACE, i++);
        }
        LONGS.set(ctl, CACHED, consumed);
        if (i > 0) {
            long nanos = System.nanoTime() - start;
            LONGS.set(ctl, STAT_WAITS, (long) LONGS.get(ctl, STAT_WAITS) + i);
            LONGS.set(ctl, STAT_FULL, (long) LONGS.get(ctl, STAT_FULL) + 1);
            LONGS.set(ctl, STAT_FULL_WAITS, (long) LONGS.get(ctl, STAT_FULL_WAITS) + i);
            LONGS.set(ctl, STAT_FULL_NANOS, (long) LONGS.get(ctl, STAT_FULL_NANOS) + nanos);
        }
    }

    /** Counts a request queued here; the caller owns the queue. (Its packets are the TAIL it moved.) */
    void countRequest() {
        LONGS.set(ctl, STAT_REQUESTS, (long) LONGS.get(ctl, STAT_REQUESTS) + 1);
    }

    /**
     * Writes the descriptors of {@code r} into its reserved positions {@code [pos, pos + n)}, each
     * marked ready as soon as it is whole so the NIC can start on an array before it is complete.
     * see TxOrder.tla: Write, Fail
     *
     * <p>If the sender fails part-way ({@code faults}, or any throwable), the positions not yet
     * written are published as no-ops carrying the indicator they would have had, so the NIC passes
     * them instead of waiting forever; {@code noopsOnFault == false} is mutant M6.
     */
    void fill(long pos, TxRequest r, long groupTicket, Indicator nonFinal, Indicator last,
              StepProbe probe, FaultPlan faults, boolean plainPublish, boolean noopsOnFault) {
        int n = r.packets;
        int j = 0;
        try {
            for (; j < n; j++) {
                probe.before(StepProbe.Step.WRITE, r.cpu);
                if (faults.failsBefore(r, j)) {
                    throw new SenderFault("request " + r.id + " failed after writing " + j + " of " + n);
                }
                Indicator indicator = j == n - 1 ? last : nonFinal;
                write(pos + j, r, j + 1, groupTicket, indicator, !plainPublish);
            }
        } catch (Throwable t) {
            try {
                if (noopsOnFault) {
                    probe.before(StepProbe.Step.FAIL, r.cpu);
                }
            } finally {
                // Even if the sender dies on the fault path itself: the positions are claimed, and the
                // NIC would wait at the first unwritten one forever.
                fail(pos, j, r, groupTicket, nonFinal, last, noopsOnFault);
            }
            throw t;
        }
    }

    /**
     * The sender of {@code r}, owner of {@code [pos, pos + n)}, fails after publishing its first
     * {@code written} descriptors: the rest are published as no-ops carrying the indicator they
     * would have had ({@code noops == false}, mutant M6: nothing is published). see TxOrder.tla: Fail
     *
     * <p>Recording: all the no-op stores and the Fail event are one step under the trace lock.
     */
    void fail(long pos, int written, TxRequest r, long groupTicket, Indicator nonFinal, Indicator last,
              boolean noops) {
        if (log == null) {
            if (noops) {
                writeNoops(pos, written, r, groupTicket, nonFinal, last);
            }
            return;
        }
        synchronized (log) {
            if (noops) {
                writeNoops(pos, written, r, groupTicket, nonFinal, last);
            }
            log.fail(r.cpu, r.id, group, queue, written);
        }
    }

    private void writeNoops(long pos, int from, TxRequest r, long groupTicket, Indicator nonFinal, Indicator last) {
        int n = r.packets;
        for (int j = from; j < n; j++) {
            writeNoop(pos + j, r.id, j + 1, groupTicket, r.priority, j == n - 1 ? last : nonFinal);
        }
    }

    /**
     * Writes descriptor {@code pos} and marks it ready. see TxOrder.tla: Write
     * The row is written plain, then {@code published} with release: the NIC's acquire of
     * {@code published} therefore sees the whole row. {@code release == false} is mutant M8: a
     * plain ready mark that the compiler or CPU may make visible before the row. (While recording, the
     * trace lock orders the row before the mark for the NIC, which reads under the same lock: M8 then
     * cannot show.)
     */
    void write(long pos, TxRequest r, int packetIndex, long groupTicket, Indicator indicator, boolean release) {
        // Not recording (log == null, the default): this null check of a final field is the only
        // difference from the unrecorded store sequence.
        if (log != null) {
            synchronized (log) {
                // see TxOrder.tla: Write -- the publication and its event as one step.
                writeRow(pos, r, packetIndex, groupTicket, indicator, release);
                log.write(r.cpu, r.id, packetIndex, group, queue, pos, indicator);
            }
            return;
        }
        writeRow(pos, r, packetIndex, groupTicket, indicator, release);
    }

    private void writeRow(long pos, TxRequest r, int packetIndex, long groupTicket, Indicator indicator,
                          boolean release) {
        int b = ((int) pos & mask) * ROW;
        rows[b + REQUEST] = r.id;
        rows[b + TICKET] = groupTicket;
        rows[b + DST_MAC] = r.dstMac;
        rows[b + PACKET_META] = packetMeta(packetIndex, (r.priority << 8) | indicator.ordinal());
        if (release) {
            LONGS.setRelease(rows, b + PUBLISHED, pos);
        } else {
            rows[b + PUBLISHED] = pos;
        }
    }

    private static long packetMeta(int packetIndex, int meta) {
        return ((long) packetIndex << 32) | (meta & 0xFFFF_FFFFL);
    }

    /**
     * Marks {@code pos} ready as a no-op that carries {@code indicator}: the NIC transmits nothing
     * for it but still follows the indicator. Part of {@link #fail}, which records it.
     */
    private void writeNoop(long pos, long requestId, int packetIndex, long groupTicket, int priority, Indicator indicator) {
        int b = ((int) pos & mask) * ROW;
        rows[b + REQUEST] = requestId;
        rows[b + TICKET] = groupTicket;
        rows[b + DST_MAC] = 0L;
        rows[b + PACKET_META] = packetMeta(packetIndex, (priority << 8) | NOOP_BIT | indicator.ordinal());
        LONGS.setRelease(rows, b + PUBLISHED, pos);
    }

    // ---------------------------------------------------------------- NIC side (one thread)

    /** Whether the descriptor at the NIC's head is written. Acquire: see the class comment. */
    public boolean headReady() {
        long published = (long) LONGS.getAcquire(rows, headRow() + PUBLISHED);
        if (readyMark == ReadyMark.POSITION) {
            return published == ctl[HEAD];
        }
        // M10: any mark at all, for a position the senders have reserved.
        return published >= 0 && ctl[HEAD] < tail();
    }

    private int headRow() {
        return ((int) ctl[HEAD] & mask) * ROW;
    }

    private int headMeta() {
        return (int) rows[headRow() + PACKET_META];
    }

    public long headRequest() {
        return rows[headRow() + REQUEST];
    }

    public int headPacket() {
        return (int) (rows[headRow() + PACKET_META] >>> 32);
    }

    public long headTicket() {
        return rows[headRow() + TICKET];
    }

    public long headDstMac() {
        return rows[headRow() + DST_MAC];
    }

    public int headPriority() {
        return headMeta() >>> 8;
    }

    public boolean headNoop() {
        return (headMeta() & NOOP_BIT) != 0;
    }

    public Indicator headIndicator() {
        return Indicator.ofCode(headMeta() & INDICATOR_MASK);
    }

    /**
     * The NIC is done with the head descriptor. Its slot goes back to the senders at the NIC's next
     * {@link #handBack()}: one store per run of descriptors instead of one per descriptor, as the
     * Disruptor's consumer publishes one sequence per batch.
     */
    public void advance() {
        ctl[HEAD]++;
    }

    /** Hands every slot below the NIC's head back to the senders; cheap when nothing changed. */
    public void handBack() {
        long head = ctl[HEAD];
        // Plain read of CONSUMED: the NIC is its only writer, so this is its own last store.
        if (head != (long) LONGS.get(ctl, CONSUMED)) {
            // Release: every read of the rows below head happens-before a sender reuses their slots.
            LONGS.setRelease(ctl, CONSUMED, head);
        }
    }

    /** The NIC's published head: every position below it has been consumed. Any thread. */
    public long consumed() {
        return (long) LONGS.getAcquire(ctl, CONSUMED);
    }

    /** Position of the NIC's head; NIC thread only. */
    public long head() {
        return ctl[HEAD];
    }

    // ---------------------------------------------------------------- statistics (after the run)

    public long requests() {
        return (long) LONGS.getVolatile(ctl, STAT_REQUESTS);
    }

    /** Packets queued here so far: the positions reserved, a failed sender's no-ops included. */
    public long packets() {
        return tail();
    }

    /** Wait iterations of senders on this queue: assignment-lock (next), queue-lock and ring-full waits. */
    public long waits() {
        return (long) LONGS.getVolatile(ctl, STAT_WAITS);
    }

    /** Reservations that found the ring full and had to wait for the NIC (backpressure). */
    public long ringFullEvents() {
        return (long) LONGS.getVolatile(ctl, STAT_FULL);
    }

    /** The part of {@link #waits()} spent waiting for ring space rather than for a lock. */
    public long ringFullWaits() {
        return (long) LONGS.getVolatile(ctl, STAT_FULL_WAITS);
    }

    /**
     * Nanoseconds senders of this queue waited for a lock: its own (hash, prior art) or its
     * group's assignment lock (next). Iterations say how often a waiter looked; this says how
     * long it waited, which on an oversubscribed machine (a yield can last a time slice) differs.
     */
    public long lockWaitNanos() {
        return (long) LONGS.getVolatile(ctl, STAT_LOCK_NANOS);
    }

    /** Nanoseconds senders of this queue waited for ring space. */
    public long ringFullWaitNanos() {
        return (long) LONGS.getVolatile(ctl, STAT_FULL_NANOS);
    }

    /** Positions reserved so far. */
    public long tail() {
        return (long) LONGS.getVolatile(ctl, TAIL);
    }

    @Override
    public String toString() {
        return "TxRing[group " + group + " queue " + queue + " capacity " + capacity + "]";
    }
}
