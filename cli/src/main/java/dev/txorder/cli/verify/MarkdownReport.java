package dev.txorder.cli.verify;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A verify report as Markdown ({@code report markdown}, template {@code results.md.mustache}): the
 * run, the gates, the kill matrix and the property table, for a document that quotes results
 * (the project's {@code docs/RESULTS.md}) generated from a {@code summary.json} instead of copied
 * from it by hand.
 */
public final class MarkdownReport {
    /** Values as they are: Markdown table cells are escaped by {@link #cell}. */
    private static final Mustache TEMPLATE = Templates.plain("results.md.mustache");

    private MarkdownReport() {
    }

    /** @param source where the summary was read from, named in the document */
    public static String render(VerifyReport r, String source) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("source", source);
        v.put("arguments", r.run().arguments());
        v.put("verdict", r.verdict().word());
        v.put("commit", r.run().commit() == null ? "unknown" : "`" + r.run().commit() + "`");
        v.put("started", r.started());
        v.put("seconds", String.format(Locale.ROOT, "%.0f", r.seconds()));
        v.put("machine", r.machine());
        v.put("origin", r.run().origin().isEmpty() ? null : r.run().origin());
        v.put("gates", r.gates().stream().map(g -> Map.of("name", g.name(), "effort", cell(g.effort().toString()),
                "seconds", String.format(Locale.ROOT, "%.1f", g.seconds()), "verdict", g.verdict().word(),
                "detail", cell(g.detail()))).toList());
        List<String> tools = r.matrix().tools();
        v.put("matrixTools", tools);
        v.put("matrix", r.matrix().rows().stream().map(row -> Map.of("mutant", row.mutant().name(),
                "cells", tools.stream().map(t -> Map.of("text", cell(row.text(t)))).toList(),
                "gap", cell(row.gapText()))).toList());
        List<String> ptools = r.properties().tools();
        v.put("propertyTools", ptools);
        v.put("properties", r.properties().rows().stream().map(row -> Map.of("property", row.property(),
                "cells", ptools.stream().map(t -> Map.of("text", cell(row.cells().get(t).text()))).toList())).toList());
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, v);
        return out.toString();
    }

    /** Text for a Markdown table cell: one line, its pipes escaped. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
