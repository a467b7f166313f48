package dev.txorder.audit;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.ObjectCursor;
import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.SendPath;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The audit of {@link OrderAudit}, online: it judges the wire as the NIC produces it, in memory
 * proportional to the requests in flight and the flows, not to the run's length, so a soak of a
 * billion packets is audited as it runs.
 *
 * <p>Its input is three kinds of event, delivered by one thread:
 * <ul>
 *   <li>{@link #begin}: a send began (the harness's record of the request and the time);
 *   <li>{@link #end}: it returned, with its outcome and, for a sender that failed part-way, how many
 *       packets the harness's fault plan let it write;
 *   <li>{@link #transmit}: a packet on the wire, with the time the harness's wire saw it.
 * </ul>
 * A request's {@code begin} must come before its first packet; its {@code end} may come at any
 * point after its {@code begin}, before or after its packets. That is all the order it needs: the
 * harness delivers a begin before the send starts, and a packet only after the NIC took it.
 *
 * <p>How the real-time orders are judged online. FlowOrder (per flow) and GroupOrder (per
 * {@code next} group) say: if send(a) returned before send(b) began, no packet of b leaves before a
 * packet of a. For each key the audit keeps the latest {@code begin} among the requests that have
 * already put a packet on the wire; each packet of a takes that value with it. Since it only grows,
 * a's value after its last packet is the latest begin of any request that overtook a; a's
 * {@code end} before it is a violation, judged once a's {@code end} is known and its packets are
 * all out. StrictPriority and WeightedShare are judged the same way from the clock (see
 * {@link #owe}), besides the replay of the NIC's own ready mask (a second opinion).
 *
 * <p>What is not independent of the system under test, and said so by {@link #basis}: Progress
 * rests partly on the harness's observation that the rings drained, and SlotExclusion on the rings'
 * positions (its consequences, a lost or doubled packet, are judged from the wire).
 */
public final class StreamingAudit {
    private static final long NONE = Long.MIN_VALUE;

    private final TxConfig config;
    private final Layout layout;
    private final boolean next;
    private final Scheduler scheduler;
    private final ReadyMaskReplay replay;
    private final long clockSlack;
    private final Collector c = new Collector();
    private final LongObjectHashMap<Live> live = new LongObjectHashMap<>();
    private final Map<FlowKey, Latest> flows = new HashMap<>();
    private final GroupState[] groups;

    /** How reports name a request: its number, or its name from a requests file. */
    private LongFunction<String> names = Long::toString;
    private long seq;
    private long previousTime = NONE;
    /** The group of the previous packet (set by the first packet, before it is read) and its run of packets. */
    private int runGroup;
    private long runLength;
    private long reservedPackets;
    private long abandoned;
    private long requests;
    private long peakLive;

    /** One request between its begin and the moment the audit has nothing more to judge of it. */
    private static final class Live {
        long id;
        int priority;
        int group;
        int packets;
        long key;
        long begin;
        long end = NONE;
        SendHistory.Outcome outcome;
        int written = -1;
        int seen;
        int lastPacket;
        long[] bits;
        Latest flow;
        /** The latest begin of a same-flow (same-group) request that had left when a packet of this one did. */
        final Latest flowLater = new Latest();
        final Latest groupLater = new Latest();
        /** next: another request came between its packets on the group's wire. */
        boolean closed;
        long interruptedBy = -1;
        int interruptedAt;
        /** The latest wire time at which the scheduler owed this request's group a turn, and the packet. */
        long owed = NONE;
        long owedSeq;

        boolean testAndSet(int pkt) {
            int b = pkt - 1;
            long mask = 1L << (b & 63);
            boolean was = (bits[b >>> 6] & mask) != 0;
            bits[b >>> 6] |= mask;
            return was;
        }

        int prefixSeen(int n) {
            int k = 0;
            for (int b = 0; b < n; b++) {
                k += (int) (bits[b >>> 6] >>> (b & 63)) & 1;
            }
            return k;
        }

        boolean ended() {
            return end != NONE;
        }
    }

    private record FlowKey(int priority, long flow) { }

    /** A latest begin and whose it is: per key (a flow, a next group), among requests that have left. */
    private static final class Latest {
        long begin = NONE;
        long id;
    }

    /**
     * A packet of {@code a} leaves: counts a among the key's requests that have left (on its first
     * packet), then notes in {@code overtakenBy} the latest of them, which a's end will be judged against.
     */
    private static void leaves(Live a, boolean first, Latest key, Latest overtakenBy) {
        if (first && a.begin > key.begin) {
            key.begin = a.begin;
            key.id = a.id;
        }
        if (key.begin > overtakenBy.begin) {
            overtakenBy.begin = key.begin;
            overtakenBy.id = key.id;
        }
    }

    private static final class GroupState {
        final boolean next;
        final int weight;
        /** next: the latest begin among requests of the group that have left, the request on the wire, its ticket. */
        final Latest later = new Latest();
        Live current;
        long lastTicket = -1;
        /** hash: the queue of each flow key. */
        final LongIntHashMap keyQueue = new LongIntHashMap();
        /** Scheduling from the clock: the latest wire time at which this group was owed a turn, and the packet. */
        long owed = NONE;
        long owedSeq;
        /** Judged from the clock: not a next group of a run with faults (see advanceClock). */
        final boolean clockJudged;

        GroupState(boolean next, int weight, boolean clockJudged) {
            this.next = next;
            this.weight = weight;
            this.clockJudged = clockJudged;
        }
    }

    /**
     * @param faultsInjected whether the harness may make senders fail: in {@code next} groups the
     *                       scheduling is then judged from the NIC's mask only (see {@link #advanceClock})
     * @param clockSlack     how much earlier than the NIC's reading a sender's reading must be for its
     *                       writes to be surely visible to the NIC ({@link RecordingWire#clockSlack()})
     */
    public StreamingAudit(TxConfig config, boolean faultsInjected, long clockSlack) {
        this.config = config;
        this.clockSlack = clockSlack;
        this.layout = config.layout();
        this.next = config.policy() == AssignmentPolicy.NEXT;
        this.scheduler = config.scheduler();
        this.replay = new ReadyMaskReplay(scheduler, layout.groupCount());
        this.groups = new GroupState[layout.groupCount()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new GroupState(next, scheduler.kind() == Scheduler.Kind.WRR ? scheduler.weight(g) : 1,
                    !(next && faultsInjected));
        }
    }

    /** Names requests in reports as {@code names} says (a requests file's {@code r1}); by default their numbers. */
    public StreamingAudit names(LongFunction<String> names) {
        this.names = names;
        return this;
    }

    /** A send of {@code r} began at {@code time}. */
    public void begin(TxRequest r, long time) {
        if (live.containsKey(r.id)) {
            throw new IllegalStateException("request " + r.id + " began twice");
        }
        Live a = new Live();
        a.id = r.id;
        a.priority = r.priority;
        a.packets = Math.max(1, r.packets);
        a.group = r.priority >= 0 && r.priority < layout.priorityCount() ? layout.groupOf(r.priority).index() : -1;
        a.key = config.hashKey() == HashKey.MAC ? r.dstMac : r.flow;
        a.begin = time;
        a.bits = new long[(a.packets + 63) >>> 6];
        a.flow = flows.computeIfAbsent(new FlowKey(r.priority, r.flow), k -> new Latest());
        live.put(a.id, a);
        requests++;
        peakLive = Math.max(peakLive, live.size());
    }

    /**
     * The send of request {@code id} returned at {@code time}.
     *
     * @param written for {@link SendHistory.Outcome#FAILED}, how many packets the fault plan let
     *                the sender write (they must leave); -1 when unknown
     */
    public void end(long id, long time, SendHistory.Outcome outcome, int written) {
        Live a = live.get(id);
        if (a == null) {
            throw new IllegalStateException("request " + id + " ended without a begin");
        }
        a.end = time;
        a.outcome = outcome;
        a.written = outcome == SendHistory.Outcome.FAILED ? Math.min(written, a.packets) : -1;
        switch (outcome) {
            case ACCEPTED -> reservedPackets += a.packets;
            case FAILED -> reservedPackets += a.packets;
            case ABORTED -> abandoned++;
            default -> {
                if (a.seen > 0) {
                    c.add(Property.NoDuplicate, -1, a.seen + " packets of request " + names.apply(id)
                            + " transmitted, but its send "
                            + outcome.describe());
                }
            }
        }
        if (a.written >= 0) {
            for (int p = a.written + 1; p <= a.packets; p++) {
                if ((a.bits[(p - 1) >>> 6] >>> ((p - 1) & 63) & 1) != 0) {
                    c.add(Property.NoDuplicate, -1, beyondPrefix(a, p));
                }
            }
        }
        retireIfDone(a);
    }

    /** The packet at the next wire position; {@code time} on the history's clock, or -1 if unknown. */
    public void transmit(long request, int packet, int priority, int group, int queue, long ticket, long readyGroups,
                         long time) {
        long s = seq++;
        judgeSchedulingByMask(s, group, request, readyGroups);
        Live a = live.get(request);
        if (a == null) {
            c.add(Property.NoDuplicate, s, "packet " + packet + " of request " + request
                    + ", which was never sent or had already left whole");
            advanceClock(s, group, time, null);
            return;
        }
        if (packet < 1 || packet > a.packets) {
            c.add(Property.NoDuplicate, s, "packet " + packet + " of request " + names.apply(request)
                    + ", which has only "
                    + a.packets + " packets");
            advanceClock(s, group, time, null);
            return;
        }
        if (a.testAndSet(packet)) {
            c.add(Property.NoDuplicate, s, "packet " + packet + " of request " + names.apply(request)
                    + " transmitted a second time");
            advanceClock(s, group, time, null);
            return;
        }
        // A send that queued nothing was forgotten at its end: a later packet of it is one never sent.
        if (a.written >= 0 && packet > a.written) {
            c.add(Property.NoDuplicate, s, beyondPrefix(a, packet));
        }
        if (packet < a.lastPacket) {
            c.add(Property.FlowOrder, s, "packet " + packet + " of request " + names.apply(request)
                    + " after its packet " + a.lastPacket);
        }
        a.lastPacket = Math.max(a.lastPacket, packet);
        boolean first = a.seen++ == 0;

        if (priority != a.priority) {
            c.add(Property.PriorityIsolation, s, "request " + names.apply(request) + " has priority " + a.priority
                    + " but its descriptor says " + priority);
        } else if (a.group != group) {
            c.add(Property.PriorityIsolation, s, "packet " + packet + " of request " + names.apply(request)
                    + " (priority " + priority
                    + ", group " + a.group + ") sat in a queue of group " + group);
        }

        // FlowOrder in real time: who has overtaken a, as of this packet.
        leaves(a, first, a.flow, a.flowLater);

        if (group >= 0 && group < groups.length) {
            GroupState g = groups[group];
            if (g.next) {
                judgeGroupOrder(s, g, a, packet, ticket, first);
            } else {
                int before = g.keyQueue.getOrDefault(a.key, -1);
                if (before < 0) {
                    g.keyQueue.put(a.key, queue);
                } else if (before != queue) {
                    c.add(Property.FlowAffinity, s, (config.hashKey() == HashKey.MAC ? "MAC " : "flow ") + a.key
                            + " in queue " + before + " and queue " + queue + " of group " + group + " (request "
                            + names.apply(request) + ")");
                }
            }
        }
        advanceClock(s, group, time, a);
        retireIfDone(a);
    }

    private void judgeGroupOrder(long s, GroupState g, Live a, int packet, long ticket, boolean first) {
        if (g.current == a) {
            if (ticket != g.lastTicket) {
                c.add(Property.GroupOrder, s, "request " + names.apply(a.id) + " carries ticket " + ticket
                        + " after " + g.lastTicket);
            }
        } else {
            Live prev = g.current;
            if (prev != null) {
                if (prev.seen < prev.packets && prev.interruptedBy < 0) {
                    prev.interruptedBy = a.id;
                    prev.interruptedAt = prev.seen;
                }
                prev.closed = true;
            }
            if (a.closed) {
                c.add(Property.RequestContiguity, s, "request " + names.apply(a.id) + " resumes (packet " + packet
                        + ") after request " + (prev == null ? "none" : names.apply(prev.id)) + " came between");
            }
            if (ticket <= g.lastTicket) {
                c.add(Property.GroupOrder, s, "group " + a.group + ": request " + names.apply(a.id)
                        + " (ticket " + ticket
                        + ") leaves after request " + (prev == null ? "none" : names.apply(prev.id))
                        + " (ticket " + g.lastTicket + ")");
            }
            g.current = a;
            g.lastTicket = ticket;
        }
        leaves(a, first, g.later, a.groupLater);
    }

    private void judgeSchedulingByMask(long s, int group, long request, long readyGroups) {
        if (group < 0 || group >= groups.length) {
            return;
        }
        String unscheduled = replay.check(group, request, readyGroups);
        if (unscheduled != null) {
            c.add(replay.property(), s, unscheduled);
        }
    }

    /**
     * Scheduling from the clock. A packet of group g chosen after the previous packet reached the wire
     * at time w was chosen when every request that had returned before w (less the clock's slack)
     * was published. So: if the
     * scheduler, choosing g, owed another group h the turn had h had a packet ready, then h's next
     * packet on the wire must belong to a request that had not returned by w. Each group keeps the
     * latest such w; its next packet carries it to its request, judged when that request's end is known.
     * <ul>
     *   <li>strict: every group above g is owed;
     *   <li>wrr: at a visit's start, the groups passed over between the previous group and g; when the
     *       previous visit ended short of its weight, that group too; and when g keeps the wire past a
     *       multiple of its weight, every other group.
     * </ul>
     * In a run with faults, {@code next} groups are not judged this way: a failed sender's no-ops,
     * written after its later peers returned, may hold the cursor with no packet to show for it.
     */
    private void advanceClock(long s, int group, long time, Live a) {
        if (group < 0 || group >= groups.length) {
            return;
        }
        GroupState g = groups[group];
        if (a != null && g.owed != NONE && g.owed > a.owed) {
            a.owed = g.owed;
            a.owedSeq = g.owedSeq;
        }
        g.owed = NONE;
        long w = previousTime;
        if (w >= 0 && time >= 0) {
            if (scheduler.kind() == Scheduler.Kind.STRICT) {
                for (int h = group + 1; h < groups.length; h++) {
                    owe(h, w, s);
                }
            } else if (group == runGroup) {
                if (runLength % g.weight == 0) {
                    for (int h = 0; h < groups.length; h++) {
                        if (h != group) {
                            owe(h, w, s);
                        }
                    }
                }
            } else {
                if (runLength % groups[runGroup].weight != 0) {
                    owe(runGroup, w, s);
                }
                for (int h = runGroup == 0 ? groups.length - 1 : runGroup - 1; h != group;
                     h = h == 0 ? groups.length - 1 : h - 1) {
                    owe(h, w, s);
                }
            }
        }
        if (group == runGroup) {
            runLength++;
        } else {
            runGroup = group;
            runLength = 1;
        }
        previousTime = time;
    }

    private void owe(int h, long w, long s) {
        GroupState g = groups[h];
        if (w > g.owed) {
            g.owed = w;
            g.owedSeq = s;
        }
    }

    /** Judges and forgets {@code a} once nothing more can be learnt of it. */
    private void retireIfDone(Live a) {
        if (!a.ended()) {
            return;
        }
        boolean done = switch (a.outcome) {
            case ACCEPTED -> a.seen >= a.packets;
            case FAILED -> a.written >= 0 && a.prefixSeen(a.written) >= a.written;
            case ABORTED -> false;
            default -> true;
        };
        if (done) {
            judge(a);
            live.remove(a.id);
        }
    }

    /**
     * The verdicts on {@code a} that needed its end and all its packets. Only a packet of {@code a}
     * sets its {@code flowLater}, {@code groupLater} and {@code owed}: a request that left nothing
     * is judged on none of them.
     */
    private void judge(Live a) {
        if (a.flowLater.begin != NONE && a.end < a.flowLater.begin) {
            c.add(Property.FlowOrder, -1, "request " + names.apply(a.flowLater.id) + " began after request "
                    + names.apply(a.id)
                    + " returned (flow of priority " + a.priority + ") but left first");
        }
        if (a.groupLater.begin != NONE && a.end < a.groupLater.begin) {
            c.add(Property.GroupOrder, -1, "request " + names.apply(a.groupLater.id) + " began after request "
                    + names.apply(a.id)
                    + " returned (group " + a.group + ") but left first");
        }
        if (a.outcome == SendHistory.Outcome.ACCEPTED && a.interruptedBy >= 0) {
            c.add(Property.RequestContiguity, -1, "request " + names.apply(a.id) + " interrupted after "
                    + a.interruptedAt + " of "
                    + a.packets + " packets by request " + names.apply(a.interruptedBy));
        }
        if (a.owed != NONE && a.end
                + clockSlack < a.owed && a.group >= 0 && groups[a.group].clockJudged) {
            Property p = scheduler.kind() == Scheduler.Kind.STRICT ? Property.StrictPriority : Property.WeightedShare;
            c.add(p, a.owedSeq, "group " + a.group + " was owed the wire (" + scheduler + ") with request "
                    + names.apply(a.id)
                    + " ready: it had returned before the packet before wire seq " + a.owedSeq + " left");
        }
    }

    /**
     * The run is over: judges what is still open and returns the verdicts.
     *
     * @param drained the harness's observation that every reserved descriptor was consumed (from
     *                the rings; a second opinion on Progress beside the sends that never returned)
     * @param path    the send path, for SlotExclusion's count of positions; null: not judged
     */
    public AuditReport finish(boolean drained, SendPath path) {
        for (ObjectCursor<Live> cur : live.values()) {
            Live a = cur.value;
            if (!a.ended()) {
                c.add(Property.Progress, -1, "the send of request " + names.apply(a.id) + " never returned");
                continue;
            }
            judge(a);
            if (a.outcome == SendHistory.Outcome.ACCEPTED && a.seen < a.packets) {
                c.add(Property.NoLoss, -1, "request " + names.apply(a.id) + ": " + a.seen + " of " + a.packets
                        + " packets transmitted");
            } else if (a.outcome == SendHistory.Outcome.FAILED && a.written > 0 && a.prefixSeen(a.written) < a.written) {
                c.add(Property.NoLoss, -1, "request " + names.apply(a.id) + " failed after writing " + a.written
                        + " packets, but only " + a.prefixSeen(a.written) + " of them were transmitted");
            }
        }
        live.clear();
        if (abandoned > 0) {
            c.add(Property.Progress, -1, abandoned
                    + " sends were abandoned: they waited on a NIC that made no progress");
        }
        if (!drained && c.count(Property.Progress) == 0) {
            c.add(Property.Progress, -1, "the NIC did not drain every reserved descriptor in time");
        }
        if (path != null && abandoned == 0) {
            long claimed = OrderAudit.claimedPositions(path);
            if (claimed != reservedPackets) {
                c.add(Property.SlotExclusion, -1, "senders reserved " + reservedPackets + " descriptors but the rings"
                        + " handed out " + claimed + " positions");
            }
        }
        Map<Property, Boolean> applies = new EnumMap<>(Property.class);
        applies.put(Property.GroupOrder, next);
        applies.put(Property.RequestContiguity, next);
        applies.put(Property.FlowAffinity, !next);
        applies.put(Property.StrictPriority, scheduler.kind() == Scheduler.Kind.STRICT);
        applies.put(Property.WeightedShare, scheduler.kind() == Scheduler.Kind.WRR);
        applies.put(Property.SlotExclusion, path != null);
        return new AuditReport(applies, c.kept, c.counts, seq);
    }

    /**
     * Feeds a finished run's history and wire to a streaming audit, as a live harness would: each
     * request's begin just before its first packet (or at the end, if none left), its end after a
     * random number of later packets ({@code seed}), so ends arrive before, among and after packets.
     */
    public static AuditReport replay(TxConfig config, SendHistory h, RecordingWire wire, boolean drained,
                                     SendPath path, long seed) {
        boolean faults = false;
        LongIntHashMap rows = new LongIntHashMap(h.size());
        for (int i = 0; i < h.size(); i++) {
            faults |= h.outcome(i) == SendHistory.Outcome.FAILED
                    || h.outcome(i) == SendHistory.Outcome.FAILED_BEFORE_RESERVING;
            rows.put(h.id(i), i);
        }
        StreamingAudit audit = new StreamingAudit(config, faults, wire.clockSlack()).names(h::nameOf);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        boolean[] begun = new boolean[h.size()];
        java.util.ArrayDeque<Integer> toEnd = new java.util.ArrayDeque<>();
        TxRequest r = new TxRequest();
        for (int s = 0; s < wire.size(); s++) {
            int row = rows.getOrDefault(wire.request(s), -1);
            if (row >= 0 && !begun[row] && h.outcome(row) != SendHistory.Outcome.PENDING) {
                begun[row] = true;
                audit.begin(h.load(row, r), h.begin(row));
                toEnd.add(row);
            }
            audit.transmit(wire.request(s), wire.packet(s), wire.priority(s), wire.group(s), wire.queue(s),
                    wire.ticket(s), wire.readyGroups(s), wire.time(s));
            while (!toEnd.isEmpty() && rnd.nextInt(4) == 0) {
                int e = toEnd.poll();
                audit.end(h.id(e), h.end(e), h.outcome(e), h.written(e));
            }
        }
        for (int e : toEnd) {
            audit.end(h.id(e), h.end(e), h.outcome(e), h.written(e));
        }
        for (int i = 0; i < h.size(); i++) {
            if (!begun[i] && h.outcome(i) != SendHistory.Outcome.PENDING) {
                audit.begin(h.load(i, r), h.begin(i));
                audit.end(h.id(i), h.end(i), h.outcome(i), h.written(i));
            }
        }
        return audit.finish(drained, path);
    }

    /** What the verdict on {@code p} rests on, for reports. */
    public static String basis(Property p) {
        return switch (p) {
            case StrictPriority, WeightedShare -> "the senders' clock against the wire's (in next groups without"
                    + " faults), and the NIC's ready mask replayed (a second opinion)";
            case Progress -> "sends that never returned (the history), and the rings' drain (not independent)";
            case SlotExclusion -> "the rings' positions against the packets reserved (not independent); its"
                    + " effects are judged from the wire as NoLoss and NoDuplicate";
            case GroupOrder -> "the senders' clock against the wire, and the tickets carried (a second opinion)";
            default -> "the send history and the wire";
        };
    }

    /** Violations found so far, all properties. */
    public long violations() {
        long n = 0;
        for (long k : c.counts.values()) {
            n += k;
        }
        return n;
    }

    /** Packets audited so far. */
    public long packets() {
        return seq;
    }

    /** Requests begun so far. */
    public long requests() {
        return requests;
    }

    /** Requests the audit holds now: those in flight, and any it cannot yet judge. */
    public int liveRequests() {
        return live.size();
    }

    /** The most requests it held at once. */
    public long peakLiveRequests() {
        return peakLive;
    }

    private String beyondPrefix(Live a, int p) {
        return "packet " + p + " of request " + names.apply(a.id) + " transmitted, but its sender failed after writing "
                + a.written + ": that descriptor was a no-op";
    }
}
