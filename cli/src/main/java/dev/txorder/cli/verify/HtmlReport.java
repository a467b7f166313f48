package dev.txorder.cli.verify;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: the report's page, from the Mustache template {@code report.mustache} beside
 * this class (the template escapes every value). This class only prepares what the template shows:
 * the summary table, the kill matrix, the property table, the models, every check, and each
 * counterexample as a table in which the values a step changed are marked.
 */
final class HtmlReport {
    private static final Mustache TEMPLATE = Templates.html("report.mustache");

    private HtmlReport() {
    }

    static String render(VerifyReport r) {
        return render(r, java.util.Optional.empty());
    }

    /** The report, with the latest benchmark rows when there are any. */
    static String render(VerifyReport r, java.util.Optional<BenchRows> bench) {
        StringWriter out = new StringWriter();
        Map<String, Object> v = view(r);
        v.put("bench", bench.orElse(null));
        TEMPLATE.execute(out, v);
        return out.toString();
    }

    private static Map<String, Object> view(VerifyReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("verdict", r.verdict().word());
        v.put("verdictUpper", r.verdict().word().toUpperCase(Locale.ROOT));
        v.put("verdictClass", cls(r.verdict()));
        v.put("arguments", r.run().arguments());
        v.put("started", r.started());
        v.put("seconds", String.format(Locale.ROOT, "%.0f", r.seconds()));
        v.put("machine", r.machine());
        v.put("commit", r.run().commit());
        v.put("origin", r.run().origin().isEmpty() ? null : r.run().origin());
        v.put("gates", r.gates().stream().map(HtmlReport::gate).toList());
        v.put("matrixTools", r.matrix().tools());
        v.put("matrix", r.matrix().rows().stream().map(row -> matrixRow(row, r.matrix().tools())).toList());
        v.put("propertyTools", r.properties().tools());
        v.put("properties", r.properties().rows().stream().map(row -> propertyRow(row, r.properties().tools())).toList());
        List<GateResult> modelGates = r.gates().stream().filter(g -> g.name().equals("tlc") || g.name().equals("proofs")).toList();
        v.put("anyModel", modelGates.stream().anyMatch(g -> !g.checks().isEmpty()));
        v.put("modelGates", modelGates.stream().map(HtmlReport::gate).toList());
        List<Map<String, Object>> traces = new ArrayList<>();
        for (Trace t : r.traces()) {
            traces.add(trace(t, traces.size() + 1));
        }
        v.put("traces", traces);
        return v;
    }

    private static Map<String, Object> gate(GateResult g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("proves", g.proves());
        m.put("effort", g.effort().toString());
        m.put("seconds", seconds(g.seconds()));
        m.put("verdict", g.verdict().word());
        m.put("verdictClass", cls(g.verdict()));
        m.put("detail", g.detail());
        m.put("checkCount", g.checks().size());
        m.put("checks", g.checks().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", c.name());
            x.put("effort", c.effort());
            x.put("seconds", seconds(c.seconds()));
            x.put("verdict", c.verdict().word());
            x.put("verdictClass", cls(c.verdict()));
            x.put("detail", c.detail());
            x.put("output", c.output().isEmpty() ? null : c.output());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> matrixRow(KillMatrix.Row row, List<String> tools) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String t : tools) {
            Kill k = row.cells().get(t);
            cells.add(cell(k != null && k.caught() ? null : "skip", row.text(t), k == null ? null : k.detail()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mutant", row.mutant().name());
        m.put("description", row.mutant().description());
        m.put("cells", cells);
        m.put("gapClass", row.gap() == null ? null : "gap");
        m.put("gap", row.gapText());
        return m;
    }

    private static Map<String, Object> propertyRow(PropertyTable.Row row, List<String> tools) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String t : tools) {
            PropertyTable.Cell c = row.cells().get(t);
            String cls = switch (c.state()) {
                case SHOWN -> null;
                case NOT_SHOWN -> "gap";
                case NOT_JUDGED, NOT_RUN -> "skip";
            };
            cells.add(cell(cls, c.text(), null));
        }
        return Map.of("property", row.property(), "cells", cells);
    }

    private static Map<String, Object> trace(Trace t, int number) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("title", t.title());
        m.put("text", t.text().isEmpty() ? null : t.text());
        if (!t.rows().isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> previous = null;
            for (List<String> row : t.rows()) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    // A value that changed since the previous state is what the step did (the first two columns name the step).
                    boolean changed = previous != null && i >= 2 && i < previous.size() && !previous.get(i).equals(row.get(i));
                    cells.add(cell(changed ? "mono changed" : "mono", row.get(i), null));
                }
                rows.add(Map.of("cells", cells));
                previous = row;
            }
            m.put("table", Map.of("columns", t.columns(), "rows", rows));
        }
        return m;
    }

    private static Map<String, Object> cell(String cls, String text, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cls", cls);
        m.put("text", text);
        m.put("title", title);
        return m;
    }

    private static String cls(Verdict v) {
        return v == Verdict.SKIP ? "skip" : v.word();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }
}
