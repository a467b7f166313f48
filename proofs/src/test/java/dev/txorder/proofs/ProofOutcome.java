package dev.txorder.proofs;

import dev.txorder.spec.Model;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.Verdict;
import java.util.Optional;

/**
 * Holds a TLC result to a proof model's declared outcome. A passing model must pass with exactly the
 * manifest's distinct-state count. A must-fail model names its property: an invariant, which TLC names,
 * or a refinement {@code Refines<M>} (defined as {@code M!Spec}), whose violation TLC reports as an action
 * property "line .., col .. of module M" without the formula's name, so the abstract module identifies it.
 */
final class ProofOutcome {
    private static final String REFINES = "Refines";

    private ProofOutcome() {
    }

    /** Why the result does not meet the declared outcome, or empty if it does. */
    static Optional<String> mismatch(Model model, TlcResult result) {
        if (!model.mustFail()) {
            if (result.verdict() != Verdict.PASS) {
                return Optional.of("expected to pass, got " + result.outcome() + ": " + result.message());
            }
            if (result.distinctStates() < 1) {
                // An initial predicate no state satisfies (e.g. a type bound that contradicts itself)
                // makes every invariant hold: a pass over nothing proves nothing.
                return Optional.of("passed vacuously: no initial state");
            }
            if (model.distinctStates().isPresent() && model.distinctStates().get() != result.distinctStates()) {
                return Optional.of("passed with " + result.distinctStates() + " distinct states, the manifest records "
                        + model.distinctStates().get() + ": the model or the bounds changed");
            }
            return Optional.empty();
        }
        String property = model.expected().substring("fail:".length());
        boolean asDeclared = property.startsWith(REFINES)
                ? result.verdict() == Verdict.ACTION_PROPERTY_VIOLATED
                        && result.message().contains("of module " + property.substring(REFINES.length()) + " is violated")
                : result.verdict() == Verdict.INVARIANT_VIOLATED && result.property().equals(Optional.of(property));
        if (asDeclared) {
            return Optional.empty();
        }
        return Optional.of(result.verdict() == Verdict.PASS
                ? "a must-fail model passed: no violation of " + property
                : "expected " + property + " violated, got " + result.outcome() + ": " + result.message());
    }
}
