package dev.txorder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.io.Json;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.SpecMutants;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.WorkFolders;
import dev.txorder.spec.trace.TraceCheck;
import dev.txorder.spec.trace.TraceModel;
import dev.txorder.spec.trace.TraceValidationException;
import dev.txorder.spec.trace.TraceValidator;
import dev.txorder.spec.trace.TraceVerdict;
import dev.txorder.trace.TraceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder trace}: trace validation. Runs the real driver and NIC on real threads with the
 * action log on, and has TLC check that each recorded run is a behaviour of the TxOrder spec
 * ({@code TraceTxOrder.tla}); or validates a log recorded earlier, by txorder or by another
 * implementation of the design ({@code --log}).
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Trace validation: runs the Java driver and the simulated NIC on real threads with the action log",
            "on (one record per TLA+ action, in the order the actions took effect), and has TLC check that the",
            "recorded run is a behaviour of the TxOrder specification; or validates a recorded log (--log FILE,",
            "format txorder-trace/1, see spec/README.md). Runs stop at the first log that does not conform",
            "(--all runs them all); its first unmatched record is printed with the spec state before it.",
            "Exit status: 0 every log conforms, 1 one does not, 2 bad input, 3 the run or TLC failed, 130 interrupted."})
final class TraceCommand implements Callable<Integer> {
    private static final int MAX_REQUESTS = 2_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--log", paramLabel = "FILE", description = "validate this recorded log instead of running")
    Path log;

    @Option(names = "--layout", paramLabel = "L", description = "groups and queues, e.g. 0-3x2,4-7x2 or mqprio:...")
    String layout;

    @Option(names = "--policy", completionCandidates = Candidates.Policies.class, paramLabel = "hash|next", description = "queue assignment policy")
    String policy;

    @Option(names = "--scheduler", completionCandidates = Candidates.Schedulers.class, paramLabel = "strict|wrr:W0,..", description = "between groups (default strict)")
    String scheduler;

    @Option(names = "--hash-key", completionCandidates = Candidates.HashKeys.class, paramLabel = "mac|flow", description = "the hash policy's flow key (default mac)")
    String hashKey;

    @Option(names = "--cpus", paramLabel = "C", description = "sender threads, 1..8")
    String cpus;

    @Option(names = "--requests", paramLabel = "N", description = "requests per run, 1.." + MAX_REQUESTS)
    String requests;

    @Option(names = "--array-max", paramLabel = "A", description = "largest packet array, 1..16 (default 3)")
    String arrayMax;

    @Option(names = "--ring-size", paramLabel = "R", description = "descriptors per ring, A..1024 (default max(A, 4))")
    String ringSize;

    @Option(names = "--faults", paramLabel = "F", description = "sends per run that fail part-way, 0..N (default 2)")
    String faults;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the first run's workload, jitter and faults (default 1)")
    String seed;

    @Option(names = "--runs", paramLabel = "K", description = "runs, seeds S, S+1, ... (default 1)")
    String runs;

