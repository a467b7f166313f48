package dev.txorder.audit;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * Checks a recorded wire against the send history and the rings' final state, for every property
 * of DESIGN.md §3, and reports each violation with the packets involved.
 *
 * <p>The audit does not trust the driver's bookkeeping where it can avoid it: order is checked
 * both against the tickets carried in descriptors (assignment order) and against the real-time
 * order of the senders' calls; loss against the requests the senders were told were accepted;
 * slot exclusion against the positions the rings handed out.
 */
public final class OrderAudit {
    /**
     * What the records of a run hold beyond the requests and the wire's packets, and so which checks
     * can be made. A run of txorder's own harness has everything ({@link #FULL}); a wire written
     * elsewhere ({@code txorder audit}) may have none of it.
     *
     * @param tickets     the wire carries each descriptor's ticket (a second opinion on GroupOrder)
     * @param readyMasks  the wire carries the NIC's ready-group mask (StrictPriority, WeightedShare)
     * @param oneClock    the history's begin and end times are on one clock for all senders; if not,
     *                    only each sender's own order is known (it sends one request after another),
     *                    and FlowOrder and GroupOrder are judged in real time per sender
     * @param queues      the wire says which group and queue each packet left from; traffic captured
     *                    after a real NIC whose queues are not known (txorder gen's) does not
     */
    public record Evidence(boolean tickets, boolean readyMasks, boolean oneClock, boolean queues) {
        public static final Evidence FULL = new Evidence(true, true, true, true);
        /** A requests file and a wire file: the order of each sender's requests, the packets as sent. */
        public static final Evidence FILES = new Evidence(false, false, false, true);
        /** A capture whose packets do not say which queue they left from. */
        public static final Evidence CAPTURE_WITHOUT_QUEUES = new Evidence(false, false, false, false);
    }

    private final TxConfig config;
    private final SendPath path;
    private final Layout layout;
    private final Evidence evidence;

    public OrderAudit(TxConfig config, SendPath path) {
        this(config, path, Evidence.FULL);
    }

    /**
     * @param path     the send path whose rings the run used (SlotExclusion's count, where the NIC
     *                 stalled); null when the wire came from elsewhere: those are then not judged
     * @param evidence what the history and the wire hold
     */
    public OrderAudit(TxConfig config, SendPath path, Evidence evidence) {
        this.config = config;
        this.path = path;
        this.layout = config.layout();
        this.evidence = evidence;
    }

    /**
     * @param drained whether the NIC consumed every reserved descriptor ({@code Progress})
     */
    public AuditReport audit(SendHistory h, RecordingWire wire, boolean drained) {
        Collector c = new Collector();
        int n = h.size();
        RowIndex rows = RowIndex.of(h);
        long[] offset = new long[n + 1];
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + h.packets(i);
        }
        BitSet seen = new BitSet((int) Math.min(Integer.MAX_VALUE, offset[n]));
        long[] firstSeq = new long[n];
        long[] lastSeq = new long[n];
        int[] lastPacket = new int[n];
        int[] count = new int[n];
        java.util.Arrays.fill(firstSeq, -1);

