package dev.txorder.cli.verify;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.txorder.Mutant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * A gate over impl's JUnit tests (shipped as its test-jar), run in this JVM through the JUnit
 * Platform Launcher. The tests publish their facts with {@code TestReporter.publishEntry}:
 * {@code property} + {@code examples} when a property held, {@code mutant} + {@code examples} or
 * {@code invocations} + {@code counterexample} when a mutant was caught; this gate turns them into
 * effort figures, kills and counterexamples. What the tests print goes to
 * {@code REPORT/<gate>/output.txt}, not to the console; the JUnit Platform's own XML report of the
 * tests goes to {@code REPORT/<gate>/junit-platform/}.
 */
public final class JUnitGate implements Gate {
    private final String name;
    private final String proves;
    private final String unit;
    private final List<String> packages;

    JUnitGate(String name, String proves, String unit, List<String> packages) {
        this.name = name;
        this.proves = proves;
        this.unit = unit;
        this.packages = packages;
    }

    /** QuickTheories properties, the mutant kill tests, the patent's figures and the real-thread runs. */
    public static JUnitGate properties() {
        return new JUnitGate("properties",
                "every §3 property holds for generated layouts, interleavings, rings and faults; QuickTheories falsifies each mutant",
                "examples", List.of("dev.txorder.properties", "dev.txorder.sim"));
    }

