package dev.txorder.stress.gate;

import dev.txorder.stress.rig.Subject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.openjdk.jcstress.annotations.Actor;

/**
 * The JCStress gate: runs {@code java -jar jcstress.jar} on the tests of this module, reads its
 * report and fails when
 * <ul>
 *   <li>a test of a correct implementation shows a forbidden outcome,</li>
 *   <li>a mutant's test shows none (unless its {@link Subject#mayNotShow()} says why it cannot on
 *       this hardware: then it is reported "not shown" and the mutant is not counted as caught),</li>
 *   <li>a test did not run: missing from the report, no samples, an error, or JCStress saying
 *       "No scheduling is possible" / "FATAL: No matching tests." (it exits 0 after both).</li>
 * </ul>
 * The tests are the ones the jar lists in {@code META-INF/TestList}; a test with more actors than
 * this machine has CPUs cannot be scheduled and is reported "not run: needs N CPUs" instead.
 *
 * <p>Writes {@code OUT/stress-results.json}, {@code OUT/jcstress-output.txt} and the JCStress HTML
 * report in {@code OUT/jcstress-report/}. Exit status: 0 pass, 1 fail, 2 bad input, 3 nothing ran
 * (every selected test needs more CPUs than this machine has): a gate that ran nothing never passes.
 */
public final class StressGate {
    /** The exit status of a run in which no test could run. */
    static final int NOT_RUN = 3;


    /** How long JCStress runs each test; {@code quick} is the CI mode. */
    enum Mode {
        /** One fork per JVM configuration, 1 s per test iteration, no split compilation: CI. */
        QUICK(List.of("-jvmArgs", "-Xmx256m", "-sc", "false", "-f", "1", "-fsm", "1", "-iters", "1", "-time", "1000"), 25),
        /** JCStress's own {@code -m quick} preset: every JVM configuration, split compilation. */
        STANDARD(List.of("-m", "quick"), 90),
        /** JCStress's {@code -m default} preset: more forks and iterations; for a quiet machine. */
        LONG(List.of("-m", "default"), 480);

        final List<String> args;
        final int timeoutMinutes;

