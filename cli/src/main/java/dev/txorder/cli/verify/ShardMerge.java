package dev.txorder.cli.verify;

import dev.txorder.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Joins the reports of {@code verify --shard 1/N} ... {@code N/N} into the report one machine would
 * have written: each gate's checks, kills, counterexamples and effort added up, then the kill matrix
 * and the property table computed again over all of them. It refuses shards that do not make one
 * whole run: a shard missing or given twice, shards of different profiles, injected mutants or
 * commits, or a gate whose items the shards do not cover exactly once.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /**
     * @param shards  the shards' summaries, in any order
     * @param sources where each was read from, for the messages
     */
    public static VerifyReport merge(List<SummaryJson.Read> shards, List<String> sources) {
        if (shards.isEmpty()) {
            throw new InvalidInputException("reports", "none given; allowed: the report folders of verify --shard 1/N ... N/N");
        }
        SummaryJson.Read first = shards.get(0);
        int count = first.run().shard().count();
        SummaryJson.Read[] byIndex = new SummaryJson.Read[count];
        String[] sourceOf = new String[count];
        for (int i = 0; i < shards.size(); i++) {
            RunInfo run = shards.get(i).run();
            String src = sources.get(i);
            if (run.shard().count() != count) {
                throw new InvalidInputException("reports", src + " is shard " + run.shard() + " but " + sources.get(0) + " is shard "
                        + first.run().shard() + "; allowed: the shards of one split, 1/" + count + " ... " + count + "/" + count);
            }
            int k = run.shard().index() - 1;
            if (byIndex[k] != null) {
                throw new InvalidInputException("reports", "shard " + run.shard() + " is given twice: " + sourceOf[k] + " and " + src);
            }
            same("profile", first.run().profile(), run.profile(), sources.get(0), src);
            same("injected mutant", first.run().inject(), run.inject(), sources.get(0), src);
            if (first.run().commit() != null && run.commit() != null) {
                same("commit", first.run().commit(), run.commit(), sources.get(0), src);
            }
            byIndex[k] = shards.get(i);
            sourceOf[k] = src;
        }
        List<String> missing = IntStream.range(0, count).filter(k -> byIndex[k] == null).mapToObj(k -> (k + 1) + "/" + count).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("reports", "shard " + String.join(", ", missing) + " missing; allowed: all "
                    + count + " shards of one split, each once");
        }
        List<String> gates = byIndex[0].tools().stream().map(GateResult::name).toList();
        for (int k = 1; k < count; k++) {
            List<String> names = byIndex[k].tools().stream().map(GateResult::name).toList();
            if (!names.equals(gates)) {
                throw new InvalidInputException("reports", sourceOf[k] + " ran the gates " + names + " but " + sourceOf[0]
                        + " ran " + gates + "; allowed: shards of one command, differing only in --shard");
            }
        }
        List<GateResult> merged = new ArrayList<>();
        for (int g = 0; g < gates.size(); g++) {
            List<GateResult> parts = new ArrayList<>();
            for (SummaryJson.Read shard : byIndex) {
                parts.add(shard.tools().get(g));
            }
            merged.add(gate(parts, List.of(sourceOf)));
        }
        RunInfo run = new RunInfo(first.run().profile(), Shard.WHOLE, first.run().inject(), first.run().commit(),
                java.util.Arrays.stream(byIndex).map(s -> s.run().started()).sorted().findFirst().orElseThrow(),
                // The shards ran side by side: the run took as long as the slowest.
                java.util.Arrays.stream(byIndex).mapToDouble(s -> s.run().seconds()).max().orElse(0),
                java.util.Arrays.stream(byIndex).map(s -> s.run().machine()).distinct().collect(Collectors.joining("; ")),
                "merged from " + count + " shards: " + String.join(", ", sourceOf));
        return VerifyReport.of(run, merged);
    }

    /** One gate's shards as one result. */
    static GateResult gate(List<GateResult> parts, List<String> sources) {
        String name = parts.get(0).name();
        if (parts.size() > 1 && parts.stream().anyMatch(p -> p.work() == Work.UNLISTED && p.verdict() == Verdict.FAIL)) {
            // A shard's gate that could not even list its work failed: the merged gate fails, whatever
            // the others covered; its coverage cannot be checked and need not be.
            return failedShard(parts);
        }
        int planned = parts.get(0).work().planned();
        Set<String> covered = new HashSet<>();
        List<String> items = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Work w = parts.get(k).work();
            if (w == Work.UNLISTED && parts.size() > 1) {
                throw new InvalidInputException("reports", sources.get(k) + ": gate " + name
                        + " does not say which part of its work it ran; it cannot be merged");
            }
            if (w.planned() != planned) {
                throw new InvalidInputException("reports", "gate " + name + " planned " + w.planned() + " items in " + sources.get(k)
                        + " but " + planned + " in " + sources.get(0) + "; allowed: shards of the same code and profile");
            }
            for (String item : w.items()) {
                if (!covered.add(item)) {
                    throw new InvalidInputException("reports", "gate " + name + ": " + item + " ran in more than one shard");
                }
                items.add(item);
            }
        }
        if (parts.size() > 1 && covered.size() != planned) {
            throw new InvalidInputException("reports", "gate " + name + ": the shards ran " + covered.size() + " of its " + planned
                    + " items; allowed: shards that together run all of them");
        }
        List<GateResult> ran = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            if (!parts.get(k).work().noneHere()) {
                ran.add(parts.get(k));
                labels.add("shard " + (k + 1) + "/" + parts.size());
            }
        }
        Verdict verdict = ran.isEmpty() ? Verdict.SKIP
                : ran.stream().anyMatch(p -> p.verdict() == Verdict.FAIL) ? Verdict.FAIL
                : ran.stream().anyMatch(p -> p.verdict() == Verdict.SKIP) ? Verdict.SKIP
                : Verdict.PASS;
        String detail = ran.size() == 1 ? ran.get(0).detail()
                : IntStream.range(0, ran.size()).mapToObj(k -> labels.get(k) + ": " + ran.get(k).detail()).collect(Collectors.joining(" | "));
        Effort effort = ran.stream().map(GateResult::effort).reduce(Effort.NONE, Effort::plus);
        return new GateResult(name, parts.get(0).proves(), verdict, ran.stream().mapToDouble(GateResult::seconds).sum(), effort,
                ran.isEmpty() ? "no shard ran it" : detail,
                ran.stream().flatMap(p -> p.checks().stream()).toList(), ran.stream().flatMap(p -> p.kills().stream()).toList(),
                ran.stream().flatMap(p -> p.traces().stream()).toList(), ran.stream().flatMap(p -> p.witnesses().stream()).toList(),
                parts.size() > 1 ? new Work(planned, items) : parts.get(0).work());
    }

    private static GateResult failedShard(List<GateResult> parts) {
        String detail = java.util.stream.IntStream.range(0, parts.size()).filter(k -> parts.get(k).verdict() == Verdict.FAIL)
                .mapToObj(k -> "shard " + (k + 1) + "/" + parts.size() + ": " + parts.get(k).detail()).collect(Collectors.joining(" | "));
        return new GateResult(parts.get(0).name(), parts.get(0).proves(), Verdict.FAIL,
                parts.stream().mapToDouble(GateResult::seconds).sum(), Effort.NONE, detail,
                parts.stream().flatMap(p -> p.checks().stream()).toList(), parts.stream().flatMap(p -> p.kills().stream()).toList(),
                parts.stream().flatMap(p -> p.traces().stream()).toList(), parts.stream().flatMap(p -> p.witnesses().stream()).toList(),
                Work.UNLISTED);
    }

    private static void same(String what, Object a, Object b, String sourceA, String sourceB) {
        if (!Objects.equals(a, b)) {
            throw new InvalidInputException("reports", sourceB + " ran with " + what + " " + b + " but " + sourceA + " with " + a
                    + "; allowed: shards of one command, differing only in --shard");
        }
    }
}
