package dev.txorder.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the output of {@code tlc2.TLC -tool}. TLC's exit code alone is not trusted: SANY
 * reports semantic errors with status 0, distributed TLC exits 0 after a deadlock, and a killed or
 * crashed run may leave any status. A run passes only if TLC printed its success message, exited
 * 0 and printed no error; a violation needs TLC's violation message; anything else is a crash.
 *
 * <p>In {@code -tool} mode every message is framed as
 * <pre>
 * &#64;!&#64;!&#64;STARTMSG code:severity &#64;!&#64;!&#64;
 * text
 * &#64;!&#64;!&#64;ENDMSG code &#64;!&#64;!&#64;
 * </pre>
 * with the codes of {@code tlc2.output.EC} (used below by name).
 */
public final class TlcOutputParser {
    private static final int ASSUMPTION_FALSE = 2104;
    private static final int INVARIANT_VIOLATED_INITIAL = 2107;
    private static final int PROPERTY_VIOLATED_INITIAL = 2108;
    private static final int INVARIANT_VIOLATED_BEHAVIOR = 2110;
    private static final int ACTION_PROPERTY_VIOLATED_BEHAVIOR = 2112;
    private static final int DEADLOCK_REACHED = 2114;
    private static final int TEMPORAL_PROPERTY_VIOLATED = 2116;
    private static final int BACK_TO_STATE = 2122;
    private static final int INVARIANT_VIOLATED_LEVEL = 2146;
    private static final int SUCCESS = 2193;
    private static final int SEARCH_DEPTH = 2194;
    private static final int STATS = 2199;
    private static final int STATE_PRINT1 = 2216;
    private static final int STATE_PRINT2 = 2217;
    private static final int STATE_PRINT3 = 2218;
    private static final int CFG_GENERAL = 5002;
    private static final int SEVERITY_ERROR = 1;

    private static final Pattern MESSAGE = Pattern.compile(
            "@!@!@STARTMSG (\\d+):(\\d+) @!@!@\\R(.*?)@!@!@ENDMSG \\1 @!@!@", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("(?:Invariant|property) (\\w+) is violated");
    private static final Pattern STATS_LINE = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH_LINE = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): (.*)$");
    private static final Pattern VARIABLE = Pattern.compile("^/\\\\ (\\w+) = (.*)$");

    private TlcOutputParser() {
    }

    private record Message(int code, int severity, String text) {
    }

