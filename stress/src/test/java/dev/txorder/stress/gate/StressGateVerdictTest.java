package dev.txorder.stress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.stress.Descriptor_ReadyFlag_M8;
import dev.txorder.stress.NextGroup_ArrayContiguity_Correct;
import dev.txorder.stress.NextGroup_ArrayContiguity_M3;
import dev.txorder.stress.NextGroup_RingFullDedicatedNic_Correct;
import dev.txorder.stress.NextGroup_TicketOrder_Correct;
import dev.txorder.stress.rig.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's reading of JCStress 0.16 output, on excerpts of real runs. */
class StressGateVerdictTest {

    private static final String RUN = """
            ...... [FAILED] dev.txorder.stress.NextGroup_ArrayContiguity_M3
            RUN RESULTS:
              Interesting tests: No matches.

              Failed tests: 2 matching test results.

            ...... [FAILED] dev.txorder.stress.NextGroup_ArrayContiguity_M3

              Results across all configurations:

                   RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
              A, A1 A2 B1        0    0.00%  Acceptable  writerA -> writerB -> nic: A takes ticket 0 (queue 0), B ...
              A, A1 B1 A2   66,001   58.93%   Forbidden  writerA -> writerB -> nic with A1 marked NEXT: the NIC le...
                 B, B1 A1       46   <0.01%   Forbidden  writerB -> writerA -> nic with A1 marked NEXT: the cursor...

            ...... [FAILED] dev.txorder.stress.NextGroup_ArrayContiguity_Correct

              Results across all configurations:

                   RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
              A, A1 A2 B1  413,808   70.84%  Acceptable  writerA -> writerB -> nic: A takes ticket 0 (queue 0), B ...
              A, A1 B1 A2        3   <0.01%   Forbidden  writerA -> writerB -> nic with A1 marked NEXT: the NIC le...

              Error tests: No matches.

              All remaining tests: 1 matching test results.

            .......... [OK] dev.txorder.stress.Descriptor_ReadyFlag_M8

              Results across all configurations:

              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
                   -  208,295   32.01%  Acceptable  nic -> writer: the NIC looked before the ready flag was s...
                  A1  442,425   67.99%  Acceptable  writer -> nic: the NIC saw the ready flag and, through re...
            """;

    private static StressGate.Planned planned(Class<?> test, int actors) {
        return new StressGate.Planned(test.getName(), test.getAnnotation(Subject.class), actors);
    }

    @Test
    void shouldReadEveryTestsTableFromTheFinalReport() {
        JcstressReport report = JcstressReport.parse(RUN.lines().toList());

        assertThat(report.complete()).isTrue();
        JcstressReport.Test m3 = report.test(NextGroup_ArrayContiguity_M3.class.getName());
        assertThat(m3.status()).isEqualTo("FAILED");
        assertThat(m3.samples()).isEqualTo(66_047);
        assertThat(m3.forbidden()).isEqualTo(66_047);
        assertThat(m3.rows()).extracting(JcstressReport.Row::result).containsExactly("A, A1 A2 B1", "A, A1 B1 A2", "B, B1 A1");
    }

    @Test
    void shouldPassAMutantWhoseForbiddenOutcomeShowed() {
        JcstressReport report = JcstressReport.parse(RUN.lines().toList());
        Verdict v = Verdict.of(planned(NextGroup_ArrayContiguity_M3.class, 2),
                report.test(NextGroup_ArrayContiguity_M3.class.getName()), 2);

        assertThat(v.kind()).isEqualTo("pass");
        assertThat(v.caught()).isTrue();
    }

    @Test
    void shouldFailACorrectImplementationThatShowedAForbiddenOutcome() {
        JcstressReport report = JcstressReport.parse(RUN.lines().toList());
        Verdict v = Verdict.of(planned(NextGroup_ArrayContiguity_Correct.class, 2),
                report.test(NextGroup_ArrayContiguity_Correct.class.getName()), 2);

        assertThat(v.failed()).isTrue();
        assertThat(v.forbidden()).isEqualTo(3);
        assertThat(v.detail()).contains("A, A1 B1 A2");
    }

    @Test
    void shouldReportAMutantThatCannotShowHereAsNotShownAndNotCaught() {
        JcstressReport report = JcstressReport.parse(RUN.lines().toList());
        Verdict v = Verdict.of(planned(Descriptor_ReadyFlag_M8.class, 2),
                report.test(Descriptor_ReadyFlag_M8.class.getName()), 2);

        assertThat(v.kind()).isEqualTo("not-shown");
        assertThat(v.failed()).isFalse();
        assertThat(v.caught()).isFalse();
    }

    @Test
    void shouldFailAMutantWithoutAReasonWhenNoForbiddenOutcomeShowed() {
        JcstressReport.Test quiet = new JcstressReport.Test(NextGroup_ArrayContiguity_M3.class.getName(), "OK",
                List.of(new JcstressReport.Row("A, A1 A2 B1", 1000, "Acceptable")));
        Verdict v = Verdict.of(planned(NextGroup_ArrayContiguity_M3.class, 2), quiet, 2);

        assertThat(v.failed()).isTrue();
        assertThat(v.detail()).startsWith("mutant not caught");
    }

