package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TxorderCommandTest {
    @Test
    void shouldNameEverySubcommandWhenNoneIsGiven() {
        StringWriter err = new StringWriter();
        var cli = TxorderCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString()).contains("a subcommand is required: simulate, check, trace, verify, stress, bench");
    }
}
