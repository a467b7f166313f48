package dev.txorder.stress.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one JCStress 0.16 run printed, read from its console output (run with {@code -v}, so that
 * the final "RUN RESULTS" section holds a "Results across all configurations" table for every
 * test, not only the failed ones).
 *
 * <pre>
 * RUN RESULTS:
 *   ...
 * ...... [FAILED] dev.txorder.stress.NextGroup_ArrayContiguity_M3
 *
 *   Results across all configurations:
 *
 *        RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
 *   A, A1 B1 A2       66   58.93%   Forbidden  writerA -> writerB -> nic with A1 marked NEXT: ...
 * </pre>
 */
public final class JcstressReport {
    /** One row of a test's table: an outcome, how often it was seen, and its grading. */
    public record Row(String result, long samples, String expect) {
        public boolean forbidden() {
            return expect.equals("Forbidden");
        }
    }

    /** One test of the run: its JCStress status ({@code OK}, {@code FAILED}, {@code ERROR}, ...) and rows. */
    public record Test(String name, String status, List<Row> rows) {
        public long samples() {
            return rows.stream().mapToLong(Row::samples).sum();
        }

        public long forbidden() {
            return rows.stream().filter(Row::forbidden).mapToLong(Row::samples).sum();
        }
    }

    private static final Pattern TEST_HEADER = Pattern.compile("^\\.*\\s*\\[([A-Z_ -]+)\\]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(.+?)\\s+([\\d,]+)\\s+(<?\\s*[\\d.]+%)\\s+(Acceptable|Forbidden|Interesting|Unknown)\\s+.*$");

    private final Map<String, Test> tests;
    private final boolean sawRunResults;
    private final List<String> fatal;

    private JcstressReport(Map<String, Test> tests, boolean sawRunResults, List<String> fatal) {
        this.tests = tests;
        this.sawRunResults = sawRunResults;
        this.fatal = fatal;
    }

    /** Parses the console output of {@code java -jar jcstress.jar -v ...}. */
    public static JcstressReport parse(List<String> lines) {
        Map<String, Test> tests = new LinkedHashMap<>();
        List<String> fatal = new ArrayList<>();
        boolean inResults = false;
        String name = null;
        String status = null;
        List<Row> rows = null;
        for (String line : lines) {
            // JCStress exits 0 after both of these: a gate must not.
            if (line.contains("No scheduling is possible") || line.startsWith("FATAL")
                    || line.contains("No matching tests")) {
                fatal.add(line.strip());
            }
            if (!inResults) {
                inResults = line.startsWith("RUN RESULTS:");
                continue;
            }
            Matcher h = TEST_HEADER.matcher(line);
            if (h.matches()) {
                if (name != null) {
                    tests.put(name, new Test(name, status, List.copyOf(rows)));
                }
                status = h.group(1).strip();
                name = h.group(2);
                rows = new ArrayList<>();
                continue;
            }
            if (name != null) {
                Matcher r = ROW.matcher(line);
                if (r.matches()) {
                    rows.add(new Row(r.group(1).strip(), Long.parseLong(r.group(2).replace(",", "")), r.group(4)));
                }
            }
        }
        if (name != null) {
            tests.put(name, new Test(name, status, List.copyOf(rows)));
        }
        return new JcstressReport(tests, inResults, fatal);
    }

    /** The test's results, or null when the run did not report it. */
    public Test test(String name) {
        return tests.get(name);
    }

    public Map<String, Test> tests() {
        return tests;
    }

    /** Whether JCStress got as far as its final report. */
    public boolean complete() {
        return sawRunResults;
    }

    /** Lines that say a test could not run at all ("No scheduling is possible", "FATAL: ..."). */
    public List<String> fatal() {
        return fatal;
    }
}
