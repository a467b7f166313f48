package dev.txorder.cli.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every model of a manifest against its declared outcome, each in a TLC of its own
 * ({@code java tlc2.TLC}, tla2tools from this command's class path). A model expected to pass
 * passes when TLC finishes with no error (and its distinct-state count matches the manifest's, if
 * given); a must-fail model passes only when TLC reports exactly the declared property violated;
 * "a must-fail model passed" fails the gate. Serves the spec's models (gate {@code tlc}) and the
 * proofs' (gate {@code proofs}), which the same runner checks.
 */
public final class TlcGate implements Gate {
    private final String name;
    private final String proves;
    private final Path folder;
    private final List<Path> manifests;
    private final List<Path> library;

    TlcGate(String name, String proves, Path folder, List<Path> manifests, List<Path> library) {
        this.name = name;
        this.proves = proves;
        this.folder = folder;
        this.manifests = manifests;
        this.library = library;
    }

    public static TlcGate spec(Path root) {
        return new TlcGate("tlc", "every shipped TLA+ model meets its declared outcome: correct designs hold, each mutant's model fails as declared",
                root.resolve("spec"), List.of(root.resolve("spec/models/manifest.json")),
                List.of(root.resolve("spec/models"), root.resolve("spec/tla")));
    }

    /** The proofs' models (inductive invariants, refinement), when the checkout has a proofs/ folder. */
    public static TlcGate proofs(Path root) {
        return new TlcGate("proofs", "the invariants are inductive and the design refines the specification (TLC-checked within bounds)",
                root.resolve("proofs"), List.of(root.resolve("proofs/manifest.json"), root.resolve("proofs/models/manifest.json")),
                List.of(root.resolve("proofs"), root.resolve("proofs/models"), root.resolve("proofs/tla"),
                        root.resolve("spec/tla"), root.resolve("spec/models")));
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
    public GateResult run(VerifyContext context) throws InterruptedException {
        long start = System.nanoTime();
        if (!Files.isDirectory(folder)) {
            return name.equals("proofs") ? GateResult.skipped(this, "no proofs/ folder in this checkout")
                    : GateResult.couldNotRun(this, 0, "no " + folder + " folder in this checkout");
        }
        Path manifest = manifests.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (manifest == null) {
            return GateResult.couldNotRun(this, 0, "no manifest: looked for " + manifests);
        }
        List<TlcModel> models;
        try {
            models = TlcModel.manifest(Files.readString(manifest)).stream()
                    .filter(m -> m.profiles().contains(context.profile())).toList();
        } catch (IOException | IllegalArgumentException e) {
            return GateResult.couldNotRun(this, 0, manifest + ": " + e.getMessage());
        }
        if (models.isEmpty()) {
            return GateResult.couldNotRun(this, 0, manifest + " lists no model for profile " + context.profile());
        }
        List<Check> checks = new ArrayList<>();
        List<Kill> kills = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        long states = 0;
        try (Progress.Task task = context.progress().start(name, models.size())) {
            for (TlcModel m : models) {
                Path dir = manifest.getParent();
                Path tla = dir.resolve(m.name() + ".tla");
                Path cfg = dir.resolve(m.name() + ".cfg");
                if (!Files.isRegularFile(tla) || !Files.isRegularFile(cfg)) {
                    checks.add(new Check(m.name(), Verdict.FAIL, 0, "-", "manifest lists it, but " + tla + " or " + cfg + " is missing", ""));
                    task.step(m.name() + " missing");
                    continue;
                }
                long t0 = System.nanoTime();
                Run run = tlc(context, m, tla, cfg);
                double seconds = (System.nanoTime() - t0) / 1e9;
                TlcOutput out = TlcOutput.parse(run.lines(), m.name() + ": " + (run.output().violated() == null ? "" : run.output().violated() + " violated"));
                states += Math.max(0, out.distinct());
                Check check = judge(m, run, out, seconds);
                checks.add(check);
                if (out.trace() != null) {
                    traces.add(new Trace(m.name() + " (" + (m.expectPass() ? "expected to pass" : "expected to fail")
                            + "): " + out.violated() + " violated after " + String.format("%,d", out.distinct()) + " distinct states, "
                            + out.trace().rows().size() + " states in the trace", out.trace().columns(), out.trace().rows(), out.trace().text()));
                }
                if (check.verdict() == Verdict.PASS && !m.expectPass() && m.mutant().isPresent()) {
                    kills.add(Kill.caught(m.mutant().get(), name, out.distinct(), "states",
                            m.property() + " violated in " + m.name() + ", a trace of " + (out.trace() == null ? "?" : out.trace().rows().size()) + " states"));
                } else if (m.mutant().isPresent()) {
                    kills.add(Kill.missed(m.mutant().get(), name, m.name() + ": " + check.detail()));
                }
                task.step(m.name() + " " + check.verdict().word());
            }
        }
        long failed = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
        String detail = failed == 0
                ? checks.size() + " models as declared (" + checks.stream().filter(c -> c.detail().startsWith("holds")).count() + " hold, "
                + kills.stream().filter(Kill::caught).count() + " mutants' models fail as declared)"
                : checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(c -> c.name() + ": " + c.detail()).collect(Collectors.joining("; "));
        return new GateResult(name, proves, Verdict.of(failed == 0), (System.nanoTime() - start) / 1e9,
                String.format("%,d states, %d models", states, checks.size()), detail, checks, kills, traces);
    }

    /** The declared outcome against TLC's. */
    static Check judge(TlcModel m, Run run, TlcOutput out, double seconds) {
        String effort = out.distinct() < 0 ? "-" : String.format("%,d states", out.distinct());
        String tail = String.join("\n", run.lines().subList(Math.max(0, run.lines().size() - 60), run.lines().size()));
        if (run.timedOut()) {
            return new Check(m.name(), Verdict.FAIL, seconds, effort, "TLC did not finish within " + run.timeoutSeconds() + " s", tail);
        }
        if (m.expectPass()) {
            if (run.exit() == 0 && out.violated() == null && out.finished()) {
                if (m.expectedDistinct() >= 0 && m.expectedDistinct() != out.distinct()) {
                    return new Check(m.name(), Verdict.FAIL, seconds, effort, String.format(
                            "holds, but %,d distinct states where the manifest records %,d: the model changed", out.distinct(), m.expectedDistinct()), tail);
                }
                return new Check(m.name(), Verdict.PASS, seconds, effort, "holds", "");
            }
            return new Check(m.name(), Verdict.FAIL, seconds, effort, out.violated() != null
                    ? out.violated() + " violated (expected to hold)" : "TLC exit " + run.exit() + " (expected to hold)", tail);
        }
        if (out.violated() == null) {
            return new Check(m.name(), Verdict.FAIL, seconds, effort, run.exit() == 0
                    ? "a must-fail model passed: TLC found no violation of " + m.property()
                    : "TLC exit " + run.exit() + " without a violation (expected " + m.property() + " violated)", tail);
        }
        // TLC names a violated invariant or action property, but not a violated temporal property.
        boolean named = out.violated().equals(m.property())
                || out.violated().equals("temporal") && run.exit() == 13 && run.config().contains(m.property());
        return named
                ? new Check(m.name(), Verdict.PASS, seconds, effort, "fails as declared: " + m.property() + " violated", "")
                : new Check(m.name(), Verdict.FAIL, seconds, effort, out.violated() + " violated, but the manifest declares " + m.property(), tail);
    }

    /** One TLC run: its exit status, output, and whether it was stopped at the time limit. */
    record Run(int exit, List<String> lines, boolean timedOut, long timeoutSeconds, String config, TlcOutput output) {
    }

    private Run tlc(VerifyContext context, TlcModel m, Path tla, Path cfg) throws InterruptedException {
        long timeout = m.timeoutSeconds() > 0 ? m.timeoutSeconds() : context.profile() == Profile.quick ? 600 : 4 * 3600;
        Path work = context.logs(name).resolve(m.name());
        List<String> lines = new ArrayList<>();
        String config;
        try {
            config = Files.readString(cfg);
            Files.createDirectories(work);
            String lib = library.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> cmd = List.of(VerifyContext.java(), "-XX:+UseParallelGC", "-DTLA-Library=" + lib,
                    "-cp", System.getProperty("java.class.path"), "tlc2.TLC",
                    "-workers", Integer.toString(Runtime.getRuntime().availableProcessors()),
                    "-metadir", work.resolve("states").toAbsolutePath().toString(), "-cleanup",
                    "-config", cfg.toAbsolutePath().toString(), tla.toAbsolutePath().toString());
            Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter log = new PrintWriter(Files.newBufferedWriter(work.resolve("tlc-output.txt"), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.println(line);
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    synchronized (lines) {
                        lines.add("txorder verify: reading TLC's output: " + e.getMessage());
                    }
                }
            }, "tlc-output");
            reader.start();
            boolean done = p.waitFor(timeout, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join();
            List<String> copy;
            synchronized (lines) {
                copy = List.copyOf(lines);
            }
            deleteStates(work.resolve("states"));
            return new Run(done ? p.exitValue() : -1, copy, !done, timeout, config, TlcOutput.parse(copy, m.name()));
        } catch (IOException e) {
            List<String> why = List.of("txorder verify: cannot run TLC: " + e.getMessage());
            return new Run(-1, why, false, timeout, "", TlcOutput.parse(why, m.name()));
        }
    }

    /** TLC's fingerprint and state files are large and of no use once it has finished. */
    private static void deleteStates(Path states) {
        if (!Files.isDirectory(states)) {
            return;
        }
        try (Stream<Path> all = Files.walk(states)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left for `mvn clean`: the report does not depend on it.
        }
    }
}
