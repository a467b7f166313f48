package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the real {@code txorder trace} command line: real threads, the action log, TLC. */
class TraceCommandTest {
    private static final String[] SMALL = {"--layout", "0-3x2,4-7x2", "--cpus", "2", "--requests", "12"};

    record Run(int exit, String out, String err) { }

    static Run trace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("trace"));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    private static String[] small(String... extra) {
        List<String> args = new ArrayList<>(List.of(SMALL));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"next; strict", "hash; wrr:1,2"})
    void shouldFindEveryRecordedRunOfTheCorrectDesignConforming(String policy, String scheduler) {
        Run run = trace(small("--policy", policy, "--scheduler", scheduler, "--runs", "2"));

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.HOLDS);
        assertThat(run.out()).contains("2 of 2 runs conform").contains("verdict: conforms");
    }

    @Test
    void shouldRejectARunOfM3AtTheFirstArrayWrittenWithNextAndAcceptItAgainstTheSpecWithM3(@TempDir Path keep) {
        // No faults: a failed send's no-ops carry M3's NEXT as well, and a fault before the first
        // array would make the first unmatched record an Idle after a no-op instead of the Write.
        Run correct = trace(small("--policy", "next", "--array-max", "3", "--mutant", "M3", "--runs", "5",
                "--faults", "0", "--keep", keep.toString()));

        assertThat(correct.exit()).as(correct.out() + correct.err()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(correct.out()).contains("DOES NOT CONFORM (TraceConforms)").containsPattern("is no step of the spec: \\d+ Write")
                .contains("spec state before it:");

        Path log = keep.resolve("run-1.ndjson");
        Run same = trace("--log", log.toString(), "--spec-mutant", "M3");
        assertThat(same.exit()).as(same.out() + same.err()).isEqualTo(TxorderCommand.HOLDS);
        assertThat(same.out()).contains("spec: mutant M3 switched on").contains("verdict: conforms");
    }

    @Test
    void shouldPrintOneJsonDocumentWithEachRunAndTheFirstRejection(@TempDir Path keep) {
        Run rejected = trace(small("--policy", "next", "--array-max", "3", "--mutant", "M3", "--runs", "5",
                "--faults", "0", "--keep", keep.toString(), "--json"));
        assertThat(rejected.exit()).as(rejected.out() + rejected.err()).isEqualTo(TxorderCommand.VIOLATED);
        JsonNode doc = Json.parse(rejected.out(), "trace --json");
        assertThat(doc.get("verdict").asText()).isEqualTo("does-not-conform");
        assertThat(doc.get("java").asText()).isEqualTo("M3");
        JsonNode last = doc.get("runs").get(doc.get("runs").size() - 1);
        assertThat(last.get("conforms").asBoolean()).isFalse();
        assertThat(doc.get("rejection").get("seq").asInt()).isEqualTo(last.get("rejected_seq").asInt());
        assertThat(doc.get("rejection").get("action").asText()).isEqualTo("Write");
        assertThat(doc.get("rejection").get("context")).isNotEmpty();

        Run log = trace("--log", keep.resolve("run-1.ndjson").toString(), "--spec-mutant", "M3", "--json");
        assertThat(log.exit()).isEqualTo(TxorderCommand.HOLDS);
        JsonNode accepted = Json.parse(log.out(), "trace --log --json");
        assertThat(accepted.get("verdict").asText()).isEqualTo("conforms");
        assertThat(accepted.get("spec").asText()).isEqualTo("mutant M3 switched on");
        assertThat(accepted.get("records").asInt()).isPositive();
        assertThat(accepted.get("rejection").isNull()).isTrue();
    }

    @Test
    void shouldNameTheFieldOfABadOption() {
        Run run = trace(small("--policy", "next", "--runs", "0"));

        assertThat(run.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(run.err()).contains("runs").contains("allowed 1..10000");
    }

    @Test
    void shouldRefuseRunOptionsBesideALog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("x.ndjson");
        Files.writeString(log, "{}\n", StandardCharsets.UTF_8);

        Run run = trace("--log", log.toString(), "--cpus", "2");

        assertThat(run.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(run.err()).contains("log");
    }

    @Test
    void shouldRejectABadLogLineWithItsLineAndField(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("bad.ndjson");
        Files.writeString(log, String.join("\n",
                "{\"format\":\"txorder-trace/1\",\"layout\":\"0x2\",\"policy\":\"next\",\"scheduler\":\"strict\","
                        + "\"hash_key\":\"mac\",\"ring_size\":4,\"cpus\":1,\"mutants\":[]}",
                "{\"seq\":0,\"action\":\"Teleport\"}", ""), StandardCharsets.UTF_8);

        Run run = trace("--log", log.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(run.err()).contains("line 2").contains("action");
    }

    @Test
    void shouldValidateAHandWrittenLogOfAnotherImplementation(@TempDir Path dir) throws Exception {
        // One next group of 2 queues; request "a" (one packet) is written and transmitted, then the adapter idles.
        Path log = dir.resolve("other.ndjson");
        Files.writeString(log, String.join("\n",
                "{\"format\":\"txorder-trace/1\",\"layout\":\"0x2\",\"policy\":\"next\",\"scheduler\":\"strict\","
                        + "\"hash_key\":\"mac\",\"ring_size\":4,\"cpus\":1,\"mutants\":[]}",
                "{\"seq\":0,\"action\":\"Assign\",\"cpu\":0,\"req\":\"a\",\"flow\":\"web\",\"priority\":0,"
                        + "\"dst_mac\":\"02:00:00:00:00:01\",\"packets\":1,\"group\":0,\"queue\":0,\"ticket\":0}",
                "{\"seq\":1,\"action\":\"Reserve\",\"cpu\":0,\"req\":\"a\",\"group\":0,\"queue\":0,\"slot\":0}",
                "{\"seq\":2,\"action\":\"Write\",\"cpu\":0,\"req\":\"a\",\"packet\":1,\"group\":0,\"queue\":0,\"slot\":0,"
                        + "\"indicator\":\"NEXT\"}",
                "{\"seq\":3,\"action\":\"Transmit\",\"group\":0,\"queue\":0,\"req\":\"a\",\"packet\":1,\"slot\":0}",
                "{\"seq\":4,\"action\":\"Idle\"}", ""), StandardCharsets.UTF_8);

        Run run = trace("--log", log.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.HOLDS);
        assertThat(run.out()).contains("5 records");
    }
}