    @Option(names = "--mutant", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx", description = "run a broken Java design: M1..M7, M9, M10 (M1-M3 need next, M4 hash, M7 strict, M9 wrr)")
    String mutant;

    @Option(names = "--spec-mutant", completionCandidates = Candidates.SpecMutants.class, paramLabel = "none|same|Mx",
            description = "the spec to validate against: none (the correct design, default), same (the run's mutant "
                    + "switched on in the spec too), or M1..M7, M9")
    String specMutant;

    @Option(names = "--all", description = "run every run even after one does not conform")
    boolean all;

    @Option(names = "--keep", paramLabel = "DIR", description = "keep each run's log (DIR/run-K.ndjson) and TLC's work folder")
    Path keep;

    @Option(names = "--json", description = "print the result as one JSON document (each run's figures, the verdict and the "
            + "first rejected record with its context) instead of the text")
    boolean json;

    /** The JSON document being built under --json, else null. */
    private ObjectNode doc;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop TLC on one log after this long (default 600)")
    String timeout;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Under --json the text goes nowhere and one document goes to stdout at the end.
        PrintWriter out = json ? new PrintWriter(Writer.nullWriter()) : stdout;
        doc = json ? Json.object() : null;
        Path work = null;
        try {
            Duration limit = Duration.ofSeconds(timeout == null ? 600 : OptionValues.intIn("timeout", timeout, 1, 86_400));
            work = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("txorder-trace");
            SpecFiles files = SpecFiles.extractedFromClasspath(work.resolve("spec"));
            TraceValidator validator = new TraceValidator(files, new TlcRunner(work.resolve("tlc"), limit));
            int status = log != null ? validateLog(out, validator) : runAndValidate(out, validator);
            if (json) {
                stdout.print(Json.write(doc));
                stdout.flush();
            }
            return status;
        } catch (InvalidInputException e) {
            String message = e.getMessage().startsWith(e.field()) ? e.getMessage() : e.field() + ": " + e.getMessage();
            err.println("txorder trace: " + message.replace('\n', ' '));
            err.flush();
            return TxorderCommand.BAD_INPUT;
        } catch (TraceValidationException | IOException e) {
            err.println("txorder trace: the run failed: " + e.getMessage());
            err.flush();
            return TxorderCommand.RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("txorder trace: interrupted");
            err.flush();
            return TxorderCommand.INTERRUPTED;
        } finally {
            if (work != null && keep == null) {
                WorkFolders.deleteQuietly(work);
            }
        }
    }

    private int validateLog(PrintWriter out, TraceValidator validator) throws IOException, InterruptedException {
        for (Object other : new Object[] {layout, policy, scheduler, hashKey, cpus, requests, arrayMax, ringSize, faults,
                                          seed, runs, mutant}) {
            OptionValues.notWith("log", other, "--log validates a recorded log; the run options do not apply "
                    + "(only --spec-mutant, --keep, --timeout)");
        }
        TraceFile.Contents contents = TraceFile.read(log);
        String against = specMutant(contents.header().mutants().isEmpty() ? null : contents.header().mutants().get(0));
        out.printf("txorder trace: %s: %d records of a %s run, %s scheduler, layout %s; spec: %s%n", log,
                contents.events().size(), contents.header().policy(), contents.header().scheduler(),
                contents.header().layout(), describeSpec(against));
        out.flush();
        TraceVerdict v = validator.validate("log", contents.header(), contents.events(), against);
        out.printf(Locale.ROOT, "TLC: %,d distinct states, %.1f s%n", v.distinctStates(), v.seconds());
        if (doc != null) {
            doc.put("log", log.toString());
            doc.put("policy", contents.header().policy());
            doc.put("scheduler", contents.header().scheduler());
            doc.put("layout", contents.header().layout());
            doc.put("spec", describeSpec(against));
            doc.put("records", v.events());
            doc.put("distinct_states", v.distinctStates());
            doc.put("tlc_seconds", Math.round(v.seconds() * 10) / 10.0);
        }
        return verdict(out, v);
    }

