package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JUnit gate over real test classes of impl's test-jar, split across shards by class. */
class JUnitGateShardTest {
    @TempDir
    Path report;

    /** Four fast test classes of impl (layouts, input files and their fuzzing). */
    private final JUnitGate gate = new JUnitGate("properties", "p", "examples", List.of("dev.txorder.layout", "dev.txorder.io"));

    private GateResult run(Shard shard) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return gate.run(new VerifyContext(report, Profile.quick, report, out, Progress.lines(out), Optional.empty(), shard));
    }

    @Test
    void shouldRunEachTestClassInExactlyOneShardAndMergeToTheUnshardedResult() {
        GateResult whole = run(Shard.WHOLE);
        assertThat(whole.verdict()).isEqualTo(Verdict.PASS);
        assertThat(whole.work().items()).containsExactly("dev.txorder.io.InputFuzzTest", "dev.txorder.io.PcapFileTest", "dev.txorder.io.RequestsFileTest",
                "dev.txorder.io.WireFileTest", "dev.txorder.layout.LayoutTest");
        assertThat(report.resolve("properties/junit-platform/TEST-junit-jupiter.xml")).as("the JUnit Platform's own report")
                .content().contains("<testsuite name=\"JUnit Jupiter\"").contains("dev.txorder.layout.LayoutTest");

        List<GateResult> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            parts.add(run(new Shard(i, 3)));
        }
        for (GateResult p : parts) {
            List<String> classes = p.checks().stream().map(c -> c.name().substring(0, c.name().indexOf('.'))).distinct().toList();
            assertThat(classes).as("a shard runs the classes it took, no others")
                    .containsExactlyInAnyOrderElementsOf(p.work().items().stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList());
        }
        GateResult merged = ShardMerge.gate(parts, List.of("1", "2", "3"));
        assertThat(merged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(merged.checks()).extracting(Check::name).containsExactlyInAnyOrderElementsOf(
                whole.checks().stream().map(Check::name).toList());
        assertThat(merged.effort()).isEqualTo(whole.effort());
    }
}
