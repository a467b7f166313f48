package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import dev.txorder.spec.Counterexample;
import dev.txorder.spec.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small gate results for the tests of the kill matrix and the writers. */
final class Fixtures {
    private Fixtures() {
    }

    /** A passing gate of {@code tool} that caught {@code mutants}, {@code 10 * n} units each. */
    static GateResult caught(String tool, Mutant... mutants) {
        List<Kill> kills = new ArrayList<>();
        for (Mutant m : mutants) {
            kills.add(Kill.caught(m, tool, 10L * (m.ordinal() + 1), "units", m.breaks(), m.breaks() + " in a test of " + tool));
        }
        return new GateResult(tool, "what " + tool + " proves", Verdict.PASS, 1.5, Effort.of(42, "units"), "all good",
                List.of(new Check(tool + " check", Verdict.PASS, 1.5, "42 units", "holds", "")), kills, List.of());
    }

    /** Every mutant the spec models (all but M8, the memory-model reordering): M1..M7, M11, ... */
    static Mutant[] inTlcScope() {
        return java.util.Arrays.stream(Mutant.values()).filter(m -> dev.txorder.spec.SpecMutants.expresses(m.name()))
                .toArray(Mutant[]::new);
    }

    /** Every mutant in TLC's scope caught by tlc and properties: what a passing run's tools look like. */
    static List<GateResult> allCaught() {
        return List.of(caught("tlc", inTlcScope()), caught("properties", inTlcScope()));
    }

    /** A trace the tool printed as a table (JCStress's outcomes, a Lincheck interleaving). */
    static Trace tableTrace() {
        return new Trace("M1 caught by jcstress: GroupOrder violated", List.of("state", "action", "queues", "wire"),
                List.of(List.of("1", "Initial predicate", "<<<<>>, <<>>>>", "<<>>"),
                        List.of("2", "Assign", "<<<<1>>, <<>>>>", "<<>>"),
                        List.of("3", "Transmit", "<<<<>>, <<>>>>", "<<2>>")), "Error: Invariant GroupOrder is violated.");
    }

    /** A TLC counterexample as the TLC gate reports it: the spec's rendered table. */
    static Trace tlcCounterexample() {
        List<TraceState> states = List.of(
                new TraceState(1, "Initial predicate", Map.of("wire", "(0 :> <<>>)", "cursor", "(0 :> 0)")),
                new TraceState(2, "Transmit", Map.of("wire", "(0 :> << <<2, 1>> >>)", "cursor", "(0 :> 1)")));
        return new Trace("MCM1 (expected to fail): GroupOrder violated after 567 distinct states, 2 states in the trace",
                List.of(), List.of(), Counterexample.render(states));
    }
}
