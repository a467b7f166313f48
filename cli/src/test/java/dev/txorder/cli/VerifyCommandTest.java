package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.Mutant;
import dev.txorder.cli.verify.Effort;
import dev.txorder.cli.verify.Gate;
import dev.txorder.cli.verify.GateResult;
import dev.txorder.cli.verify.JUnitGate;
import dev.txorder.cli.verify.Kill;
import dev.txorder.cli.verify.VerifyContext;
import dev.txorder.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A gate that reports {@code result} without running anything. */
    private static Gate fake(GateResult result) {
        return new Gate() {
            @Override
            public String name() {
                return result.name();
            }

            @Override
            public String proves() {
                return result.proves();
            }

            @Override
            public GateResult run(VerifyContext context) {
                return result;
            }
        };
    }

    private static GateResult gate(String name, dev.txorder.cli.verify.Verdict v, Mutant... caught) {
        List<Kill> kills = java.util.Arrays.stream(caught).map(m -> new Kill(m, name, true, 5, "units", m.breaks(), "t")).toList();
        return new GateResult(name, "proves", v, 1, Effort.of(5, "units"), v == dev.txorder.cli.verify.Verdict.PASS ? "ok" : "GroupOrder does not hold",
                List.of(), kills, List.of());
    }

    private int verify(List<Gate> gates, String... args) {
        VerifyCommand command = new VerifyCommand();
        command.gateSource = root -> gates;
        command.console = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine cli = TxorderCommand.newCommandLine();
        CommandLine sub = new CommandLine(command);
        sub.setParameterExceptionHandler(cli.getParameterExceptionHandler());
        return sub.execute(args);
    }

    /** Every mutant the spec models: all but M8. */
    private static final Mutant[] IN_TLC_SCOPE = java.util.Arrays.stream(Mutant.values())
            .filter(m -> dev.txorder.spec.SpecMutants.expresses(m.name())).toArray(Mutant[]::new);

    @Test
    void shouldExitZeroAndWriteTheReportWhenEveryGateAndTheKillMatrixHold() throws Exception {
        int exit = verify(List.of(fake(gate("tlc", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE)),
                fake(gate("properties", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE))), "--report", dir.toString());
        assertThat(exit).isEqualTo(TxorderCommand.HOLDS);
        JsonNode summary = Json.parse(Files.readString(dir.resolve("summary.json")), "summary.json");
        assertThat(summary.get("verdict").asText()).isEqualTo("pass");
        assertThat(dir.resolve("junit.xml")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("KILL MATRIX").contains("verify: PASS");
    }

    @Test
    void shouldExitOneWhenAGateFails() {
        int exit = verify(List.of(fake(gate("tlc", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE)),
                fake(gate("properties", dev.txorder.cli.verify.Verdict.FAIL, IN_TLC_SCOPE))), "--report", dir.toString());
        assertThat(exit).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("properties: GroupOrder does not hold").contains("verify: FAIL");
    }

    @Test
    void shouldExitOneWhenAMutantIsCaughtByTlcAlone() {
        int exit = verify(List.of(fake(gate("tlc", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE)),
                fake(gate("properties", dev.txorder.cli.verify.Verdict.PASS, Mutant.M1))), "--report", dir.toString());
        assertThat(exit).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("M2 caught by TLC only");
    }

    @Test
    void shouldExitThreeNamingAGateThatRanNothingUnlessItWasLeftOutOnPurpose() throws Exception {
        GateResult proofs = new GateResult("proofs", "proves", dev.txorder.cli.verify.Verdict.SKIP, 0, Effort.NONE,
                "no proofs/ folder in this checkout", List.of(), List.of(), List.of());
        List<Gate> gates = List.of(fake(gate("tlc", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE)),
                fake(gate("properties", dev.txorder.cli.verify.Verdict.PASS, IN_TLC_SCOPE)), fake(proofs));

        int exit = verify(gates, "--report", dir.toString());

        assertThat(exit).as("a gate that ran nothing is not a pass").isEqualTo(TxorderCommand.RUN_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("verify: gate proofs did not run: no proofs/ folder in this checkout").contains("verify: NOT RUN");
        JsonNode summary = Json.parse(Files.readString(dir.resolve("summary.json")), "summary.json");
        assertThat(summary.get("verdict").asText()).isEqualTo("not run");

        out.reset();
        assertThat(verify(gates, "--gates", "tlc,properties", "--report", dir.toString()))
                .as("left out with --gates: nothing was asked of it").isEqualTo(TxorderCommand.HOLDS);
    }

    @Test
    void shouldExitTwoOnBadInputNamingTheField() throws Exception {
        assertThat(TxorderCommand.newCommandLine().execute("verify", "--profile", "slow")).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(verify(List.of(), "--gates", "tlc,bogus", "--report", dir.toString())).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(verify(List.of(), "--inject", "M99", "--report", dir.toString())).isEqualTo(TxorderCommand.BAD_INPUT);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(verify(List.of(), "--report", file.toString())).isEqualTo(TxorderCommand.BAD_INPUT);
    }

    /**
     * The gate has teeth on the real code: with M3 switched on in the correct design's property
     * tests, the properties gate (run for real, in-process) fails and names RequestContiguity.
     */
    @Test
    void shouldExitOneNamingTheFailedPropertyWhenTheCorrectImplementationIsBroken() throws Exception {
        int exit = verify(List.of(JUnitGate.properties()), "--gates", "properties", "--inject", "M3", "--report", dir.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(printed).contains("verify: properties fail").contains("OrderPropertiesTest.RequestContiguity");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("RequestContiguity does not hold: Property falsified");
        JsonNode summary = Json.parse(Files.readString(dir.resolve("summary.json")), "summary.json");
        assertThat(summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("OrderPropertiesTest.RequestContiguity failed");
        assertThat(System.getProperty("txorder.inject")).as("the injection ends with the gate").isNull();
        assertThat(printed).contains("verify: with M3 injected: failed, as they must: properties; passed anyway");
    }

    @Test
    void shouldSayWhichGatesFailedUnderAnInjectedMutantAndWhichPassedAnyway() {
        var pass = dev.txorder.cli.verify.Verdict.PASS;
        var fail = dev.txorder.cli.verify.Verdict.FAIL;
        int exit = verify(List.of(fake(gate("tlc", fail)), fake(gate("properties", fail)), fake(gate("proofs", pass))),
                "--inject", "M1", "--report", dir.toString());
        assertThat(exit).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("verify: with M1 injected: failed, as they must: tlc, properties;"
                + " passed anyway (M1 changes nothing they run, or they missed it): proofs");
    }
}
