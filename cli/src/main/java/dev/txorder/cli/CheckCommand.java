package dev.txorder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.InvalidInputException;
import dev.txorder.io.Json;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;
import dev.txorder.spec.Counterexample;
import dev.txorder.spec.GeneratedModel;
import dev.txorder.spec.Manifest;
import dev.txorder.spec.Model;
import dev.txorder.spec.ModelInputException;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.TraceState;
import dev.txorder.spec.Verdict;
import dev.txorder.spec.WorkFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder check}: model-checks the TxOrder TLA+ specification with TLC, either a shipped
 * model of {@code spec/models/manifest.json} or one generated from the options, and prints the
 * verdict, the state counts and, on a violation, the counterexample as a table.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Model-checks the TxOrder TLA+ specification with TLC: a shipped model (--model) or one generated",
            "from the options, in which every request may be any packet count of any flow of any group.",
            "While TLC runs, its progress reports (about 3 s in, then once a minute) go to stderr.",
            "Exit status: 0 every checked property holds, 1 one does not (the counterexample is printed),",
            "2 bad input, 3 TLC could not check the model (the cause in one line), 130 interrupted."})
final class CheckCommand implements Callable<Integer> {
    private static final int MAX_CPUS = 6;
    private static final int MAX_REQUESTS = 12;
    private static final int MAX_ARRAY = 4;
    private static final int MAX_RING = 8;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", description = "a shipped model, e.g. MCNextStrict or MCM1 (see spec/README.md)")
    String model;

    @Option(names = "--layout", paramLabel = "L", description = "groups and queues, e.g. 0x2 or 0-3x4,4-7x2 or mqprio:...")
    String layout;

    @Option(names = "--policy", completionCandidates = Candidates.Policies.class, paramLabel = "hash|next", description = "queue assignment policy")
    String policy;

    @Option(names = "--cpus", paramLabel = "C", description = "sending CPUs, 1.." + MAX_CPUS)
    String cpus;

    @Option(names = "--requests", paramLabel = "N", description = "requests sent in all, 1.." + MAX_REQUESTS)
    String requests;

    @Option(names = "--array-max", paramLabel = "A", description = "largest packet array, 1.." + MAX_ARRAY + " (default 1)")
    String arrayMax;

    @Option(names = "--ring-size", paramLabel = "R", description = "descriptors per ring, A.." + MAX_RING + " (default max(A, 2))")
    String ringSize;

