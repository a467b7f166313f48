package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.Mutant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace gate of the quick profile on this checkout: real threads, real TLC. */
class TraceGateTest {
    /** The repository, found from the module directory the tests run in. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path report;

    @Test
    void shouldFindTheCorrectDesignConformingAndEveryJavaMutantRejectedByTheCorrectSpec() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        VerifyContext context = new VerifyContext(ROOT, Profile.quick, report, out, Progress.lines(out), Optional.empty());

        GateResult r = new TraceGate(ROOT).run(context);

        assertThat(r.verdict()).as(r.detail()).isEqualTo(Verdict.PASS);
        assertThat(r.checks().stream().filter(c -> c.detail().endsWith("records conform")).count()).isEqualTo(20);
        for (Mutant m : new Mutant[] {Mutant.M1, Mutant.M2, Mutant.M3, Mutant.M4, Mutant.M5, Mutant.M6, Mutant.M7,
                Mutant.M9}) {
            Kill k = r.kills().stream().filter(x -> x.mutant() == m).findFirst().orElseThrow();
            assertThat(k.caught()).as(m + ": " + k.detail()).isTrue();
            assertThat(k.tool()).isEqualTo("trace");
            assertThat(k.detail()).startsWith("TraceConforms: run ").contains("is no step of the correct spec");
        }
        // Every mutant but M4 and M5 was also validated against the spec with the same mutant, which accepted it.
        assertThat(r.checks().stream().filter(c -> c.detail().contains("accepts the whole log")).count()).isEqualTo(6);
        assertThat(r.traces()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(r.effort().toString()).matches("[\\d,]+ records, 20 runs");
    }
}
