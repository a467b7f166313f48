package dev.txorder.lincheck;

import dev.txorder.Mutant;
import dev.txorder.TxConfig;

/**
 * The mutant that {@code -Dtxorder.inject=Mx} ({@code txorder verify --inject Mx}) switches on in
 * the correct design's Lincheck tests, so that breaking the implementation on purpose makes them
 * fail: the same switch the property tests read.
 */
final class Injected {
    private Injected() {
    }

    /** {@code config} with the injected mutant switched on, or unchanged when none is injected. */
    static TxConfig onto(TxConfig config) {
        return Mutant.injected().map(config::withMutant).orElse(config);
    }
}
