package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every gate is given.
 *
 * @param root     the checkout (holds spec/, stress/, proofs/)
 * @param report   the report folder; a gate keeps its logs under {@code report/<gate>/}
 * @param console  where the summary and the CI-log lines go (the tests' own output goes to logs)
 * @param inject   a mutant switched on in the correct design's checks, to see the gate fail on purpose
 * @param shard    the part of each gate's work this run does ({@link Shard#WHOLE} unless sharded)
 */
public record VerifyContext(Path root, Profile profile, Path report, PrintStream console, Progress progress,
                            Optional<Mutant> inject, Shard shard) {

    /** An unsharded run. */
    public VerifyContext(Path root, Profile profile, Path report, PrintStream console, Progress progress, Optional<Mutant> inject) {
        this(root, profile, report, console, progress, inject, Shard.WHOLE);
    }

    /** The folder for {@code gate}'s logs, under the report folder. */
    public Path logs(String gate) {
        return report.resolve(gate);
    }

    /** The java launcher of this JVM, for the tools run in a JVM of their own. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
