package dev.txorder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code txorder bench}: runs the JMH benchmarks of module {@code bench} in a forked JVM (the shaded
 * {@code bench/target/benchmarks.jar}, built first when missing or older than its sources), then
 * prints packets per second per row and ratios between rows of that same run.
 *
 * <p>The forks run in <em>rounds</em>: each round is one JMH run of one fork of every row, and the
 * rounds follow one another. JMH alone runs all forks of a row back to back; on this 2-core
 * machine the speed of the whole machine drifts between modes that last a minute or more (one row
 * measured 9.6-12.1 Mpkt/s in three runs and 46.3 in a fourth, minutes apart), so back-to-back
 * forks of a row measured one mode and the ratio of two rows compared two modes. With rounds every
 * row samples the same stretches of time, and each round gives a ratio of its own: the table prints
 * the median of the per-round ratios and their range.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the JMH benchmarks: txorder next and hash (k = 1, 2, 4), the single-lock prior art,",
                "the LMAX Disruptor, JCTools MpscArrayQueue and ArrayBlockingQueue, with 1 and 2 senders",
                "and arrays of 1 and 8 packets; prints packets per second and ratios measured in the same run.",
                "Timings are only comparable within one run on a quiet machine."})
public final class BenchCommand implements Callable<Integer> {

    /** Every implementation the benchmarks know, in the order the tables list them. */
    static final List<String> IMPLS = List.of("next-k1", "next-k2", "next-k4", "hash-k1", "hash-k2", "hash-k4",
            "single-lock", "disruptor", "jctools-mpsc", "array-blocking-queue");
    /** Implementations whose waits and ring-full events the benchmark can count. */
    private static final List<String> COUNTS_WAITS = List.of("next-k1", "next-k2", "next-k4", "hash-k1", "hash-k2",
            "hash-k4", "single-lock", "jctools-mpsc");
    /**
     * txorder's driver and NIC recording every action, as {@code txorder trace} does: accepted by
     * {@code --impl} beside their untraced rows, never run by default (they need a large heap).
     */
    static final String TRACED = "-traced";
    static final List<String> TRACED_IMPLS = IMPLS.stream().filter(i -> i.startsWith("next-") || i.startsWith("hash-"))
            .map(i -> i + TRACED).toList();
    /** The heap of every fork of a run with a traced row (one iteration's log is held in memory). */
    static final String TRACED_HEAP = "-Xms8g -Xmx8g";
    private static final String PRIOR_ART = "single-lock";
    private static final String DISRUPTOR = "disruptor";

    @Option(names = "--quick", description = "3 rounds, each one fork per row of 1 warmup and 3 measured iterations "
            + "of 1 s (about 11 minutes for all 40 rows); default: 5 rounds of 3 + 5 iterations of 1 s (about 30 minutes).")
    boolean quick;

    static final int QUICK_ROUNDS = 3;
    static final int FULL_ROUNDS = 5;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as a JSON array to FILE.")
    Path json;

    @Option(names = "--impl", paramLabel = "LIST", split = ",",
            description = "Only these implementations (comma-separated; default all but the traced): "
                    + "${COMPLETION-CANDIDATES}. A traced row (e.g. next-k2-traced) records every action as "
                    + "txorder trace does; beside its untraced row it shows what recording costs, and that off costs nothing.",
            completionCandidates = ImplNames.class)
    List<String> impls;

    @Option(names = "--fill-ns", paramLabel = "LIST", split = ",", defaultValue = "0",
            description = "The driver's own work per packet, in nanoseconds of one core (comma-separated; default "
                    + "${DEFAULT-VALUE}): calibrated busy work done where each implementation writes a descriptor (the prior "
                    + "art inside its lock, next after its assignment step, hash under its queue's lock, the Disruptor "
                    + "between claim and publish, the queues before each offer). Each value multiplies the rows.")
    List<Integer> fillNs;