    /**
     * @param output             everything TLC printed (stdout and stderr)
     * @param exitCode           TLC's exit status
     * @param seconds            how long the run took
     * @param temporalProperties the PROPERTIES the model declares: TLC does not say which temporal
     *                           property broke, so the violation names them all ("A or B")
     */
    public static TlcResult parse(String output, int exitCode, double seconds, List<String> temporalProperties) {
        List<Message> messages = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        Matcher m = MESSAGE.matcher(output);
        int last = 0;
        while (m.find()) {
            plain.append(output, last, m.start());
            messages.add(new Message(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip()));
            last = m.end();
        }
        plain.append(output.substring(last));

        long generated = -1;
        long distinct = -1;
        int depth = -1;
        boolean success = false;
        Verdict verdict = null;
        Optional<String> property = Optional.empty();
        String firstError = null;
        List<TraceState> trace = new ArrayList<>();
        for (Message msg : messages) {
            switch (msg.code()) {
                case STATS -> {
                    Matcher s = STATS_LINE.matcher(msg.text());
                    if (s.find()) {
                        generated = number(s.group(1));
                        distinct = number(s.group(2));
                    }
                }
                case SEARCH_DEPTH -> {
                    Matcher d = DEPTH_LINE.matcher(msg.text());
                    if (d.find()) {
                        depth = Integer.parseInt(d.group(1));
                    }
                }
                case SUCCESS -> success = true;
                case STATE_PRINT1, STATE_PRINT2, STATE_PRINT3 -> trace.add(state(msg.text(), msg.code()));
                case BACK_TO_STATE -> trace.add(new TraceState(-1, msg.text().replace(":", ""), Map.of()));
                default -> {
                }
            }
            Verdict v = violation(msg.code());
            if (v != null && verdict == null) {
                verdict = v;
                firstError = msg.text().lines().findFirst().orElse("");
                Matcher n = NAMED.matcher(msg.text());
                if (n.find()) {
                    property = Optional.of(n.group(1));
                }
            } else if (msg.severity() == SEVERITY_ERROR && firstError == null) {
                firstError = msg.text().lines().findFirst().orElse("");
            }
        }
        String text = plain.toString();
        boolean parseError = exitCode == 255 || text.contains("*** Errors") || text.contains("*** Parse Error")
                || output.contains("Parsing or semantic analysis failed")
                || messages.stream().anyMatch(msg -> msg.code() == CFG_GENERAL || (msg.code() >= 4000 && msg.code() < 5000));
        if (parseError && verdict == null) {
            verdict = Verdict.PARSE_ERROR;
            firstError = firstMatchingLine(output, "*** Errors", "Parse Error", "Error:");
        }
        if (verdict == Verdict.TEMPORAL_PROPERTY_VIOLATED && property.isEmpty() && !temporalProperties.isEmpty()) {
            property = Optional.of(String.join(" or ", temporalProperties));
        }
        if (verdict == null) {
            boolean errorPrinted = messages.stream().anyMatch(msg -> msg.severity() == SEVERITY_ERROR);
            verdict = success && exitCode == 0 && !errorPrinted ? Verdict.PASS : Verdict.CRASH;
            if (verdict == Verdict.CRASH && firstError == null) {
                firstError = "TLC ended with status " + exitCode + " and no verdict";
            }
        }
        if (verdict.isViolation() && !trace.isEmpty()) {
            depth = (int) trace.stream().filter(s -> s.number() > 0).count();
        }
        if (!verdict.isViolation()) {
            trace.clear();
        }
        return new TlcResult(verdict, property, generated, distinct, depth, seconds, trace,
                firstError == null ? "" : firstError);
    }

    private static Verdict violation(int code) {
        return switch (code) {
            case INVARIANT_VIOLATED_INITIAL, INVARIANT_VIOLATED_BEHAVIOR, INVARIANT_VIOLATED_LEVEL -> Verdict.INVARIANT_VIOLATED;
            case ACTION_PROPERTY_VIOLATED_BEHAVIOR, PROPERTY_VIOLATED_INITIAL -> Verdict.ACTION_PROPERTY_VIOLATED;
            case TEMPORAL_PROPERTY_VIOLATED -> Verdict.TEMPORAL_PROPERTY_VIOLATED;
            case DEADLOCK_REACHED -> Verdict.DEADLOCK;
            case ASSUMPTION_FALSE -> Verdict.ASSUMPTION_FALSE;
            default -> null;
        };
    }

    /** One printed state: {@code N: <Action line ...>} then {@code /\ var = value} lines (values may span lines). */
    static TraceState state(String text, int code) {
        List<String> lines = text.lines().toList();
        int number = -1;
        String action = code == STATE_PRINT3 ? "Stuttering" : "";
        Map<String, String> vars = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            Matcher header = STATE_HEADER.matcher(line);
            Matcher variable = VARIABLE.matcher(line);
            if (number < 0 && name == null && header.matches()) {
                number = Integer.parseInt(header.group(1));
                action = actionName(header.group(2));
            } else if (variable.matches()) {
                if (name != null) {
                    vars.put(name, value.toString().strip());
                }
                name = variable.group(1);
                value = new StringBuilder(variable.group(2));
            } else if (name != null) {
                value.append(' ').append(line.strip());
            }
        }
        if (name != null) {
            vars.put(name, value.toString().strip());
        }
        return new TraceState(number, action, vars);
    }

    /** {@code <Write line 85, col 5 to ... of module Sender>} is the action Write. */
    static String actionName(String header) {
        String h = header.strip();
        if (h.startsWith("<") && h.endsWith(">")) {
            h = h.substring(1, h.length() - 1);
        }
        int at = h.indexOf(" line ");
        return at > 0 ? h.substring(0, at) : h;
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    private static String firstMatchingLine(String output, String... needles) {
        for (String needle : needles) {
            for (String line : output.lines().toList()) {
                if (line.contains(needle)) {
                    return line.strip();
                }
            }
        }
        return "parse or semantic error";
    }
}
