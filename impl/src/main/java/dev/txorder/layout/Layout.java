package dev.txorder.layout;

import dev.txorder.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Priorities 0..P-1 -> queue groups -> k transmit queues each (k may differ per group).
 *
 * <p>Two notations are accepted (DESIGN.md §1):
 * <pre>
 *   txorder's own   0-3x4,4-7x4                 group g = the g-th item, PRIORITIES x QUEUES
 *   Linux mqprio    mqprio:num_tc 2 map 0 0 0 0 1 1 1 1 queues 4@0 4@4
 * </pre>
 * Every priority 0..P-1 must be mapped exactly once and every group needs at least one queue.
 * A higher group number is a higher priority.
 */
public final class Layout {
    /** Upper bound on priorities: 802.1p has 8, IPv6 traffic class 256. */
    public static final int MAX_PRIORITIES = 256;
    /** Upper bound on queues in one group; far above any real adapter. */
    public static final int MAX_QUEUES_PER_GROUP = 1024;

    private final List<QueueGroup> groups;
    private final int[] groupOfPriority;
    private final int queueCount;

    private Layout(List<QueueGroup> groups, int[] groupOfPriority) {
        this.groups = List.copyOf(groups);
        this.groupOfPriority = groupOfPriority;
        this.queueCount = groups.stream().mapToInt(QueueGroup::queueCount).sum();
    }

    /** Builds a layout from, per group, its priorities and its queue count. */
    public static Layout of(int[][] prioritiesPerGroup, int[] queuesPerGroup) {
        if (prioritiesPerGroup.length != queuesPerGroup.length) {
            throw new InvalidInputException("layout", "one queue count per group is needed");
        }
        if (prioritiesPerGroup.length == 0) {
            throw new InvalidInputException("layout", "at least one group is needed");
        }
        int priorityCount = 0;
        for (int[] ps : prioritiesPerGroup) {
            for (int p : ps) {
                if (p < 0 || p >= MAX_PRIORITIES) {
                    throw new InvalidInputException("layout", "priority " + p + " is outside 0.." + (MAX_PRIORITIES - 1));
                }
                priorityCount = Math.max(priorityCount, p + 1);
            }
        }
        int[] groupOf = new int[priorityCount];
        Arrays.fill(groupOf, -1);
        List<QueueGroup> groups = new ArrayList<>();
        int firstQueue = 0;
        for (int g = 0; g < prioritiesPerGroup.length; g++) {
            int k = queuesPerGroup[g];
            if (k < 1 || k > MAX_QUEUES_PER_GROUP) {
                throw new InvalidInputException("layout", "group " + g + " has " + k
                        + " queues; allowed 1.." + MAX_QUEUES_PER_GROUP);
            }
            int[] ps = prioritiesPerGroup[g].clone();
            if (ps.length == 0) {
                throw new InvalidInputException("layout", "group " + g + " maps no priority");
            }
            Arrays.sort(ps);
            for (int p : ps) {
                if (groupOf[p] != -1) {
                    throw new InvalidInputException("layout", "priority " + p + " is mapped twice (groups "
                            + groupOf[p] + " and " + g + "); every priority must be mapped exactly once");
                }
                groupOf[p] = g;
            }
            groups.add(new QueueGroup(g, ps, k, firstQueue));
            firstQueue += k;
        }
        for (int p = 0; p < priorityCount; p++) {
            if (groupOf[p] == -1) {
                throw new InvalidInputException("layout", "priority " + p + " is not mapped; every priority 0.."
                        + (priorityCount - 1) + " must be mapped exactly once");
            }
        }
        return new Layout(groups, groupOf);
    }