    @Option(names = "--chart", paramLabel = "DIR", description = "Also draw packets per second against --fill-ns, one line "
            + "per implementation, per senders and array size, as SVG and PNG files in DIR, made if missing (needs two or "
            + "more fill costs).")
    Path chart;

    @Option(names = "--from", paramLabel = "DIR", description = "Run nothing: print (and --json, --chart) an earlier run "
            + "from its JMH results, the jmh-round-N.json files it left in DIR (target/txorder-bench by default).")
    Path from;

    @Option(names = "--jar", paramLabel = "JAR", description = "The benchmarks jar (default: bench/target/benchmarks.jar "
            + "of this checkout, rebuilt with Maven when missing or stale).")
    Path jar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class ImplNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> all = new ArrayList<>(IMPLS);
            all.addAll(TRACED_IMPLS);
            return all.iterator();
        }
    }

    /**
     * One result row: an implementation, a topology and an array size. Rates are requests per
     * second over the measured iterations of every round: their median, which the table and the
     * ratios use because 3 busy threads on 2 cores give a skewed spread of iterations (one
     * descheduled thread can cut an iteration by 5x), their mean, min and max; and the median of
     * each round on its own ({@code roundMedians}, in round order), for the per-round ratios. The
     * counters are JMH's per-iteration means, averaged over the rounds.
     */
    record Row(String impl, int producers, int array, int fillNs, double median, double mean, double min, double max,
               List<Double> roundMedians, double packets, double waits, double fullWaits, double ringFull,
               double lockWaitNanos, double nicIdle, double nicOrderWaits, double nicIdleNanos) {
        /** Packets per second, in millions: the median iteration. */
        double mpps() {
            return median * array / 1e6;
        }

        boolean sameCase(Row other) {
            return producers == other.producers && array == other.array && fillNs == other.fillNs;
        }

        double mppsMean() {
            return mean * array / 1e6;
        }

        double mppsMin() {
            return min * array / 1e6;
        }

        double mppsMax() {
            return max * array / 1e6;
        }

        int k() {
            String base = untraced();
            int i = base.indexOf("-k");
            return i > 0 ? Integer.parseInt(base.substring(i + 2)) : 1;
        }

        /** The implementation without recording: {@code next-k2} for {@code next-k2-traced}. */
        String untraced() {
            return impl.endsWith(TRACED) ? impl.substring(0, impl.length() - TRACED.length()) : impl;
        }

        boolean countsWaits() {
            return COUNTS_WAITS.contains(untraced()) && packets > 0;
        }

        double waitsPerPacket() {
            return countsWaits() ? waits / packets : Double.NaN;
        }

        /** Waits for a lock or the assignment step, not for ring space: the contention the patent is about. */
        double lockWaitsPerPacket() {
            return countsWaits() ? (waits - fullWaits) / packets : Double.NaN;
        }

        /** Nanoseconds senders waited for a lock or the assignment step, per packet (txorder's implementations). */
        double lockWaitNanosPerPacket() {
            return countsWaits() && !impl.startsWith("jctools") ? lockWaitNanos / packets : Double.NaN;
        }

        double ringFullPerPacket() {
            return countsWaits() ? ringFull / packets : Double.NaN;
        }

        /** txorder's rows: the NIC is the {@code SimulatedNic}, which counts its idle time. */
        boolean countsNic() {
            return countsWaits() && !impl.startsWith("jctools");
        }

        /** Nanoseconds the NIC found nothing ready, per packet. */
        double nicIdleNanosPerPacket() {
            return countsNic() ? nicIdleNanos / packets : Double.NaN;
        }

        /** Of the NIC's idle decisions, the share in which a later ticket was written and the cursor's not. */
        double nicOrderWaitShare() {
            return countsNic() && nicIdle > 0 ? nicOrderWaits / nicIdle : Double.NaN;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = impls == null || impls.isEmpty() ? IMPLS : impls;
        for (String i : chosen) {
            if (!IMPLS.contains(i) && !TRACED_IMPLS.contains(i)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--impl: '" + i + "' is not a benchmarked implementation; allowed: " + String.join(", ", IMPLS)
                                + ", " + String.join(", ", TRACED_IMPLS));
            }
        }
        for (int f : fillNs) {
            if (f < 0 || f > 1_000_000) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--fill-ns: " + f + " is not a fill; allowed: 0..1000000 nanoseconds per packet");
            }
        }
        List<Integer> fills = fillNs.stream().distinct().toList();
        if (chart != null && from == null && fills.size() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--chart: a chart of packets against fill cost "
                    + "needs two or more --fill-ns values; allowed: --fill-ns A,B,...");
        }
        if (chart != null && Files.exists(chart) && !Files.isDirectory(chart)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--chart: " + chart
                    + " is a file; allowed: a directory (made if missing)");
        }
        if (json != null) {
            Path dir = json.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--json: the directory of " + json + " does not exist");
            }
        }
        if (from != null) {
            for (String running : List.of("--quick", "--impl", "--fill-ns", "--jar")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(running)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), running + ": runs nothing with --from "
                            + "(an earlier run's rows are printed as they ran); allowed with --from: --json, --chart");
                }
            }
        }
        List<String> roundResults = from != null ? earlierRun(from) : run(chosen, fills, err);
        if (roundResults == null) {
            return TxorderCommand.VIOLATED;
        }
        List<Row> rows;
        try {
            rows = parseJmhJson(roundResults);
        } catch (IllegalArgumentException | NullPointerException e) {
            if (from == null) {
                throw e;
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + from + " does not hold JMH results "
                    + "of txorder's benchmarks (" + e.getMessage() + "); allowed: the directory of a txorder bench run");
        }
        if (chart != null && rows.stream().map(Row::fillNs).distinct().count() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--chart: the run measured one fill cost; "
                    + "a chart of packets against fill cost needs two or more (--fill-ns A,B,...)");
        }
        printTable(out, rows, roundResults.size());
        String rowsJson = toJson(rows, machine());
        if (json != null) {
            Files.writeString(json, rowsJson, StandardCharsets.UTF_8);
            out.println("JSON rows written to " + json);
        }
        if (from == null) {
            // The latest run's rows, which txorder verify's HTML report shows and links.
            Path latest = latestRows();
            Files.createDirectories(latest.getParent());
            Files.writeString(latest, rowsJson, StandardCharsets.UTF_8);
        }
        if (chart != null) {
            Files.createDirectories(chart);
            for (Path f : BenchChart.write(rows, chart)) {
                out.println("chart written to " + f);
            }
        }
        out.flush();
        return TxorderCommand.HOLDS;
    }

    /** The JMH results of an earlier run, in round order; none is bad input. */
    private List<String> earlierRun(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (int round = 1; Files.isRegularFile(dir.resolve("jmh-round-" + round + ".json")); round++) {
                files.add(dir.resolve("jmh-round-" + round + ".json"));
            }
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + dir
                    + " holds no jmh-round-1.json; allowed: the directory a txorder bench run left its results in");
        }
        List<String> rounds = new ArrayList<>();
        for (Path f : files) {
            rounds.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        return rounds;
    }

    /** Runs the rounds; @return each round's JMH results, or null when JMH failed (said on {@code err}). */
    private List<String> run(List<String> chosen, List<Integer> fills, PrintWriter err) throws IOException, InterruptedException {
        Path root = checkoutRoot();
        Path benchJar = jar != null ? jar : ensureBuilt(root, err);
        if (!Files.isRegularFile(benchJar)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jar: " + benchJar + " is not a file");
        }
        Path work = Files.createDirectories(root.resolve("target").resolve("txorder-bench"));
        int rounds = quick ? QUICK_ROUNDS : FULL_ROUNDS;
        err.println("txorder bench: " + (2 * 2 * chosen.size() * fills.size()) + " rows" + (quick ? " (quick)" : "") + ", " + rounds
                + " rounds of one fork per row; JMH's logs and results: " + work);
        err.flush();
        List<String> roundResults = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path results = work.resolve("jmh-round-" + round + ".json");
            Path log = work.resolve("jmh-round-" + round + ".log");
            Files.deleteIfExists(results);
            List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", benchJar.toString(),
                    "dev\\.txorder\\.bench\\.(OneSenderToNic|TwoSendersToNic)\\.send$",
                    "-p", "impl=" + String.join(",", chosen), "-p", "array=1,8",
                    "-p", "fillNs=" + fills.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), "-f", "1",
                    "-rf", "json", "-rff", results.toString()));
            if (quick) {
                cmd.addAll(List.of("-wi", "1", "-w", "1s", "-i", "3", "-r", "1s"));
            }
            if (chosen.stream().anyMatch(TRACED_IMPLS::contains)) {
                // Every row of the run, traced or not, gets the same heap: their ratio compares like with like.
                cmd.addAll(List.of("-jvmArgsAppend", TRACED_HEAP));
            }
            err.println("txorder bench: round " + round + " of " + rounds);
            err.flush();
            int status = runJmh(cmd, log, err);
            if (status != 0 || !Files.isRegularFile(results)) {
                err.println("txorder bench: JMH exited with status " + status + " in round " + round + "; see " + log);
                return null;
            }
            roundResults.add(Files.readString(results, StandardCharsets.UTF_8));
        }
        return roundResults;
    }

    // ---------------------------------------------------------------- locating and building the jar

    /** Where each run leaves its rows as JSON: {@code target/txorder-bench/rows.json} of this checkout. */
    public static Path latestRows() {
        return checkoutRoot().resolve("target").resolve("txorder-bench").resolve("rows.json");
    }

    /** The checkout this command runs from: three levels above cli/target/txorder.jar or cli/target/classes. */
    private static Path checkoutRoot() {
        java.security.CodeSource source = BenchCommand.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path root = Paths.get(source.getLocation().toURI()).toAbsolutePath().getParent();
                for (int up = 0; up < 2 && root != null; up++) {
                    root = root.getParent();
                }
                if (root != null && Files.isDirectory(root.resolve("bench"))) {
                    return root;
                }
            } catch (URISyntaxException e) {
                // Not a file location: fall back to the working directory.
            }
        }
        return Paths.get("").toAbsolutePath();
    }

    private static Path ensureBuilt(Path root, PrintWriter err) throws IOException, InterruptedException {
        Path benchJar = root.resolve("bench").resolve("target").resolve("benchmarks.jar");
        if (Files.isRegularFile(benchJar) && !newerSources(root, Files.getLastModifiedTime(benchJar).toMillis())) {
            return benchJar;
        }
        err.println("txorder bench: building bench/target/benchmarks.jar (missing or older than its sources) ...");
        err.flush();
        ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "-q", "-Dstyle.color=never", "-DskipTests", "package", "-pl", "bench", "-am")
                .directory(root.toFile()).redirectErrorStream(true);
        int status = pipe(pb.start(), null, err, true);
        if (status != 0 || !Files.isRegularFile(benchJar)) {
            throw new IllegalStateException("building the benchmarks failed (mvn status " + status + ")");
        }
        return benchJar;
    }

    private static boolean newerSources(Path root, long jarMillis) throws IOException {
        for (String module : List.of("bench", "impl")) {
            Path dir = root.resolve(module);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                boolean newer = files.filter(p -> !p.toString().contains("/target/"))
                        .filter(p -> p.toString().endsWith(".java") || p.getFileName().toString().equals("pom.xml"))
                        .anyMatch(p -> {
                            try {
                                return Files.getLastModifiedTime(p).toMillis() > jarMillis;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                if (newer) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String javaBinary() {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** Runs JMH, writing its whole output to {@code log} and its progress lines to {@code err}. */
    private static int runJmh(List<String> cmd, Path log, PrintWriter err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (PrintWriter logOut = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            return pipe(p, logOut, err, false);
        }
    }

    private static int pipe(Process p, PrintWriter all, PrintWriter progress, boolean echoAll)
            throws IOException, InterruptedException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (all != null) {
                    all.println(line);
                }
                if (echoAll || line.startsWith("# Run progress") || line.startsWith("# Benchmark:")
                        || line.startsWith("# Parameters") || line.startsWith("Result ") || line.contains("ERROR")
                        || line.contains("Exception")) {
                    progress.println(line);
                    progress.flush();
                }
            }
        }
        return p.waitFor();
    }

    // ---------------------------------------------------------------- results

    /**
     * Rows from JMH's JSON results ({@code -rf json}), one text per round: per implementation,
     * topology and array size, the median, mean, min and max of the primary score's measured
     * iterations over all rounds, each round's own median, and the {@code packets}, {@code waits},
     * {@code fullWaits}, {@code ringFull} and {@code lockWaitNanos} counters averaged over the rounds.
     */
    static List<Row> parseJmhJson(List<String> rounds) {
        Map<String, List<JsonNode>> byCase = new java.util.LinkedHashMap<>();
        for (String text : rounds) {
            JsonNode results = Json.parse(text, "JMH's results");
            if (!results.isArray()) {
                throw new IllegalArgumentException("JMH's results: expected a JSON array of benchmark results");
            }
            for (JsonNode b : results) {
                JsonNode params = Json.object(b.get("params"), "a JMH result's \"params\"");
                String key = params.path("impl").asText() + "/" + number(b.get("threads")) + "/" + params.path("array").asText()
                        + "/" + params.path("fillNs").asText("0");
                byCase.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<JsonNode> results : byCase.values()) {
            rows.add(row(results));
        }
        rows.sort((a, b) -> a.fillNs() != b.fillNs() ? Integer.compare(a.fillNs(), b.fillNs())
                : a.producers() != b.producers() ? Integer.compare(a.producers(), b.producers())
                : a.array() != b.array() ? Integer.compare(a.array(), b.array())
                : Integer.compare(tableOrder(a), tableOrder(b)));
        return rows;
    }

    /** One row from its results, one per round that ran it. */
    private static Row row(List<JsonNode> results) {
        JsonNode first = results.get(0);
        JsonNode params = first.get("params");
        List<Double> samples = new ArrayList<>();
        List<Double> roundMedians = new ArrayList<>();
        double[] counters = new double[COUNTERS.size()];
        for (JsonNode b : results) {
            JsonNode primary = Json.object(b.get("primaryMetric"), "a JMH result's \"primaryMetric\"");
            List<Double> round = new ArrayList<>();
            for (JsonNode fork : Json.array(primary, "rawData", "a JMH result's \"primaryMetric\"")) {
                for (JsonNode v : fork) {
                    round.add(number(v));
                }
            }
            round.sort(null);
            roundMedians.add(median(round));
            samples.addAll(round);
            JsonNode secondary = b.path("secondaryMetrics");
            for (int c = 0; c < counters.length; c++) {
                counters[c] += counter(secondary, COUNTERS.get(c)) / results.size();
            }
        }
        samples.sort(null);
        double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Row(params.path("impl").asText(), (int) number(first.get("threads")),
                Integer.parseInt(params.path("array").asText()), Integer.parseInt(params.path("fillNs").asText("0")), median(samples), mean,
                samples.isEmpty() ? Double.NaN : samples.get(0),
                samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1), List.copyOf(roundMedians),
                counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], counters[6], counters[7]);
    }

    /** The {@code @AuxCounters} of {@code Sender}, in the order of {@link Row}'s fields. */
    private static final List<String> COUNTERS = List.of("packets", "waits", "fullWaits", "ringFull", "lockWaitNanos",
            "nicIdle", "nicOrderWaits", "nicIdleNanos");

    /** The order of {@link #IMPLS}, each traced row right after its untraced row. */
    private static int tableOrder(Row r) {
        return 2 * IMPLS.indexOf(r.untraced()) + (r.impl().equals(r.untraced()) ? 0 : 1);
    }

    /** The median of sorted {@code xs} (the mean of the middle two for an even count). */
    static double median(List<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }

    private static double counter(JsonNode secondary, String name) {
        JsonNode c = secondary.get(name);
        return c != null && c.isObject() ? number(c.get("score")) : 0;
    }

    /** A JSON number, or JMH's {@code "NaN"} (it writes non-finite values as strings). */
    private static double number(JsonNode v) {
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v == null ? "" : v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@code baseline}'s row with the same senders and array size as {@code r}, if it ran. */
    private static java.util.Optional<Row> baselineOf(List<Row> rows, Row r, String baseline) {
        return rows.stream().filter(b -> b.impl().equals(baseline) && b.sameCase(r)).findFirst();
    }

    /**
     * {@code r} against {@code baseline} in the same run: the median of the per-round ratios
     * ({@link #roundRatios}), so that each ratio compares two rows measured minutes apart, not a
     * fast stretch of one with a slow stretch of the other; with one round, the ratio of the
     * medians. NaN if the baseline did not run.
     */
    static double ratio(List<Row> rows, Row r, String baseline) {
        List<Double> byRound = roundRatios(rows, r, baseline);
        if (byRound.size() > 1) {
            return median(byRound.stream().sorted().toList());
        }
        return baselineOf(rows, r, baseline).map(b -> r.mpps() / b.mpps()).orElse(Double.NaN);
    }

    /** {@code r} against {@code baseline} round by round: the ratio of the two rows' medians in each round. */
    static List<Double> roundRatios(List<Row> rows, Row r, String baseline) {
        java.util.Optional<Row> b = baselineOf(rows, r, baseline);
        if (b.isEmpty() || b.get().roundMedians().size() != r.roundMedians().size()) {
            return List.of();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < r.roundMedians().size(); i++) {
            ratios.add(r.roundMedians().get(i) / b.get().roundMedians().get(i));
        }
        return ratios;
    }

    private static void printTable(PrintWriter out, List<Row> rows, int rounds) {
        out.println("txorder bench on " + machine() + ", " + rounds + " rounds (ratios are between rows of this run)");
        out.printf(Locale.ROOT, "%-22s %7s %5s %7s %9s %13s %22s %22s %10s %14s %16s %13s %16s %12s%n", "impl", "senders",
                "array", "fill ns", "Mpkt/s", "min..max", "vs " + PRIOR_ART + " (rounds)", "vs " + DISRUPTOR + " (rounds)",
                "waits/pkt", "lockwaits/pkt", "lockwait ns/pkt", "full/1000pkt", "nic idle ns/pkt", "order waits");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-22s %7d %5d %7d %9.2f %13s %22s %22s %10s %14s %16s %13s %16s %12s%n", r.impl(),
                    r.producers(), r.array(), r.fillNs(), r.mpps(), fmt(r.mppsMin(), 1) + ".." + fmt(r.mppsMax(), 1),
                    versus(rows, r, PRIOR_ART), versus(rows, r, DISRUPTOR), fmt(r.waitsPerPacket(), 3),
                    fmt(r.lockWaitsPerPacket(), 4), fmt(r.lockWaitNanosPerPacket(), 2),
                    fmt(r.ringFullPerPacket() * 1000, 2), fmt(r.nicIdleNanosPerPacket(), 2),
                    percent(r.nicOrderWaitShare()));
        }
        out.println("fill ns = the driver's own work per packet (calibrated busy work where the descriptor is written);"
                + " Mpkt/s = the median measured iteration of all rounds, requests/s x array / 1e6 (min..max: the"
                + " slowest and fastest iterations); a ratio is the median over the rounds of the two rows' medians"
                + " in that round, the lowest and highest in brackets; waits/pkt = sender wait iterations (spins, yields) per"
                + " packet, of which lockwaits/pkt waited for a lock or the assignment step and the rest for ring"
                + " space; lockwait ns/pkt = how long those lock waits took (a yield can last a time slice);"
                + " full/1000pkt = requests that found the ring full; nic idle ns/pkt = time the NIC found nothing"
                + " ready; order waits = the share of those idle decisions in which a later ticket was written and the"
                + " cursor's was not (the NIC waiting for order); n/a = not exposed.");
        List<Row> traced = rows.stream().filter(r -> !r.impl().equals(r.untraced())).toList();
        if (!traced.isEmpty()) {
            out.println("Recording (every action appended to an in-memory ActionLog, as txorder trace does) against the"
                    + " same rows not recording, in this run:");
            for (Row r : traced) {
                out.printf(Locale.ROOT, "  %-16s %d sender(s), array %d, fill %d ns: %s of %s%n", r.impl(), r.producers(),
                        r.array(), r.fillNs(), versus(rows, r, r.untraced()), r.untraced());
            }
        }
    }

    /** E.g. {@code 1.12x (0.95-1.40)}: the {@link #ratio} and the range of the per-round ratios. */
    static String versus(List<Row> rows, Row r, String baseline) {
        String ratio = fmt(ratio(rows, r, baseline), 2);
        if (ratio.equals("n/a")) {
            return ratio;
        }
        List<Double> byRound = roundRatios(rows, r, baseline);
        if (byRound.size() < 2) {
            return ratio + "x";
        }
        double lo = byRound.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = byRound.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return ratio + "x (" + fmt(lo, 2) + "-" + fmt(hi, 2) + ")";
    }

    private static String percent(double share) {
        String p = fmt(share * 100, 1);
        return p.equals("n/a") ? p : p + "%";
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.version");
    }

    static String toJson(List<Row> rows, String machine) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Row r : rows) {
            ObjectNode o = out.addObject();
            o.put("impl", r.impl());
            o.put("producers", r.producers());
            o.put("array", r.array());
            o.put("fill_ns", r.fillNs());
            o.put("mpps", num(r.mpps()));
            o.put("mpps_mean", num(r.mppsMean()));
            o.put("mpps_min", num(r.mppsMin()));
            o.put("mpps_max", num(r.mppsMax()));
            o.put("k", r.k());
            o.put("vs_single_lock", num(ratio(rows, r, PRIOR_ART)));
            o.put("vs_disruptor", num(ratio(rows, r, DISRUPTOR)));
            o.put("vs_untraced", num(r.impl().equals(r.untraced()) ? Double.NaN : ratio(rows, r, r.untraced())));
            o.put("rounds", r.roundMedians().size());
            ArrayNode singleLock = o.putArray("vs_single_lock_by_round");
            roundRatios(rows, r, PRIOR_ART).forEach(v -> singleLock.add(num(v)));
            ArrayNode disruptor = o.putArray("vs_disruptor_by_round");
            roundRatios(rows, r, DISRUPTOR).forEach(v -> disruptor.add(num(v)));
            o.put("waits_per_packet", num(r.waitsPerPacket()));
            o.put("lock_waits_per_packet", num(r.lockWaitsPerPacket()));
            o.put("lock_wait_ns_per_packet", num(r.lockWaitNanosPerPacket()));
            o.put("ring_full_per_packet", num(r.ringFullPerPacket()));
            o.put("nic_idle_ns_per_packet", num(r.nicIdleNanosPerPacket()));
            o.put("nic_order_wait_share", num(r.nicOrderWaitShare()));
            o.put("machine", machine);
        }
        return Json.write(out);
    }

    /** Six significant digits, or null for a figure that could not be computed. */
    private static BigDecimal num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : new BigDecimal(v, new MathContext(6));
    }
}
