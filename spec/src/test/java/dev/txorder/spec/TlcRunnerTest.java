package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlcRunnerTest {
    @Test
    void shouldListTheDeclaredPropertiesOfAConfiguration() {
        String cfg = "SPECIFICATION Spec\nINVARIANTS\n    TypeOK\nPROPERTIES\n    StrictPriority \\* safety\n"
                + "    Progress\nCHECK_DEADLOCK FALSE\n";
        assertThat(TlcRunner.properties(cfg)).containsExactly("StrictPriority", "Progress");
        assertThat(TlcRunner.properties("PROPERTY Progress\n")).containsExactly("Progress");
    }

    @Test
    void shouldLeaveActionPropertiesOutOfTheCandidatesForAnAnonymousTemporalViolation() throws Exception {
        TlcRunner runner = new TlcRunner(Path.of("target", "tlc-unit"), Duration.ofMinutes(2));
        Path dir = runner.cleanDirectory("Names");
        Files.writeString(dir.resolve("Names.tla"), "---- MODULE Names ----\nStrict ==\n    [][x' >= x]_x\n"
                + "Progress == <>(x = 2)\n====\n");
        assertThat(TlcRunner.temporalOnly(dir, List.of("Strict", "Progress"))).containsExactly("Progress");
    }

    @Test
    void shouldReportARealSemanticErrorAsAParseError() throws Exception {
        TlcRunner runner = new TlcRunner(Path.of("target", "tlc-unit"), Duration.ofMinutes(2));
        Path dir = runner.cleanDirectory("Broken");
        Files.writeString(dir.resolve("Broken.tla"),
                "---- MODULE Broken ----\nVARIABLE x\nInit == x = y\nNext == x' = x\n====\n");
        Files.writeString(dir.resolve("Broken.cfg"), "INIT Init\nNEXT Next\n");
        TlcResult result = runner.check(dir, "Broken");
        assertThat(result.verdict()).isEqualTo(Verdict.PARSE_ERROR);
    }

    @Test
    void shouldNotMistakeAnEvaluationErrorForAPass() throws Exception {
        TlcRunner runner = new TlcRunner(Path.of("target", "tlc-unit"), Duration.ofMinutes(2));
        Path dir = runner.cleanDirectory("Crash");
        Files.writeString(dir.resolve("Crash.tla"),
                "---- MODULE Crash ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
                        + "Next == x < 2 /\\ x' = x + 1\nInv == x \\div (1 - x) >= 0\n====\n");
        Files.writeString(dir.resolve("Crash.cfg"), "INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n");
        TlcResult result = runner.check(dir, "Crash");
        assertThat(result.verdict()).isEqualTo(Verdict.CRASH);
        assertThat(List.of(result.message())).isNotEmpty();
    }
}