        Mode(List<String> args, int timeoutMinutes) {
            this.args = args;
            this.timeoutMinutes = timeoutMinutes;
        }
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new StressGate().run(Options.parse(args), System.out);
        } catch (BadInput e) {
            System.err.println("txorder stress: " + e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("txorder stress: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        System.exit(status);
    }

    /** Bad command-line input; the message names the field and what is allowed. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String field, String message) {
            super(field + ": " + message);
        }
    }

    /** {@code inject}: a mutant to switch on in the correct design's tests ({@code --inject Mx}), or null. */
    record Options(Mode mode, Path jar, Path out, Pattern tests, int cpus, String java, String inject, boolean list) {
        static Options parse(String[] args) throws BadInput {
            Mode mode = Mode.QUICK;
            Path jar = Path.of("stress/target/jcstress.jar");
            Path out = Path.of("stress/target");
            Pattern tests = null;
            int cpus = Runtime.getRuntime().availableProcessors();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String inject = null;
            boolean list = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    throw new BadInput("usage", "StressGate [--mode quick|standard|long] [--tests REGEX]"
                            + " [--jar stress/target/jcstress.jar] [--out stress/target] [--cpus N] [--inject Mx] [--list]");
                }
                if (a.equals("--list")) {
                    list = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new BadInput(a, "needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--mode" -> {
                        try {
                            mode = Mode.valueOf(v.strip().toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new BadInput("mode", "'" + v + "'; allowed: quick, standard, long");
                        }
                    }
                    case "--jar" -> jar = Path.of(v);
                    case "--out" -> out = Path.of(v);
                    case "--tests" -> {
                        try {
                            tests = Pattern.compile(v);
                        } catch (PatternSyntaxException e) {
                            throw new BadInput("tests", "'" + v + "' is not a regular expression: " + e.getDescription());
                        }
                    }
                    case "--cpus" -> {
                        try {
                            cpus = Integer.parseInt(v.strip());
                        } catch (NumberFormatException e) {
                            cpus = 0;
                        }
                        if (cpus < 1) {
                            throw new BadInput("cpus", "'" + v + "'; allowed: a whole number >= 1");
                        }
                    }
                    case "--inject" -> {
                        try {
                            inject = dev.txorder.Mutant.parse(v).name();
                        } catch (RuntimeException e) {
                            throw new BadInput("inject", "'" + v + "'; allowed: " + dev.txorder.Mutant.allowed());
                        }
                    }
                    default -> throw new BadInput("option", "'" + a + "' is unknown; allowed: --mode, --tests, --jar, --out, --cpus, --inject, --list");
                }
            }
            if (!Files.isRegularFile(jar)) {
                throw new BadInput("jar", jar + " does not exist; build it with: mvn -o -pl stress -am package -DskipTests");
            }
            return new Options(mode, jar, out, tests, cpus, java, inject, list);
        }
    }

    /** A test the jar lists, with what the gate expects of it. */
    record Planned(String name, Subject subject, int actors) {
        String shortName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    int run(Options o, PrintStream console) throws IOException, InterruptedException, BadInput {
        List<Planned> all = plan(o.jar());
        List<Planned> selected = all.stream()
                .filter(p -> o.tests() == null || o.tests().matcher(p.name()).find())
                .collect(Collectors.toList());
        if (selected.isEmpty()) {
            throw new BadInput("tests", "'" + o.tests() + "' matches none of the " + all.size() + " tests in " + o.jar());
        }
        if (o.list()) {
            // The plan only (verify --shard takes its slice of it): one test's class name per line.
            selected.forEach(p -> console.println(p.name()));
            return 0;
        }
        List<Planned> runnable = selected.stream().filter(p -> p.actors() <= o.cpus()).collect(Collectors.toList());

        Files.createDirectories(o.out());
        Path work = o.out().resolve("jcstress-work");
        Files.createDirectories(work);
        Path log = o.out().resolve("jcstress-output.txt");
        console.printf("txorder stress: mode %s, %d of %d tests on %d CPUs (%s), log %s%n",
                o.mode().name().toLowerCase(Locale.ROOT), runnable.size(), selected.size(), o.cpus(),
                System.getProperty("os.arch"), log);

        long start = System.nanoTime();
        List<String> output = runnable.isEmpty() ? List.of() : runJcstress(o, runnable, work, log, console);
        double seconds = (System.nanoTime() - start) / 1e9;
        JcstressReport report = JcstressReport.parse(output);

        List<Verdict> verdicts = new ArrayList<>();
        for (Planned p : selected) {
            verdicts.add(Verdict.of(p, p.actors() <= o.cpus() ? report.test(p.name()) : null, o.cpus()));
        }
        List<String> problems = new ArrayList<>();
        if (!runnable.isEmpty() && !report.complete()) {
            problems.add("JCStress stopped before its final report (see " + log + ")");
        }
        for (String f : report.fatal()) {
            problems.add("JCStress: " + f);
        }

        Summary summary = new Summary(o.mode().name().toLowerCase(Locale.ROOT), o.cpus(),
                System.getProperty("os.arch"), seconds, verdicts, problems);
        summary.print(console);
        Path json = o.out().resolve("stress-results.json");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(json, StandardCharsets.UTF_8))) {
            w.print(summary.json());
        }
        console.println("results: " + json);
        return summary.passed() ? 0 : summary.nothingRan() ? NOT_RUN : 1;
    }

    /** Reads the tests from the jar's META-INF/TestList and their {@link Subject} from the classes. */
    static List<Planned> plan(Path jar) throws IOException, BadInput {
        String list;
        try (JarFile j = new JarFile(jar.toFile())) {
            ZipEntry e = j.getEntry("META-INF/TestList");
            if (e == null) {
                throw new BadInput("jar", jar + " has no META-INF/TestList: the JCStress annotation processor did not run");
            }
            try (InputStream in = j.getInputStream(e)) {
                list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (String name : TestList.names(list)) {
            Class<?> c;
            try {
                c = Class.forName(name, false, StressGate.class.getClassLoader());
            } catch (ClassNotFoundException ex) {
                throw new BadInput("jar", name + " is listed in META-INF/TestList but not on the class path: run the gate from " + jar);
            }
            Subject s = c.getAnnotation(Subject.class);
            if (s == null) {
                throw new BadInput("jar", name + " has no @Subject: the gate cannot tell what it expects of it");
            }
            int actors = 0;
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Actor.class)) {
                    actors++;
                }
            }
            planned.add(new Planned(name, s, actors));
        }
        return planned;
    }

