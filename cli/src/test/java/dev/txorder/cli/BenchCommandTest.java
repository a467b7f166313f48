package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code txorder bench}'s reading of JMH results and its input checks (the benchmarks themselves are not run here). */
class BenchCommandTest {

    /**
     * JMH's JSON ({@code -rf json}, trimmed to the fields read) for two implementations at 2
     * senders, arrays of 8: next-k2's iterations are skewed by one slow one, as on 2 cores.
     */
    private static final String JMH_JSON = """
            [ {
                "benchmark" : "dev.txorder.bench.TwoSendersToNic.send", "mode" : "thrpt", "threads" : 2,
                "params" : { "array" : "8", "capacity" : "4096", "impl" : "next-k2" },
                "primaryMetric" : { "score" : 1700000.0, "scoreError" : 900000.0,
                                    "rawData" : [ [ 2000000.0, 500000.0, 2100000.0 ], [ 1900000.0 ] ] },
                "secondaryMetrics" : {
                    "packets" : { "score" : 50000000.0, "scoreError" : "NaN" },
                    "fullWaits" : { "score" : 750000.0, "scoreError" : "NaN" },
                    "ringFull" : { "score" : 500.0, "scoreError" : "NaN" },
                    "waits" : { "score" : 1000000.0, "scoreError" : "NaN" },
                    "lockWaitNanos" : { "score" : 25000000.0, "scoreError" : "NaN" },
                    "nicIdle" : { "score" : 40000.0, "scoreError" : "NaN" },
                    "nicOrderWaits" : { "score" : 10000.0, "scoreError" : "NaN" },
                    "nicIdleNanos" : { "score" : 100000000.0, "scoreError" : "NaN" } }
              }, {
                "benchmark" : "dev.txorder.bench.TwoSendersToNic.send", "mode" : "thrpt", "threads" : 2,
                "params" : { "array" : "8", "capacity" : "4096", "impl" : "disruptor" },
                "primaryMetric" : { "score" : 1000000.0, "scoreError" : "NaN", "rawData" : [ [ 1000000.0 ] ] },
                "secondaryMetrics" : {
                    "packets" : { "score" : 30000000.0, "scoreError" : "NaN" },
                    "ringFull" : { "score" : 0.0, "scoreError" : "NaN" },
                    "waits" : { "score" : 0.0, "scoreError" : "NaN" } }
              } ]
            """;

    /** A second round of the same two rows: the machine was faster for both. */
    private static final String JMH_JSON_ROUND_2 = """
            [ {
                "benchmark" : "dev.txorder.bench.TwoSendersToNic.send", "mode" : "thrpt", "threads" : 2,
                "params" : { "array" : "8", "capacity" : "4096", "impl" : "next-k2" },
                "primaryMetric" : { "score" : 6000000.0, "scoreError" : "NaN", "rawData" : [ [ 6000000.0 ] ] },
                "secondaryMetrics" : {
                    "packets" : { "score" : 150000000.0, "scoreError" : "NaN" },
                    "fullWaits" : { "score" : 250000.0, "scoreError" : "NaN" },
                    "ringFull" : { "score" : 1500.0, "scoreError" : "NaN" },
                    "waits" : { "score" : 3000000.0, "scoreError" : "NaN" },
                    "lockWaitNanos" : { "score" : 75000000.0, "scoreError" : "NaN" } }
              }, {
                "benchmark" : "dev.txorder.bench.TwoSendersToNic.send", "mode" : "thrpt", "threads" : 2,
                "params" : { "array" : "8", "capacity" : "4096", "impl" : "disruptor" },
                "primaryMetric" : { "score" : 4000000.0, "scoreError" : "NaN", "rawData" : [ [ 4000000.0 ] ] },
                "secondaryMetrics" : { "packets" : { "score" : 90000000.0, "scoreError" : "NaN" } }
              } ]
            """;