    /** Parses either notation; see the class comment. */
    public static Layout parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("layout", "empty; expected e.g. 0-3x4,4-7x4 or mqprio:num_tc 2 map 0 0 1 1 queues 2@0 2@2");
        }
        String t = text.strip();
        return t.startsWith("mqprio:") ? parseMqprio(t.substring("mqprio:".length())) : parseOwn(t);
    }

    private static Layout parseOwn(String text) {
        String[] items = text.split(",", -1);
        int[][] prios = new int[items.length][];
        int[] queues = new int[items.length];
        for (int g = 0; g < items.length; g++) {
            String item = items[g].strip();
            int x = item.indexOf('x');
            if (x <= 0 || x == item.length() - 1) {
                throw new InvalidInputException("layout", "group " + g + " '" + item
                        + "' is not PRIORITIES x QUEUES, e.g. 0-3x4 or 5x2");
            }
            prios[g] = parseRange(item.substring(0, x), g);
            queues[g] = parseInt(item.substring(x + 1), "layout", "group " + g + " queue count");
        }
        return of(prios, queues);
    }

    private static int[] parseRange(String range, int group) {
        String r = range.strip();
        int dash = r.indexOf('-');
        if (dash < 0) {
            return new int[] {parseInt(r, "layout", "group " + group + " priority")};
        }
        int lo = parseInt(r.substring(0, dash), "layout", "group " + group + " first priority");
        int hi = parseInt(r.substring(dash + 1), "layout", "group " + group + " last priority");
        if (hi < lo) {
            throw new InvalidInputException("layout", "group " + group + " range " + r
                    + " runs backwards; write FIRST-LAST with FIRST <= LAST, e.g. 0-3");
        }
        if (hi >= MAX_PRIORITIES) {
            throw new InvalidInputException("layout", "priority " + hi + " is outside 0.." + (MAX_PRIORITIES - 1));
        }
        int[] ps = new int[hi - lo + 1];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = lo + i;
        }
        return ps;
    }

    /**
     * {@code num_tc N map T0 T1 .. queues C@O ..}: priority p goes to traffic class Tp, class n
     * (= group n) owns C queues from offset O. Offsets must tile the queues without gaps or overlap.
     */
    private static Layout parseMqprio(String text) {
        String[] tok = text.strip().split("\\s+");
        int i = 0;
        if (tok.length < 2 || !tok[0].equals("num_tc")) {
            throw new InvalidInputException("layout", "mqprio notation starts with 'num_tc N'");
        }
        int numTc = parseInt(tok[1], "layout", "mqprio num_tc");
        if (numTc < 1 || numTc > 16) {
            throw new InvalidInputException("layout", "mqprio num_tc " + numTc + " is outside 1..16");
        }
        i = 2;
        if (i >= tok.length || !tok[i].equals("map")) {
            throw new InvalidInputException("layout", "mqprio: expected 'map' after num_tc");
        }
        i++;
        List<Integer> map = new ArrayList<>();
        while (i < tok.length && !tok[i].equals("queues")) {
            int tc = parseInt(tok[i], "layout", "mqprio map entry " + map.size());
            if (tc < 0 || tc >= numTc) {
                throw new InvalidInputException("layout", "mqprio map entry " + map.size() + " names traffic class "
                        + tc + "; allowed 0.." + (numTc - 1));
            }
            map.add(tc);
            i++;
        }
        if (map.isEmpty()) {
            throw new InvalidInputException("layout", "mqprio map is empty; it lists the traffic class of each priority");
        }
        if (i >= tok.length) {
            throw new InvalidInputException("layout", "mqprio: expected 'queues C@O ...' after the map");
        }
        i++;
        int[] queues = new int[numTc];
        int expectedOffset = 0;
        for (int tc = 0; tc < numTc; tc++, i++) {
            if (i >= tok.length) {
                throw new InvalidInputException("layout", "mqprio queues: " + numTc + " entries COUNT@OFFSET needed, got " + tc);
            }
            String q = tok[i];
            int at = q.indexOf('@');
            if (at <= 0) {
                throw new InvalidInputException("layout", "mqprio queues entry " + tc + " '" + q + "' is not COUNT@OFFSET");
            }
            queues[tc] = parseInt(q.substring(0, at), "layout", "mqprio queues entry " + tc + " count");
            int offset = parseInt(q.substring(at + 1), "layout", "mqprio queues entry " + tc + " offset");
            if (offset != expectedOffset) {
                throw new InvalidInputException("layout", "mqprio queues entry " + tc + " starts at " + offset
                        + "; the queues of class " + tc + " must start at " + expectedOffset + " (no gaps, no overlap)");
            }
            expectedOffset += queues[tc];
        }
        if (i != tok.length) {
            throw new InvalidInputException("layout", "mqprio: unexpected '" + tok[i] + "' after the queues; num_tc "
                    + numTc + " takes exactly " + numTc + " COUNT@OFFSET entries");
        }
        List<List<Integer>> perGroup = new ArrayList<>();
        for (int tc = 0; tc < numTc; tc++) {
            perGroup.add(new ArrayList<>());
        }
        for (int p = 0; p < map.size(); p++) {
            perGroup.get(map.get(p)).add(p);
        }
        int[][] prios = new int[numTc][];
        for (int tc = 0; tc < numTc; tc++) {
            prios[tc] = perGroup.get(tc).stream().mapToInt(Integer::intValue).toArray();
        }
        return of(prios, queues);
    }

    private static int parseInt(String s, String field, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, what + " '" + s.strip() + "' is not a whole number");
        }
    }

    public int priorityCount() {
        return groupOfPriority.length;
    }

    public int groupCount() {
        return groups.size();
    }

    /** Total transmit queues across all groups. */
    public int queueCount() {
        return queueCount;
    }

    public List<QueueGroup> groups() {
        return groups;
    }

    public QueueGroup group(int index) {
        return groups.get(index);
    }

    /** The group that serves {@code priority}; rejects a priority the layout does not map. */
    public QueueGroup groupOf(int priority) {
        if (priority < 0 || priority >= groupOfPriority.length) {
            throw new InvalidInputException("priority", priority + " is outside 0.." + (groupOfPriority.length - 1));
        }
        return groups.get(groupOfPriority[priority]);
    }

    /** The layout in txorder's own notation, e.g. {@code 0-3x4,4-7x4}. */
    public String notation() {
        StringJoiner j = new StringJoiner(",");
        for (QueueGroup g : groups) {
            j.add(rangeNotation(g.priorities()) + "x" + g.queueCount());
        }
        return j.toString();
    }

    static String rangeNotation(int[] sorted) {
        boolean contiguous = sorted[sorted.length - 1] - sorted[0] == sorted.length - 1;
        if (sorted.length == 1) {
            return Integer.toString(sorted[0]);
        }
        if (!contiguous) {
            // Own notation cannot express a non-contiguous group; mqprio can. Say so instead of lying.
            return Arrays.toString(sorted).replace(" ", "");
        }
        return sorted[0] + "-" + sorted[sorted.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && l.groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return notation();
    }
}
