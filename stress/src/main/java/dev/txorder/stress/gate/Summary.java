package dev.txorder.stress.gate;

import dev.txorder.Mutant;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gate's table on the console and its machine-readable form, {@code stress-results.json}. */
record Summary(String mode, int cpus, String arch, double seconds, List<Verdict> verdicts, List<String> problems) {

    /** Nothing failed, and something ran: a run in which no test ran (too few CPUs) is never a pass. */
    boolean passed() {
        return problems.isEmpty() && verdicts.stream().noneMatch(Verdict::failed) && !nothingRan();
    }

    /** Whether no test produced a verdict of its own (every one not run). */
    boolean nothingRan() {
        return verdicts.stream().allMatch(v -> v.kind().equals("not-run"));
    }

    long samples() {
        return verdicts.stream().mapToLong(Verdict::samples).sum();
    }

    /** Per mutant: the tests that caught it (empty: not caught by this run). */
    Map<Mutant, List<String>> mutants() {
        Map<Mutant, List<String>> m = new EnumMap<>(Mutant.class);
        for (Verdict v : verdicts) {
            v.impl().mutant().ifPresent(mu -> {
                List<String> by = m.computeIfAbsent(mu, k -> new ArrayList<>());
                if (v.caught()) {
                    by.add(v.test());
                }
            });
        }
        return m;
    }

    void print(PrintStream out) {
        int w = verdicts.stream().mapToInt(v -> v.test().length()).max().orElse(4);
        out.println();
        out.printf("%-" + w + "s  %-18s %12s %10s  %-9s %s%n", "TEST", "IMPLEMENTATION", "SAMPLES", "FORBIDDEN", "VERDICT", "DETAIL");
        for (Verdict v : verdicts) {
            out.printf("%-" + w + "s  %-18s %,12d %,10d  %-9s %s%n", v.test(), v.impl().label(), v.samples(),
                    v.forbidden(), v.kind(), v.detail());
        }
        out.println();
        for (Map.Entry<Mutant, List<String>> e : mutants().entrySet()) {
            out.printf("mutant %s: %s%n", e.getKey(), e.getValue().isEmpty() ? "not caught by JCStress here" : "caught by " + String.join(", ", e.getValue()));
        }
        for (String p : problems) {
            out.println("problem: " + p);
        }
        out.printf(Locale.ROOT, "%,d samples in %.0f s (%.0f samples/s, JCStress's VM probing and forks included; %s, %d CPUs)%n",
                samples(), seconds, seconds > 0 ? samples() / seconds : 0.0, arch, cpus);
        long failed = verdicts.stream().filter(Verdict::failed).count() + problems.size();
        long passed = verdicts.stream().filter(v -> v.kind().equals("pass")).count();
        long skipped = verdicts.size() - passed - verdicts.stream().filter(Verdict::failed).count();
        out.println("stress: " + (passed() ? "PASS" : nothingRan() ? "NOT RUN: no test could run on " + cpus + " CPUs" : "FAIL"));
        // The plain closing line CI systems read.
        out.println("stress: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    }

    String json() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"verdict\": ").append(str(passed() ? "pass" : nothingRan() ? "not-run" : "fail")).append(",\n");
        sb.append("  \"mode\": ").append(str(mode)).append(",\n");
        sb.append("  \"cpus\": ").append(cpus).append(",\n");
        sb.append("  \"arch\": ").append(str(arch)).append(",\n");
        sb.append("  \"seconds\": ").append(String.format(Locale.ROOT, "%.1f", seconds)).append(",\n");
        sb.append("  \"samples\": ").append(samples()).append(",\n");
        sb.append("  \"problems\": [");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(str(problems.get(i)));
        }
        sb.append("],\n  \"tests\": [\n");
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            sb.append("    { \"test\": ").append(str(v.test()))
                    .append(", \"implementation\": ").append(str(v.impl().label()))
                    .append(", \"mutant\": ").append(v.impl().mutant().map(m -> str(m.name())).orElse("null"))
                    .append(", \"samples\": ").append(v.samples())
                    .append(", \"forbidden\": ").append(v.forbidden())
                    .append(", \"verdict\": ").append(str(v.kind()))
                    .append(", \"detail\": ").append(str(v.detail()))
                    .append(",\n      \"outcomes\": [");
            for (int j = 0; j < v.rows().size(); j++) {
                JcstressReport.Row r = v.rows().get(j);
                sb.append(j == 0 ? "" : ", ").append("{ \"result\": ").append(str(r.result()))
                        .append(", \"samples\": ").append(r.samples())
                        .append(", \"expect\": ").append(str(r.expect())).append(" }");
            }
            sb.append("] }").append(i + 1 < verdicts.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"mutants\": [\n");
        List<Map.Entry<Mutant, List<String>>> ms = new ArrayList<>(mutants().entrySet());
        for (int i = 0; i < ms.size(); i++) {
            Map.Entry<Mutant, List<String>> e = ms.get(i);
            sb.append("    { \"id\": ").append(str(e.getKey().name())).append(", \"caught\": ").append(!e.getValue().isEmpty())
                    .append(", \"caught_by\": [");
            for (int j = 0; j < e.getValue().size(); j++) {
                sb.append(j == 0 ? "" : ", ").append(str(e.getValue().get(j)));
            }
            sb.append("] }").append(i + 1 < ms.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
