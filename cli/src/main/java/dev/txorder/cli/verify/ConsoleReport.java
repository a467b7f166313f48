package dev.txorder.cli.verify;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The summary table and the kill matrix on the console; gaps and failures in red on a terminal. */
final class ConsoleReport {
    private static final String RED = "\u001b[31;1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private ConsoleReport() {
    }

    static void print(VerifyReport report, PrintStream out, boolean colour) {
        out.println();
        out.printf("txorder verify %s: %s in %.0f s (%s)%n", report.run().arguments(), report.verdict().word().toUpperCase(Locale.ROOT),
                report.seconds(), report.machine());
        if (!report.run().origin().isEmpty()) {
            out.println(report.run().origin());
        }
        out.println();
        int proves = 58;
        out.printf("%-10s  %-" + proves + "s  %-28s %8s  %s%n", "GATE", "WHAT IT PROVES", "EFFORT", "SECONDS", "VERDICT");
        for (GateResult g : report.gates()) {
            out.printf(Locale.ROOT, "%-10s  %-" + proves + "s  %-28s %8.1f  %s%n", g.name(), clip(g.proves(), proves), clip(g.effort().toString(), 28),
                    g.seconds(), paint(g.verdict().word(), g.verdict() == Verdict.FAIL ? RED : g.verdict() == Verdict.PASS ? GREEN : "", colour));
        }
        out.println();
        for (GateResult g : report.gates()) {
            out.printf("  %s: %s%n", g.name(), g.detail());
        }
        out.println();
        if (!report.run().shard().whole()) {
            // A shard ran part of each tool's work: its misses are no gaps, and its table would say they were.
            out.println("KILL MATRIX and PROPERTIES x TOOLS: not judged in shard " + report.run().shard()
                    + "; txorder report merge judges them over all the shards");
            out.println();
            out.println("verify: " + report.verdict().word().toUpperCase(Locale.ROOT));
            return;
        }
        out.println("KILL MATRIX (effort to the first failure)");
        List<String> tools = report.matrix().tools();
        out.printf("%-7s", "MUTANT");
        tools.forEach(t -> out.printf("  %-24s", t.toUpperCase(Locale.ROOT)));
        out.println("  GAP");
        for (KillMatrix.Row r : report.matrix().rows()) {
            out.printf("%-7s", r.mutant());
            for (String t : tools) {
                Kill k = r.cells().get(t);
                String cell = k == null ? (t.equals("tlc") && !r.note().isEmpty() ? "not in scope" : "-")
                        : k.caught() ? k.effortText() : "missed";
                out.printf("  %-24s", clip(cell, 24));
            }
            String gap = r.gap() == null ? "" : r.gap();
            out.println("  " + (gap.isEmpty() ? "" : paint(gap, r.failsVerdict() ? RED : "", colour))
                    + (r.note().isEmpty() ? "" : (gap.isEmpty() ? "" : "; ") + r.note()));
        }
        out.println();
        out.println("PROPERTIES x TOOLS (what made each check fail in this run; NEVER SHOWN: the tool judges it and nothing"
                + " made it fail; - the tool has no such check)");
        List<String> ptools = report.properties().tools();
        out.printf("%-22s", "PROPERTY");
        ptools.forEach(t -> out.printf("  %-18s", t.toUpperCase(Locale.ROOT)));
        out.println();
        for (PropertyTable.Row r : report.properties().rows()) {
            out.printf("%-22s", clip(r.property(), 22));
            for (String t : ptools) {
                PropertyTable.Cell c = r.cells().get(t);
                String text = switch (c.state()) {
                    case SHOWN -> c.by().stream().map(Tooth::by).distinct().collect(java.util.stream.Collectors.joining(" "));
                    case NOT_SHOWN -> "NEVER SHOWN";
                    default -> c.text();
                };
                out.printf("  %-18s", paint(clip(text, 18), c.state() == PropertyTable.State.NOT_SHOWN ? RED : "", colour));
            }
            out.println();
        }
        out.println();
        out.println("verify: " + report.verdict().word().toUpperCase(Locale.ROOT));
    }

    private static String paint(String s, String colour, boolean on) {
        return on && !colour.isEmpty() ? colour + s + RESET : s;
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
