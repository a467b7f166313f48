package dev.txorder.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.util.List;
import java.util.Optional;

/**
 * One model of the manifest: a TLC configuration of the TxOrder specification and what it must show.
 *
 * @param name           the model's name, which is also its module ({@code name.tla}, {@code name.cfg})
 * @param files          the model's files in the models directory (its module and configuration); an entry
 *                       without {@code "files"} means {@code name.tla} and {@code name.cfg}
 * @param profile        {@code ci} (every CI run) or {@code full} (the exhaustive profile)
 * @param expected       {@code pass}, or {@code fail:<Property>} for a model that must produce a counterexample
 * @param bounds         the bounds in words
 * @param distinctStates the distinct-state count measured for a passing model, which CI compares; empty for
 *                       a failing model (where it depends on how TLC's workers interleave)
 */
public record Model(String name, List<String> files, String profile, String expected, String bounds, Optional<Long> distinctStates) {

    /** Reads one manifest entry; {@link IllegalArgumentException} naming the model and the field at fault. */
    static Model fromJson(JsonNode entry) {
        String what = "manifest entry " + (entry.has("name") ? entry.get("name").asText() : "without a name");
        String name = Json.text(entry, "name", what);
        JsonNode files = entry.get("files");
        JsonNode states = entry.get("distinct_states");
        return new Model(
                name,
                files == null ? List.of(name + ".tla", name + ".cfg")
                        : java.util.stream.StreamSupport.stream(Json.array(entry, "files", what).spliterator(), false)
                        .map(JsonNode::asText).toList(),
                Json.text(entry, "profile", what),
                Json.text(entry, "expected", what),
                Json.text(entry, "bounds", what),
                states == null || states.isNull() ? Optional.empty() : Optional.of(Json.number(entry, "distinct_states", what)));
    }

    public Model {
        files = List.copyOf(files);
    }

    /** Whether the model must produce a counterexample. */
    public boolean mustFail() {
        return expected.startsWith("fail:");
    }
}
