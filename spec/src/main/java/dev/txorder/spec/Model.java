package dev.txorder.spec;

import java.util.List;
import java.util.Map;
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

    /** Reads one manifest entry. */
    static Model fromJson(Map<?, ?> entry) {
        Object states = entry.get("distinct_states");
        String name = (String) require(entry, "name");
        return new Model(
                name,
                entry.get("files") instanceof List<?> files ? files.stream().map(String::valueOf).toList()
                        : List.of(name + ".tla", name + ".cfg"),
                (String) require(entry, "profile"),
                (String) require(entry, "expected"),
                (String) require(entry, "bounds"),
                states instanceof Number n ? Optional.of(n.longValue()) : Optional.empty());
    }

    private static Object require(Map<?, ?> entry, String field) {
        Object value = entry.get(field);
        if (value == null) {
            throw new IllegalArgumentException("manifest entry " + entry.get("name") + " lacks \"" + field + "\"");
        }
        return value;
    }

    public Model {
        files = List.copyOf(files);
    }

    /** Whether the model must produce a counterexample. */
    public boolean mustFail() {
        return expected.startsWith("fail:");
    }
}
