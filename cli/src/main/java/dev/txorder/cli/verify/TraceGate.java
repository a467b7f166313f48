package dev.txorder.cli.verify;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.TlcRunner;
import dev.txorder.spec.trace.TraceCheck;
import dev.txorder.spec.trace.TraceValidationException;
import dev.txorder.spec.trace.TraceValidator;
import dev.txorder.spec.trace.TraceVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trace validation as a gate: recorded runs of the real driver and NIC (real threads, jitter,
 * sender faults) must each be a behaviour of the TxOrder spec, over both policies and both
 * schedulers; and each Java mutant must produce, within a few runs, a log that the correct spec
 * rejects (the mutant caught, the first unmatched record its evidence) and that the spec with the
 * same mutant switched on accepts (the recording is faithful, not merely strict).
 *
 * <p>The faithfulness check is skipped where the spec's mutant is not the Java one ({@link #NOT_SAME_IN_SPEC}
 * says why for each).
 */
public final class TraceGate implements Gate {
    /** The patent's layout in small: two groups of two queues. */
    private static final Layout LAYOUT = Layout.parse("0-3x2,4-7x2");
    private static final int ARRAY_MAX = 3;
    private static final int RING_SIZE = 4;
    private static final int FAULTS = 2;
    private static final List<Scheduler> SCHEDULERS = List.of(Scheduler.STRICT, Scheduler.wrr(1, 2));
    /** Runs a mutant gets to produce a log the correct spec rejects. */
    private static final int MUTANT_TRIES = 10;
    /** Mutants whose spec switch is another change than the Java one: their logs need not be accepted by it. */
    private static final Map<Mutant, String> NOT_SAME_IN_SPEC = Map.of(
            Mutant.M4, "the spec's M4 hashes the flow key plus the request number, the Java M4 the request id",
            Mutant.M5, "the spec's M5 claims at the tail it read but never moves the tail back; the Java M5's plain"
                    + " TAIL store can, when two unlocked senders race",
            Mutant.M10, "the spec's M10 is a switch of SlotRing, the ring's rows; TxOrder keeps a ring as a sequence,"
                    + " where no stale row can stand for a reserved slot");

    private final Path root;

