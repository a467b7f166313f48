package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import dev.txorder.spec.Counterexample;
import dev.txorder.spec.Manifest;
import dev.txorder.spec.Model;
import dev.txorder.spec.ResultsFile;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.SpecMutants;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.WorkFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every model of a manifest ({@code spec/models/manifest.json}, or the proofs'
 * {@code proofs/models/manifest.json}) against its declared outcome, run by the spec module's
 * {@link TlcRunner} and judged by {@link ResultsFile.Entry#agrees()}, exactly as {@code txorder check}
 * and the spec's JUnit gate do. Profile {@code quick} runs the manifest's {@code ci} models, {@code full}
 * the {@code ci} and {@code full} models. A must-fail model named {@code MCMn...} is mutant Mn's model:
 * its declared failure is Mn caught, with the distinct states TLC explored to the counterexample as
 * the effort. Every counterexample goes to the report as {@link Counterexample}'s table.
 */
public final class TlcGate implements Gate {
    /** MCM1, MCM11, MCM5Lost, MCM1Refines: the model of mutant Mn (all the digits after the M are its number). */
    private static final Pattern MUTANT_MODEL = Pattern.compile("^MC(M[1-9][0-9]*)");

    private final String name;
    private final String proves;
    private final Path folder;
    private final Path spec;
    private final Optional<Path> extraModules;

    /**
     * @param folder       the manifest's module folder: its {@code models/} holds the manifest and the models
     * @param spec         the spec module (its {@code tla/} modules are staged for every model)
     * @param extraModules more TLA+ modules the models extend (the proofs' {@code tla/}), if any
     */
    TlcGate(String name, String proves, Path folder, Path spec, Optional<Path> extraModules) {
        this.name = name;
        this.proves = proves;
        this.folder = folder;
        this.spec = spec;
        this.extraModules = extraModules;
    }

    public static TlcGate spec(Path root) {
        return new TlcGate("tlc", "every shipped TLA+ model meets its declared outcome: correct designs hold, each mutant's model fails as declared",
                root.resolve("spec"), root.resolve("spec"), Optional.empty());
    }

    /** The proofs' models (inductive invariants, refinement), when the checkout has a proofs/ folder. */
    public static TlcGate proofs(Path root) {
        return new TlcGate("proofs", "the invariants are inductive and the design refines the specification (TLC-checked within bounds)",
                root.resolve("proofs"), root.resolve("spec"), Optional.of(root.resolve("proofs/tla")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String proves() {
        return proves;
    }

    /** The manifest profile of a verify profile: quick is the CI job; full is every model (Manifest adds the ci ones). */
    static String manifestProfile(Profile profile) {
        return profile == Profile.quick ? "ci" : "full";
    }

    /** The mutant whose model this is, by its name (MCM1, MCM11, MCM4Refines), if any. */
    static Optional<Mutant> mutantOf(Model model) {
        Matcher m = MUTANT_MODEL.matcher(model.name());
        return model.mustFail() && m.find() ? Optional.of(Mutant.parse(m.group(1))) : Optional.empty();
    }

    @Override
    public GateResult run(VerifyContext context) throws InterruptedException {
        long start = System.nanoTime();
        if (!Files.isDirectory(folder)) {
            return name.equals("proofs") ? GateResult.skipped(this, "no proofs/ folder in this checkout")
                    : GateResult.couldNotRun(this, 0, "no " + folder + " folder in this checkout");
        }
        Path manifestFile = folder.resolve("models/manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            return name.equals("proofs") ? GateResult.skipped(this, "proofs/ has no models/manifest.json yet")
                    : GateResult.couldNotRun(this, 0, "no manifest: " + manifestFile);
        }
        String profile = manifestProfile(context.profile());
        List<Model> models;
        try {
            models = Manifest.read(manifestFile).profile(profile);
        } catch (IOException | RuntimeException e) {
            return GateResult.couldNotRun(this, 0, manifestFile + ": " + e.getMessage());
        }
        if (models.isEmpty()) {
            return GateResult.couldNotRun(this, 0, manifestFile + " lists no model for profile " + profile);
        }
        Work shardWork = context.shard().work(name, models, Model::name);
        if (shardWork.noneHere()) {
            return GateResult.noneInShard(this, context.shard(), shardWork);
        }
        models = context.shard().slice(name, models);
        Path work = context.logs(name);
        TlcRunner runner = new TlcRunner(work, context.profile() == Profile.quick ? Duration.ofMinutes(10) : Duration.ofHours(4));
        SpecFiles specFiles = SpecFiles.directory(spec);
        ResultsFile results = new ResultsFile();
        List<Check> checks = new ArrayList<>();
        List<Kill> kills = new ArrayList<>();
        List<Tooth> witnesses = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        long states = 0;
        Path modelsDir = manifestFile.getParent();
        try (Progress.Task task = context.progress().start(name, models.size())) {
            for (Model model : models) {
                List<String> missing = model.files().stream().filter(f -> !Files.isRegularFile(modelsDir.resolve(f))).toList();
                Optional<Mutant> mutant = mutantOf(model);
                if (!missing.isEmpty()) {
                    String why = "the manifest lists it, but " + String.join(", ", missing) + " is missing from " + modelsDir;
                    checks.add(new Check(model.name(), Verdict.FAIL, 0, "-", why, ""));
                    mutant.ifPresent(m -> kills.add(Kill.missed(m, name, model.name() + ": " + why)));
                    task.step(model.name() + " missing");
                    continue;
                }
                TlcResult result;
                Optional<Mutant> injected = context.inject().filter(m -> injectable(model, m));
                try {
                    result = check(runner, specFiles, modelsDir, model, injected);
                    // TLC's fingerprint and state files are large and of no use once it has finished; its log stays.
                    WorkFolders.deleteQuietly(work.resolve(model.name()).resolve("meta"));
                } catch (IOException e) {
                    String why = "cannot run TLC: " + e.getMessage();
                    checks.add(new Check(model.name(), Verdict.FAIL, 0, "-", why, ""));
                    mutant.ifPresent(m -> kills.add(Kill.missed(m, name, model.name() + ": " + why)));
                    task.step(model.name() + " could not run");
                    continue;
                }
                results.add(model, result);
                ResultsFile.Entry entry = new ResultsFile.Entry(model, result);
                Path log = work.resolve(model.name()).resolve("tlc.log");
                states += Math.max(0, result.distinctStates());
                String effort = result.distinctStates() < 0 ? "-" : String.format("%,d states", result.distinctStates());
                String counterexample = result.trace().isEmpty() ? "" : Counterexample.render(result.trace());
                checks.add(new Check(model.name(), Verdict.of(entry.agrees()), result.seconds(), effort,
                        detail(entry) + injected.map(m -> " (" + m + " injected)").orElse(""),
                        entry.agrees() ? "" : tail(log) + (counterexample.isEmpty() ? "" : "\n\n" + counterexample)));
                if (!counterexample.isEmpty()) {
                    traces.add(new Trace(String.format("%s (%s): %s after %,d distinct states, %d states in the trace",
                            model.name(), model.mustFail() ? "expected to fail" : "expected to pass",
                            result.property().map(p -> p + " violated").orElse(result.verdict().name().toLowerCase(Locale.ROOT)),
                            result.distinctStates(), result.trace().size()), List.of(), List.of(), counterexample));
                }
                if (model.mustFail() && mutant.isEmpty() && entry.agrees()) {
                    witnesses.add(new Tooth(model.expected().substring("fail:".length()), name, model.name(),
                            result.distinctStates(), "states"));
                }
                if (mutant.isPresent()) {
                    kills.add(entry.agrees()
                            ? Kill.caught(mutant.get(), name, result.distinctStates(), "states", model.expected().substring("fail:".length()),
                                    model.expected().substring("fail:".length()) + " violated in " + model.name() + ", a trace of "
                                    + result.trace().size() + " states")
                            : Kill.missed(mutant.get(), name, model.name() + ": " + detail(entry)));
                }
                task.step(model.name() + " " + result.outcome()
                        + (entry.agrees() ? ", as declared" : ", NOT as declared (" + model.expected() + ")"));
            }
        }
        try {
            results.write(work.resolve("tlc-results.json"), profile);
        } catch (IOException e) {
            context.console().println("verify: " + name + ": cannot write " + work.resolve("tlc-results.json") + ": " + e.getMessage());
        }
        long failed = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
        String detail = failed == 0
                ? checks.size() + " models as declared (" + checks.stream().filter(c -> c.detail().equals("holds")).count() + " hold, "
                + checks.stream().filter(c -> c.detail().startsWith("fails as declared")).count() + " fail as declared, "
                + kills.stream().filter(Kill::caught).count() + " of them mutants' models)"
                : checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(c -> c.name() + ": " + c.detail()).collect(Collectors.joining("; "));
        return new GateResult(name, proves, Verdict.of(failed == 0), (System.nanoTime() - start) / 1e9,
                Effort.of(states, "states").and(checks.size(), "models"), detail, checks, kills, traces, witnesses, shardWork);
    }

    /**
     * Stages and checks one model. A spec model gets the spec's modules and model base ({@link SpecFiles});
     * a proofs model gets those, the proofs' modules and its own files.
     */
    private TlcResult check(TlcRunner runner, SpecFiles specFiles, Path modelsDir, Model model, Optional<Mutant> injected)
            throws IOException, InterruptedException {
        if (extraModules.isEmpty() && injected.isEmpty()) {
            return runner.run(specFiles, model);
        }
        Path dir = runner.cleanDirectory(model.name());
        if (extraModules.isEmpty()) {
            specFiles.stage(dir, model.files());
            inject(dir.resolve(model.name() + ".cfg"), injected.get());
            return runner.check(dir, model.name());
        }
        specFiles.stage(dir, List.of());
        try (Stream<Path> modules = Files.list(extraModules.get())) {
            for (Path m : modules.filter(p -> p.toString().endsWith(".tla")).toList()) {
                Files.copy(m, dir.resolve(m.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String f : model.files()) {
            Files.copy(modelsDir.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return runner.check(dir, model.name());
    }

    /**
     * Whether {@code verify --inject m} switches m on in this model: a model of the correct design
     * (declared to pass, with {@code Mutant = "none"}) of the spec gate, and a mutant the spec can
     * express (not M8, a memory-model reordering). The model then still declares "pass", so TLC's
     * counterexample fails the gate and names the property.
     */
    boolean injectable(Model model, Mutant m) {
        return extraModules.isEmpty() && !model.mustFail() && SpecMutants.expresses(m.name());
    }

    /** Rewrites the staged cfg's {@code Mutant = "none"} to {@code Mutant = "m"}. */
    static void inject(Path cfg, Mutant m) throws IOException {
        String text = Files.readString(cfg);
        String switched = text.replaceFirst("(?m)^(\\s*Mutant\\s*=\\s*)\"none\"", "$1\"" + m.name() + "\"");
        if (switched.equals(text)) {
            throw new IOException(cfg.getFileName() + " has no Mutant = \"none\" line to switch to " + m);
        }
        Files.writeString(cfg, switched);
    }

    /** One line: why the model's run agrees with its manifest entry, or why not. */
    static String detail(ResultsFile.Entry entry) {
        Model model = entry.model();
        TlcResult result = entry.result();
        if (entry.agrees()) {
            return model.mustFail() ? "fails as declared: " + model.expected().substring("fail:".length()) + " violated" : "holds";
        }
        if (result.verdict() == dev.txorder.spec.Verdict.PASS) {
            if (model.mustFail()) {
                return "a must-fail model passed: TLC found no violation of " + model.expected().substring("fail:".length());
            }
            return String.format("holds, but %,d distinct states where the manifest records %,d: the model changed",
                    result.distinctStates(), model.distinctStates().orElse(-1L));
        }
        if (result.verdict().isViolation()) {
            return result.outcome().substring("fail:".length()) + " violated, but the manifest declares " + model.expected();
        }
        return "TLC could not check it (" + result.verdict().name().toLowerCase(Locale.ROOT) + "): " + result.message()
                + "; the manifest declares " + model.expected();
    }

    /** The end of TLC's log, for the report of a model that did not meet its declaration. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no TLC log at " + log + ")";
        }
    }
}
