package dev.txorder.cli.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one {@code txorder verify} run found (or several shards' runs, merged): the gates'
 * results, the kill matrix, and what the run was (figures are only comparable on one machine).
 *
 * @param gates      the tools' gates, then the kill matrix as the gate {@code mutants}
 * @param properties the kill matrix read by property: which check each tool showed able to fail
 */
public record VerifyReport(RunInfo run, List<GateResult> gates, KillMatrix matrix, PropertyTable properties) {

    /** The report of the tools' results {@code tools}: the kill matrix and the property table are computed from them. */
    public static VerifyReport of(RunInfo run, List<GateResult> tools) {
        KillMatrix matrix = KillMatrix.of(tools);
        List<GateResult> gates = new ArrayList<>(tools);
        // A shard holds part of each tool's work: a mutant another shard catches is no gap here.
        gates.add(run.shard().whole() ? matrix.asGate(0) : KillMatrix.notJudgedInShard(run.shard()));
        return new VerifyReport(run, List.copyOf(gates), matrix, PropertyTable.of(tools));
    }

    public Profile profile() {
        return run.profile();
    }

    public String started() {
        return run.started();
    }

    public double seconds() {
        return run.seconds();
    }

    public String machine() {
        return run.machine();
    }

    /** The tools' gates, without the kill matrix's. */
    public List<GateResult> tools() {
        return gates.stream().filter(g -> !g.name().equals("mutants")).toList();
    }

    /**
     * {@code FAIL} when a gate failed; else {@code SKIP} ("not run") when a tool's gate ran nothing,
     * which is never a pass; else {@code PASS}. The kill matrix's own "not judged" does not count:
     * it follows from the tools that ran, which are judged themselves (a subset chosen with
     * {@code --gates}, or a shard, leaves it unjudged on purpose); nor does a gate none of whose
     * work fell to this shard.
     */
    public Verdict verdict() {
        if (gates.stream().anyMatch(g -> g.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return notRun().isEmpty() ? Verdict.PASS : Verdict.SKIP;
    }

    /** The tools' gates that ran nothing although they had work here, each with why. */
    public List<GateResult> notRun() {
        return tools().stream().filter(g -> g.verdict() == Verdict.SKIP && !g.work().noneHere()).toList();
    }

    List<Trace> traces() {
        return gates.stream().flatMap(g -> g.traces().stream()).toList();
    }

    static String describeMachine() {
        return String.format(Locale.ROOT, "%d CPUs, %s %s, Java %s, %,d MB max heap",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    }
}
