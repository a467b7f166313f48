package dev.txorder.cli;

import dev.txorder.spec.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code txorder bench}: runs the JMH benchmarks of module {@code bench} in a forked JVM (the shaded
 * {@code bench/target/benchmarks.jar}, built first when missing or older than its sources), then
 * prints packets per second per row and ratios between rows of that same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the JMH benchmarks: txorder next and hash (k = 1, 2, 4), the single-lock prior art,",
                "the LMAX Disruptor, JCTools MpscArrayQueue and ArrayBlockingQueue, with 1 and 2 senders",
                "and arrays of 1 and 8 packets; prints packets per second and ratios measured in the same run.",
                "Timings are only comparable within one run on a quiet machine."})
final class BenchCommand implements Callable<Integer> {

    /** Every implementation the benchmarks know, in the order the tables list them. */
    static final List<String> IMPLS = List.of("next-k1", "next-k2", "next-k4", "hash-k1", "hash-k2", "hash-k4",
            "single-lock", "disruptor", "jctools-mpsc", "array-blocking-queue");
    /** Implementations whose waits and ring-full events the benchmark can count. */
    private static final List<String> COUNTS_WAITS = List.of("next-k1", "next-k2", "next-k4", "hash-k1", "hash-k2",
            "hash-k4", "single-lock", "jctools-mpsc");
    private static final String PRIOR_ART = "single-lock";
    private static final String DISRUPTOR = "disruptor";

    @Option(names = "--quick", description = "3 forks of 1 warmup and 3 measured iterations of 1 s per row "
            + "(about 11 minutes for all 40 rows); default: 5 forks of 3 + 5 iterations of 1 s (about 30 minutes).")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as a JSON array to FILE.")
    Path json;

    @Option(names = "--impl", paramLabel = "LIST", split = ",",
            description = "Only these implementations (comma-separated; default all): ${COMPLETION-CANDIDATES}",
            completionCandidates = ImplNames.class)
    List<String> impls;

