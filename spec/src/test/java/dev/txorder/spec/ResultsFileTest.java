package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsFileTest {
    private static Model model(String name, String expected, Long states) {
        return new Model(name, List.of(name + ".tla", name + ".cfg"), "ci", expected, "", Optional.ofNullable(states));
    }

    private static TlcResult passed(long distinct) {
        return new TlcResult(Verdict.PASS, Optional.empty(), 2 * distinct, distinct, 5, 1, List.of(), "");
    }

    private static TlcResult violated(Verdict verdict, String property) {
        return new TlcResult(verdict, Optional.of(property), 100, 50, 3, 1, List.of(), property + " is violated");
    }

    @Test
    void shouldAgreeWithAMustFailModelOnlyWhenTheDeclaredPropertyIsViolated() {
        Model m1 = model("MCM1", "fail:GroupOrder", null);
        assertThat(new ResultsFile.Entry(m1, violated(Verdict.INVARIANT_VIOLATED, "GroupOrder")).agrees()).isTrue();
        Model m3 = model("MCM3", "fail:RequestContiguity", null);
        assertThat(new ResultsFile.Entry(m3, violated(Verdict.INVARIANT_VIOLATED, "GroupOrder")).agrees()).isFalse();
    }

    @Test
    void shouldDisagreeWhenAMustFailModelPasses() {
        assertThat(new ResultsFile.Entry(model("MCM2", "fail:GroupOrder", null), passed(50)).agrees()).isFalse();
    }

    @Test
    void shouldDisagreeWhenAPassingModelsStateCountDriftedFromTheManifest() {
        assertThat(new ResultsFile.Entry(model("MCNext", "pass", 50L), passed(50)).agrees()).isTrue();
        assertThat(new ResultsFile.Entry(model("MCNext", "pass", 51L), passed(50)).agrees()).isFalse();
    }

    @Test
    void shouldDisagreeWhenTlcCrashesOnAModelExpectedToPass() {
        TlcResult crash = new TlcResult(Verdict.CRASH, Optional.empty(), -1, -1, -1, 1, List.of(), "out of memory");
        assertThat(new ResultsFile.Entry(model("MCNext", "pass", null), crash).agrees()).isFalse();
    }
}
