package dev.txorder.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.spec.Model;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate must not let a failure to run, or the wrong failure, count as a model's declared outcome. */
class ProofOutcomeTest {

    private static final String REFINEMENT_BROKEN =
            "Action property line 47, col 17 to line 47, col 33 of module OrderedChannel is violated.";

    private static Model model(String expected, Long distinct) {
        return new Model("MCX", List.of("MCX.tla", "MCX.cfg"), "ci", expected, "bounds", Optional.ofNullable(distinct));
    }

    private static TlcResult result(Verdict verdict, String property, long distinct, String message) {
        return new TlcResult(verdict, Optional.ofNullable(property), distinct, distinct, 1, 1.0, List.of(), message);
    }

    @Test
    void shouldAcceptAPassWithTheRecordedStateCountOnly() {
        assertThat(ProofOutcome.mismatch(model("pass", 20091L), result(Verdict.PASS, null, 20091, ""))).isEmpty();
        assertThat(ProofOutcome.mismatch(model("pass", 20091L), result(Verdict.PASS, null, 20090, ""))).isPresent();
    }

    @Test
    void shouldNotAcceptAPassOverNoStatesAtAll() {
        assertThat(ProofOutcome.mismatch(model("pass", null), result(Verdict.PASS, null, 0, ""))).isPresent();
    }

    @Test
    void shouldNotCallAParseErrorOrACrashAPass() {
        assertThat(ProofOutcome.mismatch(model("pass", null), result(Verdict.PARSE_ERROR, null, -1, "*** Errors: 1"))).isPresent();
        assertThat(ProofOutcome.mismatch(model("pass", null), result(Verdict.CRASH, null, -1, "out of memory"))).isPresent();
    }

    @Test
    void shouldFailTheSuiteWhenAMustFailModelPasses() {
        assertThat(ProofOutcome.mismatch(model("fail:WeakInv", null), result(Verdict.PASS, null, 1057, "")))
                .hasValueSatisfying(why -> assertThat(why).contains("must-fail model passed"));
    }

    @Test
    void shouldAcceptOnlyTheNamedInvariant() {
        assertThat(ProofOutcome.mismatch(model("fail:WeakInv", null), result(Verdict.INVARIANT_VIOLATED, "WeakInv", 9, ""))).isEmpty();
        assertThat(ProofOutcome.mismatch(model("fail:WeakInv", null), result(Verdict.INVARIANT_VIOLATED, "BTypeOK", 9, ""))).isPresent();
        assertThat(ProofOutcome.mismatch(model("fail:WeakInv", null), result(Verdict.ASSUMPTION_FALSE, null, -1, ""))).isPresent();
    }

    @Test
    void shouldAcceptOnlyTheNamedPartOfTheRefinement() {
        assertThat(ProofOutcome.mismatch(model("fail:RefinesOrderedChannelNext", null),
                result(Verdict.ACTION_PROPERTY_VIOLATED, "RefinesOrderedChannelNext", 170, ""))).isEmpty();
        assertThat(ProofOutcome.mismatch(model("fail:RefinesOrderedChannelNext", null),
                result(Verdict.ACTION_PROPERTY_VIOLATED, null, 170, REFINEMENT_BROKEN))).isPresent();
        assertThat(ProofOutcome.mismatch(model("fail:RefinesOrderedChannelNext", null),
                result(Verdict.INVARIANT_VIOLATED, "RefinesOrderedChannelInit", 1, ""))).isPresent();
    }
}