    @Test
    void shouldFailATestThatDidNotRunOrErred() {
        Verdict missing = Verdict.of(planned(NextGroup_ArrayContiguity_Correct.class, 2), null, 2);
        JcstressReport.Test erred = new JcstressReport.Test(NextGroup_ArrayContiguity_Correct.class.getName(), "ERROR", List.of());
        Verdict error = Verdict.of(planned(NextGroup_ArrayContiguity_Correct.class, 2), erred, 2);

        assertThat(missing.failed()).isTrue();
        assertThat(missing.detail()).startsWith("did not run");
        assertThat(error.failed()).isTrue();
    }

    @Test
    void shouldNotRunATestWithMoreActorsThanCpusAndSaySo() {
        Verdict v = Verdict.of(planned(NextGroup_RingFullDedicatedNic_Correct.class, 3), null, 2);

        assertThat(v.kind()).isEqualTo("not-run");
        assertThat(v.detail()).contains("3 CPUs");
    }

    @Test
    void shouldNeverPassARunInWhichNoTestCouldRun() {
        // A machine with one CPU: every test has two actors or more, so none runs.
        List<Verdict> none = List.of(Verdict.of(planned(NextGroup_ArrayContiguity_Correct.class, 2), null, 1),
                Verdict.of(planned(NextGroup_ArrayContiguity_M3.class, 2), null, 1));
        Summary nothing = new Summary("quick", 1, "amd64", 0.0, none, List.of());

        assertThat(none).extracting(Verdict::kind).containsOnly("not-run");
        assertThat(nothing.nothingRan()).isTrue();
        assertThat(nothing.passed()).as("a gate that ran nothing is not a pass").isFalse();
        assertThat(dev.txorder.io.Json.parse(nothing.json(), "stress-results.json").get("verdict").asText()).isEqualTo("not-run");

        // One test ran and passed beside one that could not: a pass that reports the other as not run.
        JcstressReport report = JcstressReport.parse(RUN.lines().toList());
        Summary some = new Summary("quick", 2, "amd64", 1.0, List.of(
                Verdict.of(planned(NextGroup_ArrayContiguity_M3.class, 2), report.test(NextGroup_ArrayContiguity_M3.class.getName()), 2),
                Verdict.of(planned(NextGroup_RingFullDedicatedNic_Correct.class, 3), null, 2)), List.of());
        assertThat(some.nothingRan()).isFalse();
        assertThat(some.passed()).isTrue();
    }

    @Test
    void shouldTreatNoSchedulingAndNoMatchingTestsAsFailuresToRun() {
        JcstressReport report = JcstressReport.parse(List.of(
                "  Scheduling classes for matching tests:",
                "    No scheduling is possible, these tests would not run.",
                "FATAL: No matching tests."));

        assertThat(report.fatal()).hasSize(2);
        assertThat(report.complete()).isFalse();
        assertThat(new Summary("quick", 2, "amd64", 1.0, List.of(), List.of("JCStress: " + report.fatal().get(0))).passed()).isFalse();
    }

    @Test
    void shouldReadTestNamesFromTheProcessorsTestList() {
        String list = "JCTEST47Sdev.txorder.stress.NextGroup_ArrayContiguity_M347Sdev.txorder.stress.NextGroup_ArrayContiguity_M3\n";

        assertThat(TestList.names(list)).containsExactly("dev.txorder.stress.NextGroup_ArrayContiguity_M3");
    }

    @Test
    void shouldSayOfEachResultBlockWhetherItIsWhatTheGateWants() {
        var byName = java.util.Map.of(NextGroup_ArrayContiguity_M3.class.getName(), planned(NextGroup_ArrayContiguity_M3.class, 2),
                NextGroup_TicketOrder_Correct.class.getName(), planned(NextGroup_TicketOrder_Correct.class, 2));
        assertThat(StressGate.progressLine(NextGroup_ArrayContiguity_M3.class.getName(), "FAILED", byName))
                .isEqualTo("NextGroup_ArrayContiguity_M3: forbidden outcome seen, as required");
        assertThat(StressGate.progressLine(NextGroup_ArrayContiguity_M3.class.getName(), "OK", byName))
                .isEqualTo("NextGroup_ArrayContiguity_M3: no forbidden outcome (the mutant did not show in this run)");
        assertThat(StressGate.progressLine(NextGroup_TicketOrder_Correct.class.getName(), "OK", byName))
                .isEqualTo("NextGroup_TicketOrder_Correct: no forbidden outcome, as required");
        assertThat(StressGate.progressLine(NextGroup_TicketOrder_Correct.class.getName(), "FAILED", byName))
                .isEqualTo("NextGroup_TicketOrder_Correct: forbidden outcome seen -- the correct code FAILS");
    }
}
