package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code txorder cost}, TLC included, on a small grid. */
class CostCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) { }

    static Run cost(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("cost"));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void shouldMeasureHowTheStatesGrowWithTheRequestsModelled() throws Exception {
        Path csv = dir.resolve("cost.csv");
        Run run = cost("--policy", "next", "--cpus", "2", "--queues", "2", "--requests", "1..3", "--csv", csv.toString(),
                "--chart", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(TxorderCommand.HOLDS);
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("outcome")).containsOnly("pass");
        long one = Long.parseLong(rows.get(0).get("distinct_states"));
        long two = Long.parseLong(rows.get(1).get("distinct_states"));
        long three = Long.parseLong(rows.get(2).get("distinct_states"));
        assertThat(one).isPositive().isLessThan(two);
        assertThat(two).isLessThan(three);
        assertThat(rows.get(0).get("growth")).as("the first of a line has nothing to grow from").isEmpty();
        assertThat(Double.parseDouble(rows.get(2).get("growth"))).isCloseTo((double) three / two, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(run.out()).contains("next, 2 cpus, 2 queues: largest finished in 900 s: 3 requests");
        assertThat(Files.readString(dir.resolve("tlc-cost.svg"))).contains("<svg");
        assertThat(javax.imageio.ImageIO.read(dir.resolve("tlc-cost.png").toFile())).as("the PNG beside it").isNotNull();
    }

    @Test
    void shouldRefuseABadRangeNamingTheField() {
        Run backwards = cost("--requests", "5..2");
        assertThat(backwards.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(backwards.err()).contains("requests: '5..2' runs backwards");
        Run big = cost("--cpus", "2..9");
        assertThat(big.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(big.err()).contains("cpus");
        Run policy = cost("--policy", "fifo");
        assertThat(policy.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(policy.err()).contains("policy: 'fifo' is not a policy; allowed: hash, next");
    }
}
