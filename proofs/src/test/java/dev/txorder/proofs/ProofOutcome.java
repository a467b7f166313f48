package dev.txorder.proofs;

import dev.txorder.spec.Model;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.Verdict;
import java.util.Optional;

/**
 * Holds a TLC result to a proof model's declared outcome: the same agreement as the spec's results file
 * (TLC's outcome string equals the manifest's, and a passing model's distinct-state count equals the
 * recorded one), and a pass over no initial state at all is never a pass. TLC names the violated
 * invariant or action property, so a refinement is checked as two named properties,
 * {@code RefinesOrderedChannelInit} and {@code RefinesOrderedChannelNext}.
 */
final class ProofOutcome {

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
        if (result.outcome().equals(model.expected())) {
            return Optional.empty();
        }
        return Optional.of(result.verdict() == Verdict.PASS
                ? "a must-fail model passed: no violation of " + model.expected().substring("fail:".length())
                : "expected " + model.expected() + ", got " + result.outcome() + ": " + result.message());
    }
}
