package dev.txorder.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every proof model of {@code proofs/models/manifest.json} (profile {@code ci}, or the one named by
 * {@code -Dtxorder.proofs.profile=full}) and holds it to its expected outcome: a passing model must finish
 * without error with exactly the manifest's distinct-state count; a must-fail model must fail on exactly the
 * named property. A must-fail model that passes, or fails on anything else, fails the suite.
 */
class ProofModelsTest {

    private static final Path PROOFS = Path.of(System.getProperty("txorder.proofs.dir", "."));
    private static final long TIMEOUT_SECONDS = 900;

    @TestFactory
    Stream<DynamicTest> shouldGiveEveryProofModelItsExpectedOutcome() throws Exception {
        ProofManifest manifest = ProofManifest.read(PROOFS.resolve("models/manifest.json"));
        ForkedTlc tlc = new ForkedTlc(
                Path.of(System.getProperty("txorder.spec.tla", "../spec/tla")),
                PROOFS.resolve("tla"), PROOFS.resolve("models"),
                Path.of(System.getProperty("txorder.proofs.work", "target/tlc")));
        String profile = System.getProperty("txorder.proofs.profile", "ci");
        return manifest.profile(profile).stream().map(entry -> DynamicTest.dynamicTest(
                entry.name() + ": " + entry.theorem() + " -> " + entry.expected(), () -> check(tlc, entry)));
    }

    private static void check(ForkedTlc tlc, ProofManifest.Entry entry) throws Exception {
        ForkedTlc.Run run = tlc.run(entry.name(), TIMEOUT_SECONDS);
        System.out.printf(Locale.ROOT, "%s: exit %d, %d distinct states (%d initial), %.1f s%n", entry.name(),
                run.exitCode(), run.distinctStates().orElse(-1), run.distinctInitialStates().orElse(-1), run.seconds());
        assertThat(run.parseFailed()).as("%s does not parse:%n%s", entry.name(), run.excerpt()).isFalse();
        if (!entry.mustFail()) {
            assertThat(run.passed()).as("%s must pass:%n%s", entry.name(), run.excerpt()).isTrue();
            assertThat(run.distinctStates())
                    .as("%s distinct states (the manifest records what the bounds give)", entry.name())
                    .isEqualTo(entry.distinctStates());
            return;
        }
        String property = entry.failingProperty();
        boolean failedAsExpected = property.startsWith("Refines")
                ? run.violatesRefinementOf(property.substring("Refines".length()))
                : run.violatesInvariant(property);
        assertThat(failedAsExpected)
                .as("%s must fail on %s, but TLC exited %d:%n%s", entry.name(), property, run.exitCode(), run.excerpt())
                .isTrue();
    }
}
