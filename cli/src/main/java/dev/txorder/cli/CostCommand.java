package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import dev.txorder.spec.GeneratedModel;
import dev.txorder.spec.ModelInputException;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.Verdict;
import dev.txorder.spec.WorkFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder cost}: how the cost of model checking grows with the work modelled. It checks
 * generated models of the correct design (one group of k queues, strict scheduler, no faults
 * unless asked) over a grid of policies, CPUs, queues and requests, and prints per model the
 * distinct states, TLC's seconds and the growth factor of one more request. Along a line (policy,
 * CPUs, queues) the requests grow until a model does not finish within the time limit: the largest
 * that did is the largest that fits.
 */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How model checking's cost grows with the work modelled: generated models of the correct design",
            "over a grid of policies, CPUs, queues and requests; per model the distinct states, TLC's seconds and the",
            "growth factor of one more request. Along each line the requests grow until a model does not finish in",
            "--timeout: the largest that did is the largest that fits.",
            "Exit status: 0 every model that finished holds, 1 one does not (the correct design must hold), 2 bad input,",
            "3 TLC could not be run, 130 interrupted."})
final class CostCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", split = ",", defaultValue = "next,hash", paramLabel = "hash|next",
            completionCandidates = Candidates.Policies.class, description = "policies (default ${DEFAULT-VALUE})")
    List<String> policies;

    @Option(names = "--cpus", defaultValue = "2", paramLabel = "A..B", description = "CPUs, e.g. 2..4 (default ${DEFAULT-VALUE})")
    String cpus;

    @Option(names = "--queues", defaultValue = "2", paramLabel = "A..B", description = "queues of the group, e.g. 1..4 (default ${DEFAULT-VALUE})")
    String queues;

    @Option(names = "--requests", defaultValue = "2..6", paramLabel = "A..B", description = "requests, e.g. 4..12 (default ${DEFAULT-VALUE})")
    String requests;

    @Option(names = "--array-max", defaultValue = "1", paramLabel = "A", description = "largest packet array, 1..4 (default ${DEFAULT-VALUE})")
    String arrayMax;

    @Option(names = "--faults", defaultValue = "0", paramLabel = "F", description = "sends that may fail after reserving, 0..2 (default ${DEFAULT-VALUE})")
    String faults;

    @Option(names = "--timeout", defaultValue = "900", paramLabel = "SECONDS",
            description = "a model that does not finish in this long ends its line (default ${DEFAULT-VALUE}: the full profile's 15 minutes)")
    String timeout;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV")
    Path csv;

    @Option(names = "--chart", paramLabel = "DIR", description = "also draw distinct states against requests, one line per policy, CPUs and queues (SVG, log scale)")
    Path chart;

    /** One model's cost. {@code growth}: its distinct states over the previous model's of the line; NaN for the first. */
    record Row(String policy, int cpus, int queues, int requests, String outcome, long distinctStates, long statesGenerated,
               int depth, double seconds, double growth) {
        String line() {
            return policy + ", " + cpus + " cpus, " + queues + " queues";
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = null;
        try {
            int[] c = range("cpus", cpus, 1, 6);
            int[] q = range("queues", queues, 1, 8);
            int[] n = range("requests", requests, 1, 16);
            int a = OptionValues.intIn("array-max", arrayMax, 1, 4);
            int f = OptionValues.intIn("faults", faults, 0, 2);
            long limit = OptionValues.intIn("timeout", timeout, 1, 86_400);
            for (String p : policies) {
                if (!p.equals("next") && !p.equals("hash")) {
                    throw new InvalidInputException("policy", "'" + p + "' is not a policy; allowed: hash, next");
                }
            }
            if (chart != null && Files.exists(chart) && !Files.isDirectory(chart)) {
                throw new InvalidInputException("chart", chart + " is a file; allowed: a directory (made if missing)");
            }
            work = Files.createTempDirectory("txorder-cost");
            SpecFiles files = SpecFiles.extractedFromClasspath(work.resolve("spec"));
            TlcRunner runner = new TlcRunner(work.resolve("tlc"), Duration.ofSeconds(limit));
            out.printf("%-5s %4s %6s %8s %12s %12s %6s %9s %7s  %s%n", "POLICY", "CPUS", "QUEUES", "REQUESTS", "DISTINCT",
                    "GENERATED", "DEPTH", "SECONDS", "GROWTH", "OUTCOME");
            out.flush();
            List<Row> rows = new ArrayList<>();
            boolean violated = false;
            for (String p : policies) {
                for (int cpu = c[0]; cpu <= c[1]; cpu++) {
                    for (int k = q[0]; k <= q[1]; k++) {
                        long previous = -1;
                        for (int r = n[0]; r <= n[1]; r++) {
                            GeneratedModel model = new GeneratedModel(List.of(k), p, cpu, r, a, Math.max(a, 2), "none", List.of(), f);
                            TlcResult result = model.check(runner, files);
                            boolean finished = result.verdict() == Verdict.PASS || result.verdict().isViolation();
                            double growth = previous > 0 && finished ? (double) result.distinctStates() / previous : Double.NaN;
                            String outcome = finished ? result.outcome()
                                    : result.seconds() >= limit - 1 ? "did not finish in " + limit + " s"
                                    : "did not finish: " + result.verdict().name().toLowerCase(Locale.ROOT) + ": "
                                    + result.message().lines().findFirst().orElse("");
                            Row row = new Row(p, cpu, k, r, outcome, result.distinctStates(), result.statesGenerated(), result.depth(),
                                    result.seconds(), growth);
                            rows.add(row);
                            out.printf(Locale.ROOT, "%-5s %4d %6d %8d %12s %12s %6s %9.1f %7s  %s%n", p, cpu, k, r,
                                    count(row.distinctStates()), count(row.statesGenerated()), row.depth() < 0 ? "-" : "" + row.depth(),
                                    row.seconds(), Double.isNaN(growth) ? "-" : String.format(Locale.ROOT, "%.2fx", growth), row.outcome());
                            out.flush();
                            violated |= result.verdict().isViolation();
                            if (!finished) {
                                break; // more requests would take longer still
                            }
                            previous = result.distinctStates();
                        }
                    }
                }
            }
            summarise(out, rows, limit);
            if (csv != null) {
                writeCsv(rows, csv);
                out.println("CSV written to " + csv);
            }
            if (chart != null) {
                Files.createDirectories(chart);
                out.println("chart written to " + writeChart(rows, chart));
            }
            out.flush();
            return violated ? TxorderCommand.VIOLATED : TxorderCommand.HOLDS;
        } catch (InvalidInputException | ModelInputException e) {
            String field = e instanceof InvalidInputException i ? i.field() : ((ModelInputException) e).field();
            err.println("txorder cost: " + (e.getMessage().startsWith(field) ? e.getMessage() : field + ": " + e.getMessage()));
            err.flush();
            return TxorderCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("txorder cost: the run failed: " + e.getMessage());
            err.flush();
            return TxorderCommand.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("txorder cost: interrupted");
            err.flush();
            return TxorderCommand.INTERRUPTED;
        } finally {
            if (work != null) {
                WorkFolders.deleteQuietly(work);
            }
        }
    }

    /** A state count, or {@code -} when TLC did not say (it was stopped). */
    private static String count(long n) {
        return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code A..B} or {@code A}, each within {@code min..max}. */
    static int[] range(String field, String text, int min, int max) {
        String[] parts = text.strip().split("\\.\\.", -1);
        if (parts.length > 2) {
            throw new InvalidInputException(field, "'" + text + "' is not a range; allowed: A or A..B within " + min + ".." + max);
        }
        int lo = OptionValues.intIn(field, parts[0], min, max);
        int hi = parts.length == 2 ? OptionValues.intIn(field, parts[1], min, max) : lo;
        if (hi < lo) {
            throw new InvalidInputException(field, "'" + text + "' runs backwards; allowed: A..B with A <= B");
        }
        return new int[] {lo, hi};
    }

    /** Per line: the largest model that finished, and the median growth of one more request. */
    private static void summarise(PrintWriter out, List<Row> rows, long limit) {
        Map<String, List<Row>> lines = new LinkedHashMap<>();
        rows.forEach(r -> lines.computeIfAbsent(r.line(), k -> new ArrayList<>()).add(r));
        out.println();
        for (Map.Entry<String, List<Row>> e : lines.entrySet()) {
            List<Row> done = e.getValue().stream().filter(r -> !r.outcome().startsWith("did not finish")).toList();
            List<Double> growth = done.stream().map(Row::growth).filter(g -> !Double.isNaN(g)).sorted().toList();
            String median = growth.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2fx", growth.get(growth.size() / 2));
            out.printf(Locale.ROOT, "%s: largest finished in %d s: %s; median growth per request %s%n", e.getKey(), limit,
                    done.isEmpty() ? "none" : done.get(done.size() - 1).requests() + " requests (" + String.format(Locale.ROOT,
                            "%,d distinct states, %.1f s)", done.get(done.size() - 1).distinctStates(), done.get(done.size() - 1).seconds()),
                    median);
        }
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("policy", "cpus", "queues", "requests",
                     "outcome", "distinct_states", "states_generated", "depth", "seconds", "growth").build())) {
            for (Row r : rows) {
                p.printRecord(r.policy(), r.cpus(), r.queues(), r.requests(), r.outcome(), r.distinctStates(), r.statesGenerated(),
                        r.depth(), String.format(Locale.ROOT, "%.1f", r.seconds()),
                        Double.isNaN(r.growth()) ? "" : String.format(Locale.ROOT, "%.3f", r.growth()));
            }
        }
    }

    /** Distinct states against requests, log scale, one line per policy, CPUs and queues; @return the SVG file. */
    static Path writeChart(List<Row> rows, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("TLC distinct states against requests modelled")
                .xAxisTitle("requests").yAxisTitle("distinct states (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, List<Row>> lines = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.outcome().startsWith("did not finish") && r.distinctStates() > 0)
                .forEach(r -> lines.computeIfAbsent(r.line(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Row>> e : lines.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue().stream().mapToDouble(Row::requests).toArray(),
                    e.getValue().stream().mapToDouble(Row::distinctStates).toArray());
        }
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve("tlc-cost").toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        org.knowm.xchart.BitmapEncoder.saveBitmap(chart, dir.resolve("tlc-cost").toString(),
                org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG); // beside the SVG: small enough to commit and show
        return dir.resolve("tlc-cost.svg");
    }
}