    @Option(names = "--jar", paramLabel = "JAR", description = "The benchmarks jar (default: bench/target/benchmarks.jar "
            + "of this checkout, rebuilt with Maven when missing or stale).")
    Path jar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class ImplNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return IMPLS.iterator();
        }
    }

    /**
     * One result row: an implementation, a topology and an array size. Rates are requests per
     * second over JMH's measured iterations (all forks): their median, which the table and the
     * ratios use because 3 busy threads on 2 cores give a skewed spread of iterations (one
     * descheduled thread can cut an iteration by 5x), and their mean with JMH's 99.9% error, min
     * and max. The counters are JMH's per-iteration means.
     */
    record Row(String impl, int producers, int array, double median, double mean, double error, double min,
               double max, double packets, double waits, double fullWaits, double ringFull, double lockWaitNanos) {
        /** Packets per second, in millions: the median iteration. */
        double mpps() {
            return median * array / 1e6;
        }

        double mppsError() {
            return Double.isNaN(error) ? Double.NaN : error * array / 1e6;
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
            int i = impl.indexOf("-k");
            return i > 0 ? Integer.parseInt(impl.substring(i + 2)) : 1;
        }

        boolean countsWaits() {
            return COUNTS_WAITS.contains(impl) && packets > 0;
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
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = impls == null || impls.isEmpty() ? IMPLS : impls;
        for (String i : chosen) {
            if (!IMPLS.contains(i)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--impl: '" + i + "' is not a benchmarked implementation; allowed: " + String.join(", ", IMPLS));
            }
        }
        if (json != null) {
            Path dir = json.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--json: the directory of " + json + " does not exist");
            }
        }
        Path root = checkoutRoot();
        Path benchJar = jar != null ? jar : ensureBuilt(root, err);
        if (!Files.isRegularFile(benchJar)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jar: " + benchJar + " is not a file");
        }
        Path work = Files.createDirectories(root.resolve("target").resolve("txorder-bench"));
        Path results = work.resolve("jmh.json");
        Path log = work.resolve("jmh.log");
        Files.deleteIfExists(results);

        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", benchJar.toString(),
                "dev\\.txorder\\.bench\\.(OneSenderToNic|TwoSendersToNic)\\.send$",
                "-p", "impl=" + String.join(",", chosen), "-p", "array=1,8",
                "-rf", "json", "-rff", results.toString()));
        if (quick) {
            cmd.addAll(List.of("-f", "3", "-wi", "1", "-w", "1s", "-i", "3", "-r", "1s"));
        }
        err.println("txorder bench: running " + (2 * 2 * chosen.size()) + " rows" + (quick ? " (quick)" : "")
                + "; full JMH log: " + log);
        err.flush();
        int status = runJmh(cmd, log, err);
        if (status != 0 || !Files.isRegularFile(results)) {
            err.println("txorder bench: JMH exited with status " + status + "; see " + log);
            return TxorderCommand.VIOLATED;
        }
        List<Row> rows = parseJmhJson(Files.readString(results, StandardCharsets.UTF_8));
        printTable(out, rows);
        if (json != null) {
            Files.writeString(json, toJson(rows, machine()), StandardCharsets.UTF_8);
            out.println("JSON rows written to " + json);
        }
        out.flush();
        return TxorderCommand.HOLDS;
    }

    // ---------------------------------------------------------------- locating and building the jar

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
     * Rows from JMH's JSON results ({@code -rf json}): per benchmark the median, mean, error, min
     * and max of the primary score's measured iterations, plus the {@code packets}, {@code waits},
     * {@code fullWaits} and {@code ringFull} counters.
     */
    static List<Row> parseJmhJson(String text) {
        List<Row> rows = new ArrayList<>();
        for (Object o : Json.array(Json.parse(text), "JMH's results")) {
            Map<String, Object> b = Json.object(o, "a JMH result");
            Map<String, Object> params = Json.object(b.get("params"), "\"params\"");
            Map<String, Object> primary = Json.object(b.get("primaryMetric"), "\"primaryMetric\"");
            List<Double> samples = new ArrayList<>();
            for (Object fork : Json.array(primary.get("rawData"), "\"rawData\"")) {
                for (Object v : Json.array(fork, "a fork's \"rawData\"")) {
                    samples.add(number(v));
                }
            }
            samples.sort(null);
            Map<String, Object> secondary = b.get("secondaryMetrics") instanceof Map<?, ?>
                    ? Json.object(b.get("secondaryMetrics"), "\"secondaryMetrics\"") : Map.of();
            rows.add(new Row(String.valueOf(params.get("impl")), (int) number(b.get("threads")),
                    Integer.parseInt(String.valueOf(params.get("array"))), median(samples), number(primary.get("score")),
                    number(primary.get("scoreError")), samples.isEmpty() ? Double.NaN : samples.get(0),
                    samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1), counter(secondary, "packets"),
                    counter(secondary, "waits"), counter(secondary, "fullWaits"), counter(secondary, "ringFull"),
                    counter(secondary, "lockWaitNanos")));
        }
        rows.sort((a, b) -> a.producers() != b.producers() ? Integer.compare(a.producers(), b.producers())
                : a.array() != b.array() ? Integer.compare(a.array(), b.array())
                : Integer.compare(IMPLS.indexOf(a.impl()), IMPLS.indexOf(b.impl())));
        return rows;
    }

    /** The median of sorted {@code xs} (the mean of the middle two for an even count). */
    static double median(List<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }

    private static double counter(Map<String, Object> secondary, String name) {
        Object c = secondary.get(name);
        return c instanceof Map<?, ?> ? number(Json.object(c, name).get("score")) : 0;
    }

    /** A JSON number, or JMH's {@code "NaN"} (it writes non-finite values as strings). */
    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The same-run baseline for {@code r}: {@code impl}'s row with the same senders and array size. */
    static double ratio(List<Row> rows, Row r, String baseline) {
        for (Row b : rows) {
            if (b.impl().equals(baseline) && b.producers() == r.producers() && b.array() == r.array()) {
                return r.mpps() / b.mpps();
            }
        }
        return Double.NaN;
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        out.println("txorder bench on " + machine() + " (ratios are between rows of this run)");
        out.printf(Locale.ROOT, "%-22s %7s %5s %9s %13s %15s %13s %10s %14s %16s %13s%n", "impl", "senders", "array",
                "Mpkt/s", "min..max", "vs " + PRIOR_ART, "vs " + DISRUPTOR, "waits/pkt", "lockwaits/pkt",
                "lockwait ns/pkt", "full/1000pkt");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-22s %7d %5d %9.2f %13s %15s %13s %10s %14s %16s %13s%n", r.impl(), r.producers(),
                    r.array(), r.mpps(), fmt(r.mppsMin(), 1) + ".." + fmt(r.mppsMax(), 1),
                    times(ratio(rows, r, PRIOR_ART)), times(ratio(rows, r, DISRUPTOR)), fmt(r.waitsPerPacket(), 3),
                    fmt(r.lockWaitsPerPacket(), 4), fmt(r.lockWaitNanosPerPacket(), 2),
                    fmt(r.ringFullPerPacket() * 1000, 2));
        }
        out.println("Mpkt/s = the median measured iteration, requests/s x array / 1e6 (min..max: the slowest and"
                + " fastest iterations); ratios are of medians; waits/pkt = sender wait iterations (spins, yields) per"
                + " packet, of which lockwaits/pkt waited for a lock or the assignment step and the rest for ring"
                + " space; lockwait ns/pkt = how long those lock waits took (a yield can last a time slice);"
                + " full/1000pkt = requests that found the ring full; n/a = not exposed.");
    }

    private static String times(double ratio) {
        String r = fmt(ratio, 2);
        return r.equals("n/a") ? r : r + "x";
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.version");
    }

    static String toJson(List<Row> rows, String machine) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append("  {\"impl\": ").append(Json.quote(r.impl()))
                    .append(", \"producers\": ").append(r.producers())
                    .append(", \"array\": ").append(r.array())
                    .append(", \"mpps\": ").append(num(r.mpps()))
                    .append(", \"mpps_mean\": ").append(num(r.mppsMean()))
                    .append(", \"mpps_error\": ").append(num(r.mppsError()))
                    .append(", \"mpps_min\": ").append(num(r.mppsMin()))
                    .append(", \"mpps_max\": ").append(num(r.mppsMax()))
                    .append(", \"k\": ").append(r.k())
                    .append(", \"vs_single_lock\": ").append(num(ratio(rows, r, PRIOR_ART)))
                    .append(", \"vs_disruptor\": ").append(num(ratio(rows, r, DISRUPTOR)))
                    .append(", \"waits_per_packet\": ").append(num(r.waitsPerPacket()))
                    .append(", \"lock_waits_per_packet\": ").append(num(r.lockWaitsPerPacket()))
                    .append(", \"lock_wait_ns_per_packet\": ").append(num(r.lockWaitNanosPerPacket()))
                    .append(", \"ring_full_per_packet\": ").append(num(r.ringFullPerPacket()))
                    .append(", \"machine\": ").append(Json.quote(machine))
                    .append('}').append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
    }

}
