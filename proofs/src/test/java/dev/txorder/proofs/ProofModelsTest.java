package dev.txorder.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.spec.Manifest;
import dev.txorder.spec.Model;
import dev.txorder.spec.TlcResult;
import dev.txorder.spec.TlcRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every proof model of {@code proofs/models/manifest.json} (profile {@code ci}, or the one named by
 * {@code -Dtxorder.proofs.profile=full}) with the spec module's {@link TlcRunner}, each in
 * {@code target/tlc/<model>/} with the specification's and the proofs' modules beside it, and holds it to
 * its declared outcome ({@link ProofOutcome}). A must-fail model that passes fails the build.
 */
class ProofModelsTest {

    private static final Path PROOFS = Path.of(System.getProperty("txorder.proofs.dir", "."));
    private static final Path SPEC_TLA = Path.of(System.getProperty("txorder.spec.tla", "../spec/tla"));
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    @TestFactory
    Stream<DynamicTest> shouldGiveEveryProofModelItsDeclaredOutcome() throws IOException {
        Manifest manifest = Manifest.read(PROOFS.resolve("models/manifest.json"));
        TlcRunner tlc = new TlcRunner(Path.of(System.getProperty("txorder.proofs.work", "target/tlc")), TIMEOUT);
        String profile = System.getProperty("txorder.proofs.profile", "ci");
        return manifest.profile(profile).stream()
                .map(model -> DynamicTest.dynamicTest(model.name() + " -> " + model.expected(), () -> check(tlc, model)));
    }

    private static void check(TlcRunner tlc, Model model) throws IOException, InterruptedException {
        Path dir = tlc.cleanDirectory(model.name());
        for (Path modules : List.of(SPEC_TLA, PROOFS.resolve("tla"))) {
            copyModules(modules, dir);
        }
        for (String file : model.files()) {
            Files.copy(PROOFS.resolve("models").resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        TlcResult result = tlc.check(dir, model.name());
        System.out.printf(Locale.ROOT, "%s: %s, %d distinct states, %.1f s%s%n", model.name(), result.outcome(),
                result.distinctStates(), result.seconds(), result.message().isEmpty() ? "" : " (" + result.message() + ")");
        assertThat(ProofOutcome.mismatch(model, result)).as("%s (log: %s)", model.name(), dir.resolve("tlc.log")).isEmpty();
    }

    private static void copyModules(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tla")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
