package dev.txorder.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true, description = "PLACEHOLDER: replaced by the real command.")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("txorder check: not built yet");
        return TxorderCommand.BAD_INPUT;
    }
}
