package dev.txorder.cli.verify;

import dev.txorder.Mutant;

/**
 * What a tool did with a mutant: caught it, and how fast, or tried and did not (then
 * {@code detail} says why, e.g. JCStress: "not shown on this hardware").
 *
 * @param effort   how much the tool explored before it failed, in {@code unit}s: distinct states to
 *                 the counterexample (tlc), examples to the failing example (properties),
 *                 interleavings to the wrong result (lincheck), forbidden outcomes among the samples
 *                 (jcstress: it cannot say which sample came first)
 * @param property the DESIGN.md §3 property the tool saw fail ("" for a miss): the model's declared
 *                 one (tlc), the audit's (properties), TraceConforms (trace), and for the tools that
 *                 judge no single property by name (lincheck: linearizability to the ordered FIFOs;
 *                 jcstress: forbidden outcomes) the property the mutant breaks
 * @param detail   what broke, one line
 */
public record Kill(Mutant mutant, String tool, boolean caught, long effort, String unit, String property, String detail) {
    public static Kill caught(Mutant mutant, String tool, long effort, String unit, String property, String detail) {
        return new Kill(mutant, tool, true, effort, unit, property, detail);
    }

    public static Kill missed(Mutant mutant, String tool, String why) {
        return new Kill(mutant, tool, false, 0, "", "", why);
    }

    public String effortText() {
        return String.format("%,d %s", effort, unit);
    }
}
