package dev.txorder.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code txorder} command line: one entry point for simulation, model checking and the CI gate.
 *
 * <p>Exit status, for every subcommand: 0 everything asked for holds, 1 a property does not hold,
 * 2 bad input (the message names the field and what is allowed), 3 the run itself failed (a crashed
 * thread, a tool failing, an internal error: the cause on one line, the stack trace only with
 * {@code --verbose}), 130 interrupted.
 */
@Command(name = "txorder",
        mixinStandardHelpOptions = true,
        versionProvider = TxorderCommand.Version.class,
        description = "Verification suite for an ordered multi-queue transmit path (US 2003/0058878 A1).",
        subcommands = {SimulateCommand.class, CheckCommand.class, TraceCommand.class, VerifyCommand.class,
                StressCommand.class, BenchCommand.class, SoakCommand.class, AuditCommand.class, GenCommand.class, ProbeCommand.class, ReportCommand.class,
                CostCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class TxorderCommand implements Runnable {

    /** Exit status when every property asked for holds. */
    public static final int HOLDS = 0;
    /** Exit status when a property does not hold. */
    public static final int VIOLATED = 1;
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status when the run itself failed (a crashed thread, TLC failing): no verdict. */
    public static final int RUN_FAILED = 3;
    /** Exit status when interrupted. */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every subcommand: {@code txorder simulate --verbose ...}. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on an unexpected failure, print the stack trace as well as the one-line cause")
    boolean verbose;

    @Override
    public void run() {
        // Listed from the registered subcommands, so that a new one is named without touching this line.
        String names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help"))
                .collect(java.util.stream.Collectors.joining(", "));
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: " + names);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new TxorderCommand());
        // picocli's default for bad usage is 2 already; a property violation is signalled by return codes.
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("txorder: " + ex.getMessage());
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> failed(ex, line, parsed));
        return cli;
    }

    /**
     * What a subcommand threw instead of returning a status: bad input it found late (2, naming the
     * field), an interrupt (130), anything else a failure of the run (3). One line on stderr; the
     * stack trace with {@code --verbose}.
     */
    static int failed(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        java.io.PrintWriter err = line.getErr();
        String command = "txorder " + line.getCommandName();
        if (ex instanceof dev.txorder.InvalidInputException bad) {
            err.println(command + ": " + bad.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof InterruptedException) {
            err.println(command + ": interrupted");
            return INTERRUPTED;
        }
        String cause = ex instanceof dev.txorder.RunFailedException ? ex.getMessage()
                : "internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        err.println(command + ": the run failed: " + cause.lines().findFirst().orElse("")
                + (isVerbose(parsed) ? "" : " (--verbose for the stack trace)"));
        if (isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return RUN_FAILED;
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TxorderCommand.class.getPackage().getImplementationVersion();
            return new String[] {"txorder " + (v == null ? "dev" : v)};
        }
    }
}
