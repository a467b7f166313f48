package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.Mutant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLC gate on a small checkout of real models, run by the spec module's TlcRunner. */
class TlcGateTest {
    /** The repository's spec module, found from the module directory the tests run in. */
    private static final Path SPEC = Path.of("").toAbsolutePath().resolveSibling("spec");

    @TempDir
    Path root;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void checkoutWithTheSpecsModules() throws IOException {
        Files.createDirectories(root.resolve("spec/tla"));
        try (Stream<Path> modules = Files.list(SPEC.resolve("tla"))) {
            for (Path m : modules.toList()) {
                Files.copy(m, root.resolve("spec/tla").resolve(m.getFileName().toString()));
            }
        }
        Files.createDirectories(root.resolve("spec/models"));
        for (String f : new String[] {"MCTxOrder.tla", "MCM5.tla", "MCM5.cfg", "MCM7.tla", "MCM7.cfg"}) {
            Files.copy(SPEC.resolve("models").resolve(f), root.resolve("spec/models").resolve(f));
        }
    }

    private VerifyContext context(Profile profile) {
        return context(profile, Shard.WHOLE);
    }

    private VerifyContext context(Profile profile, Shard shard) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return new VerifyContext(root, profile, root.resolve("report"), out, Progress.lines(out), Optional.empty(), shard);
    }

    private static String entry(String name, String profile, String expected) {
        return "{\"name\": \"" + name + "\", \"files\": [\"" + name + ".tla\", \"" + name + ".cfg\"], \"profile\": \"" + profile
                + "\", \"expected\": \"" + expected + "\", \"bounds\": \"test\", \"distinct_states\": null}";
    }

    @Test
    void shouldCatchAMutantWhoseModelFailsAsDeclaredAndFailTheGateOnAWrongDeclaration() throws Exception {
        // MCM5 breaks SlotExclusion; declaring GroupOrder is wrong and must fail the gate.
        Files.writeString(root.resolve("spec/models/manifest.json"), "{\"models\": ["
                + entry("MCM7", "ci", "fail:StrictPriority") + ", " + entry("MCM5", "ci", "fail:GroupOrder") + ", "
                + entry("MCAbsent", "full", "pass") + "]}");

        GateResult r = TlcGate.spec(root).run(context(Profile.quick));

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.checks()).extracting(Check::name).containsExactly("MCM7", "MCM5");
        assertThat(r.checks().get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.checks().get(0).detail()).isEqualTo("fails as declared: StrictPriority violated");
        assertThat(r.checks().get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.checks().get(1).detail()).isEqualTo("SlotExclusion violated, but the manifest declares fail:GroupOrder");
        Kill m7 = r.kills().stream().filter(k -> k.mutant() == Mutant.M7).findFirst().orElseThrow();
        assertThat(m7.caught()).isTrue();
        assertThat(m7.unit()).isEqualTo("states");
        assertThat(m7.effort()).isPositive();
        assertThat(r.kills().stream().filter(k -> k.mutant() == Mutant.M5).findFirst().orElseThrow().caught()).isFalse();
        // Both counterexamples are the spec's rendered table, for the report.
        assertThat(r.traces()).hasSize(2);
        assertThat(r.traces().get(0).title()).startsWith("MCM7 (expected to fail): StrictPriority violated after");
        assertThat(r.traces().get(0).text()).startsWith("step | actor").contains("| Transmit r1.1", "adapter");
        assertThat(root.resolve("report/tlc/tlc-results.json")).exists();
        assertThat(root.resolve("report/tlc/MCM7/tlc.log")).exists();
        assertThat(root.resolve("report/tlc/MCM7/meta")).doesNotExist();
    }

    @Test
    void shouldRunAProofsManifestWithoutFilesOnTheSpecsAndTheProofsModules() throws Exception {
        Files.createDirectories(root.resolve("proofs/models"));
        Files.createDirectories(root.resolve("proofs/tla"));
        // A proofs module that the proof model extends: it must be staged beside the spec's modules.
        Files.writeString(root.resolve("proofs/tla/ProofBase.tla"),
                "---- MODULE ProofBase ----\nEXTENDS MCTxOrder\n====\n");
        String m7 = Files.readString(SPEC.resolve("models/MCM7.tla")).replaceFirst("MODULE MCM7\\b", "MODULE MCM7Proof")
                .replaceFirst("EXTENDS MCTxOrder", "EXTENDS ProofBase");
        Files.writeString(root.resolve("proofs/models/MCM7Proof.tla"), m7);
        Files.copy(SPEC.resolve("models/MCM7.cfg"), root.resolve("proofs/models/MCM7Proof.cfg"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("proofs/models/manifest.json"), "{\"models\": [{\"name\": \"MCM7Proof\", \"theorem\": \"t\","
                + " \"profile\": \"ci\", \"expected\": \"fail:StrictPriority\", \"bounds\": \"test\"}]}");

        GateResult r = TlcGate.proofs(root).run(context(Profile.quick));

        assertThat(r.detail()).startsWith("1 models as declared");
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.kills()).singleElement().satisfies(k -> {
            assertThat(k.mutant()).isEqualTo(Mutant.M7);
            assertThat(k.tool()).isEqualTo("proofs");
        });
    }

    @Test
    void shouldSkipTheProofsGateInACheckoutWithoutProofs() throws Exception {
        assertThat(TlcGate.proofs(root).run(context(Profile.quick)).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void shouldNameTheMutantOfAMustFailModelByAllTheDigitsAfterItsM() {
        java.util.function.Function<String, java.util.Optional<dev.txorder.Mutant>> of = name -> TlcGate.mutantOf(
                new dev.txorder.spec.Model(name, java.util.List.of(), "ci", "fail:Progress", "", java.util.Optional.empty()));
        assertThat(of.apply("MCM1")).contains(dev.txorder.Mutant.M1);
        assertThat(of.apply("MCM11")).as("M11, not M1").contains(dev.txorder.Mutant.M11);
        assertThat(of.apply("MCM5Lost")).contains(dev.txorder.Mutant.M5);
        assertThat(of.apply("MCM4Refines")).contains(dev.txorder.Mutant.M4);
        assertThat(of.apply("MCNextStrict")).isEmpty();
        assertThat(TlcGate.mutantOf(new dev.txorder.spec.Model("MCM6", java.util.List.of(), "ci", "pass", "",
                java.util.Optional.empty()))).as("a passing model is no mutant's catch").isEmpty();
    }

    @Test
    void shouldSwitchAnInjectedMutantOnInTheCorrectModelsOnly() throws Exception {
        java.nio.file.Path cfg = java.nio.file.Files.writeString(root.resolve("Injected.cfg"),
                "CONSTANTS\n    Policy = \"next\"\n    Mutant = \"none\"\n    RingSize = 2\nSPECIFICATION Spec\n");
        TlcGate.inject(cfg, dev.txorder.Mutant.M1);
        assertThat(java.nio.file.Files.readString(cfg)).contains("    Mutant = \"M1\"\n").doesNotContain("\"none\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlcGate.inject(cfg, dev.txorder.Mutant.M2))
                .as("a cfg without Mutant = none cannot be switched").hasMessageContaining("no Mutant = \"none\"");

        TlcGate spec = TlcGate.spec(root);
        dev.txorder.spec.Model correct = new dev.txorder.spec.Model("MCNextStrict", java.util.List.of(), "ci", "pass", "",
                java.util.Optional.empty());
        dev.txorder.spec.Model mutantModel = new dev.txorder.spec.Model("MCM2", java.util.List.of(), "ci", "fail:GroupOrder", "",
                java.util.Optional.empty());
        assertThat(spec.injectable(correct, dev.txorder.Mutant.M1)).isTrue();
        assertThat(spec.injectable(mutantModel, dev.txorder.Mutant.M1)).as("a must-fail model keeps its own mutant").isFalse();
        assertThat(spec.injectable(correct, dev.txorder.Mutant.M8)).as("M8 is outside the spec").isFalse();
    }

    @Test
    void shouldRunTheManifestsCiModelsForQuickAndAllForFull() {
        assertThat(TlcGate.manifestProfile(Profile.quick)).isEqualTo("ci");
        assertThat(TlcGate.manifestProfile(Profile.full)).isEqualTo("full");
    }

    @Test
    void shouldSplitTheModelsAcrossShardsWhoseMergeIsTheUnshardedResult() throws Exception {
        Files.writeString(root.resolve("spec/models/manifest.json"), "{\"models\": ["
                + entry("MCM7", "ci", "fail:StrictPriority") + ", " + entry("MCM5", "ci", "fail:SlotExclusion") + "]}");
        GateResult whole = TlcGate.spec(root).run(context(Profile.quick));
        assertThat(whole.verdict()).isEqualTo(Verdict.PASS);

        for (int n : new int[] {2, 3}) {
            List<GateResult> parts = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                parts.add(TlcGate.spec(root).run(context(Profile.quick, new Shard(i, n))));
            }
            // Two models over three shards: one shard has none of them and says so, without running TLC.
            assertThat(parts.stream().filter(p -> p.work().noneHere()).count()).isEqualTo(n - 2);
            assertThat(parts).allSatisfy(p -> assertThat(p.checks().size()).isLessThanOrEqualTo(1));
            GateResult merged = ShardMerge.gate(parts, parts.stream().map(p -> "shard").toList());
            assertThat(merged.verdict()).isEqualTo(whole.verdict());
            assertThat(merged.checks()).extracting(Check::name, Check::verdict, Check::detail)
                    .containsExactlyInAnyOrderElementsOf(whole.checks().stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.verdict(), c.detail())).toList());
            // A failing model's state count depends on how TLC's workers interleave: compare what was caught.
            assertThat(merged.kills()).extracting(Kill::mutant, Kill::caught)
                    .containsExactlyInAnyOrderElementsOf(whole.kills().stream()
                            .map(k -> org.assertj.core.groups.Tuple.tuple(k.mutant(), k.caught())).toList());
            assertThat(merged.effort().amounts().get("models")).isEqualTo(2L);
            assertThat(merged.work().items()).containsExactlyInAnyOrder("MCM7", "MCM5");
        }
    }
}