        int groups = layout.groupCount();
        boolean[] next = new boolean[groups];
        boolean anyNext = false;
        boolean anyHash = false;
        for (int g = 0; g < groups; g++) {
            // What the run promises is the configured policy's, whatever the path does to keep it: the
            // prior art under next owes the same GroupOrder (its ring positions are its tickets).
            next[g] = config.policy() == AssignmentPolicy.NEXT;
            anyNext |= next[g];
            anyHash |= !next[g];
        }
        long[] lastTicket = new long[groups];
        int[] lastRow = new int[groups];
        java.util.Arrays.fill(lastTicket, -1);
        java.util.Arrays.fill(lastRow, -1);
        BitSet closed = new BitSet(n);
        List<Map<Long, Integer>> keyQueue = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            keyQueue.add(new HashMap<>());
        }
        Scheduler s = config.scheduler();
        ReadyMaskReplay replay = new ReadyMaskReplay(s, groups);

        for (int seq = 0; seq < wire.size(); seq++) {
            long req = wire.request(seq);
            int row = rows.row(req);
            int pkt = wire.packet(seq);
            int g = wire.group(seq);
            int q = wire.queue(seq);
            // Every packet on the wire took a turn of the scheduler, a doubled or unknown one too.
            String unscheduled = evidence.readyMasks() ? replay.check(g, req, wire.readyGroups(seq)) : null;
            if (unscheduled != null) {
                c.add(replay.property(), seq, unscheduled);
            }
            if (row < 0) {
                c.add(Property.NoDuplicate, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + ", which was never sent");
                continue;
            }
            if (pkt < 1 || pkt > h.packets(row)) {
                c.add(Property.NoDuplicate, seq, "packet " + pkt + " of request " + h.nameOf(req) + ", which has only "
                        + h.packets(row) + " packets");
                continue;
            }
            long bit = offset[row] + pkt - 1;
            if (seen.get((int) bit)) {
                c.add(Property.NoDuplicate, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + " transmitted a second time");
                continue;
            }
            seen.set((int) bit);
            SendHistory.Outcome outcome = h.outcome(row);
            if (outcome.queuedNothing()) {
                // ABORTED calls are not among them: the harness gave up on them, they may have queued packets.
                c.add(Property.NoDuplicate, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + " transmitted but the send " + outcome.describe());
            } else if (outcome == SendHistory.Outcome.FAILED && h.written(row) >= 0 && pkt > h.written(row)) {
                c.add(Property.NoDuplicate, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + " transmitted, but its sender failed after writing " + h.written(row)
                        + ": that descriptor was a no-op");
            }
            if (pkt < lastPacket[row]) {
                c.add(Property.FlowOrder, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + " after its packet " + lastPacket[row]);
            }
            lastPacket[row] = Math.max(lastPacket[row], pkt);
            if (firstSeq[row] < 0) {
                firstSeq[row] = seq;
            }
            lastSeq[row] = seq;
            count[row]++;

            // PriorityIsolation: the descriptor carries the request's priority and sat in that priority's group.
            int prio = wire.priority(seq);
            if (prio != h.priority(row)) {
                c.add(Property.PriorityIsolation, seq, "request " + h.nameOf(req) + " has priority " + h.priority(row)
                        + " but its descriptor says " + prio);
            } else if (layout.groupOf(prio).index() != g) {
                c.add(Property.PriorityIsolation, seq, "packet " + pkt + " of request " + h.nameOf(req)
                        + " (priority " + prio
                        + ", group " + layout.groupOf(prio).index() + ") sat in a queue of group " + g);
            }

            if (next[g]) {
                long t = evidence.tickets() ? wire.ticket(seq) : lastTicket[g] + 1;
                if (lastRow[g] == row) {
                    if (evidence.tickets() && t != lastTicket[g]) {
                        c.add(Property.GroupOrder, seq, "request " + h.nameOf(req) + " carries ticket " + t
                                + " after " + lastTicket[g]);
                    }
                } else {
                    int prev = lastRow[g];
                    if (prev >= 0) {
                        if (h.outcome(prev) == SendHistory.Outcome.ACCEPTED && count[prev] < h.packets(prev)) {
                            c.add(Property.RequestContiguity, seq, "request " + h.nameOf(h.id(prev))
                                    + " interrupted after "
                                    + count[prev] + " of " + h.packets(prev) + " packets by request " + h.nameOf(req));
                        }
                        closed.set(prev);
                    }
                    if (closed.get(row)) {
                        c.add(Property.RequestContiguity, seq, "request " + h.nameOf(req) + " resumes (packet " + pkt
                                + ") after request " + (prev >= 0 ? h.nameOf(h.id(prev)) : "none") + " came between");
                    }
                    if (t <= lastTicket[g]) {
                        c.add(Property.GroupOrder, seq, "group " + g + ": request " + h.nameOf(req) + " (ticket " + t
                                + ") leaves after request " + (prev >= 0 ? h.nameOf(h.id(prev)) : "none")
                                + " (ticket " + lastTicket[g] + ")");
                    }
                    lastRow[g] = row;
                    lastTicket[g] = t;
                }
            } else {
                long key = config.hashKey() == HashKey.MAC ? h.dstMac(row) : h.flow(row);
                Integer before = keyQueue.get(g).putIfAbsent(key, q);
                if (before != null && before != q) {
                    c.add(Property.FlowAffinity, seq, (config.hashKey() == HashKey.MAC ? "MAC " : "flow ") + key
                            + " in queue " + before + " and queue " + q + " of group " + g + " (request "
                            + h.nameOf(req) + ")");
                }
            }

        }

        for (int i = 0; i < n; i++) {
            if (h.outcome(i) == SendHistory.Outcome.ACCEPTED && count[i] < h.packets(i)) {
                c.add(Property.NoLoss, -1, "request " + h.nameOf(h.id(i)) + ": " + count[i] + " of " + h.packets(i)
                        + " packets transmitted");
            } else if (h.outcome(i) == SendHistory.Outcome.FAILED && h.written(i) > 0
                    && prefixSeen(seen, offset[i], h.written(i)) < h.written(i)) {
                c.add(Property.NoLoss, -1, "request " + h.nameOf(h.id(i)) + " failed after writing " + h.written(i)
                        + " packets, but only " + prefixSeen(seen, offset[i], h.written(i))
                        + " of them were transmitted");
            }
        }
        long[] flowIds = flowIds(h);
        // Without one clock, each sender's order alone: the real-time key is (key, sender).
        int senders = 1;
        for (int i = 0; i < n && !evidence.oneClock(); i++) {
            senders = Math.max(senders, h.cpu(i) + 1);
        }
        int cpus = senders;
        IntToLongFunction sender = evidence.oneClock() ? i -> 0 : h::cpu;
        checkRealTimeOrder(c, h, firstSeq, lastSeq, i -> flowIds[i] * cpus + sender.applyAsLong(i), Property.FlowOrder,
                i -> "flow " + h.flow(i) + " at priority " + h.priority(i));
        if (anyNext) {
            // The group of each row, looked up once: the sweep reads a row's key several times.
            int[] groupOfRow = new int[n];
            for (int i = 0; i < n; i++) {
                groupOfRow[i] = layout.groupOf(h.priority(i)).index();
            }
            checkRealTimeOrder(c, h, firstSeq, lastSeq,
                    i -> next[groupOfRow[i]] ? groupOfRow[i] * cpus + sender.applyAsLong(i) : -1,
                    Property.GroupOrder, i -> "group " + groupOfRow[i]);
        }
        if (path != null) {
            checkSlots(c, h);
        }
        if (!drained && path != null) {
            for (int g = 0; g < groups; g++) {
                for (int q = 0; q < path.queueLayout().group(g).queueCount(); q++) {
                    TxRing r = path.ring(g, q);
                    if (r.consumed() < r.tail()) {
                        c.add(Property.Progress, -1, "the NIC stalled: group " + g + " queue " + q + " consumed "
                                + r.consumed() + " of " + r.tail() + " reserved descriptors");
                    }
                }
            }
            if (c.count(Property.Progress) == 0) {
                c.add(Property.Progress, -1, "the NIC did not drain in time");
            }
        }

        Map<Property, Boolean> applies = new EnumMap<>(Property.class);
        applies.put(Property.GroupOrder, anyNext);
        applies.put(Property.RequestContiguity, anyNext);
        applies.put(Property.FlowAffinity, anyHash);
        applies.put(Property.StrictPriority, s.kind() == Scheduler.Kind.STRICT);
        applies.put(Property.WeightedShare, s.kind() == Scheduler.Kind.WRR);
        AuditReport report = new AuditReport(applies, c.kept, c.counts, wire.size());
        if (!evidence.readyMasks()) {
            String why = "the wire has no ready masks: which groups had a packet ready is not known";
            report.notJudged(Property.StrictPriority, why).notJudged(Property.WeightedShare, why);
        }
        if (!evidence.queues()) {
            String why = "the packets do not say which queue or group they left from";
            report.notJudged(Property.FlowAffinity, why).notJudged(Property.PriorityIsolation, why);
        }
        if (path == null) {
            report.notJudged(Property.SlotExclusion, "no rings: which positions were claimed is not known")
                    .notJudged(Property.Progress, "no rings and no record of sends that never returned");
        }
        return report;
    }

    /**
     * If send(a) returned before send(b) began and both have the same key, every packet of a
     * must leave before any packet of b. One sweep per key: requests by begin time, and a
     * pointer over them by end time holding the latest wire position of those already ended.
     */
    private static void checkRealTimeOrder(Collector c, SendHistory h, long[] firstSeq, long[] lastSeq,
                                           IntToLongFunction key, Property p, IntFunction<String> what) {
        // Rows with a negative key are not constrained (e.g. requests of hash groups for GroupOrder).
        int[] sent = IntStream.range(0, h.size()).filter(i -> firstSeq[i] >= 0 && key.applyAsLong(i) >= 0).toArray();
        int[] byBegin = sortBy(sent, key, h::begin);
        int[] byEnd = sortBy(sent, key, h::end);
        int e = 0;
        long currentKey = Long.MIN_VALUE;
        long maxLast = -1;
        int maxRow = -1;
        for (int b : byBegin) {
            long k = key.applyAsLong(b);
            if (k != currentKey) {
                currentKey = k;
                maxLast = -1;
                maxRow = -1;
                while (e < byEnd.length && key.applyAsLong(byEnd[e]) < k) {
                    e++;
                }
            }
            while (e < byEnd.length && key.applyAsLong(byEnd[e]) == k && h.end(byEnd[e]) < h.begin(b)) {
                if (lastSeq[byEnd[e]] > maxLast) {
                    maxLast = lastSeq[byEnd[e]];
                    maxRow = byEnd[e];
                }
                e++;
            }
            if (maxLast > firstSeq[b]) {
                c.add(p, firstSeq[b], "request " + h.nameOf(h.id(b)) + " began after request "
                        + h.nameOf(h.id(maxRow)) + " returned ("
                        + what.apply(b) + ") but left first (wire seq " + firstSeq[b] + " < " + maxLast + ")");
            }
        }
    }

    /** How many of a request's first {@code written} packets, from bit {@code from} of {@code seen}, left. */
    private static int prefixSeen(BitSet seen, long from, int written) {
        return seen.get((int) from, (int) from + written).cardinality();
    }

    /**
     * A flow is a flow id at one priority: packets of one flow id sent at two priorities travel
     * in two groups, which the design does not order against each other.
     */
    private static long[] flowIds(SendHistory h) {
        record Flow(int priority, long flow) { }
        Map<Flow, Long> dense = new HashMap<>();
        long[] ids = new long[h.size()];
        for (int i = 0; i < h.size(); i++) {
            ids[i] = dense.computeIfAbsent(new Flow(h.priority(i), h.flow(i)), f -> (long) dense.size());
        }
        return ids;
    }

    /**
     * Rows ordered by (key, time), keys dense and non-negative. The audit sorts millions of rows, so
     * this sorts primitives: times packed with the row's index into longs (when they fit in 63
     * bits, as run times in nanoseconds do), then a stable counting sort by key.
     */
    static int[] sortBy(int[] rows, IntToLongFunction key, IntToLongFunction time) {
        int n = rows.length;
        if (n == 0) {
            return rows;
        }
        long minT = Long.MAX_VALUE;
        long maxT = Long.MIN_VALUE;
        long maxK = 0;
        for (int r : rows) {
            long t = time.applyAsLong(r);
            minT = Math.min(minT, t);
            maxT = Math.max(maxT, t);
            maxK = Math.max(maxK, key.applyAsLong(r));
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n);
        int timeBits = 64 - Long.numberOfLeadingZeros(maxT - minT);
        if (indexBits + timeBits > 63 || maxK > 4L * n + 1024) {
            return mergeSortBy(rows, key, time);
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((time.applyAsLong(rows[i]) - minT) << indexBits) | i;
        }
        Arrays.sort(packed);
        long mask = (1L << indexBits) - 1;
        int[] byTime = new int[n];
        for (int i = 0; i < n; i++) {
            byTime[i] = rows[(int) (packed[i] & mask)];
        }
        int[] start = new int[(int) maxK + 2];
        for (int r : byTime) {
            start[(int) key.applyAsLong(r) + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] sorted = new int[n];
        for (int r : byTime) {
            sorted[start[(int) key.applyAsLong(r)]++] = r;
        }
        return sorted;
    }

    /** The general case of {@link #sortBy}: a merge sort of row indices, comparing (key, time). */
    private static int[] mergeSortBy(int[] rows, IntToLongFunction key, IntToLongFunction time) {
        int n = rows.length;
        long[] k = new long[n];
        long[] t = new long[n];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            k[i] = key.applyAsLong(rows[i]);
            t[i] = time.applyAsLong(rows[i]);
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int o = lo; o < hi; o++) {
                    boolean takeLeft = j >= hi || (i < mid && (k[a[i]] < k[a[j]] || (k[a[i]] == k[a[j]] && t[a[i]] <= t[a[j]])));
                    b[o] = takeLeft ? a[i++] : a[j++];
                }
            }
            int[] swap = a;
            a = b;
            b = swap;
        }
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = rows[a[i]];
        }
        return sorted;
    }

    /** SlotExclusion: the rings handed out exactly as many positions as the senders reserved. */
    private void checkSlots(Collector c, SendHistory h) {
        long reserved = 0;
        for (int i = 0; i < h.size(); i++) {
            SendHistory.Outcome o = h.outcome(i);
            if (o == SendHistory.Outcome.ABORTED) {
                return; // an abandoned call may or may not have reserved: nothing to compare against
            }
            if (o == SendHistory.Outcome.ACCEPTED || o == SendHistory.Outcome.FAILED) {
                reserved += h.packets(i);
            }
        }
        long claimed = claimedPositions(path);
        if (claimed != reserved) {
            c.add(Property.SlotExclusion, -1, "senders reserved " + reserved + " descriptors but the rings handed out "
                    + claimed + " positions: " + Math.abs(reserved - claimed)
                    + " descriptors were claimed by two writers");
        }
    }

    /** Positions the rings of {@code path} handed out, all queues together (the rings' own count). */
    static long claimedPositions(SendPath path) {
        long claimed = 0;
        Layout ql = path.queueLayout();
        for (int g = 0; g < ql.groupCount(); g++) {
            for (int q = 0; q < ql.group(g).queueCount(); q++) {
                claimed += path.ring(g, q).tail();
            }
        }
        return claimed;
    }

    /** Request id -> history row: the identity when ids are 0..n-1 in order, else a map. */
    private interface RowIndex {
        int row(long id);

        static RowIndex of(SendHistory h) {
            boolean identity = true;
            for (int i = 0; i < h.size() && identity; i++) {
                identity = h.id(i) == i;
            }
            if (identity) {
                int n = h.size();
                return id -> id >= 0 && id < n ? (int) id : -1;
            }
            Map<Long, Integer> m = new HashMap<>();
            for (int i = 0; i < h.size(); i++) {
                m.put(h.id(i), i);
            }
            return id -> m.getOrDefault(id, -1);
        }
    }
}