    private int runAndValidate(PrintWriter out, TraceValidator validator) throws IOException, InterruptedException {
        String missing = "give --log FILE, or --layout, --policy, --cpus and --requests";
        Layout parsed = Layout.parse(OptionValues.required("layout", layout, missing));
        AssignmentPolicy p = AssignmentPolicy.parse(OptionValues.required("policy", policy, "allowed: hash, next"));
        Scheduler s = scheduler == null ? Scheduler.STRICT : Scheduler.parse(scheduler);
        if (hashKey != null && p != AssignmentPolicy.HASH) {
            throw new InvalidInputException("hash-key", "only with --policy hash; under " + p.name().toLowerCase(Locale.ROOT)
                    + " a request's queue does not depend on its flow key");
        }
        HashKey key = hashKey == null ? HashKey.MAC : HashKey.parse(hashKey);
        int c = OptionValues.intIn("cpus", OptionValues.required("cpus", cpus, "allowed 1..8"), 1, 8);
        int n = OptionValues.intIn("requests", OptionValues.required("requests", requests, "allowed 1.." + MAX_REQUESTS),
                1, MAX_REQUESTS);
        int a = arrayMax == null ? 3 : OptionValues.intIn("array-max", arrayMax, 1, 16);
        int r = ringSize == null ? Math.max(a, 4) : OptionValues.intIn("ring-size", ringSize, a, 1024);
        int f = faults == null ? Math.min(2, n) : OptionValues.intIn("faults", faults, 0, n);
        long first = seed == null ? 1 : OptionValues.longIn("seed", seed, 0, Long.MAX_VALUE / 2);
        int k = runs == null ? 1 : OptionValues.intIn("runs", runs, 1, 10_000);
        EnumSet<Mutant> mutants = EnumSet.noneOf(Mutant.class);
        if (mutant != null) {
            Mutant m = Mutant.parse(mutant);
            if (m == Mutant.M8) {
                throw new InvalidInputException("mutant", "M8 is a memory-model reordering the spec does not model; "
                        + "allowed: M1..M7, M9, M10");
            }
            if (m == Mutant.M11) {
                throw new InvalidInputException("mutant", "M11 needs a fault between ticket and reservation, which trace "
                        + "runs do not inject (the correct driver's recovery leaves no record to check); allowed: M1..M7, M9, M10");
            }
            m.checkChanges(p, s);
            mutants.add(m);
        }
        String against = specMutant(mutant == null ? null : mutants.iterator().next().name());
        TxConfig config = new TxConfig(parsed, p, key, s, r, mutants);
        out.printf("txorder trace: %s policy, %s scheduler, layout %s, %d cpus, %d requests of 1-%d packets, rings of %d,"
                        + " %d fault(s) per run, Java %s; spec: %s%n", p.name().toLowerCase(Locale.ROOT), s, parsed.notation(),
                c, n, a, r, f, mutants.isEmpty() ? "correct" : "mutant " + mutants.iterator().next(), describeSpec(against));
        out.printf("%-4s %-6s %7s %7s %7s %7s %-9s %s%n", "RUN", "SEED", "EVENTS", "STATES", "RUN s", "TLC s", "AUDIT", "VERDICT");
        out.flush();
        ArrayNode runRows = null;
        if (doc != null) {
            doc.put("policy", p.name().toLowerCase(Locale.ROOT));
            doc.put("scheduler", s.toString());
            doc.put("layout", parsed.notation());
            doc.put("cpus", c);
            doc.put("requests", n);
            doc.put("array_max", a);
            doc.put("ring_size", r);
            doc.put("faults", f);
            doc.put("java", mutants.isEmpty() ? "correct" : mutants.iterator().next().name());
            doc.put("spec", describeSpec(against));
            runRows = doc.putArray("runs");
        }
        int conforming = 0;
        long events = 0;
        double tlcSeconds = 0;
        TraceVerdict firstRejection = null;
        int ran = 0;
        for (int i = 0; i < k; i++) {
            long runSeed = first + i;
            TraceCheck.Outcome o = TraceCheck.run(validator, String.format(Locale.ROOT, "run-%d", i + 1), config,
                    TraceCheck.workload(parsed, n, c, a, runSeed), runSeed, f, Simulation.DEFAULT_STALL_MILLIS, against,
                    keep);
            ran++;
            TraceVerdict v = o.verdict();
            events += v.events();
            tlcSeconds += v.seconds();
            int violations = o.run().audit().violations().size();
            out.printf(Locale.ROOT, "%-4d %-6d %,7d %,7d %7.2f %7.1f %-9s %s%n", i + 1, runSeed, v.events(),
                    v.distinctStates(), o.runSeconds(), v.seconds(), violations == 0 ? "clean" : violations + " viol.",
                    v.conforms() ? "conforms" : "REJECTED at seq " + (v.unmatched() - 1));
            out.flush();
            if (runRows != null) {
                ObjectNode row = runRows.addObject();
                row.put("run", i + 1);
                row.put("seed", runSeed);
                row.put("records", v.events());
                row.put("distinct_states", v.distinctStates());
                row.put("run_seconds", Math.round(o.runSeconds() * 100) / 100.0);
                row.put("tlc_seconds", Math.round(v.seconds() * 10) / 10.0);
                row.put("audit_violations", violations);
                row.put("conforms", v.conforms());
                if (!v.conforms()) {
                    row.put("rejected_seq", v.unmatched() - 1);
                }
            }
            if (v.conforms()) {
                conforming++;
            } else if (firstRejection == null) {
                firstRejection = v;
                if (!all) {
                    break;
                }
            }
        }
        out.printf(Locale.ROOT, "%d of %d runs conform%s: %,d records validated, %.1f s of TLC%n", conforming, ran,
                ran < k ? " (stopped at the first that does not; --all runs every run)" : "", events, tlcSeconds);
        if (keep != null) {
            out.println("kept: " + keep.toAbsolutePath());
        }
        if (doc != null) {
            doc.put("runs_planned", k);
            doc.put("runs_conforming", conforming);
            doc.put("records", events);
            doc.put("tlc_seconds", Math.round(tlcSeconds * 10) / 10.0);
            doc.put("kept", keep == null ? null : keep.toAbsolutePath().toString());
        }
        return firstRejection == null ? verdict(out, null) : verdict(out, firstRejection);
    }

