package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlcOutputParserTest {
    private static String msg(int code, int severity, String text) {
        return "@!@!@STARTMSG " + code + ":" + severity + " @!@!@\n" + text + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    private static final String STATS = msg(2199, 0, "1,234 states generated, 567 distinct states found, 0 states left on queue.")
            + msg(2194, 0, "The depth of the complete state graph search is 12.");

    @Test
    void shouldTreatASemanticErrorAsAParseErrorEvenWhenTheExitStatusIsZero() {
        String sany = "Semantic processing of module Broken\nSemantic errors:\n\n*** Errors: 1\n\n"
                + "line 3, col 9 to line 3, col 9 of module Broken\n\nUnknown operator: `y'.\n";
        TlcResult result = TlcOutputParser.parse(sany, 0, 0.5, List.of());
        assertThat(result.verdict()).isEqualTo(Verdict.PARSE_ERROR);
        assertThat(result.outcome()).isEqualTo("error:parse_error");
    }

    @Test
    void shouldPassOnlyWhenTlcPrintsItsSuccessMessageAndExitsZero() {
        String ok = msg(2193, 0, "Model checking completed. No error has been found.") + STATS;
        assertThat(TlcOutputParser.parse(ok, 0, 1, List.of()).verdict()).isEqualTo(Verdict.PASS);
        assertThat(TlcOutputParser.parse(STATS, 0, 1, List.of()).verdict()).isEqualTo(Verdict.CRASH);
        assertThat(TlcOutputParser.parse(ok, 137, 1, List.of()).verdict()).isEqualTo(Verdict.CRASH);
    }

    @Test
    void shouldReadStateCountsWithThousandsSeparatorsAndTheDepth() {
        String ok = msg(2193, 0, "Model checking completed. No error has been found.") + STATS;
        TlcResult result = TlcOutputParser.parse(ok, 0, 1, List.of());
        assertThat(result.statesGenerated()).isEqualTo(1234);
        assertThat(result.distinctStates()).isEqualTo(567);
        assertThat(result.depth()).isEqualTo(12);
    }

    @Test
    void shouldNameTheViolatedInvariantAndKeepItsTrace() {
        String out = msg(2110, 1, "Invariant GroupOrder is violated.")
                + msg(2121, 1, "The behavior up to this point is:")
                + msg(2217, 4, "1: <Initial predicate>\n/\\ wire = (0 :> <<>> @@ 1 :> <<>>)\n/\\ x = 0\n")
                + msg(2217, 4, "2: <Transmit line 70, col 5 to line 90, col 20 of module Adapter>\n"
                        + "/\\ wire = ( 0 :> <<>> @@\n  1 :> << <<1, 1>>,\n   <<2, 1>> >> )\n/\\ x = 1\n")
                + STATS;
        TlcResult result = TlcOutputParser.parse(out, 12, 1, List.of());
        assertThat(result.outcome()).isEqualTo("fail:GroupOrder");
        assertThat(result.trace()).hasSize(2);
        assertThat(result.trace().get(1).action()).isEqualTo("Transmit");
        assertThat(result.trace().get(1).variables()).containsEntry("wire", "( 0 :> <<>> @@ 1 :> << <<1, 1>>, <<2, 1>> >> )");
        assertThat(result.depth()).isEqualTo(2);
    }

    @Test
    void shouldNameTheDeclaredTemporalPropertiesWhenLivenessFailsSinceTlcDoesNot() {
        String out = msg(2116, 1, "Temporal properties were violated.") + STATS;
        assertThat(TlcOutputParser.parse(out, 13, 1, List.of("Progress")).outcome()).isEqualTo("fail:Progress");
        assertThat(TlcOutputParser.parse(out, 13, 1, List.of("Progress", "NoLossLiveness")).outcome())
                .isEqualTo("fail:Progress or NoLossLiveness");
    }

    @Test
    void shouldNameAViolatedActionProperty() {
        String out = msg(2112, 1, "Action property StrictPriority is violated.") + STATS;
        assertThat(TlcOutputParser.parse(out, 13, 1, List.of("StrictPriority")).verdict())
                .isEqualTo(Verdict.ACTION_PROPERTY_VIOLATED);
        assertThat(TlcOutputParser.parse(out, 13, 1, List.of()).outcome()).isEqualTo("fail:StrictPriority");
    }

    @Test
    void shouldReportADeadlockEvenWhenTheExitStatusIsZeroAsInDistributedTlc() {
        String out = msg(2114, 1, "Deadlock reached.") + STATS;
        assertThat(TlcOutputParser.parse(out, 0, 1, List.of()).verdict()).isEqualTo(Verdict.DEADLOCK);
    }

    @Test
    void shouldReportACrashWhenTlcPrintsAnErrorButNoVerdict() {
        String out = msg(1000, 1, "TLC threw an unexpected exception.") + STATS;
        TlcResult result = TlcOutputParser.parse(out, 0, 1, List.of());
        assertThat(result.verdict()).isEqualTo(Verdict.CRASH);
        assertThat(result.message()).contains("unexpected exception");
    }

    @Test
    void shouldReportAFalseAssumption() {
        String out = msg(2104, 1, "Assumption line 10, col 8 to line 12, col 40 of module Assignment is false.");
        assertThat(TlcOutputParser.parse(out, 10, 1, List.of()).verdict()).isEqualTo(Verdict.ASSUMPTION_FALSE);
    }
}
