package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private final SpecFiles files = SpecFiles.directory(Path.of("").toAbsolutePath());

    @Test
    void shouldListEveryModelFileAndOnlyFilesThatExist() throws IOException {
        Manifest manifest = Manifest.read(files.manifest());
        List<String> listed = manifest.models().stream().flatMap(m -> m.files().stream()).toList();
        for (String file : listed) {
            assertThat(files.models().resolve(file)).exists();
        }
        try (Stream<Path> all = Files.list(files.models())) {
            List<String> shipped = all.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".cfg") || (n.endsWith(".tla") && !n.equals(SpecFiles.MODEL_BASE)))
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(shipped);
        }
    }

    @Test
    void shouldDeclareAnOutcomeAndAProfileForEveryModel() throws IOException {
        for (Model model : Manifest.read(files.manifest()).models()) {
            assertThat(model.expected()).as(model.name()).matches("pass|fail:\\w+");
            assertThat(model.profile()).as(model.name()).isIn("ci", "full");
            if (model.mustFail()) {
                assertThat(model.distinctStates()).as(model.name() + " must fail, so its state count is not compared")
                        .isEmpty();
            } else if (model.profile().equals("ci")) {
                assertThat(model.distinctStates()).as(model.name() + " passes in every CI run and records its state count")
                        .isPresent();
            }
        }
    }

    @Test
    void shouldLetTheFullProfileIncludeTheCiModels() {
        Manifest manifest = Manifest.parse("{\"models\": ["
                + "{\"name\": \"A\", \"files\": [], \"profile\": \"ci\", \"expected\": \"pass\", \"bounds\": \"\", \"distinct_states\": 1},"
                + "{\"name\": \"B\", \"files\": [], \"profile\": \"full\", \"expected\": \"pass\", \"bounds\": \"\", \"distinct_states\": 2}]}");
        assertThat(manifest.profile("ci")).extracting(Model::name).containsExactly("A");
        assertThat(manifest.profile("full")).extracting(Model::name).containsExactly("A", "B");
    }

    @Test
    void shouldTakeTheModelsModuleAndConfigurationWhenAnEntryListsNoFiles() {
        // The proofs' manifest (proofs/models/manifest.json) has the spec's shape without "files".
        Manifest manifest = Manifest.parse("{\"models\": [{\"name\": \"MCNextStep\", \"theorem\": \"IndInv is inductive\","
                + " \"profile\": \"ci\", \"expected\": \"pass\", \"bounds\": \"\", \"distinct_states\": 3}]}");
        assertThat(manifest.models().get(0).files()).containsExactly("MCNextStep.tla", "MCNextStep.cfg");
    }
}
