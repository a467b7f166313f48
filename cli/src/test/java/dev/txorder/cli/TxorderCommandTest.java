package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.InvalidInputException;
import dev.txorder.RunFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TxorderCommandTest {
    private final StringWriter err = new StringWriter();

    /** A subcommand that throws what it is given instead of returning a status. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Exception failure;

        Boom(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    /** The real command line with one more subcommand, "boom", that throws {@code failure}. */
    private CommandLine withFailing(Exception failure) {
        CommandLine cli = TxorderCommand.newCommandLine();
        cli.addSubcommand("boom", new Boom(failure));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void shouldNameEverySubcommandWhenNoneIsGiven() {
        var cli = TxorderCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString()).contains("a subcommand is required: simulate, check, trace, verify, stress, bench");
    }

    @Test
    void shouldExitThreeWithTheCauseOnOneLineWhenTheRunFails() {
        int exit = withFailing(new RunFailedException("the NIC thread crashed", new IllegalStateException("wire unplugged")))
                .execute("boom");
        assertThat(exit).isEqualTo(TxorderCommand.RUN_FAILED);
        assertThat(err.toString().strip()).isEqualTo("txorder boom: the run failed: the NIC thread crashed: "
                + "java.lang.IllegalStateException: wire unplugged (--verbose for the stack trace)");
    }

    @Test
    void shouldCallAnUnexpectedExceptionAnInternalErrorNotAViolation() {
        int exit = withFailing(new NullPointerException("x is null")).execute("boom");
        assertThat(exit).as("never 1, which means a property failed").isEqualTo(TxorderCommand.RUN_FAILED);
        assertThat(err.toString()).startsWith("txorder boom: the run failed: internal error: NullPointerException: x is null")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldPrintTheStackTraceWithVerbose() {
        int exit = withFailing(new NullPointerException("x is null")).execute("boom", "--verbose");
        assertThat(exit).isEqualTo(TxorderCommand.RUN_FAILED);
        assertThat(err.toString()).contains("internal error: NullPointerException").contains("\tat ");
    }

    @Test
    void shouldExitTwoForBadInputFoundLateAnd130ForAnInterrupt() {
        assertThat(withFailing(new InvalidInputException("ring-size", "0 is outside 1..64")).execute("boom"))
                .isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString()).contains("txorder boom: ring-size: 0 is outside 1..64");
        assertThat(withFailing(new InterruptedException()).execute("boom")).isEqualTo(TxorderCommand.INTERRUPTED);
    }

    /** {@code source <(./txorder generate-completion)} completes commands and options in bash and zsh. */
    @Test
    void shouldGenerateAShellCompletionScriptNamingEveryCommandAndOption() {
        StringWriter out = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F _complete_txorder", "simulate", "soak", "verify", "--policy",
                "--hash-key", "--packets", "report", "merge", "--shard");
        // Options with a fixed set of values complete them.
        assertThat(out.toString()).contains("(\"hash\" \"next\") # --policy values", "(\"mac\" \"flow\") # --hash-key values",
                "(\"txorder\" \"single-queue\") # --driver values", "(\"M1\" \"M2\" \"M3\"",
                "(\"properties\" \"lincheck\" \"tlc\" \"proofs\" \"trace\" \"jcstress\") # --gates values");
    }
}
