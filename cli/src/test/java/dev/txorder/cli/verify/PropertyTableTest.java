package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.Mutant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTableTest {

    private static PropertyTable.Cell cell(PropertyTable t, String property, String tool) {
        return t.rows().stream().filter(r -> r.property().equals(property)).findFirst().orElseThrow().cells().get(tool);
    }

    @Test
    void shouldCreditEachCaughtMutantToThePropertyTheToolSawFail() {
        PropertyTable t = PropertyTable.of(Fixtures.allCaught());
        assertThat(cell(t, "GroupOrder", "tlc").state()).isEqualTo(PropertyTable.State.SHOWN);
        assertThat(cell(t, "GroupOrder", "tlc").by()).extracting(Tooth::by).containsExactly("M1", "M2");
        assertThat(cell(t, "GroupOrder", "tlc").text()).isEqualTo("M1 (10 units), M2 (20 units)");
        assertThat(cell(t, "NoDuplicate", "properties").by()).extracting(Tooth::by).containsExactly("M10");
    }

    @Test
    void shouldTellANeverFailedCheckFromAToolWithoutThatCheckAndFromAToolThatDidNotRun() {
        // Only M1 was caught, by properties: every other property that tool judges is toothless here.
        PropertyTable t = PropertyTable.of(List.of(Fixtures.caught("properties", Mutant.M1)));
        assertThat(cell(t, "GroupOrder", "properties").state()).isEqualTo(PropertyTable.State.SHOWN);
        assertThat(cell(t, "NoLoss", "properties").state()).isEqualTo(PropertyTable.State.NOT_SHOWN);
        assertThat(cell(t, "StrictPriority", "lincheck").state()).isEqualTo(PropertyTable.State.NOT_JUDGED);
        assertThat(cell(t, "NoLoss", "lincheck").state()).isEqualTo(PropertyTable.State.NOT_RUN);
        assertThat(cell(t, "TraceConforms", "properties").state()).isEqualTo(PropertyTable.State.NOT_JUDGED);
        assertThat(t.toothless()).contains("NoLoss in properties").noneMatch(s -> s.startsWith("GroupOrder"));
    }

    @Test
    void shouldCountMustFailModelsThatAreNoMutantsAndFoldAliasesIntoTheirProperty() {
        GateResult tlc = new GateResult("tlc", "p", Verdict.PASS, 1, Effort.NONE, "-", List.of(), List.of(), List.of(),
                List.of(new Tooth("PriorityIsolation", "tlc", "MCMisroute", 12, "states"),
                        new Tooth("deadlock", "tlc", "MCM11Deadlock", 30, "states"),
                        new Tooth("NoThirdBackloggedRound", "tlc", "MCWrrBacklogWitness", 99, "states")), Work.UNLISTED);
        PropertyTable t = PropertyTable.of(List.of(tlc));
        assertThat(cell(t, "PriorityIsolation", "tlc").by()).extracting(Tooth::by).containsExactly("MCMisroute");
        assertThat(cell(t, "Progress", "tlc").by()).extracting(Tooth::by).containsExactly("MCM11Deadlock");
        // A check of another name is a row of its own, not dropped.
        assertThat(cell(t, "NoThirdBackloggedRound", "tlc").state()).isEqualTo(PropertyTable.State.SHOWN);
        assertThat(cell(t, "NoThirdBackloggedRound", "properties").state()).isEqualTo(PropertyTable.State.NOT_JUDGED);
    }

    @Test
    void shouldCreditARefinementFailureToThePropertyTheMutantBreaks() {
        GateResult proofs = new GateResult("proofs", "p", Verdict.PASS, 1, Effort.NONE, "-", List.of(),
                List.of(Kill.caught(Mutant.M1, "proofs", 40, "states", "RefinesOrderedChannelNext", "MCM1Refines")), List.of());
        PropertyTable t = PropertyTable.of(List.of(proofs));
        assertThat(cell(t, "GroupOrder", "proofs").by()).extracting(Tooth::by).containsExactly("M1 (refinement)");
        assertThat(t.rows()).noneMatch(r -> r.property().startsWith("Refines"));
    }

    @Test
    void shouldNotCreditAMissedMutant() {
        GateResult jc = new GateResult("jcstress", "p", Verdict.PASS, 1, Effort.NONE, "-", List.of(),
                List.of(Kill.missed(Mutant.M8, "jcstress", "not shown")), List.of());
        PropertyTable t = PropertyTable.of(List.of(jc));
        assertThat(cell(t, "NoLoss", "jcstress").state()).isEqualTo(PropertyTable.State.NOT_SHOWN);
    }
}
