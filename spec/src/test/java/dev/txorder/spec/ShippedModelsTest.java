package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TLC gate: every model of the profile named by {@code -Dtxorder.tlc.profile} ({@code ci} by
 * default, or {@code full}) must show the outcome its manifest entry declares, and a passing model
 * must explore exactly the recorded number of distinct states. A must-fail model that passes fails
 * the gate. Results go to {@code target/tlc-results.json}.
 */
class ShippedModelsTest {
    private static final String PROFILE = System.getProperty("txorder.tlc.profile", "ci");
    private static final Path RESULTS_FILE = Path.of("target", "tlc-results.json");
    private static final ResultsFile RESULTS = new ResultsFile();

    @TestFactory
    Stream<DynamicTest> everyModelOfTheProfileShowsTheOutcomeItsManifestDeclares() throws IOException {
        SpecFiles files = SpecFiles.directory(Path.of("").toAbsolutePath());
        Manifest manifest = Manifest.read(files.manifest());
        TlcRunner runner = new TlcRunner(Path.of("target", "tlc"),
                PROFILE.equals("full") ? Duration.ofMinutes(40) : Duration.ofMinutes(5));
        assertThat(manifest.profile(PROFILE)).as("models of profile " + PROFILE).isNotEmpty();
        return manifest.profile(PROFILE).stream().map(model -> dynamicTest(model.name() + " -> " + model.expected(), () -> {
            TlcResult result = runner.run(files, model);
            RESULTS.add(model, result);
            RESULTS.write(RESULTS_FILE, PROFILE);
            assertThat(result.outcome())
                    .as("%s (%s): TLC said \"%s\"; see target/tlc/%s/tlc.log%n%s", model.name(), model.bounds(),
                            result.message(), model.name(), Counterexample.render(result.trace()))
                    .isEqualTo(model.expected());
            model.distinctStates().ifPresent(expected -> assertThat(result.distinctStates())
                    .as("%s: distinct states drifted from the manifest", model.name())
                    .isEqualTo(expected));
        }));
    }
}
