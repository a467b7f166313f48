package dev.txorder.cli.verify;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report folder: {@code summary.json} ({@link SummaryJson}), {@code junit.xml} (one test suite
 * per gate, one test case per check, for CI systems; written with the JDK's StAX writer) and
 * {@code index.html} ({@link HtmlReport}: the summary table, the kill matrix, the model table, every
 * counterexample).
 */
final class ReportWriters {
    private ReportWriters() {
    }

    static void writeAll(VerifyReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), json(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), junitXml(report), StandardCharsets.UTF_8);
        Path bench = dev.txorder.cli.BenchCommand.latestRows();
        java.util.Optional<BenchRows> rows = java.util.Optional.empty();
        if (Files.isRegularFile(bench)) {
            // The report is read elsewhere (a CI artifact): it carries its own copy of what it links.
            Files.copy(bench, dir.resolve("bench.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            rows = BenchRows.read(dir.resolve("bench.json"), "bench.json");
        }
        Files.writeString(dir.resolve("index.html"), HtmlReport.render(report, rows), StandardCharsets.UTF_8);
    }

    static String json(VerifyReport r) {
        return SummaryJson.write(r);
    }

    static String html(VerifyReport r) {
        return HtmlReport.render(r);
    }

    /**
     * JUnit's XML report as CI systems read it (GitHub's and GitLab's test reports, Jenkins): a gate
     * without checks is one test case of its own, so that a gate that failed or did not run is never
     * missing from the counts; a check that did not run is "skipped", never a pass.
     */
    static String junitXml(VerifyReport r) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            long tests = r.gates().stream().mapToLong(g -> Math.max(1, g.checks().size())).sum();
            long failures = r.gates().stream().mapToLong(g -> checksOf(g).stream().filter(c -> c.verdict() == Verdict.FAIL).count()).sum();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "txorder verify " + r.run().arguments());
            x.writeAttribute("tests", Long.toString(tests));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("time", time(r.seconds()));
            for (GateResult g : r.gates()) {
                List<Check> checks = checksOf(g);
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "txorder." + g.name());
                x.writeAttribute("tests", Integer.toString(checks.size()));
                x.writeAttribute("failures", Long.toString(checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count()));
                x.writeAttribute("skipped", Long.toString(checks.stream().filter(c -> c.verdict() == Verdict.SKIP).count()));
                x.writeAttribute("time", time(g.seconds()));
                for (Check c : checks) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", "txorder." + g.name());
                    x.writeAttribute("name", xml(c.name()));
                    x.writeAttribute("time", time(c.seconds()));
                    if (c.verdict() == Verdict.SKIP) {
                        x.writeEmptyElement("skipped");
                        x.writeAttribute("message", xml(c.detail()));
                    } else if (c.verdict() == Verdict.FAIL) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", xml(c.detail()));
                        x.writeCharacters(xml(c.output().isEmpty() ? c.detail() : c.output()));
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static List<Check> checksOf(GateResult g) {
        return g.checks().isEmpty()
                ? List.of(new Check(g.name(), g.verdict(), g.seconds(), g.effort().toString(), g.detail(), "")) : g.checks();
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** Text XML 1.0 can hold: the control characters of tool output (terminal escape codes) are dropped; StAX escapes the rest. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
