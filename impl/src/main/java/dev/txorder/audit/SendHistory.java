package dev.txorder.audit;

import dev.txorder.TxRequest;
import java.util.Arrays;

/**
 * What the senders asked for and when: one row per request, in submission order, filled in
 * before the run (the request) and by the sender that sends it (begin, end, outcome). Each row is
 * written by one thread; the audit reads it after the senders have been joined.
 *
 * <p>Times are whatever clock the harness uses ({@code System.nanoTime()} for real threads, a
 * logical step counter for scheduled runs); only their order matters.
 */
public final class SendHistory {
    /** What became of a request. */
    public enum Outcome {
        /** Not sent (yet). */
        PENDING,
        /** send returned normally: every packet must leave. */
        ACCEPTED,
        /** The sender failed after reserving: a prefix of its packets may leave, the rest are no-ops. */
        FAILED,
        /** send refused it before reserving anything (bad request). */
        REJECTED,
        /** The harness abandoned the call because the NIC stalled; nothing is known of its packets. */
        ABORTED,
        /** The sender failed before reserving anything (next: after its ticket): none of its packets may leave. */
        FAILED_BEFORE_RESERVING,
        /** The sender was interrupted while it waited, before reserving: none of its packets may leave. */
        INTERRUPTED,
        /** A non-blocking send found the ring full or the lock held and queued nothing. */
        WOULD_WAIT;

        /** Whether the send queued nothing, so that any packet of it on the wire was never sent. */
        public boolean queuedNothing() {
            return this == REJECTED || this == PENDING || this == FAILED_BEFORE_RESERVING || this == INTERRUPTED
                    || this == WOULD_WAIT;
        }

        /** What the send did, in words, for a violation's detail. */
        public String describe() {
            return switch (this) {
                case PENDING -> "never ran";
                case ACCEPTED -> "was accepted";
                case FAILED -> "failed after reserving";
                case REJECTED -> "was rejected";
                case ABORTED -> "was abandoned";
                case FAILED_BEFORE_RESERVING -> "failed before reserving";
                case INTERRUPTED -> "was interrupted before reserving";
                case WOULD_WAIT -> "would have had to wait and queued nothing";
            };
        }
    }

    private static final Outcome[] OUTCOMES = Outcome.values();

    private long[] id;
    private int[] cpu;
    private int[] priority;
    private long[] dstMac;
    private long[] flow;
    private int[] packets;
    private long[] begin;
    private long[] end;
    private byte[] outcome;
    private int[] written;
    /** The requests' names as the user wrote them, by id (ids are then 0..n-1); null: ids are the names. */
    private String[] names;
    private int size;

    public SendHistory(int expectedRequests) {
        int n = Math.max(16, expectedRequests);
        id = new long[n];
        cpu = new int[n];
        priority = new int[n];
        dstMac = new long[n];
        flow = new long[n];
        packets = new int[n];
        begin = new long[n];
        end = new long[n];
        outcome = new byte[n];
        written = new int[n];
    }

    /** Adds a request before the run; @return its row. */
    public int add(TxRequest r) {
        if (size == id.length) {
            int n = size * 2;
            id = Arrays.copyOf(id, n);
            cpu = Arrays.copyOf(cpu, n);
            priority = Arrays.copyOf(priority, n);
            dstMac = Arrays.copyOf(dstMac, n);
            flow = Arrays.copyOf(flow, n);
            packets = Arrays.copyOf(packets, n);
            begin = Arrays.copyOf(begin, n);
            end = Arrays.copyOf(end, n);
            outcome = Arrays.copyOf(outcome, n);
            written = Arrays.copyOf(written, n);
        }
        int i = size++;
        id[i] = r.id;
        cpu[i] = r.cpu;
        priority[i] = r.priority;
        dstMac[i] = r.dstMac;
        flow[i] = r.flow;
        packets[i] = r.packets;
        written[i] = -1;
        return i;
    }

    /** Fills {@code into} with row {@code i}'s request; lets a sender reuse one request object. */
    public TxRequest load(int i, TxRequest into) {
        return into.set(id[i], cpu[i], priority[i], dstMac[i], flow[i], packets[i]);
    }

    public void begin(int i, long time) {
        begin[i] = time;
    }

    public void end(int i, long time, Outcome o) {
        end(i, time, o, -1);
    }

    /**
     * @param packetsWritten for {@link Outcome#FAILED}: how many packets the harness's fault plan let
     *                       the sender write before it failed (those must leave, in order); -1 when
     *                       the harness does not know
     */
    public void end(int i, long time, Outcome o, int packetsWritten) {
        end[i] = time;
        outcome[i] = (byte) o.ordinal();
        written[i] = packetsWritten;
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return id[i];
    }

    public int cpu(int i) {
        return cpu[i];
    }

    public int priority(int i) {
        return priority[i];
    }

    public long dstMac(int i) {
        return dstMac[i];
    }

    public long flow(int i) {
        return flow[i];
    }

    public int packets(int i) {
        return packets[i];
    }

    public long begin(int i) {
        return begin[i];
    }

    public long end(int i) {
        return end[i];
    }

    public Outcome outcome(int i) {
        return OUTCOMES[outcome[i]];
    }

    /** For a {@link Outcome#FAILED} request, the packets written before the fault, or -1 when unknown. */
    public int written(int i) {
        return written[i];
    }

    /**
     * Gives the requests names (a requests file's {@code r1}, {@code req-0007}): {@code names[id]}
     * for ids 0..n-1. Reports print these instead of the numbers.
     */
    public void names(String[] names) {
        for (int i = 0; i < size; i++) {
            if (id[i] < 0 || id[i] >= names.length) {
                throw new IllegalArgumentException("request id " + id[i] + " has no name among " + names.length);
            }
        }
        this.names = names.clone();
    }

    /**
     * Times the requests as sends one after another on each sender, in row order: the k-th request of
     * a cpu begins at 2k and returns, accepted, at 2k + 1, a clock of that sender only. What a file or
     * a capture tells of its senders (the audit then keys real-time order by sender).
     *
     * @return this history
     */
    public SendHistory oneAfterAnotherPerSender() {
        java.util.Map<Integer, Long> next = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            long k = next.merge(cpu[i], 1L, Long::sum) - 1;
            begin(i, 2 * k);
            end(i, 2 * k + 1, Outcome.ACCEPTED);
        }
        return this;
    }

    /** Whether the requests have names (from a requests file) rather than numbers. */
    public boolean named() {
        return names != null;
    }

    /** How a report names request {@code id}: its name from the requests file, else the number. */
    public String nameOf(long id) {
        return names != null && id >= 0 && id < names.length ? names[(int) id] : Long.toString(id);
    }

    /** Packets of requests that were accepted. */
    public long acceptedPackets() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (outcome(i) == Outcome.ACCEPTED) {
                n += packets[i];
            }
        }
        return n;
    }
}
