package dev.txorder.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gate's reading of TLC's output must not turn a failure to run, or the wrong failure, into a pass. */
class ForkedTlcRunTest {

    private static final String PASS = """
            Finished computing initial states: 49135 states generated, with 41611 of them distinct at 2026-11-28.
            Model checking completed. No error has been found.
            115619 states generated, 41611 distinct states found, 0 states left on queue.
            """;

    @Test
    void shouldReadTheDistinctStatesOfAPassingRun() {
        ForkedTlc.Run run = new ForkedTlc.Run("M", 0, PASS, 1.0);
        assertThat(run.passed()).isTrue();
        assertThat(run.distinctStates()).hasValue(41611);
        assertThat(run.distinctInitialStates()).hasValue(41611);
    }

    @Test
    void shouldNotCallASemanticErrorAPassEvenThoughSanyExitsZero() {
        ForkedTlc.Run run = new ForkedTlc.Run("M", 0, "*** Errors: 1\n\nline 3, col 1 of module M\n", 1.0);
        assertThat(run.parseFailed()).isTrue();
        assertThat(run.passed()).isFalse();
    }

    @Test
    void shouldMatchOnlyTheNamedInvariant() {
        ForkedTlc.Run run = new ForkedTlc.Run("M", 12, "Error: Invariant WeakInv is violated.\n", 1.0);
        assertThat(run.violatesInvariant("WeakInv")).isTrue();
        assertThat(run.violatesInvariant("IndInv")).isFalse();
        assertThat(run.violatesInvariant("Weak")).isFalse();
        assertThat(run.passed()).isFalse();
    }

    @Test
    void shouldAttributeAnActionPropertyViolationToTheModuleItIsIn() {
        String out = "Error: Action property line 47, col 17 to line 47, col 33 of module OrderedChannel is violated.\n";
        ForkedTlc.Run run = new ForkedTlc.Run("M", 13, out, 1.0);
        assertThat(run.violatesRefinementOf("OrderedChannel")).isTrue();
        assertThat(run.violatesRefinementOf("TxOrderProperties")).isFalse();
        assertThat(new ForkedTlc.Run("M", 12, out, 1.0).violatesRefinementOf("OrderedChannel")).isFalse();
    }

    @Test
    void shouldNotCountAnAssumptionFailureAsAPass() {
        ForkedTlc.Run run = new ForkedTlc.Run("M", 10,
                "Error: Assumption line 14, col 26 to line 14, col 60 of module MCHistories is false.\n", 1.0);
        assertThat(run.passed()).isFalse();
        assertThat(run.violatesInvariant("HistoriesLemma")).isFalse();
    }
}
