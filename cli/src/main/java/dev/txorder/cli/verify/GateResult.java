package dev.txorder.cli.verify;

import java.util.List;

/**
 * What one gate found.
 *
 * @param name    the gate: tlc, properties, lincheck, trace, jcstress, proofs
 * @param proves  what a pass means, one line
 * @param effort  how hard it looked: states, examples, invocations, samples
 * @param detail  one line: what passed, or what failed first
 * @param checks  every model or test it ran
 * @param kills   the mutants it caught
 * @param traces  the counterexamples it found (of mutants, and of a failure of the correct design)
 * @param witnesses checks it showed failing other than by a mutant: must-fail models that are not a
 *                mutant's (tlc: {@code MCMisroute}, {@code MCM11Deadlock}, ...)
 * @param work    its planned work and the part this run took (all of it unless the run is a shard)
 */
public record GateResult(String name, String proves, Verdict verdict, double seconds, Effort effort, String detail,
                         List<Check> checks, List<Kill> kills, List<Trace> traces, List<Tooth> witnesses, Work work) {

    public GateResult {
        checks = List.copyOf(checks);
        kills = List.copyOf(kills);
        traces = List.copyOf(traces);
        witnesses = List.copyOf(witnesses);
    }

    /** A gate whose only evidence of teeth is the mutants it caught, with its work not listed. */
    public GateResult(String name, String proves, Verdict verdict, double seconds, Effort effort, String detail,
                      List<Check> checks, List<Kill> kills, List<Trace> traces) {
        this(name, proves, verdict, seconds, effort, detail, checks, kills, traces, List.of(), Work.UNLISTED);
    }

    /** This result with its work said. */
    public GateResult with(Work w) {
        return new GateResult(name, proves, verdict, seconds, effort, detail, checks, kills, traces, witnesses, w);
    }

    /** A gate that could not run its tools at all: a failure, never a pass. */
    static GateResult couldNotRun(Gate gate, double seconds, String why) {
        return new GateResult(gate.name(), gate.proves(), Verdict.FAIL, seconds, Effort.NONE, why,
                List.of(new Check(gate.name(), Verdict.FAIL, seconds, "-", why, "")), List.of(), List.of());
    }

    /** A gate with nothing to run in this checkout (e.g. no proofs/ folder yet): reported, not a failure. */
    static GateResult skipped(Gate gate, String why) {
        return new GateResult(gate.name(), gate.proves(), Verdict.SKIP, 0, Effort.NONE, why, List.of(), List.of(), List.of());
    }

    /** A gate none of whose work fell to this shard: it did not run here, on purpose. */
    static GateResult noneInShard(Gate gate, Shard shard, Work work) {
        return new GateResult(gate.name(), gate.proves(), Verdict.SKIP, 0, Effort.NONE,
                "none of its " + work.planned() + " items fell to shard " + shard, List.of(), List.of(), List.of(), List.of(), work);
    }
}
