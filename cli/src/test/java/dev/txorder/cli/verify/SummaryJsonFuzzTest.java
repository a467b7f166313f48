package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.io.Fuzzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code report merge} reads summary.json files it did not write itself (artifacts of other CI
 * jobs): mutations of a real one ({@link Fuzzer}) must each be read or refused with an
 * {@link IllegalArgumentException} naming the file, on one line.
 */
class SummaryJsonFuzzTest {
    @Test
    void shouldReadOrRefuseEveryMutatedSummaryNamingTheFile() {
        List<GateResult> gates = new ArrayList<>(Fixtures.allCaught());
        GateResult tlc = gates.get(0);
        gates.set(0, tlc.with(new Work(3, List.of("MCM1", "MCM2"))));
        RunInfo run = new RunInfo(Profile.quick, new Shard(1, 2), Optional.empty(), "0123456789abcdef0123456789abcdef01234567",
                "2026-12-04T08:00:00Z", 12.5, "a test machine", "");
        String summary = SummaryJson.write(VerifyReport.of(run, gates));
        assertThat(SummaryJson.read(summary, "s.json").tools()).hasSize(gates.size());

        int refused = Fuzzer.fuzz("summary.json", List.of(summary), text -> SummaryJson.read(text, "s.json"),
                e -> e instanceof IllegalArgumentException && e.getMessage() != null && !e.getMessage().contains("\n")
                        && e.getMessage().startsWith("s.json") ? null : "not refused naming the file on one line");
        assertThat(refused).isPositive();
    }
}