    private int verdict(PrintWriter out, TraceVerdict v) {
        if (doc != null) {
            boolean conforms = v == null || v.conforms();
            doc.put("verdict", conforms ? "conforms" : "does-not-conform");
            if (conforms) {
                doc.putNull("rejection");
            } else {
                ObjectNode r = doc.putObject("rejection");
                r.put("seq", v.unmatched() - 1);
                r.put("action", v.event().action().tlaName());
                v.context().forEach(r.putArray("context")::add);
                r.put("spec_state", v.specState());
                r.put("steps", v.steps());
                r.put("explanation", v.explain());
            }
        }
        if (v == null || v.conforms()) {
            out.println("verdict: conforms (every recorded run is a behaviour of the spec)");
            out.flush();
            return TxorderCommand.HOLDS;
        }
        out.println("verdict: DOES NOT CONFORM (TraceConforms)");
        out.println();
        out.print(v.explain());
        out.flush();
        return TxorderCommand.VIOLATED;
    }

    /** The spec mutant to validate against, from --spec-mutant and the run's mutant (or null). */
    private String specMutant(String runMutant) {
        if (specMutant == null || specMutant.strip().equalsIgnoreCase("none")) {
            return "none";
        }
        boolean same = specMutant.strip().equalsIgnoreCase("same");
        if (same && runMutant == null) {
            throw new InvalidInputException("spec-mutant", "same means the run's mutant, and this run has none; "
                    + "allowed: none, same (with --mutant), M1..M7, M9");
        }
        String m = same ? runMutant : specMutant.strip().toUpperCase(Locale.ROOT);
        if (SpecMutants.OF_SLOT_RING.contains(m)) {
            throw new InvalidInputException("spec-mutant", m + " is a mutant of the ring's rows (SlotRing.tla), which the"
                    + " TxOrder spec a trace is checked against does not keep; run " + m + " against the correct spec"
                    + " (--spec-mutant none), which must reject it; allowed: none, same, M1..M7, M9");
        }
        if (!TraceModel.validatesAgainst(m)) {
            throw new InvalidInputException("spec-mutant", "'" + specMutant + "'; allowed: none, same, M1..M7, M9");
        }
        return m;
    }

    private static String describeSpec(String specMutant) {
        return specMutant.equals("none") ? "the correct design" : "mutant " + specMutant + " switched on";
    }
}
