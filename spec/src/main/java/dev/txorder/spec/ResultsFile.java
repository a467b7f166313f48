package dev.txorder.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable record of a set of TLC runs ({@code spec/target/tlc-results.json}):
 * per model the expected and actual outcome, whether they agree, the state counts, depth and seconds.
 */
public final class ResultsFile {
    /** One model's run. */
    public record Entry(Model model, TlcResult result) {
        /** The outcome is the expected one and, for a passing model, the state count is the recorded one. */
        public boolean agrees() {
            return result.outcome().equals(model.expected())
                    && model.distinctStates().map(n -> n == result.distinctStates()).orElse(true);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(Model model, TlcResult result) {
        entries.add(new Entry(model, result));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the file with the profile's name, the machine's processor count and every entry so far. */
    public synchronized void write(Path file, String profile) throws IOException {
        ObjectNode root = Json.object();
        root.put("profile", profile);
        root.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("total_seconds", 0.0); // filled in below, kept before the long list of models
        ArrayNode models = root.putArray("models");
        double total = 0;
        for (Entry e : entries) {
            ObjectNode m = models.addObject();
            m.put("name", e.model().name());
            m.put("bounds", e.model().bounds());
            m.put("expected", e.model().expected());
            m.put("outcome", e.result().outcome());
            m.put("agrees", e.agrees());
            m.put("states_generated", e.result().statesGenerated());
            m.put("distinct_states", e.result().distinctStates());
            m.put("expected_distinct_states", e.model().distinctStates().orElse(null));
            m.put("depth", e.result().depth());
            m.put("seconds", Math.round(e.result().seconds() * 10) / 10.0);
            m.put("message", e.result().message());
            total += e.result().seconds();
        }
        root.put("total_seconds", Math.round(total * 10) / 10.0);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
    }
}
