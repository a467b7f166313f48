package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.io.Fuzzer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The models manifest's parser, fed mutations of the shipped manifests ({@link Fuzzer}): each must
 * parse or be refused with an {@link IllegalArgumentException} naming the manifest, on one line.
 */
class ManifestFuzzTest {
    @Test
    void shouldRefuseEveryBadManifestNamingTheEntryAndField() throws IOException {
        SpecFiles files = SpecFiles.directory(java.nio.file.Path.of("").toAbsolutePath());
        String spec = Files.readString(files.manifest());
        String proofs = Files.readString(java.nio.file.Path.of("").toAbsolutePath().resolveSibling("proofs")
                .resolve("models/manifest.json"));
        // Small manifests: a mutation of a large one mostly lands in a description.
        String small = "{\"models\": [{\"name\": \"MCM1\", \"files\": [\"MCM1.tla\", \"MCM1.cfg\"], \"profile\": \"ci\","
                + " \"expected\": \"fail:GroupOrder\", \"bounds\": \"2 cpus\", \"distinct_states\": null},"
                + " {\"name\": \"MCNextStep\", \"profile\": \"ci\", \"expected\": \"pass\", \"bounds\": \"\", \"distinct_states\": 3}]}";
        int refused = Fuzzer.fuzz("models manifest", List.of(small, small, spec, proofs), Manifest::parse,
                e -> e instanceof IllegalArgumentException && e.getMessage() != null && !e.getMessage().contains("\n")
                        && e.getMessage().startsWith("manifest") ? null : "not refused naming the manifest on one line");
        assertThat(refused).isPositive();
    }
}
