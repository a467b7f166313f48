package dev.txorder.cli.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one {@code txorder verify} run found: the gates' results, the kill matrix, and the
 * machine it ran on (figures are only comparable on one machine).
 *
 * @param gates      the tools' gates, then the kill matrix as the gate {@code mutants}
 * @param properties the kill matrix read by property: which check each tool showed able to fail
 */
public record VerifyReport(Profile profile, String started, double seconds, String machine, List<GateResult> gates,
                           KillMatrix matrix, PropertyTable properties) {

    static VerifyReport of(Profile profile, String started, double seconds, List<GateResult> tools) {
        KillMatrix matrix = KillMatrix.of(tools);
        List<GateResult> gates = new ArrayList<>(tools);
        gates.add(matrix.asGate(0));
        return new VerifyReport(profile, started, seconds, describeMachine(), List.copyOf(gates), matrix, PropertyTable.of(tools));
    }

    /**
     * {@code FAIL} when a gate failed; else {@code SKIP} ("not run") when a tool's gate ran nothing,
     * which is never a pass; else {@code PASS}. The kill matrix's own "not judged" does not count:
     * it follows from the tools that ran, which are judged themselves (a subset chosen with
     * {@code --gates} leaves it unjudged on purpose).
     */
    public Verdict verdict() {
        if (gates.stream().anyMatch(g -> g.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return notRun().isEmpty() ? Verdict.PASS : Verdict.SKIP;
    }

    /** The tools' gates that ran nothing, each with why. */
    public List<GateResult> notRun() {
        return gates.stream().filter(g -> g.verdict() == Verdict.SKIP && !g.name().equals("mutants")).toList();
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
