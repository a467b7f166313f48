package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
                    "lockWaitNanos" : { "score" : 25000000.0, "scoreError" : "NaN" } }
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

    @Test
    void shouldTakeTheMedianIterationAsPacketsPerSecondAndRatiosFromTheSameRun() {
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(JMH_JSON);

        assertThat(rows).hasSize(2);
        BenchCommand.Row next = rows.get(0);
        assertThat(next.impl()).isEqualTo("next-k2");
        assertThat(next.producers()).isEqualTo(2);
        assertThat(next.array()).isEqualTo(8);
        assertThat(next.k()).isEqualTo(2);
        assertThat(next.mpps()).as("median of 0.5, 1.9, 2.0, 2.1 M requests/s, x 8 packets").isCloseTo(15.6, within(1e-9));
        assertThat(next.mppsMean()).isCloseTo(13.6, within(1e-9));
        assertThat(next.mppsMin()).isCloseTo(4.0, within(1e-9));
        assertThat(next.mppsMax()).isCloseTo(16.8, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "disruptor")).isCloseTo(1.95, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "single-lock")).isNaN();
        assertThat(rows.get(1).mppsError()).as("JMH writes NaN as a string").isNaN();
    }

    @Test
    void shouldReportWaitsPerPacketOnlyForImplementationsThatCountThem() {
        List<BenchCommand.Row> rows = BenchCommand.parseJmhJson(JMH_JSON);

        assertThat(rows.get(0).waitsPerPacket()).isCloseTo(0.02, within(1e-12));
        assertThat(rows.get(0).lockWaitsPerPacket()).as("waits not spent on ring space").isCloseTo(0.005, within(1e-12));
        assertThat(rows.get(0).ringFullPerPacket()).isCloseTo(1e-5, within(1e-15));
        assertThat(rows.get(0).lockWaitNanosPerPacket()).isCloseTo(0.5, within(1e-12));
        assertThat(rows.get(1).waitsPerPacket()).as("the Disruptor does not expose its waits").isNaN();
        assertThat(rows.get(1).lockWaitsPerPacket()).isNaN();
        assertThat(rows.get(1).lockWaitNanosPerPacket()).isNaN();
    }

    @Test
    void shouldTakeTheMeanOfTheMiddleTwoAsTheMedianOfAnEvenCount() {
        assertThat(BenchCommand.median(List.of(1.0, 2.0, 10.0, 40.0))).isEqualTo(6.0);
        assertThat(BenchCommand.median(List.of(3.0))).isEqualTo(3.0);
        assertThat(BenchCommand.median(List.of())).isNaN();
    }

    @Test
    void shouldWriteOneJsonObjectPerRowWithTheFieldsCliMdPromises() {
        String json = BenchCommand.toJson(BenchCommand.parseJmhJson(JMH_JSON), "2 cores");

        assertThat(json).startsWith("[").contains(
                "{\"impl\": \"next-k2\", \"producers\": 2, \"array\": 8, \"mpps\": 15.6000,",
                "\"mpps_min\": 4.00000", "\"vs_disruptor\": 1.95000", "\"vs_single_lock\": null",
                "\"waits_per_packet\": null");
        assertThat(json.lines().filter(l -> l.contains("\"impl\"")).count()).isEqualTo(2);
    }

    @Test
    void shouldRejectAnUnknownImplementationNamingTheOptionAndTheAllowedValues() {
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("bench", "--impl", "next-k2,lmax");

        assertThat(exit).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--impl", "'lmax'", "next-k1", "array-blocking-queue");
    }
}
