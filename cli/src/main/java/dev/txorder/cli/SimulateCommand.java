package dev.txorder.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "PLACEHOLDER: replaced by the real command.")
final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("txorder simulate: not built yet");
        return TxorderCommand.BAD_INPUT;
    }
}
