package dev.txorder.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code txorder stress}: the JCStress tests of the real send path (module {@code stress}), run by
 * {@code dev.txorder.stress.gate.StressGate} from {@code stress/target/jcstress.jar} in a JVM of
 * its own (JCStress forks further JVMs and must not share the command line's class path).
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = {"Runs the JCStress tests of TxDriver, its mutants and the prior art, and fails when a "
                + "correct test shows a forbidden outcome, a mutant's test shows none, or a test did not run.",
                "Writes OUT/stress-results.json."})
final class StressCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "quick", paramLabel = "quick|standard|long",
            description = "quick: the CI time box (2 forks of 1 s per test); standard: JCStress -m quick; "
                    + "long: JCStress -m default. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--tests", paramLabel = "REGEX", description = "Only the tests whose class name matches.")
    String tests;

    @Option(names = "--inject", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx", description = "Switch mutant Mx on in the correct design's tests: "
            + "they must show their forbidden outcomes (the gate then fails, naming the properties they guard).")
    String inject;

    @Option(names = "--jar", paramLabel = "JAR", description = "Default: stress/target/jcstress.jar of this checkout (built if missing).")
    Path jar;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go. Default: stress/target.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path j = jar != null ? jar : root.resolve("stress/target/jcstress.jar");
        if (jar == null && !Files.isRegularFile(j)) {
            System.err.println("txorder stress: building " + j + " ...");
            int built = new ProcessBuilder("mvn", "-B", "-q", "package", "-pl", "stress", "-am",
                    "-DskipTests", "-Dstress.skip=true").directory(root.toFile()).inheritIO().start().waitFor();
            if (built != 0) {
                System.err.println("txorder stress: building the JCStress jar failed (mvn exit " + built + ")");
                return TxorderCommand.VIOLATED;
            }
        }
        if (!Files.isRegularFile(j)) {
            System.err.println("txorder stress: jar: " + j + " does not exist");
            return TxorderCommand.BAD_INPUT;
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", j.toString(), "dev.txorder.stress.gate.StressGate",
                "--mode", mode, "--jar", j.toString(),
                "--out", (out != null ? out : root.resolve("stress/target")).toString()));
        if (tests != null) {
            cmd.add("--tests");
            cmd.add(tests);
        }
        if (inject != null) {
            cmd.add("--inject");
            cmd.add(inject);
        }
        // The gate's exit status is already 0 holds / 1 violated / 2 bad input / 3 nothing ran.
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /**
     * The checkout: the nearest directory with {@code stress/pom.xml} up from the working directory,
     * else up from this command's jar ({@code cli/target/txorder.jar}).
     */
    private static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        Path found = withStressModule(cwd);
        if (found == null) {
            try {
                found = withStressModule(Path.of(StressCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | SecurityException e) {
                found = null;
            }
        }
        return found != null ? found : cwd;
    }

    private static Path withStressModule(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("stress/pom.xml"))) {
                return p;
            }
        }
        return null;
    }
}
