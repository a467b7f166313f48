package dev.txorder.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The latest {@code txorder bench} run's rows, as the verify HTML report shows them beside the gates:
 * a link to the rows (copied into the report as {@code bench.json}), when and where they ran, and
 * each row's rate and ratios. Benchmarks are not a gate: they inform, they do not pass or fail.
 *
 * @param link    the rows file, relative to the report
 * @param written when the rows were written (UTC)
 */
record BenchRows(String link, String written, String machine, List<Map<String, Object>> rows) {

    /** The rows of {@code file}, or empty when it is not a bench run's rows (the report then shows none). */
    static Optional<BenchRows> read(Path file, String link) throws IOException {
        JsonNode all;
        try {
            all = Json.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!all.isArray() || all.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("impl", r.path("impl").asText());
            m.put("senders", r.path("producers").asInt());
            m.put("array", r.path("array").asInt());
            m.put("fill", r.path("fill_ns").asInt());
            m.put("mpps", fmt(r.path("mpps")));
            m.put("vsSingleLock", ratio(r, "vs_single_lock"));
            m.put("vsDisruptor", ratio(r, "vs_disruptor"));
            rows.add(m);
        }
        String written = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis()).atOffset(ZoneOffset.UTC));
        return Optional.of(new BenchRows(link, written, all.get(0).path("machine").asText(), rows));
    }

    private static String fmt(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.2f", n.asDouble()) : "n/a";
    }

    /** The median ratio with the lowest and highest round, as the bench command prints it. */
    private static String ratio(JsonNode r, String field) {
        if (!r.path(field).isNumber()) {
            return "n/a";
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (JsonNode v : r.path(field + "_by_round")) {
            lo = Math.min(lo, v.asDouble());
            hi = Math.max(hi, v.asDouble());
        }
        String median = String.format(Locale.ROOT, "%.2fx", r.path(field).asDouble());
        return lo > hi ? median : median + String.format(Locale.ROOT, " (%.2f-%.2f)", lo, hi);
    }
}