    public TraceGate(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String proves() {
        return "recorded runs of the real Java driver and NIC are behaviours of the TLA+ spec (TLC), both policies and schedulers, faults on";
    }

    /** The runs of a profile: per policy and scheduler, how many, how many cpus and requests. */
    private record Plan(int runsPerCell, int cpus, int requests) {
        static Plan of(Profile p) {
            return p == Profile.quick ? new Plan(5, 2, 30) : new Plan(15, 3, 60);
        }
    }

    @Override
    public GateResult run(VerifyContext context) throws InterruptedException {
        long start = System.nanoTime();
        Plan plan = Plan.of(context.profile());
        Path work = context.logs(name());
        TraceValidator validator = new TraceValidator(SpecFiles.directory(root.resolve("spec")),
                new TlcRunner(work.resolve("tlc"), Duration.ofMinutes(10)));
        List<Check> checks = new ArrayList<>();
        List<Kill> kills = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        long records = 0;
        int runs = 0;
        int conforming = 0;
        Optional<Mutant> inject = context.inject();
        List<Mutant> mutants = List.of(Mutant.M1, Mutant.M2, Mutant.M3, Mutant.M4, Mutant.M5, Mutant.M6, Mutant.M7,
                Mutant.M9, Mutant.M10);
        // The gate's work: every run of the correct design by its label, then every mutant; a shard takes its slice.
        List<String> items = new ArrayList<>();
        long seeds = 1;
        for (AssignmentPolicy policy : AssignmentPolicy.values()) {
            for (Scheduler scheduler : SCHEDULERS) {
                for (int i = 0; i < plan.runsPerCell(); i++) {
                    items.add(label(policy, scheduler, seeds++));
                }
            }
        }
        mutants.forEach(m -> items.add(m.name()));
        Work shardWork = context.shard().work(name(), items, x -> x);
        if (shardWork.noneHere()) {
            return GateResult.noneInShard(this, context.shard(), shardWork);
        }
        Set<String> mine = Set.copyOf(shardWork.items());
        List<Mutant> myMutants = mutants.stream().filter(m -> mine.contains(m.name())).toList();
        try (Progress.Task task = context.progress().start(name(), mine.size())) {
            long seed = 1;
            for (AssignmentPolicy policy : AssignmentPolicy.values()) {
                for (Scheduler scheduler : SCHEDULERS) {
                    for (int i = 0; i < plan.runsPerCell(); i++, seed++) {
                        String label = label(policy, scheduler, seed);
                        if (!mine.contains(label)) {
                            continue;
                        }
                        EnumSet<Mutant> injected = EnumSet.noneOf(Mutant.class);
                        inject.filter(m -> m.changes(policy, scheduler.kind())).ifPresent(injected::add);
                        TxConfig config = config(policy, scheduler, injected);
                        TraceCheck.Outcome o;
                        try {
                            o = TraceCheck.run(validator, label, config,
                                    TraceCheck.workload(LAYOUT, plan.requests(), plan.cpus(), ARRAY_MAX, seed), seed, FAULTS,
                                    Simulation.DEFAULT_STALL_MILLIS, "none", work.resolve("logs"));
                        } catch (IOException | TraceValidationException e) {
                            checks.add(new Check(label, Verdict.FAIL, 0, "-", "could not run: " + e.getMessage(), ""));
                            task.step(label + " could not run");
                            continue;
                        }
                        TraceVerdict v = o.verdict();
                        runs++;
                        records += v.events();
                        conforming += v.conforms() ? 1 : 0;
                        String detail = v.conforms()
                                ? String.format("%,d records conform", v.events())
                                : "TraceConforms violated: seq " + (v.unmatched() - 1) + " (" + v.event().action().tlaName()
                                + ") is no step of the spec" + (injected.isEmpty() ? "" : " (injected " + injected + ")");
                        checks.add(new Check(label, Verdict.of(v.conforms()), v.seconds(),
                                String.format("%,d records", v.events()), detail, v.conforms() ? "" : v.explain()));
                        if (!v.conforms()) {
                            traces.add(new Trace(label + ": " + detail, List.of(), List.of(), v.explain()));
                        }
                        task.step(label + (v.conforms() ? " conforms" : " REJECTED"));
                    }
                }
            }
            for (Mutant m : myMutants) {
                Kill kill = catchMutant(validator, work, m, plan, checks, traces);
                kills.add(kill);
                task.step(m + (kill.caught() ? " caught" : " missed"));
            }
        } catch (IOException e) {
            return GateResult.couldNotRun(this, (System.nanoTime() - start) / 1e9, "cannot run: " + e.getMessage());
        }
        long failed = checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
        String faithful = kills.stream().filter(Kill::caught).map(Kill::mutant).filter(m -> !NOT_SAME_IN_SPEC.containsKey(m))
                .map(Mutant::name).collect(Collectors.joining(", "));
        String detail = failed == 0
                ? String.format("%d runs conform; %d of %d mutants rejected by the correct spec; the logs of %s accepted"
                        + " by the spec with the same mutant", conforming, kills.stream().filter(Kill::caught).count(),
                        myMutants.size(), faithful)
                : checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(c -> c.name() + ": " + c.detail())
                        .findFirst().orElse("") + (failed > 1 ? " (and " + (failed - 1) + " more)" : "");
        boolean ranSomething = runs > 0 || !myMutants.isEmpty();
        return new GateResult(name(), proves(), Verdict.of(failed == 0 && ranSomething), (System.nanoTime() - start) / 1e9,
                Effort.of(records, "records").and(runs, "runs"), ranSomething ? detail : "no run completed",
                checks, kills, traces, List.of(), shardWork);
    }

    private static String label(AssignmentPolicy policy, Scheduler scheduler, long seed) {
        return String.format(Locale.ROOT, "%s-%s-%d", policy.name().toLowerCase(Locale.ROOT),
                scheduler.kind().name().toLowerCase(Locale.ROOT), seed);
    }

    /**
     * Runs mutant m until the correct spec rejects a log (up to {@value #MUTANT_TRIES} runs), then
     * validates that log against the spec with m switched on, which must accept it.
     */
    private Kill catchMutant(TraceValidator validator, Path work, Mutant m, Plan plan, List<Check> checks,
                             List<Trace> traces) throws IOException, InterruptedException {
        AssignmentPolicy policy = m == Mutant.M4 || m == Mutant.M5 ? AssignmentPolicy.HASH : AssignmentPolicy.NEXT;
        // M9 is a wrr mutant; the others show under strict scheduling.
        TxConfig config = config(policy, m == Mutant.M9 ? Scheduler.wrr(1, 2) : Scheduler.STRICT, EnumSet.of(m));
        long records = 0;
        for (int i = 1; i <= MUTANT_TRIES; i++) {
            long seed = 1000L * m.ordinal() + i;
            String label = m + "-" + i;
            TraceCheck.Outcome o;
            try {
                o = TraceCheck.run(validator, label, config,
                        TraceCheck.workload(LAYOUT, plan.requests(), plan.cpus(), ARRAY_MAX, seed), seed, FAULTS,
                        // M6 stalls the NIC by design: no need to wait long to see it.
                        m == Mutant.M6 ? 300 : Simulation.DEFAULT_STALL_MILLIS, "none", work.resolve("logs"));
            } catch (TraceValidationException e) {
                checks.add(new Check(label, Verdict.FAIL, 0, "-", "could not run: " + e.getMessage(), ""));
                return Kill.missed(m, name(), "could not run: " + e.getMessage());
            }
            TraceVerdict v = o.verdict();
            records += v.unmatched() > 0 ? v.unmatched() : v.events();
            if (v.conforms()) {
                continue;
            }
            String evidence = "run " + i + ", " + v.context().get(v.context().size() - 1) + ", is no step of the correct spec";
            traces.add(new Trace(m + ": " + evidence, List.of(), List.of(), v.explain()));
            if (NOT_SAME_IN_SPEC.containsKey(m)) {
                checks.add(new Check(label, Verdict.PASS, v.seconds(), String.format("%,d records", records),
                        "caught: " + evidence + "; not validated against the spec with " + m + ": "
                                + NOT_SAME_IN_SPEC.get(m), ""));
                return Kill.caught(m, name(), records, "records", "TraceConforms", "TraceConforms: " + evidence);
            }
            TraceVerdict same;
            try {
                same = validator.validate(label + "-spec" + m, o.run().header(), o.run().events(), m.name());
            } catch (TraceValidationException e) {
                checks.add(new Check(label, Verdict.FAIL, 0, "-", "could not validate against the spec with " + m + ": "
                        + e.getMessage(), ""));
                return Kill.missed(m, name(), "could not validate against the spec with " + m);
            }
            if (!same.conforms()) {
                String why = "the spec with " + m + " switched on rejects the " + m + " log at seq " + (same.unmatched() - 1)
                        + ": the recording is not faithful";
                checks.add(new Check(label, Verdict.FAIL, v.seconds() + same.seconds(), "-", why, same.explain()));
                traces.add(new Trace(m + ": " + why, List.of(), List.of(), same.explain()));
                return Kill.missed(m, name(), why);
            }
            checks.add(new Check(label, Verdict.PASS, v.seconds() + same.seconds(), String.format("%,d records", records),
                    "caught: " + evidence + "; the spec with " + m + " accepts the whole log", ""));
            return Kill.caught(m, name(), records, "records", "TraceConforms", "TraceConforms: " + evidence);
        }
        String why = "every one of " + MUTANT_TRIES + " runs conformed to the correct spec";
        checks.add(new Check(m + "-missed", Verdict.FAIL, 0, "-", why, ""));
        return Kill.missed(m, name(), why);
    }

    private static TxConfig config(AssignmentPolicy policy, Scheduler scheduler, Set<Mutant> mutants) {
        return new TxConfig(LAYOUT, policy, HashKey.MAC, scheduler, RING_SIZE, mutants);
    }
}
