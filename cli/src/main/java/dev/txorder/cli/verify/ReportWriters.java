package dev.txorder.cli.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report folder: {@code summary.json} (DESIGN.md §6), {@code junit.xml} (one
 * test suite per gate, one test case per check, for CI systems) and {@code index.html} (self-contained:
 * the summary table, the kill matrix, the model table, every counterexample).
 */
final class ReportWriters {
    private ReportWriters() {
    }

    static void writeAll(VerifyReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), json(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), junitXml(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(report), StandardCharsets.UTF_8);
    }

    static String json(VerifyReport r) {
        return SummaryJson.write(r);
    }

    static String junitXml(VerifyReport r) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = r.gates().stream().mapToLong(g -> Math.max(1, g.checks().size())).sum();
        long failures = r.gates().stream().mapToLong(g -> g.checks().isEmpty()
                ? (g.verdict() == Verdict.FAIL ? 1 : 0) : g.checks().stream().filter(c -> c.verdict() == Verdict.FAIL).count()).sum();
        sb.append(String.format(Locale.ROOT, "<testsuites name=\"txorder verify --profile %s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                r.profile(), tests, failures, r.seconds()));
        for (GateResult g : r.gates()) {
            List<Check> checks = g.checks().isEmpty()
                    ? List.of(new Check(g.name(), g.verdict(), g.seconds(), g.effort().toString(), g.detail(), "")) : g.checks();
            sb.append(String.format(Locale.ROOT, "  <testsuite name=\"txorder.%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                    xml(g.name()), checks.size(), checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count(),
                    checks.stream().filter(c -> c.verdict() == Verdict.SKIP).count(), g.seconds()));
            for (Check c : checks) {
                sb.append(String.format(Locale.ROOT, "    <testcase classname=\"txorder.%s\" name=\"%s\" time=\"%.3f\"",
                        xml(g.name()), xml(c.name()), c.seconds()));
                switch (c.verdict()) {
                    case PASS -> sb.append("/>\n");
                    case SKIP -> sb.append(">\n      <skipped message=\"").append(xml(c.detail())).append("\"/>\n    </testcase>\n");
                    case FAIL -> sb.append(">\n      <failure message=\"").append(xml(c.detail())).append("\">")
                            .append(xml(c.output().isEmpty() ? c.detail() : c.output())).append("</failure>\n    </testcase>\n");
                    default -> throw new IllegalStateException(c.verdict().toString());
                }
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    static String html(VerifyReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>txorder verify: ")
                .append(r.verdict().word()).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top;font-size:13px}")
                .append("th{background:#eee}.pass{color:#176f2c;font-weight:bold}.fail{color:#fff;background:#c62828;font-weight:bold}")
                .append(".skip{color:#777}.gap{background:#ffcdd2;color:#b71c1c;font-weight:bold}.changed{background:#fff3c4}")
                .append("td.num{text-align:right}pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px;max-height:40em}")
                .append("code,td.mono{font-family:ui-monospace,monospace;font-size:12px}details{margin:.5em 0}\n</style></head><body>\n");
        h.append("<h1>txorder verify <span class=\"").append(r.verdict().word()).append("\">").append(r.verdict().word().toUpperCase(Locale.ROOT))
                .append("</span></h1>\n<p>Profile <code>").append(r.profile()).append("</code>, started ").append(esc(r.started()))
                .append(String.format(Locale.ROOT, ", %.0f s, on %s.", r.seconds(), esc(r.machine()))).append("</p>\n");

        h.append("<h2 id=\"summary\">Summary</h2>\n<table><tr><th>gate</th><th>what it proves</th><th>effort</th><th>seconds</th><th>verdict</th><th>detail</th></tr>\n");
        for (GateResult g : r.gates()) {
            h.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(esc(g.proves())).append("</td><td class=\"num\">")
                    .append(esc(g.effort().toString())).append(String.format(Locale.ROOT, "</td><td class=\"num\">%.1f</td>", g.seconds()))
                    .append(cell(g.verdict())).append("<td>").append(esc(g.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2 id=\"kill-matrix\">Kill matrix</h2>\n<p>Effort to the first failure: distinct states to the counterexample (tlc), ")
                .append("examples to the failing example (properties), interleavings (lincheck), log records up to the first the spec rejects, over the runs it took (trace), forbidden outcomes among the samples (jcstress).</p>\n")
                .append("<table><tr><th>mutant</th><th>what it does</th>");
        r.matrix().tools().forEach(t -> h.append("<th>").append(t).append("</th>"));
        h.append("<th>gap</th></tr>\n");
        for (KillMatrix.Row row : r.matrix().rows()) {
            h.append("<tr><td>").append(row.mutant()).append("</td><td>").append(esc(row.mutant().description())).append("</td>");
            for (String t : r.matrix().tools()) {
                Kill k = row.cells().get(t);
                if (k == null) {
                    h.append("<td class=\"skip\">").append(t.equals("tlc") && !row.note().isEmpty() ? "not in TLC's scope" : "-").append("</td>");
                } else if (k.caught()) {
                    h.append("<td title=\"").append(esc(k.detail())).append("\">").append(esc(k.effortText())).append("</td>");
                } else {
                    h.append("<td class=\"skip\" title=\"").append(esc(k.detail())).append("\">missed: ").append(esc(k.detail())).append("</td>");
                }
            }
            h.append(row.gap() == null ? "<td>" + esc(row.note()) + "</td>"
                    : "<td class=\"gap\">" + esc(row.gap()) + (row.note().isEmpty() ? "" : "; " + esc(row.note())) + "</td>");
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2 id=\"properties\">Properties by tool</h2>\n<p>The kill matrix read by property: what made each tool's check ")
                .append("of a property fail in this run (a mutant it caught, with the effort, or a must-fail model). ")
                .append("<span class=\"gap\">never shown failing</span>: the tool judges the property and ran, and nothing showed ")
                .append("that its check can fail; - : the tool has no check of that property. Rows after the properties are other ")
                .append("checks shown failing (refinements, witnesses, weak invariants).</p>\n<table><tr><th>property</th>");
        r.properties().tools().forEach(t -> h.append("<th>").append(t).append("</th>"));
        h.append("</tr>\n");
        for (PropertyTable.Row row : r.properties().rows()) {
            h.append("<tr><td>").append(esc(row.property())).append("</td>");
            for (String t : r.properties().tools()) {
                PropertyTable.Cell c = row.cells().get(t);
                String cls = switch (c.state()) {
                    case SHOWN -> "";
                    case NOT_SHOWN -> " class=\"gap\"";
                    case NOT_JUDGED, NOT_RUN -> " class=\"skip\"";
                };
                h.append("<td").append(cls).append(">").append(esc(c.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2 id=\"models\">Models</h2>\n");
        List<GateResult> modelGates = r.gates().stream().filter(g -> g.name().equals("tlc") || g.name().equals("proofs")).toList();
        if (modelGates.stream().allMatch(g -> g.checks().isEmpty())) {
            h.append("<p>No TLC model ran.</p>\n");
        }
        for (GateResult g : modelGates) {
            h.append("<table><tr><th>").append(esc(g.name())).append(" model</th><th>outcome</th><th>distinct states</th><th>seconds</th><th>verdict</th></tr>\n");
            for (Check c : g.checks()) {
                h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.detail())).append("</td><td class=\"num\">")
                        .append(esc(c.effort())).append(String.format(Locale.ROOT, "</td><td class=\"num\">%.1f</td>", c.seconds()))
                        .append(cell(c.verdict())).append("</tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2 id=\"checks\">Every check</h2>\n");
        for (GateResult g : r.gates()) {
            h.append("<details><summary>").append(esc(g.name())).append(": ").append(g.checks().size()).append(" checks, ")
                    .append(g.verdict().word()).append("</summary>\n<table><tr><th>check</th><th>effort</th><th>seconds</th><th>verdict</th><th>detail</th></tr>\n");
            for (Check c : g.checks()) {
                h.append("<tr><td class=\"mono\">").append(esc(c.name())).append("</td><td class=\"num\">").append(esc(c.effort()))
                        .append(String.format(Locale.ROOT, "</td><td class=\"num\">%.1f</td>", c.seconds())).append(cell(c.verdict()))
                        .append("<td>").append(esc(c.detail())).append(c.output().isEmpty() ? "" : "<pre>" + esc(c.output()) + "</pre>")
                        .append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }

        h.append("<h2 id=\"counterexamples\">Counterexamples</h2>\n");
        List<Trace> traces = r.traces();
        if (traces.isEmpty()) {
            h.append("<p>None.</p>\n");
        }
        int n = 0;
        for (Trace t : traces) {
            h.append("<h3 id=\"trace-").append(++n).append("\">").append(esc(t.title())).append("</h3>\n");
            if (!t.rows().isEmpty()) {
                h.append("<table class=\"trace\"><tr>");
                t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
                h.append("</tr>\n");
                List<String> previous = null;
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        // A value that changed since the previous state is what the step did.
                        boolean changed = previous != null && i >= 2 && i < previous.size() && !previous.get(i).equals(row.get(i));
                        h.append(changed ? "<td class=\"mono changed\">" : "<td class=\"mono\">").append(esc(row.get(i))).append("</td>");
                    }
                    h.append("</tr>\n");
                    previous = row;
                }
                h.append("</table>\n");
            }
            if (!t.text().isEmpty()) {
                h.append(t.rows().isEmpty() ? "<pre>" : "<details><summary>the tool's own output</summary><pre>")
                        .append(esc(t.text())).append(t.rows().isEmpty() ? "</pre>\n" : "</pre></details>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static String cell(Verdict v) {
        return "<td class=\"" + v.word() + "\">" + v.word() + "</td>";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** XML text and attribute values; characters XML 1.0 cannot hold (escape codes in tool output) are dropped. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