    @Option(names = "--mutant", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx", description = "check a broken design instead: M1..M7, M9, M11 (DESIGN.md section 2; M10 has models of its own)")
    String mutant;

    @Option(names = "--scheduler", completionCandidates = Candidates.Schedulers.class, paramLabel = "strict|wrr:W0,..", description = "between groups (default strict)")
    String scheduler;

    @Option(names = "--faults", paramLabel = "F", description = "sends that may fail after reserving, 0..2 (default 1)")
    String faults;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop TLC after this long, 1..86400 (default 900)")
    String timeout;

    @Option(names = "--keep", description = "keep the TLC work directory (modules, model, tlc.log) and print its path")
    boolean keep;

    @Option(names = "--json", description = "print the result as one JSON document (verdict, state counts, the counterexample's "
            + "states with every variable) instead of the text; TLC's progress still goes to stderr")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = null;
        try {
            Duration limit = Duration.ofSeconds(timeout == null ? 900 : OptionValues.intIn("timeout", timeout, 1, 86_400));
            GeneratedModel generated = model == null ? generatedModel() : null;
            if (model != null) {
                for (Object other : new Object[] {layout, policy, cpus, requests, arrayMax, ringSize, mutant, scheduler, faults}) {
                    OptionValues.notWith("model", other, "--model runs a shipped model; it takes no --layout, --policy, "
                            + "--cpus, --requests, --array-max, --ring-size, --mutant, --scheduler or --faults");
                }
            }
            work = Files.createTempDirectory("txorder-check");
            SpecFiles files = SpecFiles.extractedFromClasspath(work.resolve("spec"));
            // TLC reports progress about 3 s in and then once a minute; a long run says nothing else.
            TlcRunner runner = new TlcRunner(work.resolve("tlc"), limit, report -> {
                err.println("txorder check: TLC " + report.describe());
                err.flush();
            });
            String name;
            String bounds;
            String expected = null;
            TlcResult result;
            if (generated != null) {
                name = GeneratedModel.NAME;
                bounds = generated.bounds();
                if (!json) {
                    out.printf("txorder check: %s%n", bounds);
                    out.flush();
                }
                result = generated.check(runner, files);
            } else {
                Manifest manifest = Manifest.read(files.manifest());
                Model shipped = manifest.find(model).orElseThrow(() -> new InvalidInputException("model",
                        "'" + model + "' is not a shipped model; allowed: "
                                + manifest.models().stream().map(Model::name).collect(Collectors.joining(", "))));
                name = shipped.name();
                bounds = shipped.bounds();
                expected = shipped.expected();
                if (!json) {
                    out.printf("txorder check: %s (%s)%n", name, bounds);
                    out.flush();
                }
                result = runner.run(files, shipped);
            }
            Path kept = keep ? work.resolve("tlc").resolve(name) : null;
            return json ? reportJson(out, err, name, bounds, result, expected, kept) : report(out, err, result, expected, kept);
        } catch (InvalidInputException | ModelInputException e) {
            String field = e instanceof InvalidInputException i ? i.field() : ((ModelInputException) e).field();
            String message = e.getMessage().startsWith(field) ? e.getMessage() : field + ": " + e.getMessage();
            err.println("txorder check: " + message.replace('\n', ' '));
            err.flush();
            return TxorderCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("txorder check: the run failed: cannot run TLC: " + e.getMessage());
            err.flush();
            return TxorderCommand.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("txorder check: interrupted");
            err.flush();
            return TxorderCommand.INTERRUPTED;
        } finally {
            if (work != null && !keep) {
                WorkFolders.deleteQuietly(work);
            }
        }
    }

    private GeneratedModel generatedModel() {
        String missing = "give --model NAME, or --layout, --policy, --cpus and --requests";
        Layout parsed = Layout.parse(OptionValues.required("layout", layout, missing));
        String p = OptionValues.required("policy", policy, "allowed: hash, next").strip().toLowerCase(Locale.ROOT);
        if (!p.equals("hash") && !p.equals("next")) {
            throw new InvalidInputException("policy", "'" + policy + "' is not a policy; allowed: hash, next");
        }
        int c = OptionValues.intIn("cpus", OptionValues.required("cpus", cpus, "allowed 1.." + MAX_CPUS), 1, MAX_CPUS);
        int n = OptionValues.intIn("requests", OptionValues.required("requests", requests, "allowed 1.." + MAX_REQUESTS),
                1, MAX_REQUESTS);
        int a = arrayMax == null ? 1 : OptionValues.intIn("array-max", arrayMax, 1, MAX_ARRAY);
        int r = ringSize == null ? Math.max(a, 2) : OptionValues.intIn("ring-size", ringSize, a, MAX_RING);
        int f = faults == null ? 1 : OptionValues.intIn("faults", faults, 0, 2);
        // GeneratedModel says which mutants a generated model can have (ModelInputException, exit 2).
        String m = mutant == null ? "none" : mutant.strip().toUpperCase(Locale.ROOT);
        List<Integer> queues = parsed.groups().stream().map(QueueGroup::queueCount).toList();
        return new GeneratedModel(queues, p, c, n, a, r, m.equalsIgnoreCase("none") ? "none" : m,
                weights(queues.size()), f);
    }

    /** {@code strict} (no weights) or {@code wrr:W0,W1,..} with one weight 1..16 per group. */
    private List<Integer> weights(int groups) {
        if (scheduler == null || scheduler.strip().equalsIgnoreCase("strict")) {
            return List.of();
        }
        String s = scheduler.strip();
        if (!s.toLowerCase(Locale.ROOT).startsWith("wrr:")) {
            throw new InvalidInputException("scheduler", "'" + scheduler + "' is not a scheduler; allowed: strict, wrr:W0,W1,..");
        }
        List<Integer> weights = new ArrayList<>();
        for (String w : s.substring(4).split(",", -1)) {
            weights.add(OptionValues.intIn("scheduler", w, 1, 16));
        }
        if (weights.size() != groups) {
            throw new InvalidInputException("scheduler", "wrr needs one weight per group: " + groups + " for this layout, got "
                    + weights.size());
        }
        return weights;
    }

