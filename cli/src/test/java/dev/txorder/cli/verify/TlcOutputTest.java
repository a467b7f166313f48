package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlcOutputTest {
    /** TLC's output for an invariant violation, trimmed to what the parser reads. */
    static final List<String> VIOLATION = List.of(
            "TLC2 Version 2.18",
            "Error: Invariant GroupOrder is violated.",
            "Error: The behavior up to this point is:",
            "State 1: <Initial predicate>",
            "/\\ queues = <<<<>>, <<>>>>",
            "/\\ wire = <<>>",
            "",
            "State 2: <Assign line 40, col 5 to line 52, col 30 of module Sender>",
            "/\\ queues = << <<[req |-> 1,",
            "      ind |-> \"NEXT\"]>>, <<>> >>",
            "/\\ wire = <<>>",
            "",
            "State 3: <Transmit line 10, col 5 to line 20, col 30 of module Adapter>",
            "/\\ queues = <<<<>>, <<>>>>",
            "/\\ wire = <<2>>",
            "",
            "1,234 states generated, 567 distinct states found, 12 states left on queue.",
            "The depth of the complete state graph search is 3.",
            "Finished in 01s at (2026-11-28 07:00:00)");

    private static TlcModel model(String json) {
        return TlcModel.of(Json.object(Json.parse(json), "model"));
    }

    private static TlcGate.Run run(int exit, List<String> lines, String config) {
        return new TlcGate.Run(exit, lines, false, 600, config, TlcOutput.parse(lines, "t"));
    }

    @Test
    void shouldReadTheViolatedInvariantTheCountsAndTheTraceAsATable() {
        TlcOutput out = TlcOutput.parse(VIOLATION, "MCM1");
        assertThat(out.violated()).isEqualTo("GroupOrder");
        assertThat(out.distinct()).isEqualTo(567);
        assertThat(out.generated()).isEqualTo(1234);
        assertThat(out.depth()).isEqualTo(3);
        assertThat(out.trace().columns()).containsExactly("state", "action", "queues", "wire");
        assertThat(out.trace().rows()).hasSize(3);
        assertThat(out.trace().rows().get(1)).containsExactly("2", "Assign", "<< <<[req |-> 1, ind |-> \"NEXT\"]>>, <<>> >>", "<<>>");
        assertThat(out.trace().rows().get(2).get(3)).isEqualTo("<<2>>");
    }

    @Test
    void shouldPassAMustFailModelOnlyWhenTheDeclaredPropertyIsViolated() {
        TlcModel m1 = model("{\"name\": \"MCM1\", \"expect\": \"fail\", \"property\": \"GroupOrder\"}");
        assertThat(m1.mutant()).contains(dev.txorder.Mutant.M1);
        assertThat(TlcGate.judge(m1, run(12, VIOLATION, ""), TlcOutput.parse(VIOLATION, "t"), 1).verdict()).isEqualTo(Verdict.PASS);

        TlcModel wrong = model("{\"name\": \"MCM3\", \"expect\": \"fail\", \"property\": \"RequestContiguity\"}");
        Check c = TlcGate.judge(wrong, run(12, VIOLATION, ""), TlcOutput.parse(VIOLATION, "t"), 1);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.detail()).contains("GroupOrder violated, but the manifest declares RequestContiguity");
    }

    @Test
    void shouldFailTheGateWhenAMustFailModelPasses() {
        List<String> clean = List.of("100 states generated, 50 distinct states found, 0 states left on queue.", "Finished in 00s at (x)");
        TlcModel m = model("{\"name\": \"MCM2\", \"expect\": \"fail\", \"property\": \"GroupOrder\"}");
        Check c = TlcGate.judge(m, run(0, clean, ""), TlcOutput.parse(clean, "t"), 1);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.detail()).startsWith("a must-fail model passed");
    }

    @Test
    void shouldMatchAnUnnamedTemporalViolationToAPropertyOfTheConfig() {
        List<String> lines = List.of("Error: Temporal properties were violated.", "State 1: <Initial predicate>", "/\\ x = 1",
                "", "2: Stuttering", "10 states generated, 5 distinct states found, 0 states left on queue.");
        TlcModel m6 = model("{\"name\": \"MCM6\", \"expect\": \"fail\", \"property\": \"Progress\"}");
        TlcOutput out = TlcOutput.parse(lines, "t");
        assertThat(out.trace().rows().get(1).get(1)).isEqualTo("stuttering forever");
        assertThat(TlcGate.judge(m6, run(13, lines, "PROPERTIES\n    Progress\n"), out, 1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(TlcGate.judge(m6, run(13, lines, "PROPERTIES\n    Other\n"), out, 1).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldFailAPassingModelWhoseStateCountDriftedFromTheManifest() {
        List<String> clean = List.of("100 states generated, 50 distinct states found, 0 states left on queue.", "Finished in 00s at (x)");
        TlcModel same = model("{\"name\": \"MCNext\", \"expect\": \"pass\", \"distinct_states\": 50}");
        TlcModel drifted = model("{\"name\": \"MCNext\", \"expect\": \"pass\", \"distinct_states\": 51}");
        assertThat(TlcGate.judge(same, run(0, clean, ""), TlcOutput.parse(clean, "t"), 1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(TlcGate.judge(drifted, run(0, clean, ""), TlcOutput.parse(clean, "t"), 1).detail()).contains("the model changed");
    }

    @Test
    void shouldReadAManifestWithProfilesAndNameTheBadField() {
        List<TlcModel> models = TlcModel.manifest("{\"models\": [{\"name\": \"MCA\"}, {\"name\": \"MCB\", \"profile\": \"full\"}]}");
        assertThat(models.get(0).profiles()).contains(Profile.quick, Profile.full);
        assertThat(models.get(1).profiles()).containsExactly(Profile.full);
        assertThat(models.get(1).mutant()).isEqualTo(Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlcModel.of(Map.of("name", "MCX", "expect", "maybe")))
                .hasMessageContaining("\"expect\" is 'maybe'; allowed: pass, fail");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlcModel.of(Map.of("name", "MCX", "expect", "fail")))
                .hasMessageContaining("must name the \"property\"");
    }
}