    /** JCStress's header of a result block: {@code ...... [FAILED] dev.txorder.stress.NextGroup_TicketFault_M11}. */
    private static final Pattern RESULT = Pattern.compile("\\[(OK|FAILED|ERROR[^\\]]*)\\]\\s+(\\S+)\\s*$");

    /**
     * One result block as a person reads it: the test, what was seen and whether the gate wants it
     * ({@code NextGroup_TicketOrder_M1: forbidden outcome seen, as required}).
     */
    static String progressLine(String test, String status, java.util.Map<String, Planned> byName) {
        Planned p = byName.get(test);
        String name = test.substring(test.lastIndexOf('.') + 1);
        boolean mutant = p != null && p.subject().value().mutant().isPresent();
        return switch (status) {
            case "OK" -> name + ": no forbidden outcome" + (mutant ? " (the mutant did not show in this run)" : ", as required");
            case "FAILED" -> name + ": forbidden outcome seen" + (mutant ? ", as required" : " -- the correct code FAILS");
            default -> name + ": " + status.toLowerCase(Locale.ROOT) + " (the test could not run)";
        };
    }

    /** Runs JCStress once over {@code tests} (its VM probing costs a minute on a loaded machine). */
    private static List<String> runJcstress(Options o, List<Planned> tests, Path work, Path log, PrintStream console)
            throws IOException, InterruptedException {
        String regex = tests.stream().map(p -> Pattern.quote(p.name())).collect(Collectors.joining("|", "^(", ")$"));
        List<String> cmd = new ArrayList<>(List.of(o.java(), "-jar", o.jar().toAbsolutePath().toString(),
                "-t", regex, "-v", "-r", o.out().toAbsolutePath().resolve("jcstress-report").toString()));
        cmd.addAll(o.mode().args);
        if (o.inject() != null) {
            // Every forked test JVM sees it; Impl.CORRECT switches it on (see Impl#config).
            cmd.addAll(List.of("-jvmArgsPrepend", "-D" + dev.txorder.Mutant.INJECT_PROPERTY + "=" + o.inject()));
        }
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        java.util.Map<String, Planned> byName = new java.util.HashMap<>();
        tests.forEach(t -> byName.put(t.name(), t));
        boolean[] sized = {false, false};
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.println(line);
                    synchronized (lines) {
                        lines.add(line);
                    }
                    // Progress for a CI log: one line per result block, naming the test and whether
                    // that is what the gate wants of it; the running totals only once, to size a bar.
                    if (line.startsWith("RUN RESULTS:")) {
                        sized[1] = true; // the final report repeats every block: not progress
                    }
                    Matcher m = RESULT.matcher(line);
                    if (m.find() && !sized[1]) {
                        console.println("  jcstress " + progressLine(m.group(2), m.group(1), byName));
                    } else if (line.startsWith("(Results:") && !sized[0]) {
                        sized[0] = true;
                        console.println("  jcstress " + line);
                    }
                }
            } catch (IOException e) {
                console.println("txorder stress: reading JCStress output: " + e.getMessage());
            }
        }, "jcstress-output");
        reader.start();
        if (!p.waitFor(o.mode().timeoutMinutes, TimeUnit.MINUTES)) {
            console.println("txorder stress: JCStress still running after " + o.mode().timeoutMinutes
                    + " minutes: stopping it; the tests it did not finish count as not run");
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join();
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
