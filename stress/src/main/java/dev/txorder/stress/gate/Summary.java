package dev.txorder.stress.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.Mutant;
import dev.txorder.io.Json;
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
        ObjectNode root = Json.object();
        root.put("verdict", passed() ? "pass" : nothingRan() ? "not-run" : "fail");
        root.put("mode", mode);
        root.put("cpus", cpus);
        root.put("arch", arch);
        root.put("seconds", Math.round(seconds * 10) / 10.0);
        root.put("samples", samples());
        ArrayNode ps = root.putArray("problems");
        problems.forEach(ps::add);
        ArrayNode tests = root.putArray("tests");
        for (Verdict v : verdicts) {
            ObjectNode t = tests.addObject();
            t.put("test", v.test());
            t.put("implementation", v.impl().label());
            t.put("mutant", v.impl().mutant().map(Enum::name).orElse(null));
            t.put("samples", v.samples());
            t.put("forbidden", v.forbidden());
            t.put("verdict", v.kind());
            t.put("detail", v.detail());
            ArrayNode outcomes = t.putArray("outcomes");
            for (JcstressReport.Row r : v.rows()) {
                outcomes.addObject().put("result", r.result()).put("samples", r.samples()).put("expect", r.expect());
            }
        }
        ArrayNode ms = root.putArray("mutants");
        for (Map.Entry<Mutant, List<String>> e : mutants().entrySet()) {
            ObjectNode m = ms.addObject();
            m.put("id", e.getKey().name());
            m.put("caught", !e.getValue().isEmpty());
            e.getValue().forEach(m.putArray("caught_by")::add);
        }
        return Json.write(root);
    }
}