    private static int report(PrintWriter out, PrintWriter err, TlcResult result, String expected, Path kept) {
        out.printf(Locale.ROOT, "states: %d generated, %d distinct, depth %d, %.1f s%n",
                result.statesGenerated(), result.distinctStates(), result.depth(), result.seconds());
        if (kept != null) {
            out.println("work directory: " + kept);
        }
        if (result.verdict() == Verdict.PASS) {
            out.println("verdict: holds (every checked property)" + expectation(expected, result));
            out.flush();
            return TxorderCommand.HOLDS;
        }
        if (result.verdict().isViolation()) {
            String what = switch (result.verdict()) {
                case INVARIANT_VIOLATED -> "invariant";
                case ACTION_PROPERTY_VIOLATED -> "action property";
                case TEMPORAL_PROPERTY_VIOLATED -> "temporal property";
                default -> "";
            };
            out.println("verdict: VIOLATED " + result.property().orElse(result.verdict() == Verdict.DEADLOCK ? "deadlock" : "?")
                    + (what.isEmpty() ? "" : " (" + what + ")") + expectation(expected, result));
            out.println();
            out.print(Counterexample.render(result.trace()));
            out.flush();
            return TxorderCommand.VIOLATED;
        }
        // The models are the suite's own (shipped or generated from checked options): TLC failing on
        // one, or being stopped, is a failure of the run, never a verdict and never the user's input.
        err.println("txorder check: the run failed: TLC could not check the model ("
                + result.verdict().name().toLowerCase(Locale.ROOT) + "): " + result.message().lines().findFirst().orElse(""));
        err.flush();
        return TxorderCommand.RUN_FAILED;
    }

    /** The result as one JSON document; the exit status as {@link #report}'s. */
    private static int reportJson(PrintWriter out, PrintWriter err, String name, String bounds, TlcResult result, String expected,
                                  Path kept) {
        ObjectNode root = Json.object();
        root.put("model", name);
        root.put("bounds", bounds);
        boolean failed = result.verdict() != Verdict.PASS && !result.verdict().isViolation();
        root.put("verdict", result.verdict() == Verdict.PASS ? "holds" : failed ? "run-failed" : "violated");
        root.put("outcome", result.outcome());
        root.put("property", result.property().orElse(result.verdict() == Verdict.DEADLOCK ? "deadlock" : null));
        root.put("tlc_verdict", result.verdict().name().toLowerCase(Locale.ROOT));
        root.put("expected", expected);
        if (expected == null) {
            root.putNull("as_expected");
        } else {
            root.put("as_expected", result.outcome().equals(expected));
        }
        root.put("states_generated", result.statesGenerated());
        root.put("distinct_states", result.distinctStates());
        root.put("depth", result.depth());
        root.put("seconds", Math.round(result.seconds() * 10) / 10.0);
        root.put("work_directory", kept == null ? null : kept.toString());
        if (failed) {
            root.put("message", result.message().lines().findFirst().orElse(""));
        }
        ArrayNode trace = root.putArray("counterexample");
        for (TraceState state : result.trace()) {
            ObjectNode o = trace.addObject();
            o.put("state", state.number());
            o.put("action", state.action());
            ObjectNode vars = o.putObject("variables");
            new java.util.TreeMap<>(state.variables()).forEach(vars::put);
        }
        out.print(Json.write(root));
        out.flush();
        if (failed) {
            err.println("txorder check: the run failed: TLC could not check the model ("
                    + result.verdict().name().toLowerCase(Locale.ROOT) + "): " + result.message().lines().findFirst().orElse(""));
            err.flush();
            return TxorderCommand.RUN_FAILED;
        }
        return result.verdict() == Verdict.PASS ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
    }

    private static String expectation(String expected, TlcResult result) {
        if (expected == null) {
            return "";
        }
        return result.outcome().equals(expected) ? "; as the manifest expects" : "; the manifest expects " + expected;
    }
}
