package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the real {@code txorder check} command line, TLC included, on small models. */
class CheckCommandTest {
    private static final String[] SMALL_NEXT =
            {"--layout", "0x2", "--policy", "next", "--cpus", "2", "--requests", "3", "--array-max", "2"};

    record Run(int exit, String out, String err) { }

    static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    private static String[] with(String... extra) {
        List<String> args = new ArrayList<>(List.of(SMALL_NEXT));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void shouldHoldForTheNextPolicyWithTwoCpusAndArraysOfTwo() {
        Run run = check(SMALL_NEXT);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.HOLDS);
        assertThat(run.out()).contains("verdict: holds").containsPattern("states: \\d+ generated, \\d+ distinct, depth \\d+");
    }

    @Test
    void shouldPrintOneJsonDocumentWithTheCounterexamplesStates() {
        Run run = check(with("--mutant", "M1", "--json"));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.VIOLATED);
        JsonNode json = Json.parse(run.out(), "check --json");
        assertThat(json.get("verdict").asText()).isEqualTo("violated");
        // Which order M1 breaks first depends on how TLC's workers explore: one of the two.
        assertThat(json.get("property").asText()).isIn("GroupOrder", "FlowOrder");
        assertThat(json.get("outcome").asText()).isEqualTo("fail:" + json.get("property").asText());
        assertThat(json.get("distinct_states").asLong()).isPositive();
        JsonNode trace = json.get("counterexample");
        assertThat(trace.size()).isGreaterThan(2);
        assertThat(trace.get(0).get("action").asText()).isEqualTo("Initial predicate");
        assertThat(trace.get(trace.size() - 1).get("variables").has("wire")).isTrue();

        Run holds = check(with("--json"));
        assertThat(holds.exit()).isEqualTo(TxorderCommand.HOLDS);
        JsonNode h = Json.parse(holds.out(), "check --json");
        assertThat(h.get("verdict").asText()).isEqualTo("holds");
        assertThat(h.get("counterexample")).isEmpty();
        assertThat(h.get("as_expected").isNull()).as("a generated model has no declared outcome").isTrue();

        Run shipped = check("--model", "MCM7", "--json");
        JsonNode m = Json.parse(shipped.out(), "check --json");
        assertThat(m.get("model").asText()).isEqualTo("MCM7");
        assertThat(m.get("as_expected").asBoolean()).isTrue();
    }

    @Test
    void shouldReportTlcsProgressOnStderrWhileItRuns() {
        Run run = check(SMALL_NEXT);
        // TLC reports once a minute and once more at the end, so even a short run shows one line.
        assertThat(run.err()).containsPattern("(?m)^txorder check: TLC depth \\d+, [\\d,]+ distinct states, [\\d,]+ generated, "
                + "[\\d,]+ on the queue, \\d+ s$");
        assertThat(run.out()).doesNotContain("on the queue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"M1", "M2", "M3", "M6"})
    void shouldPrintACounterexampleTableAndExitOneForEveryNextMutant(String mutant) {
        Run run = check(with("--mutant", mutant));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(run.out()).contains("verdict: VIOLATED")
                .containsPattern("step\\s+\\|\\s+actor\\s+\\|\\s+action\\s+\\|\\s+queues\\s+\\|\\s+cursor\\s+\\|\\s+wire")
                .contains("Initial predicate").contains("Assign r1");
    }

    @Test
    void shouldFindTheStalledAdapterOfMutantSixAsAProgressViolation() {
        Run run = check(with("--mutant", "M6"));
        assertThat(run.out()).contains("VIOLATED Progress (temporal property)").contains("Fail");
    }

    @Test
    void shouldRunAShippedMutantModelAndSayThatTheManifestExpectsItsFailure() {
        Run run = check("--model", "MCM5");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(run.out()).contains("VIOLATED SlotExclusion (invariant); as the manifest expects");
    }

    /** TLC stopped before it could decide (here by the time-out) is a failed run, exit 3, not a verdict. */
    @Test
    void shouldExitThreeWhenTlcCannotCheckTheModel() {
        Run run = check("--model", "MCNextStrictFull", "--timeout", "1");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.RUN_FAILED);
        assertThat(run.err().strip()).isEqualTo("txorder check: the run failed: TLC could not check the model (crash): "
                + "stopped after the 1 s timeout");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--layout 0x2 --policy fifo --cpus 2 --requests 3; policy",
        "--layout 0x2 --policy next --cpus 0 --requests 3; cpus",
        "--layout 0x2 --policy next --cpus 2 --requests 99; requests",
        "--layout 0x2 --policy next --cpus 2 --requests 2 --array-max 3 --ring-size 2; ring-size",
        "--layout 0x2 --policy next --cpus 2 --requests 2 --mutant M4; mutant",
        "--layout 0x2 --policy hash --cpus 2 --requests 2 --mutant M9; mutant",
        "--layout 0x2 --policy next --cpus 2 --requests 2 --mutant M10; mutant",
        "--layout 0x2 --policy next --cpus 2 --requests 2 --mutant M99; mutant",
        "--layout 0x2,1x1 --policy next --cpus 2 --requests 2 --scheduler wrr:1; scheduler",
        "--layout 0x2 --policy next --cpus 2 --requests 2 --scheduler fair; scheduler",
        "--layout 0x0 --policy next --cpus 2 --requests 2; layout",
        "--policy next --cpus 2 --requests 2; layout",
        "--model MCNoSuchModel; model",
        "--model MCM1 --cpus 2; model"})
    void shouldRejectBadInputWithExitTwoAndALineNamingTheField(String args, String field) {
        Run run = check(args.split(" "));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("txorder check: " + field);
    }
}
