package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.Mutant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillMatrixTest {

    private static KillMatrix.Row row(KillMatrix k, Mutant m) {
        return k.rows().stream().filter(r -> r.mutant() == m).findFirst().orElseThrow();
    }

    @Test
    void shouldHoldWhenEveryMutantIsCaughtByTlcAndAnImplementationLevelTool() {
        KillMatrix k = KillMatrix.of(Fixtures.allCaught());
        assertThat(k.holds()).isTrue();
        assertThat(row(k, Mutant.M1).caughtBy()).containsExactly("tlc", "properties");
        assertThat(row(k, Mutant.M1).cells().get("tlc").effort()).isEqualTo(10);
    }

    @Test
    void shouldFlagAMutantCaughtByTlcAloneAsAGap() {
        List<GateResult> results = new ArrayList<>(List.of(Fixtures.caught("tlc", Mutant.values()),
                Fixtures.caught("properties", java.util.Arrays.stream(Fixtures.inTlcScope())
                        .filter(m -> m != Mutant.M1).toArray(Mutant[]::new))));
        KillMatrix k = KillMatrix.of(results);
        assertThat(row(k, Mutant.M1).gap()).startsWith("caught by TLC only");
        assertThat(k.holds()).isFalse();
        assertThat(k.asGate(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(k.asGate(0).detail()).contains("M1 caught by TLC only");
    }

    @Test
    void shouldFlagAMutantNoToolCaught() {
        KillMatrix k = KillMatrix.of(List.of(Fixtures.caught("tlc", Mutant.M2), Fixtures.caught("lincheck", Mutant.M2)));
        assertThat(row(k, Mutant.M1).gap()).isEqualTo("caught by no tool");
        assertThat(row(k, Mutant.M2).gap()).isNull();
    }

    @Test
    void shouldFlagAMutantTlcMissedEvenWhenTheImplementationToolsCaughtIt() {
        KillMatrix k = KillMatrix.of(List.of(Fixtures.caught("tlc"), Fixtures.caught("jcstress", Mutant.M5)));
        assertThat(row(k, Mutant.M5).gap()).isEqualTo("not caught by TLC");
    }

    @Test
    void shouldSayM8IsNotInTlcsScopeAndNotFailTheVerdictForIt() {
        KillMatrix k = KillMatrix.of(Fixtures.allCaught());
        KillMatrix.Row m8 = row(k, Mutant.M8);
        assertThat(m8.note()).contains("not in TLC's scope");
        assertThat(m8.gap()).isEqualTo("caught by no tool");
        assertThat(m8.failsVerdict()).isFalse();
        assertThat(k.holds()).isTrue();
    }

    @Test
    void shouldJudgeOnlyTheToolsThatRan() {
        // verify --gates properties: TLC did not run, so its absence is no gap.
        assertThat(KillMatrix.of(List.of(Fixtures.caught("properties", Fixtures.inTlcScope()))).holds()).isTrue();
    }

    @Test
    void shouldNotReportMutantsCaughtWhenTheGatesThatRanCannotJudgeThem() {
        // verify --gates proofs: no tool of the matrix ran, so the mutants gate must not say "7 of 7 caught".
        GateResult proofs = new GateResult("proofs", "p", Verdict.PASS, 1, Effort.NONE, "-", List.of(), List.of(), List.of());
        GateResult gate = KillMatrix.of(List.of(proofs)).asGate(0);
        assertThat(gate.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(gate.detail()).startsWith("not judged");
        assertThat(KillMatrix.of(List.of(Fixtures.caught("properties", Fixtures.inTlcScope()))).asGate(0).verdict())
                .as("properties alone cannot show the TLC column").isEqualTo(Verdict.SKIP);
        assertThat(KillMatrix.of(Fixtures.allCaught()).asGate(0).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldPreferACatchOverAMissOfTheSameTool() {
        GateResult jc = new GateResult("jcstress", "p", Verdict.PASS, 1, Effort.NONE, "-", List.of(),
                List.of(Kill.missed(Mutant.M5, "jcstress", "not shown"), Kill.caught(Mutant.M5, "jcstress", 3, "forbidden", "NoLoss", "t")), List.of());
        KillMatrix k = KillMatrix.of(List.of(jc));
        assertThat(row(k, Mutant.M5).cells().get("jcstress").caught()).isTrue();
    }
}
