package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.cli.verify.Gate;
import dev.txorder.cli.verify.GateResult;
import dev.txorder.cli.verify.Profile;
import dev.txorder.cli.verify.Progress;
import dev.txorder.cli.verify.Shard;
import dev.txorder.cli.verify.Verdict;
import dev.txorder.cli.verify.Verifier;
import dev.txorder.cli.verify.VerifyContext;
import dev.txorder.cli.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code txorder verify}: the CI gate (DESIGN.md §6). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"The CI gate: every TLC model of the profile against its declared outcome, the property tests, "
                + "the Lincheck model checks, the JCStress suite, the proofs (when present) and the mutant kill matrix.",
                "Prints one summary table; writes DIR/summary.json, DIR/junit.xml and DIR/index.html.",
                "Exit status: 0 everything holds, 1 a property or gate fails, 2 bad input, 3 a gate it was asked to run ran nothing",
                "(a gate that ran nothing is reported \"not run\", never a pass; leave it out with --gates to skip it on purpose)."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "quick|full",
            description = "quick: the CI job (TLC's CI models, JCStress time-boxed); full: every model, JCStress -m quick. Default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = "--report", paramLabel = "DIR", description = "Where the report goes. Default: target/txorder-report/ of the checkout.")
    Path report;

    @Option(names = "--gates", completionCandidates = Candidates.Gates.class, split = ",", paramLabel = "GATE",
            description = "Only these gates (tlc, properties, lincheck, trace, jcstress, proofs); the kill matrix judges the tools that ran. Default: all.")
    List<String> only;

    @Option(names = "--inject", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx",
            description = "Break the correct design on purpose: switch mutant Mx on wherever the correct design is checked "
                    + "(the TLC models declared to pass, the property tests, the Lincheck and JCStress tests of the correct "
                    + "code, the trace runs), to see each gate fail and name the property.")
    String inject;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N: each gate takes every N-th item of its work (models, test classes, runs, "
                    + "stress tests). Run 1/N ... N/N on N machines, then join them with: txorder report merge DIR... "
                    + "A shard's own kill matrix is not judged; the merge judges it.")
    String shard;

    /** The gates of a checkout; tests replace it to run the command on gates of their own. */
    Function<Path, List<Gate>> gateSource = Verifier::gates;
    PrintStream console = System.out;

    @Override
    public Integer call() throws InterruptedException {
        Path root = checkout();
        Optional<Mutant> injected;
        try {
            injected = inject == null ? Optional.empty() : Optional.of(Mutant.parse(inject));
        } catch (InvalidInputException e) {
            System.err.println("txorder verify: inject: " + e.getMessage());
            return TxorderCommand.BAD_INPUT;
        }
        Shard part;
        try {
            part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        } catch (InvalidInputException e) {
            System.err.println("txorder verify: " + e.getMessage());
            return TxorderCommand.BAD_INPUT;
        }
        List<Gate> gates = gateSource.apply(root);
        if (only != null) {
            List<String> names = gates.stream().map(Gate::name).toList();
            List<String> unknown = only.stream().filter(g -> !names.contains(g)).toList();
            if (!unknown.isEmpty() || only.isEmpty()) {
                System.err.println("txorder verify: gates: " + (unknown.isEmpty() ? "none given" : "'" + String.join(",", unknown) + "' unknown")
                        + "; allowed: " + String.join(", ", names));
                return TxorderCommand.BAD_INPUT;
            }
            gates = gates.stream().filter(g -> only.contains(g.name())).collect(Collectors.toCollection(ArrayList::new));
        }
        Path dir = report != null ? report : root.resolve("target/txorder-report");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            System.err.println("txorder verify: report: " + dir + " is a file; allowed: a folder (created if missing)");
            return TxorderCommand.BAD_INPUT;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            System.err.println("txorder verify: report: cannot create " + dir + ": " + e.getMessage());
            return TxorderCommand.BAD_INPUT;
        }
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        VerifyContext context = new VerifyContext(root, profile, dir, console,
                console == System.out ? Progress.forConsole(console) : Progress.lines(console), injected, part);
        if (!part.whole()) {
            console.println("verify: shard " + part + ": each gate runs its share of the work; join the "
                    + part.count() + " shards' reports with: txorder report merge DIR...");
        }
        injected.ifPresent(m -> console.println("verify: " + m + " injected into the correct design on purpose: the gate must fail"));
        try {
            VerifyReport r = Verifier.run(gates, context, terminal && console == System.out);
            injected.ifPresent(m -> console.println(injectSummary(m, r)));
            if (r.verdict() == Verdict.SKIP) {
                for (var g : r.notRun()) {
                    console.println("verify: gate " + g.name() + " did not run: " + g.detail()
                            + " (leave it out with --gates to run without it on purpose)");
                }
                return TxorderCommand.RUN_FAILED;
            }
            return r.verdict() == Verdict.PASS ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
        } catch (IOException e) {
            System.err.println("txorder verify: report: cannot write to " + dir + ": " + e.getMessage());
            return TxorderCommand.VIOLATED;
        }
    }

    /**
     * With a mutant injected, which gates failed, as they must, and which passed anyway: either the
     * mutant changes nothing they run (proofs never switch it on; M9 changes nothing under strict) or
     * they are blind to it, which the gate's own detail tells apart.
     */
    static String injectSummary(Mutant m, VerifyReport r) {
        List<GateResult> tools = r.gates().stream().filter(g -> !g.name().equals("mutants") && g.verdict() != Verdict.SKIP).toList();
        String failed = tools.stream().filter(g -> g.verdict() == Verdict.FAIL).map(GateResult::name).collect(Collectors.joining(", "));
        String passed = tools.stream().filter(g -> g.verdict() == Verdict.PASS).map(GateResult::name).collect(Collectors.joining(", "));
        return "verify: with " + m + " injected: failed, as they must: " + (failed.isEmpty() ? "none" : failed)
                + "; passed anyway (" + m + " changes nothing they run, or they missed it): " + (passed.isEmpty() ? "none" : passed);
    }

    /** The checkout: the nearest directory up from the working directory that holds impl/ and spec/, else the working directory. */
    private static Path checkout() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("spec")) && Files.isDirectory(p.resolve("impl"))) {
                return p;
            }
        }
        return cwd;
    }
}