    @Test
    void shouldTakeTheMedianIterationAsPacketsPerSecondAndRatiosFromTheSameRun() {
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(List.of(JMH_JSON));

        assertThat(rows).hasSize(2);
        BenchCommand.Row next = rows.get(0);
        assertThat(next.impl()).isEqualTo("next-k2");
        assertThat(next.producers()).isEqualTo(2);
        assertThat(next.array()).isEqualTo(8);
        assertThat(next.k()).isEqualTo(2);
        assertThat(next.mpps()).as("median of 0.5, 1.9, 2.0, 2.1 M requests/s, x 8 packets").isCloseTo(15.6, within(1e-9));
        assertThat(next.mppsMean()).as("mean of the measured iterations").isCloseTo(13.0, within(1e-9));
        assertThat(next.mppsMin()).isCloseTo(4.0, within(1e-9));
        assertThat(next.mppsMax()).isCloseTo(16.8, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "disruptor")).isCloseTo(1.95, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "single-lock")).isNaN();
        assertThat(BenchCommand.versus(rows, next, "single-lock")).isEqualTo("n/a");
    }

    @Test
    void shouldPoolTheRoundsAndPairTheirRatiosRoundByRound() {
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(List.of(JMH_JSON, JMH_JSON_ROUND_2));

        assertThat(rows).hasSize(2);
        BenchCommand.Row next = rows.get(0);
        assertThat(next.roundMedians()).containsExactly(1_950_000.0, 6_000_000.0);
        assertThat(next.mpps()).as("median of 0.5, 1.9, 2.0, 2.1, 6.0 M requests/s, x 8").isCloseTo(16.0, within(1e-9));
        assertThat(next.packets()).as("counters: the mean of the rounds").isCloseTo(100_000_000.0, within(1e-6));
        assertThat(BenchCommand.roundRatios(rows, next, "disruptor")).containsExactly(1.95, 1.5);
        assertThat(BenchCommand.ratio(rows, next, "disruptor"))
                .as("the median of the rounds' ratios, not of the pooled medians 2.0 / 2.5: those mix the rounds")
                .isCloseTo(1.725, within(1e-9));
        assertThat(BenchCommand.versus(rows, next, "disruptor")).isEqualTo("1.73x (1.50-1.95)");
        JsonNode json = Json.parse(BenchCommand.toJson(rows, "2 cores"), "bench.json").get(0);
        assertThat(json.get("rounds").asInt()).isEqualTo(2);
        assertThat(json.get("vs_disruptor_by_round")).extracting(JsonNode::asDouble).containsExactly(1.95, 1.5);
        assertThat(json.get("vs_single_lock_by_round")).isEmpty();
    }

    @Test
    void shouldReportWaitsPerPacketOnlyForImplementationsThatCountThem() {
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(List.of(JMH_JSON));

        assertThat(rows.get(0).waitsPerPacket()).isCloseTo(0.02, within(1e-12));
        assertThat(rows.get(0).lockWaitsPerPacket()).as("waits not spent on ring space").isCloseTo(0.005, within(1e-12));
        assertThat(rows.get(0).ringFullPerPacket()).isCloseTo(1e-5, within(1e-15));
        assertThat(rows.get(0).lockWaitNanosPerPacket()).isCloseTo(0.5, within(1e-12));
        assertThat(rows.get(0).nicIdleNanosPerPacket()).isCloseTo(2.0, within(1e-12));
        assertThat(rows.get(0).nicOrderWaitShare()).as("a quarter of the idle decisions waited for order")
                .isCloseTo(0.25, within(1e-12));
        assertThat(rows.get(1).waitsPerPacket()).as("the Disruptor does not expose its waits").isNaN();
        assertThat(rows.get(1).nicIdleNanosPerPacket()).as("nor does its consumer count its idle time").isNaN();
        assertThat(rows.get(1).lockWaitsPerPacket()).isNaN();
        assertThat(rows.get(1).lockWaitNanosPerPacket()).isNaN();
    }

    @Test
    void shouldSetATracedRowBesideItsUntracedRowOfTheSameRun() {
        String traced = JMH_JSON.replace("\"impl\" : \"disruptor\"", "\"impl\" : \"next-k2-traced\"");
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(List.of(traced));

        BenchCommand.Row recording = rows.get(1);
        assertThat(recording.impl()).isEqualTo("next-k2-traced");
        assertThat(recording.untraced()).isEqualTo("next-k2");
        assertThat(rows.get(0).untraced()).isEqualTo("next-k2");
        assertThat(recording.k()).isEqualTo(2);
        assertThat(BenchCommand.ratio(rows, recording, recording.untraced())).isCloseTo(1 / 1.95, within(1e-9));
        JsonNode json = Json.parse(BenchCommand.toJson(rows, "2 cores"), "bench.json");
        assertThat(json.get(1).get("vs_untraced").decimalValue()).as("six significant digits").hasToString("0.512821");
        assertThat(json.get(0).get("vs_untraced").isNull()).isTrue();
    }

    @Test
    void shouldKeepEachFillCostsRowsApartAndCompareOnlyWithinOne() {
        // The same rows at fill 0 (no fillNs parameter: benchmarks before it existed) and at 1000 ns,
        // where the disruptor is half as fast.
        String filled = JMH_JSON.replace("\"capacity\" : \"4096\",", "\"capacity\" : \"4096\", \"fillNs\" : \"1000\",")
                .replace("\"score\" : 1000000.0, \"scoreError\" : \"NaN\", \"rawData\" : [ [ 1000000.0 ] ]",
                        "\"score\" : 500000.0, \"scoreError\" : \"NaN\", \"rawData\" : [ [ 500000.0 ] ]");
        String both = JMH_JSON.strip().replaceFirst("\\]$", ",") + filled.strip().replaceFirst("^\\[", "");
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(List.of(both));

        assertThat(rows).extracting(BenchCommand.Row::impl, BenchCommand.Row::fillNs).containsExactly(
                org.assertj.core.groups.Tuple.tuple("next-k2", 0), org.assertj.core.groups.Tuple.tuple("disruptor", 0),
                org.assertj.core.groups.Tuple.tuple("next-k2", 1000), org.assertj.core.groups.Tuple.tuple("disruptor", 1000));
        assertThat(BenchCommand.ratio(rows, rows.get(0), "disruptor")).as("fill 0 against fill 0").isCloseTo(1.95, within(1e-9));
        assertThat(BenchCommand.ratio(rows, rows.get(2), "disruptor")).as("fill 1000 against fill 1000").isCloseTo(3.9, within(1e-9));
        JsonNode json = Json.parse(BenchCommand.toJson(rows, "2 cores"), "bench.json");
        assertThat(json).extracting(r -> r.get("fill_ns").asInt()).containsExactly(0, 0, 1000, 1000);
    }

    @Test
    void shouldTakeTheMeanOfTheMiddleTwoAsTheMedianOfAnEvenCount() {
        assertThat(BenchCommand.median(List.of(1.0, 2.0, 10.0, 40.0))).isEqualTo(6.0);
        assertThat(BenchCommand.median(List.of(3.0))).isEqualTo(3.0);
        assertThat(BenchCommand.median(List.of())).isNaN();
    }

    @Test
    void shouldWriteOneJsonObjectPerRowWithTheFieldsCliMdPromises() {
        JsonNode json = Json.parse(BenchCommand.toJson(BenchCommand.parseJmhJson(List.of(JMH_JSON)), "2 cores"), "bench.json");

        assertThat(json).hasSize(2);
        JsonNode next = json.get(0);
        assertThat(List.of(next.get("impl").asText(), next.get("producers").asInt(), next.get("array").asInt()))
                .containsExactly("next-k2", 2, 8);
        assertThat(next.get("mpps").asDouble()).isEqualTo(15.6);
        assertThat(next.get("mpps_min").asDouble()).isEqualTo(4.0);
        assertThat(next.get("vs_disruptor").asDouble()).isEqualTo(1.95);
        assertThat(next.get("vs_single_lock").isNull()).as("no single-lock row ran").isTrue();
        assertThat(json.get(1).get("waits_per_packet").isNull()).as("the Disruptor does not count its waits").isTrue();
        assertThat(next.get("machine").asText()).isEqualTo("2 cores");
    }

    @Test
    void shouldRejectAnUnknownImplementationNamingTheOptionAndTheAllowedValues() {
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("bench", "--impl", "next-k2,lmax");

        assertThat(exit).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--impl", "'lmax'", "next-k1", "array-blocking-queue", "next-k2-traced");
    }

    @Test
    void shouldReprintAnEarlierRunFromItsRoundsWithoutRunningAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("jmh-round-1.json"), JMH_JSON);
        java.nio.file.Files.writeString(dir.resolve("jmh-round-2.json"), JMH_JSON_ROUND_2);
        StringWriter out = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("bench", "--from", dir.toString(), "--json", dir.resolve("rows.json").toString());

        assertThat(exit).isEqualTo(TxorderCommand.HOLDS);
        assertThat(out.toString()).contains("2 rounds").contains("next-k2").contains("disruptor");
        JsonNode rows = Json.parse(java.nio.file.Files.readString(dir.resolve("rows.json")), "rows");
        assertThat(rows.get(0).get("rounds").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseFromADirectoryWithoutRoundsOrWithBadJsonOrWithRunningOptions(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(refusal("bench", "--from", dir.toString())).contains("--from", "jmh-round-1.json");

        java.nio.file.Files.writeString(dir.resolve("jmh-round-1.json"), "[ { \"params\" : ");
        assertThat(refusal("bench", "--from", dir.toString())).contains("--from", "not valid JSON");

        java.nio.file.Files.writeString(dir.resolve("jmh-round-1.json"), JMH_JSON);
        assertThat(refusal("bench", "--from", dir.toString(), "--impl", "next-k2")).contains("--impl", "--from");
        assertThat(refusal("bench", "--from", dir.toString(), "--chart", dir.resolve("c").toString()))
                .contains("--chart", "one fill cost");
        assertThat(refusal("bench", "--fill-ns", "0,100", "--chart", dir.resolve("jmh-round-1.json").toString()))
                .contains("--chart", "is a file");
    }

    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(TxorderCommand.BAD_INPUT);
        return err.toString();
    }
}
