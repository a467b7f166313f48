package dev.txorder.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A TLC counterexample of the TxOrder specification as a table for people: one row per step
 * with the actor (a CPU or the adapter), the action, the rings, the cursors and the wire.
 *
 * <pre>
 * descriptor notation   r2.1N   request 2, packet 1, written, indicator NEXT (C = CURRENT, - = none)
 *                       r2.1?   reserved, not yet written
 *                       ~r2.1N  a no-op published by a failed send
 * queues                g0{q0[r1.1C r1.2?] q1[]}    group 0: queue 0 holds two descriptors, queue 1 none
 * cursor                g0:q1                       group 0's adapter cursor is at queue 1
 * wire                  g0: r1.1 r1.2; g1: r3.1     each group's packets in wire order (the spec
 *                                                   keeps one wire per group); - when all are empty
 * </pre>
 *
 * TLC does not print the parameters of an action, so the actor is the CPU whose {@code pc},
 * {@code cur} or {@code at} changed, or else the CPU sending the request whose record changed.
 */
public final class Counterexample {
    private static final String[] HEADER = {"step", "actor", "action", "queues", "cursor", "wire"};

    private Counterexample() {
    }

    /** Renders the trace as a table; states TLC printed without variables (e.g. "Back to state") become notes. */
    public static String render(List<TraceState> trace) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        TraceState previous = null;
        for (TraceState state : trace) {
            if (state.variables().isEmpty()) {
                rows.add(new String[] {"", "", state.action(), "", "", ""});
                continue;
            }
            rows.add(row(previous, state));
            previous = state;
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + width[i] + "s", row[i])).append(i + 1 < row.length ? " | " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * One state in words, a line per part: the rings, the cursors, each group's wire and what every
     * CPU is doing ({@code 0: writing r3}).
     */
    public static String describeState(TraceState state) {
        Map<Object, Object> vars = parsed(state);
        Map<Object, Object> pc = map(vars.get("pc"));
        Map<Object, Object> cur = map(vars.get("cur"));
        String cpus = pc.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()
                        + ("idle".equals(e.getValue()) ? "" : " r" + cur.get(e.getKey())))
                .collect(Collectors.joining(", "));
        return "queues  " + queues(vars.get("queues")) + "\n"
                + "cursor  " + cursor(vars.get("cursor")) + "\n"
                + "wire    " + wire(vars.get("wire")) + "\n"
                + "cpus    " + cpus + "\n";
    }

    private static String[] row(TraceState before, TraceState after) {
        Map<Object, Object> vars = parsed(after);
        Map<Object, Object> old = before == null ? Map.of() : parsed(before);
        String action = after.action();
        return new String[] {
            String.valueOf(after.number()),
            actor(action, old, vars),
            describe(action, old, vars),
            queues(vars.get("queues")),
            cursor(vars.get("cursor")),
            wire(vars.get("wire"))
        };
    }

    private static Map<Object, Object> parsed(TraceState state) {
        Map<Object, Object> vars = new java.util.LinkedHashMap<>();
        state.variables().forEach((name, text) -> {
            try {
                vars.put(name, TlcValue.parse(text));
            } catch (IllegalArgumentException e) {
                vars.put(name, text);
            }
        });
        return vars;
    }

    private static String actor(String action, Map<Object, Object> old, Map<Object, Object> now) {
        if (action.equals("Initial predicate")) {
            return "";
        }
        if (List.of("Transmit", "TransmitFrom", "PassNoop", "SkipUnwritten", "Drain", "MatchTransmit", "MatchPassNoop",
                "MatchSkipUnwritten", "MatchIdle").contains(action)) {
            return "adapter";
        }
        for (String local : List.of("pc", "cur", "at")) {
            Map<Object, Object> a = map(old.get(local));
            Map<Object, Object> b = map(now.get(local));
            for (Map.Entry<Object, Object> e : b.entrySet()) {
                if (!Objects.equals(a.get(e.getKey()), e.getValue())) {
                    return String.valueOf(e.getKey());
                }
            }
        }
        // A write that is not the request's last changes only the request's record: its sender is
        // the CPU whose cur names that request.
        List<Object> reqsBefore = list(old.get("reqs"));
        List<Object> reqsAfter = list(now.get("reqs"));
        for (int i = 0; i < reqsAfter.size(); i++) {
            if (i >= reqsBefore.size() || !Objects.equals(reqsBefore.get(i), reqsAfter.get(i))) {
                Long request = (long) i + 1;
                for (Map.Entry<Object, Object> e : map(now.get("cur")).entrySet()) {
                    if (request.equals(e.getValue())) {
                        return String.valueOf(e.getKey());
                    }
                }
            }
        }
        return "?";
    }

    private static String describe(String action, Map<Object, Object> old, Map<Object, Object> now) {
        List<Object> reqs = list(now.get("reqs"));
        switch (action) {
            case "Assign": {
                if (reqs.isEmpty()) {
                    return action;
                }
                int r = reqs.size();
                Map<Object, Object> req = map(reqs.get(r - 1));
                return String.format("Assign r%d (%s pkt, flow %s) -> g%s q%s ticket %s", r, req.get("size"),
                        req.get("flow"), req.get("group"), req.get("queue"), req.get("ticket"));
            }
            case "Transmit":
            case "TransmitFrom":
            case "MatchTransmit": {
                // The packet is the last of the one group wire that grew; a no-op grows none.
                Map<Object, Object> before = map(old.get("wire"));
                for (Map.Entry<Object, Object> group : map(now.get("wire")).entrySet()) {
                    List<Object> after = list(group.getValue());
                    if (after.size() > list(before.get(group.getKey())).size()) {
                        return "Transmit " + packet(after.get(after.size() - 1));
                    }
                }
                return "Transmit (no-op)";
            }
            default:
                return action;
        }
    }

    private static String queues(Object value) {
        return map(value).entrySet().stream()
                .map(g -> "g" + g.getKey() + "{" + map(g.getValue()).entrySet().stream()
                        .map(q -> "q" + q.getKey() + "[" + list(q.getValue()).stream().map(Counterexample::descriptor)
                                .collect(Collectors.joining(" ")) + "]")
                        .collect(Collectors.joining(" ")) + "}")
                .collect(Collectors.joining(" "));
    }

    private static String descriptor(Object value) {
        Map<Object, Object> d = map(value);
        String id = "r" + d.get("req") + "." + d.get("pkt");
        if (!Boolean.TRUE.equals(d.get("ready"))) {
            return id + "?";
        }
        String ind = switch (String.valueOf(d.get("ind"))) {
            case "CURRENT" -> "C";
            case "NEXT" -> "N";
            default -> "-";
        };
        return (Boolean.TRUE.equals(d.get("noop")) ? "~" : "") + id + ind;
    }

    private static String cursor(Object value) {
        return map(value).entrySet().stream().map(e -> "g" + e.getKey() + ":q" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** The groups with packets on the wire, lowest first: {@code g0: r1.1 r1.2; g1: r3.1}. */
    private static String wire(Object value) {
        String groups = map(value).entrySet().stream()
                .filter(g -> !list(g.getValue()).isEmpty())
                .map(g -> "g" + g.getKey() + ": "
                        + list(g.getValue()).stream().map(Counterexample::packet).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("; "));
        return groups.isEmpty() ? "-" : groups;
    }

    private static String packet(Object value) {
        List<Object> p = list(value);
        return p.size() == 2 ? "r" + p.get(0) + "." + p.get(1) : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        if (value instanceof List<?> l) {
            Map<Object, Object> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < l.size(); i++) {
                m.put((long) i + 1, l.get(i));
            }
            return m;
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return List.of();
        }
        return value instanceof Map<?, ?> m ? new ArrayList<>((java.util.Collection<Object>) m.values()) : List.of();
    }
}
