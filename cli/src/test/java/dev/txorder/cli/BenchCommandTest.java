package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code txorder bench}'s reading of JMH results and its input checks (the benchmarks themselves are not run here). */
class BenchCommandTest {

    /** JMH's CSV for two implementations at 2 senders, arrays of 8: a primary row and three counters each. */
    private static final List<String> CSV = List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
                    + "\"Param: array\",\"Param: capacity\",\"Param: impl\"",
            "\"dev.txorder.bench.TwoSendersToNic.send\",\"thrpt\",2,3,2000000.0,100000.0,\"ops/s\",8,4096,next-k2",
            "\"dev.txorder.bench.TwoSendersToNic.send:packets\",\"thrpt\",2,3,50000000.0,NaN,\"#\",8,4096,next-k2",
            "\"dev.txorder.bench.TwoSendersToNic.send:fullWaits\",\"thrpt\",2,3,750000.0,NaN,\"#\",8,4096,next-k2",
            "\"dev.txorder.bench.TwoSendersToNic.send:ringFull\",\"thrpt\",2,3,500.0,NaN,\"#\",8,4096,next-k2",
            "\"dev.txorder.bench.TwoSendersToNic.send:waits\",\"thrpt\",2,3,1000000.0,NaN,\"#\",8,4096,next-k2",
            "\"dev.txorder.bench.TwoSendersToNic.send\",\"thrpt\",2,3,1000000.0,50000.0,\"ops/s\",8,4096,disruptor",
            "\"dev.txorder.bench.TwoSendersToNic.send:packets\",\"thrpt\",2,3,30000000.0,NaN,\"#\",8,4096,disruptor",
            "\"dev.txorder.bench.TwoSendersToNic.send:ringFull\",\"thrpt\",2,3,0.0,NaN,\"#\",8,4096,disruptor",
            "\"dev.txorder.bench.TwoSendersToNic.send:waits\",\"thrpt\",2,3,0.0,NaN,\"#\",8,4096,disruptor");

    @Test
    void shouldTurnRequestsPerSecondIntoPacketsPerSecondAndRatiosFromTheSameRun() {
        List<BenchCommand.Row> rows = BenchCommand.parseCsv(CSV);

        assertThat(rows).hasSize(2);
        BenchCommand.Row next = rows.get(0);
        assertThat(next.impl()).isEqualTo("next-k2");
        assertThat(next.producers()).isEqualTo(2);
        assertThat(next.array()).isEqualTo(8);
        assertThat(next.k()).isEqualTo(2);
        assertThat(next.mpps()).isCloseTo(16.0, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "disruptor")).isCloseTo(2.0, within(1e-9));
        assertThat(BenchCommand.ratio(rows, next, "single-lock")).isNaN();
    }

    @Test
    void shouldReportWaitsPerPacketOnlyForImplementationsThatCountThem() {
        List<BenchCommand.Row> rows = BenchCommand.parseCsv(CSV);

        assertThat(rows.get(0).waitsPerPacket()).isCloseTo(0.02, within(1e-12));
        assertThat(rows.get(0).lockWaitsPerPacket()).as("waits not spent on ring space").isCloseTo(0.005, within(1e-12));
        assertThat(rows.get(0).ringFullPerPacket()).isCloseTo(1e-5, within(1e-15));
        assertThat(rows.get(1).waitsPerPacket()).as("the Disruptor does not expose its waits").isNaN();
        assertThat(rows.get(1).lockWaitsPerPacket()).isNaN();
    }

    @Test
    void shouldWriteOneJsonObjectPerRowWithTheFieldsCliMdPromises() {
        String json = BenchCommand.toJson(BenchCommand.parseCsv(CSV), "2 cores");

        assertThat(json).startsWith("[").contains(
                "{\"impl\": \"next-k2\", \"producers\": 2, \"array\": 8, \"mpps\": 16.0000,",
                "\"vs_disruptor\": 2.00000", "\"vs_single_lock\": null", "\"waits_per_packet\": null");
        assertThat(json.lines().filter(l -> l.contains("\"impl\"")).count()).isEqualTo(2);
    }

    @Test
    void shouldSplitQuotedCsvFieldsWithCommasInside() {
        assertThat(BenchCommand.splitCsv("\"a,b\",c,\"d\"\"e\"")).containsExactly("a,b", "c", "d\"e");
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
