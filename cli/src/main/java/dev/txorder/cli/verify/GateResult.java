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
 */
public record GateResult(String name, String proves, Verdict verdict, double seconds, String effort, String detail,
                         List<Check> checks, List<Kill> kills, List<Trace> traces, List<Tooth> witnesses) {

    /** A gate whose only evidence of teeth is the mutants it caught. */
    public GateResult(String name, String proves, Verdict verdict, double seconds, String effort, String detail,
                      List<Check> checks, List<Kill> kills, List<Trace> traces) {
        this(name, proves, verdict, seconds, effort, detail, checks, kills, traces, List.of());
    }

    /** A gate that could not run its tools at all: a failure, never a pass. */
    static GateResult couldNotRun(Gate gate, double seconds, String why) {
        return new GateResult(gate.name(), gate.proves(), Verdict.FAIL, seconds, "-", why,
                List.of(new Check(gate.name(), Verdict.FAIL, seconds, "-", why, "")), List.of(), List.of());
    }

    /** A gate with nothing to run in this checkout (e.g. no proofs/ folder yet): reported, not a failure. */
    static GateResult skipped(Gate gate, String why) {
        return new GateResult(gate.name(), gate.proves(), Verdict.SKIP, 0, "-", why, List.of(), List.of(), List.of());
    }
}
