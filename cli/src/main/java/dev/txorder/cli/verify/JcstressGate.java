package dev.txorder.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.Mutant;
import dev.txorder.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JCStress suite (module {@code stress}), run by its own gate {@code dev.txorder.stress.gate.StressGate}
 * in a JVM of its own (JCStress forks JVMs and must not share this class path): {@code quick}
 * profile = its time-boxed quick mode, {@code full} = JCStress's {@code -m quick} preset. This gate
 * reads {@code stress-results.json}: a correct test with a forbidden outcome, a mutant's test with
 * none, or a test that did not run fails it (StressGate's own judgement, kept).
 */
public final class JcstressGate implements Gate {
    private static final Pattern RESULTS = Pattern.compile("^  jcstress \\(Results: (\\d+) planned");
    private final Path module;

    public JcstressGate(Path root) {
        this.module = root.resolve("stress");
    }

    @Override
    public String name() {
        return "jcstress";
    }

    @Override
    public String proves() {
        return "no forbidden outcome of the real send path under the Java memory model; each mutant's forbidden outcome is seen";
    }

    @Override
    public GateResult run(VerifyContext context) throws InterruptedException {
        long start = System.nanoTime();
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            return GateResult.couldNotRun(this, 0, "no stress/ module in this checkout");
        }
        Path jar = module.resolve("target/jcstress.jar");
        Path out = context.logs(name());
        try {
            Files.createDirectories(out);
            if (!Files.isRegularFile(jar) || staleAgainst(jar, module.getParent())) {
                // A jar older than the code it tests would judge the code as it was: build it again.
                context.console().println("  jcstress: building " + jar + " ...");
                Process build = new ProcessBuilder("mvn", "-B", "-q", "package", "-pl", "stress", "-am",
                        "-DskipTests", "-Dstress.skip=true").directory(module.getParent().toFile())
                        .redirectErrorStream(true).redirectOutput(out.resolve("build.txt").toFile()).start();
                if (build.waitFor() != 0 || !Files.isRegularFile(jar)) {
                    return GateResult.couldNotRun(this, seconds(start), "building the JCStress jar failed: see " + out.resolve("build.txt"));
                }
            }
            Files.deleteIfExists(out.resolve("stress-results.json"));
            // The gate's work is the jar's tests; a shard runs its slice of them.
            List<String> tests = listTests(jar);
            Work work = context.shard().work(name(), tests, t -> t);
            if (work.noneHere()) {
                return GateResult.noneInShard(this, context.shard(), work);
            }
            int exit = stressGate(context, jar, out, context.shard().whole() ? List.of() : work.items());
            Path results = out.resolve("stress-results.json");
            if (!Files.isRegularFile(results)) {
                return GateResult.couldNotRun(this, seconds(start), "StressGate exited " + exit + " without "
                        + results + ": see " + out.resolve("gate-output.txt"));
            }
            GateResult r = read(Files.readString(results), seconds(start), this);
            if (exit != 0 && r.verdict() == Verdict.PASS) {
                return new GateResult(r.name(), r.proves(), Verdict.FAIL, r.seconds(), r.effort(),
                        "StressGate exited " + exit + " although its results pass: see " + out.resolve("gate-output.txt"),
                        r.checks(), r.kills(), r.traces(), List.of(), work);
            }
            return r.with(work);
        } catch (IOException | IllegalArgumentException e) {
            return GateResult.couldNotRun(this, seconds(start), "JCStress gate: " + e.getMessage());
        }
    }

    /** The tests the jar holds, by class name, sorted: what StressGate would run ({@code --list}). */
    private List<String> listTests(Path jar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(VerifyContext.java(), "-cp", jar.toAbsolutePath().toString(),
                "dev.txorder.stress.gate.StressGate", "--list", "--jar", jar.toAbsolutePath().toString())
                .directory(module.getParent().toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("StressGate --list exited " + p.exitValue() + ": " + text.strip());
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    /** Runs StressGate on {@code only} these tests, or on all of them when {@code only} is empty. */
    private int stressGate(VerifyContext context, Path jar, Path out, List<String> only) throws IOException, InterruptedException {
        String mode = context.profile() == Profile.quick ? "quick" : "standard";
        List<String> cmd = new java.util.ArrayList<>(List.of(VerifyContext.java(), "-cp", jar.toAbsolutePath().toString(),
                "dev.txorder.stress.gate.StressGate", "--mode", mode, "--jar", jar.toAbsolutePath().toString(),
                "--out", out.toAbsolutePath().toString()));
        if (!only.isEmpty()) {
            cmd.addAll(List.of("--tests", only.stream().map(Pattern::quote).collect(java.util.stream.Collectors.joining("|", "^(?:", ")$"))));
        }
        // verify --inject Mx: the correct design's tests run with Mx switched on and must show it.
        context.inject().ifPresent(m -> cmd.addAll(List.of("--inject", m.name())));
        Process p = new ProcessBuilder(cmd).directory(module.getParent().toFile()).redirectErrorStream(true).start();
        try (Progress.Task task = context.progress().start(name(), 0);
             BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("gate-output.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.println(line);
                Matcher m = RESULTS.matcher(line);
                if (m.find()) {
                    // JCStress plans one result block per test and configuration: the bar's length.
                    task.resize(Integer.parseInt(m.group(1)));
                } else if (line.startsWith("  jcstress ")) {
                    task.step(line.substring("  jcstress ".length()));
                }
            }
        }
        // StressGate bounds JCStress's run itself; this is only a guard against a hang of the gate.
        if (!p.waitFor(context.profile() == Profile.quick ? 30 : 600, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Whether a source of the stress tests or of the code they test is newer than {@code jar}. */
    static boolean staleAgainst(Path jar, Path root) throws IOException {
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        for (String dir : List.of("stress/src", "impl/src/main", "stress/pom.xml", "impl/pom.xml", "pom.xml")) {
            Path p = root.resolve(dir);
            if (!Files.exists(p)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(p)) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean newer(Path f, java.nio.file.attribute.FileTime than) {
        try {
            return Files.getLastModifiedTime(f).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** StressGate's {@code stress-results.json} as this gate's result. */
    static GateResult read(String json, double seconds, Gate gate) {
        JsonNode root = Json.object(Json.parse(json, "stress-results.json"), "stress-results.json");
        List<Check> checks = new ArrayList<>();
        List<Kill> kills = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        for (JsonNode t : Json.array(root, "tests", "stress-results.json")) {
            String test = string(t, "test");
            String kind = string(t, "verdict");
            String mutant = string(t, "mutant");
            long samples = number(t, "samples", 0);
            long forbidden = number(t, "forbidden", 0);
            String detail = string(t, "detail");
            Verdict v = switch (kind) {
                case "pass" -> Verdict.PASS;
                case "fail" -> Verdict.FAIL;
                default -> Verdict.SKIP;
            };
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : t.path("outcomes")) {
                rows.add(List.of(string(row, "result"), String.format("%,d", number(row, "samples", 0)), string(row, "expect")));
            }
            checks.add(new Check(test, v, 0, String.format("%,d samples", samples), kind + ": " + detail,
                    v == Verdict.FAIL ? String.join("\n", rows.stream().map(r -> String.join("  ", r)).toList()) : ""));
            if (mutant != null) {
                Mutant m = Mutant.parse(mutant);
                if (v == Verdict.PASS) {
                    kills.add(Kill.caught(m, gate.name(), forbidden, String.format("forbidden in %,d samples", samples), m.breaks(), test));
                    traces.add(new Trace(m + " caught by jcstress (" + test + "): " + String.format("%,d forbidden of %,d samples", forbidden, samples),
                            List.of("outcome", "samples", "expect"), rows, ""));
                } else {
                    kills.add(Kill.missed(m, gate.name(), test + ": " + detail));
                }
            } else if (v == Verdict.FAIL) {
                traces.add(new Trace(test + " failed: " + detail, List.of("outcome", "samples", "expect"), rows, ""));
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode p : root.path("problems")) {
            problems.add(p.asText());
            checks.add(new Check("jcstress run", Verdict.FAIL, 0, "-", p.asText(), ""));
        }
        if ("not-run".equals(string(root, "verdict"))) {
            // Every test needs more CPUs than this machine has: nothing ran, which is never a pass.
            return new GateResult(gate.name(), gate.proves(), Verdict.SKIP, seconds, Effort.of(0, "samples"),
                    "no test could run on " + number(root, "cpus", 0) + " CPUs: " + checks.size() + " tests not run", checks, kills,
                    traces);
        }
        boolean pass = "pass".equals(string(root, "verdict")) && checks.stream().noneMatch(c -> c.verdict() == Verdict.FAIL)
                && checks.stream().anyMatch(c -> c.verdict() == Verdict.PASS);
        long failed = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
        long skipped = checks.stream().filter(c -> c.verdict() == Verdict.SKIP).count();
        String detail = pass
                ? (checks.size() - skipped) + " tests as expected" + (skipped > 0 ? ", " + skipped + " not shown or not run here" : "")
                : failed + " failed: " + String.join("; ", checks.stream().filter(c -> c.verdict() == Verdict.FAIL)
                .map(c -> c.name() + " " + c.detail()).limit(3).toList());
        return new GateResult(gate.name(), gate.proves(), Verdict.of(pass), seconds,
                Effort.of(number(root, "samples", 0), "samples"), detail, checks, kills, traces);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code m}'s {@code key} as text, or null if absent or null. */
    private static String string(JsonNode m, String key) {
        JsonNode v = m.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long number(JsonNode m, String key, long otherwise) {
        JsonNode v = m.get(key);
        return v != null && v.isNumber() ? v.asLong() : otherwise;
    }
}
