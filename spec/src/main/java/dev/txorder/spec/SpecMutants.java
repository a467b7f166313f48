package dev.txorder.spec;

import java.util.Set;

/**
 * The mutants the specification can switch on: the values of its {@code Mutant} constant
 * ({@code MutantIds} in {@code tla/Mutants.tla}) other than {@code "none"}. Every check of "is this a
 * mutant of the spec" reads this one set; {@code SpecMutantsTest} keeps it equal to the module's.
 * M8 (a memory-model reordering) and M10 are not among them.
 */
public final class SpecMutants {
    /** The spec's mutants, by name. */
    public static final Set<String> NAMES = Set.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M9", "M11");

    private SpecMutants() {
    }

    /** Whether the spec has a switch for the mutant named {@code name}. */
    public static boolean expresses(String name) {
        return NAMES.contains(name);
    }

    /** The names for messages, in catalogue order: {@code M1, M2, ..., M11}. */
    public static String allowed() {
        return NAMES.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
