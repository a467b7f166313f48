package dev.txorder.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A model built from command-line parameters rather than shipped: every request may be any packet
 * count 1..arrayMax of any flow (one flow per group under next; two per group, keys 0 and 1, under
 * hash), so the check covers every workload as well as every interleaving within the bounds.
 * It checks every property that applies to the policy and scheduler, liveness included, so it
 * runs without symmetry.
 *
 * @param queuesPerGroup the number of queues of group 0, 1, ... (priority g maps to group g)
 * @param weights        wrr weights per group, or empty for the strict scheduler
 */
public record GeneratedModel(List<Integer> queuesPerGroup, String policy, int cpus, int requests, int arrayMax,
                             int ringSize, String mutant, List<Integer> weights, int faults) {
    /** The module name of every generated model. */
    public static final String NAME = "MCGenerated";


    public GeneratedModel {
        queuesPerGroup = List.copyOf(queuesPerGroup);
        weights = List.copyOf(weights);
        if (queuesPerGroup.isEmpty() || queuesPerGroup.stream().anyMatch(k -> k < 1)) {
            throw new ModelInputException("layout", "every group needs at least 1 queue");
        }
        if (!policy.equals("hash") && !policy.equals("next")) {
            throw new ModelInputException("policy", "'" + policy + "' is not a policy; allowed: hash, next");
        }
        if (cpus < 1) {
            throw new ModelInputException("cpus", "must be at least 1, was " + cpus);
        }
        if (requests < 1) {
            throw new ModelInputException("requests", "must be at least 1, was " + requests);
        }
        if (arrayMax < 1) {
            throw new ModelInputException("array-max", "must be at least 1, was " + arrayMax);
        }
        if (ringSize < arrayMax) {
            throw new ModelInputException("ring-size", "must be at least --array-max (" + arrayMax + "), was " + ringSize);
        }
        if (faults < 0) {
            throw new ModelInputException("faults", "must be 0 or more, was " + faults);
        }
        if (SpecMutants.OF_SLOT_RING.contains(mutant)) {
            throw new ModelInputException("mutant", mutant + " is a mutant of the ring's rows (SlotRing.tla), which a"
                    + " generated TxOrder model does not have; its models are MCM10 and MCM10Refines; allowed here: "
                    + SpecMutants.allowedInTxOrder());
        }
        if (!mutant.equals("none") && !SpecMutants.inTxOrder(mutant)) {
            throw new ModelInputException("mutant", "'" + mutant + "' is not a mutant; allowed: " + SpecMutants.allowedInTxOrder());
        }
        if (Set.of("M1", "M2", "M3", "M11").contains(mutant) && !policy.equals("next")) {
            throw new ModelInputException("mutant", mutant + " is a mutant of the next policy; use --policy next");
        }
        if (Set.of("M4", "M5").contains(mutant) && !policy.equals("hash")) {
            throw new ModelInputException("mutant", mutant + " is a mutant of the hash policy; use --policy hash");
        }
        if (mutant.equals("M7") && !weights.isEmpty()) {
            throw new ModelInputException("mutant", "M7 is a mutant of the strict scheduler; use --scheduler strict");
        }
        if (mutant.equals("M9") && weights.isEmpty()) {
            throw new ModelInputException("mutant", "M9 is a mutant of the wrr scheduler; use --scheduler wrr:W0,W1,..");
        }
        if (!weights.isEmpty() && weights.size() != queuesPerGroup.size()) {
            throw new ModelInputException("scheduler", "wrr needs one weight per group (" + queuesPerGroup.size()
                    + "), got " + weights.size());
        }
        if (weights.stream().anyMatch(w -> w < 1)) {
            throw new ModelInputException("scheduler", "wrr weights must be at least 1");
        }
    }

    public boolean strict() {
        return weights.isEmpty();
    }

    /** The invariants the model checks, in the order of DESIGN.md section 3. */
    public List<String> invariants() {
        List<String> names = new ArrayList<>(List.of("TypeOK", "NoLoss", "NoDuplicate", "FlowOrder"));
        names.addAll(policy.equals("next") ? List.of("GroupOrder", "RequestContiguity") : List.of("FlowAffinity"));
        names.add("PriorityIsolation");
        names.add("SlotExclusion");
        return names;
    }

    /**
     * The temporal and action properties the model checks. NoLossLiveness is left out: it follows
     * from Progress and the NoLoss invariant (Terminated empties every ring and is final), and with
     * a single temporal property TLC's anonymous "temporal properties were violated" names one.
     */
    public List<String> properties() {
        List<String> names = new ArrayList<>();
        names.add(strict() ? "StrictPriority" : "WeightedShare");
        names.add("Progress");
        return names;
    }

    /** The text of {@code MCGenerated.tla}. */
    /** Stages the spec's modules and this model in {@code runner}'s folder for it, and checks it with TLC. */
    public TlcResult check(TlcRunner runner, SpecFiles files) throws IOException, InterruptedException {
        Path dir = runner.cleanDirectory(NAME);
        files.stage(dir, List.of());
        Files.writeString(dir.resolve(NAME + ".tla"), module(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(NAME + ".cfg"), config(), StandardCharsets.UTF_8);
        return runner.check(dir, NAME);
    }

    public String module() {
        int groups = queuesPerGroup.size();
        List<String> flows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int flowsInGroup = policy.equals("hash") ? 2 : 1;
            for (int f = 0; f < flowsInGroup; f++) {
                String flow = "\"g" + g + (char) ('a' + f) + "\"";
                flows.add(flow);
                keys.add(flow + " :> " + f);
                priorities.add(flow + " :> " + g);
            }
        }
        return String.join("\n",
                "---------------------------- MODULE " + NAME + " ----------------------------",
                "(* Generated by txorder check: " + bounds() + ". *)",
                "EXTENDS MCTxOrder",
                "",
                "MCQueueCount   == " + function(IntStream.range(0, groups).mapToObj(g -> g + " :> " + queuesPerGroup.get(g)).toList()),
                "MCGroupOf      == " + function(IntStream.range(0, groups).mapToObj(g -> g + " :> " + g).toList()),
                "MCFlowKey      == " + function(keys),
                "MCFlowPriority == " + function(priorities),
                "\\* Every request may be any packet count of any flow.",
                "AnyRequest     == {Req(f, n) : f \\in DOMAIN MCFlowKey, n \\in 1 .. " + arrayMax + "}",
                "MCWork         == [i \\in 1 .. " + requests + " |-> AnyRequest]",
                "MCWeight       == " + function(IntStream.range(0, groups)
                        .mapToObj(g -> g + " :> " + (strict() ? 1 : weights.get(g))).toList()),
                "=============================================================================",
                "");
    }

    /** The text of {@code MCGenerated.cfg}. */
    public String config() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("\\* Generated by txorder check: ").append(bounds()).append(".\n")
                .append("\\* Liveness is checked, so there is no symmetry reduction.\n")
                .append("CONSTANTS\n")
                .append("    CPUs = {").append(IntStream.rangeClosed(1, cpus).mapToObj(i -> "c" + i)
                        .collect(Collectors.joining(", "))).append("}\n")
                .append("    NoCpu = NoCpu\n")
                .append("    QueueCount <- MCQueueCount\n    GroupOf <- MCGroupOf\n    FlowKey <- MCFlowKey\n")
                .append("    FlowPriority <- MCFlowPriority\n    Work <- MCWork\n    Weight <- MCWeight\n")
                .append("    Policy = \"").append(policy).append("\"\n")
                .append("    Scheduler = \"").append(strict() ? "strict" : "wrr").append("\"\n")
                .append("    Mutant = \"").append(mutant).append("\"\n")
                .append("    RingSize = ").append(ringSize).append('\n')
                .append("    MaxFaults = ").append(faults).append('\n')
                // The correct design never deadlocks (it stutters in Done once everything is sent); a
                // mutant's stall is judged as the Progress violation it is, not as a deadlock.
                .append("SPECIFICATION Spec\nCHECK_DEADLOCK ").append(mutant.equals("none") ? "TRUE" : "FALSE")
                .append("\nINVARIANTS\n");
        invariants().forEach(i -> cfg.append("    ").append(i).append('\n'));
        cfg.append("PROPERTIES\n");
        properties().forEach(p -> cfg.append("    ").append(p).append('\n'));
        return cfg.toString();
    }

    /** The bounds in words. */
    public String bounds() {
        return String.format("%s policy, %s scheduler, %d CPUs, groups of %s queues, %d requests of 1-%d packets,"
                        + " rings of %d, %d fault(s), mutant %s",
                policy, strict() ? "strict" : "wrr " + weights.stream().map(String::valueOf).collect(Collectors.joining(":")),
                cpus, queuesPerGroup.stream().map(String::valueOf).collect(Collectors.joining("/")), requests, arrayMax,
                ringSize, faults, mutant);
    }

    private static String function(List<String> pairs) {
        return "(" + String.join(" @@ ", pairs) + ")";
    }
}