    /** Lincheck model checking of the real TxDriver + SimulatedNic against a FIFO specification. */
    public static JUnitGate lincheck() {
        return new JUnitGate("lincheck",
                "the real next and hash send paths linearize to a FIFO under every explored interleaving; Lincheck finds M1-M5's",
                "invocations", List.of("dev.txorder.lincheck"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String proves() {
        return proves;
    }

    @Override
    public GateResult run(VerifyContext context) {
        long start = System.nanoTime();
        Path logs = context.logs(name);
        Path log = logs.resolve("output.txt");
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        packages.forEach(p -> request.selectors(selectPackage(p)));
        LauncherDiscoveryRequest discovery = request.build();
        Work work = Work.UNLISTED;

        String injectedBefore = System.getProperty(Mutant.INJECT_PROPERTY);
        context.inject().ifPresent(m -> System.setProperty(Mutant.INJECT_PROPERTY, m.name()));
        PrintStream out = System.out;
        PrintStream err = System.err;
        Collector collector;
        try {
            Files.createDirectories(logs);
            Launcher launcher = LauncherFactory.create();
            TestPlan plan = launcher.discover(discovery);
            // The gate's work is its test classes: a shard runs its slice of them.
            List<String> classes = testClasses(plan);
            work = context.shard().work(name, classes, c -> c);
            if (work.noneHere()) {
                return GateResult.noneInShard(this, context.shard(), work);
            }
            if (!context.shard().whole()) {
                plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(work.items().stream().map(DiscoverySelectors::selectClass).toList()).build());
            }
            int tests = (int) plan.countTestIdentifiers(TestIdentifier::isTest);
            if (tests == 0) {
                return GateResult.couldNotRun(this, seconds(start), "no tests found in " + packages
                        + ": is impl's test-jar on the class path?");
            }
            try (Progress.Task task = context.progress().start(name, tests);
                 PrintStream capture = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                collector = new Collector(task);
                // The tests print their counterexamples; they belong in the log, not in the summary.
                System.setOut(capture);
                System.setErr(capture);
                try {
                    // The JUnit Platform's own XML report of these tests, beside the gate's log.
                    launcher.execute(plan, collector, new LegacyXmlReportGeneratingListener(logs.resolve("junit-platform"),
                            new PrintWriter(capture, true)));
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
            }
        } catch (IOException e) {
            return GateResult.couldNotRun(this, seconds(start), "cannot write " + log + ": " + e.getMessage());
        } finally {
            if (injectedBefore == null) {
                System.clearProperty(Mutant.INJECT_PROPERTY);
            } else {
                System.setProperty(Mutant.INJECT_PROPERTY, injectedBefore);
            }
        }
        return collector.result(seconds(start), log).with(work);
    }

    /** The top-level test classes of {@code plan}, by name, sorted: the same list on every machine. */
    private static List<String> testClasses(TestPlan plan) {
        return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .map(id -> id.getSource().orElse(null))
                .filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
                // A nested class runs with its outer class; listed on its own it could run twice.
                .filter(c -> !c.contains("$")).distinct().sorted().toList();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Collects one check per test, the facts the tests publish, and container failures. */
    private final class Collector implements TestExecutionListener {
        private final Progress.Task task;
        private final Map<TestIdentifier, Long> started = new HashMap<>();
        private final Map<TestIdentifier, Map<String, String>> facts = new LinkedHashMap<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<Kill> kills = new ArrayList<>();
        private final List<Tooth> witnesses = new ArrayList<>();
        private final List<Trace> traces = new ArrayList<>();
        private long effort;

        Collector(Progress.Task task) {
            this.task = task;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id, System.nanoTime());
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            facts.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(entry.getKeyValuePairs());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                checks.add(new Check(checkName(id), Verdict.SKIP, 0, "-", "skipped: " + reason, ""));
                task.step(checkName(id) + " skipped");
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            double seconds = (System.nanoTime() - started.getOrDefault(id, System.nanoTime())) / 1e9;
            Map<String, String> f = facts.getOrDefault(id, Map.of());
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            if (!id.isTest()) {
                // A class that cannot even start (static initialiser, @BeforeAll) fails the gate too.
                if (!ok) {
                    checks.add(failure(id, seconds, result));
                }
                return;
            }
            String count = f.getOrDefault("examples", f.get("invocations"));
            long n = count == null ? 0 : Long.parseLong(count);
            effort += n;
            Check check;
            if (ok) {
                String what = f.containsKey("witness") ? f.get("property") + " shown failing on " + f.get("witness")
                        : f.containsKey("mutant")
                        ? f.get("mutant") + " caught" + (f.containsKey("property") ? " as " + f.get("property") : "")
                        + " after " + n + " " + unit
                        : f.containsKey("property") ? f.get("property") + " held in " + n + " " + unit : "passed";
                check = new Check(checkName(id), Verdict.PASS, seconds, count == null ? "-" : String.format("%,d %s", n, unit), what, "");
                if (f.containsKey("witness") && f.containsKey("property")) {
                    witnesses.add(new Tooth(f.get("property"), name, f.get("witness"), n, unit));
                }
                if (f.containsKey("mutant")) {
                    Mutant m = Mutant.parse(f.get("mutant"));
                    kills.add(Kill.caught(m, name, n, unit, f.getOrDefault("property", m.breaks()),
                            (f.containsKey("property") ? f.get("property") + ": " : "") + checkName(id)));
                    if (f.containsKey("counterexample")) {
                        traces.add(new Trace(m + " caught by " + name + (f.containsKey("property") ? " (" + f.get("property") + ")" : "")
                                + " after " + n + " " + unit, List.of(), List.of(), f.get("counterexample")));
                    }
                }
            } else {
                check = failure(id, seconds, result);
                traces.add(new Trace(check.name() + " failed: " + check.detail(), List.of(), List.of(), check.output()));
            }
            checks.add(check);
            task.step(check.name() + " " + check.verdict().word());
        }

        private Check failure(TestIdentifier id, double seconds, TestExecutionResult result) {
            Optional<Throwable> t = result.getThrowable();
            String message = t.map(x -> String.valueOf(x.getMessage())).orElse(result.getStatus().toString());
            String first = message.strip().lines().findFirst().orElse("");
            // A property test is named by its §3 property (its display name): the failure names it.
            String detail = id.getDisplayName().contains("(") ? first : id.getDisplayName() + " does not hold: " + first;
            StringBuilder output = new StringBuilder(message);
            t.map(Throwable::getCause).filter(c -> c != null && c.getMessage() != null)
                    .ifPresent(c -> output.append("\n\ncaused by: ").append(c.getMessage()));
            return new Check(checkName(id), Verdict.FAIL, seconds, "-", detail, output.toString());
        }

        GateResult result(double seconds, Path log) {
            long failed = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
            long skipped = checks.stream().filter(c -> c.verdict() == Verdict.SKIP).count();
            String detail;
            if (failed > 0) {
                // Every failed check by name (a property test is named by its property), then the first reason.
                detail = "failed: " + checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(Check::name)
                        .collect(java.util.stream.Collectors.joining(", ")) + "; first: "
                        + checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(Check::detail).findFirst().orElse("")
                        + "; log " + log;
            } else {
                long properties = facts.values().stream().filter(f -> f.containsKey("property") && !f.containsKey("mutant")
                        && !f.containsKey("witness")).count();
                detail = (checks.size() - skipped) + " tests passed"
                        + (properties > 0 ? ", " + properties + " properties held" : "")
                        + (kills.isEmpty() ? "" : ", mutants caught: " + kills.stream().map(k -> k.mutant().name()).distinct().sorted()
                        .reduce((a, b) -> a + " " + b).orElse(""))
                        + (skipped > 0 ? ", " + skipped + " skipped" : "");
            }
            return new GateResult(name, proves, Verdict.of(failed == 0 && !checks.isEmpty()), seconds,
                    Effort.of(effort, unit), detail, List.copyOf(checks), List.copyOf(kills), List.copyOf(traces),
                    List.copyOf(witnesses), Work.UNLISTED);
        }
    }

    private static String checkName(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource m) {
            String cls = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1);
            return cls + "." + (id.getDisplayName().contains("(") ? m.getMethodName() : id.getDisplayName());
        }
        return id.getDisplayName();
    }
}
