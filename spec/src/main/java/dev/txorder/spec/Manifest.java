package dev.txorder.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code models/manifest.json}: every shipped model with its profile, expected outcome, bounds and
 * measured distinct-state count.
 */
public record Manifest(List<Model> models) {
    public Manifest {
        models = List.copyOf(models);
    }

    public static Manifest read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Manifest parse(String json) {
        JsonNode root = Json.object(Json.parse(json, "manifest"), "manifest");
        List<Model> models = new ArrayList<>();
        for (JsonNode entry : Json.array(root, "models", "manifest")) {
            models.add(Model.fromJson(Json.object(entry, "manifest entry")));
        }
        return new Manifest(models);
    }

    /** The models of one profile; the {@code full} profile includes the {@code ci} models. */
    public List<Model> profile(String profile) {
        return models.stream()
                .filter(m -> m.profile().equals(profile) || (profile.equals("full") && m.profile().equals("ci")))
                .toList();
    }

    /** The model with this name, if the manifest has one. */
    public java.util.Optional<Model> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
