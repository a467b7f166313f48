package dev.txorder.cli.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one TLC run printed: the property it reports violated (if any), the state counts, and the
 * counterexample as a table (one row per state: number, action, every variable).
 *
 * @param violated  the violated invariant or action property; "temporal" for an unnamed liveness
 *                  violation, "deadlock" for a deadlock, null when TLC reported none
 * @param distinct  distinct states found (-1 if TLC never printed the count)
 * @param generated states generated
 * @param depth     the search depth TLC reports (-1 if none)
 * @param trace     the counterexample, or null
 */
public record TlcOutput(String violated, long distinct, long generated, long depth, Trace trace, boolean finished) {
    private static final Pattern INVARIANT = Pattern.compile("^Error: Invariant (\\S+) is violated");
    private static final Pattern ACTION_PROPERTY = Pattern.compile("^Error: Action property (\\S+) is violated");
    private static final Pattern COUNTS = Pattern.compile(
            "^([\\d,]+) states generated(?: \\([^)]*\\))?, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern STATE = Pattern.compile("^State (\\d+): (.*)$");
    private static final Pattern BACK = Pattern.compile("^Back to state (\\d+)");
    private static final Pattern STUTTER = Pattern.compile("^(\\d+): Stuttering");
    private static final Pattern VARIABLE = Pattern.compile("^/\\\\ (\\w+) = (.*)$");

    /** Parses TLC's console output (tla2tools 1.1.0, as forked by {@link TlcGate}). */
    public static TlcOutput parse(List<String> lines, String title) {
        String violated = null;
        long distinct = -1;
        long generated = -1;
        long depth = -1;
        boolean finished = false;
        List<Map<String, String>> states = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Map<String, String> state = null;
        String variable = null;
        for (String line : lines) {
            Matcher m;
            if ((m = INVARIANT.matcher(line)).find() || (m = ACTION_PROPERTY.matcher(line)).find()) {
                violated = m.group(1).replaceAll("\\.$", "");
            } else if (line.startsWith("Error: Temporal properties were violated")) {
                violated = "temporal";
            } else if (line.startsWith("Error: Deadlock reached")) {
                violated = "deadlock";
            } else if ((m = COUNTS.matcher(line)).find()) {
                generated = Long.parseLong(m.group(1).replace(",", ""));
                distinct = Long.parseLong(m.group(2).replace(",", ""));
            } else if ((m = DEPTH.matcher(line)).find()) {
                depth = Long.parseLong(m.group(1));
            } else if (line.startsWith("Finished in")) {
                finished = true;
            }
            if ((m = STATE.matcher(line)).find()) {
                state = new LinkedHashMap<>();
                states.add(state);
                actions.add(action(m.group(2)));
                variable = null;
            } else if ((m = BACK.matcher(line)).find()) {
                state = new LinkedHashMap<>();
                states.add(state);
                actions.add("back to state " + m.group(1) + " (a cycle)");
                variable = null;
            } else if ((m = STUTTER.matcher(line)).find()) {
                state = new LinkedHashMap<>();
                states.add(state);
                actions.add("stuttering forever");
                variable = null;
            } else if (state != null && (m = VARIABLE.matcher(line)).find()) {
                variable = m.group(1);
                state.put(variable, m.group(2).strip());
            } else if (state != null && variable != null && line.startsWith(" ") && !line.isBlank()) {
                // A long value continues on indented lines.
                state.merge(variable, " " + line.strip(), String::concat);
            } else if (line.isBlank() || !line.startsWith(" ")) {
                variable = null;
                if (!line.isBlank()) {
                    state = null;
                }
            }
        }
        Trace trace = null;
        if (!states.isEmpty()) {
            List<String> columns = new ArrayList<>(List.of("state", "action"));
            for (Map<String, String> s : states) {
                s.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add);
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), actions.get(i)));
                for (String c : columns.subList(2, columns.size())) {
                    row.add(states.get(i).getOrDefault(c, ""));
                }
                rows.add(row);
            }
            trace = new Trace(title, columns, rows, String.join("\n", lines.stream()
                    .dropWhile(l -> !l.startsWith("Error:")).limit(2000).toList()));
        }
        return new TlcOutput(violated, distinct, generated, depth, trace, finished);
    }

    /** "Reserve line 45, col 5 to line 60, col 30 of module Sender" -> "Reserve"; "Initial predicate" stays. */
    private static String action(String header) {
        String h = header.strip();
        if (h.startsWith("<") && h.endsWith(">")) {
            h = h.substring(1, h.length() - 1);
        }
        int line = h.indexOf(" line ");
        return line > 0 ? h.substring(0, line) : h;
    }
}
