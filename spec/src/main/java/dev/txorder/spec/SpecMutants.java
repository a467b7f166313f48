package dev.txorder.spec;

import java.util.Set;

/**
 * The mutants the specification can switch on: the values of its {@code Mutant} constant
 * ({@code MutantIds} in {@code tla/Mutants.tla}) other than {@code "none"}. Every check of "is this a
 * mutant of the spec" reads this one set; {@code SpecMutantsTest} keeps it equal to the module's.
 * M8 (a memory-model reordering) is not among them. M10 is a switch of {@code SlotRing.tla}, the
 * ring's rows under the sequence {@code TxOrder} keeps: its models are {@code MCM10*}, and a
 * {@code TxOrder} model (generated, or a trace's) cannot express it ({@link #inTxOrder}).
 */
public final class SpecMutants {
    /** The spec's mutants, by name. */
    public static final Set<String> NAMES = Set.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M9", "M10", "M11");
    /** The spec's mutants that switch something in {@code SlotRing.tla} only, not in {@code TxOrder}. */
    public static final Set<String> OF_SLOT_RING = Set.of("M10");

    private SpecMutants() {
    }

    /** Whether the spec has a switch for the mutant named {@code name}. */
    public static boolean expresses(String name) {
        return NAMES.contains(name);
    }

    /** Whether a {@code TxOrder} model with {@code Mutant = name} behaves as that mutant (all but M10). */
    public static boolean inTxOrder(String name) {
        return expresses(name) && !OF_SLOT_RING.contains(name);
    }

    /** The names {@link #inTxOrder} accepts, for messages. */
    public static String allowedInTxOrder() {
        return sorted(NAMES.stream().filter(SpecMutants::inTxOrder));
    }

    /** The names for messages, in catalogue order: {@code M1, M2, ..., M11}. */
    public static String allowed() {
        return sorted(NAMES.stream());
    }

    private static String sorted(java.util.stream.Stream<String> names) {
        return names.sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
