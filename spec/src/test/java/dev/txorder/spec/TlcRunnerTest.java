package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    @Test
    void shouldCopyTheOutputToTheLogAndHandOnEveryProgressReportAsItArrives() throws Exception {
        String output = "@!@!@STARTMSG 2190:0 @!@!@\nFinished computing initial states: 1 distinct state generated.\n"
                + "@!@!@ENDMSG 2190 @!@!@\n"
                + "@!@!@STARTMSG 2200:0 @!@!@\nProgress(19) at 2026-11-28 09:42:33: 1,931,206 states generated "
                + "(974,464 s/min), 641,568 distinct states found (281,717 ds/min), 282,753 states left on queue.\n"
                + "@!@!@ENDMSG 2200 @!@!@\n"
                + "@!@!@STARTMSG 2200:0 @!@!@\nProgress(45) at 2026-11-28 09:43:33: 4,244,517 states generated "
                + "(663,236 s/min), 914,829 distinct states found (245,262 ds/min), 0 states left on queue.\n"
                + "@!@!@ENDMSG 2200 @!@!@\n";
        Path log = Files.createDirectories(Path.of("target", "tlc-unit")).resolve("pump.log");
        List<TlcProgress> reports = new ArrayList<>();
        var pump = new TlcRunner.OutputPump(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), log,
                System.nanoTime(), reports::add);
        pump.run();
        assertThat(pump.failure()).isNull();
        assertThat(Files.readString(log)).isEqualTo(output);
        assertThat(reports).extracting(TlcProgress::depth, TlcProgress::generated, TlcProgress::distinct, TlcProgress::queue)
                .containsExactly(tuple(19, 1_931_206L, 641_568L, 282_753L),
                        tuple(45, 4_244_517L, 914_829L, 0L));
        assertThat(reports.get(0).describe()).startsWith("depth 19, 641,568 distinct states, 1,931,206 generated, "
                + "282,753 on the queue, ");
    }

    @Test
    void shouldHandOnTheFinalProgressReportOfARealRun() throws Exception {
        List<TlcProgress> reports = new ArrayList<>();
        TlcRunner runner = new TlcRunner(Path.of("target", "tlc-unit"), Duration.ofMinutes(2), reports::add);
        Path dir = runner.cleanDirectory("Counter");
        Files.writeString(dir.resolve("Counter.tla"),
                "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x < 300 /\\ x' = x + 1\n====\n");
        Files.writeString(dir.resolve("Counter.cfg"), "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
        TlcResult result = runner.check(dir, "Counter");
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).distinct()).isEqualTo(301);
        assertThat(Files.readString(dir.resolve("tlc.log"))).contains("@!@!@STARTMSG 2193:");
    }
}
