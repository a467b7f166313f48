package dev.txorder.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.Mutant;
import dev.txorder.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json}: the verdict, every gate with its checks, and the kill matrix and property
 * table read from them, for CI systems and scripts; and, read back, the shard reports that
 * {@code txorder report merge} joins. It therefore holds everything a report is computed from (every
 * check's output, every kill, counterexample and witness, each gate's work), not only what a person
 * reads in the table.
 */
public final class SummaryJson {
    /** The format this class writes and reads; a reader refuses any other. */
    public static final String FORMAT = "txorder-verify/2";
    /**
     * The longest tool output or counterexample text kept per check or trace: Lincheck's run to
     * megabytes; the whole text stays in the gate's log in the report folder and in index.html.
     */
    static final int MAX_TEXT = 8_000;

    private SummaryJson() {
    }

    /** One report's {@code summary.json} read back: what the run was, and its tools' gates (the kill matrix is computed again). */
    public record Read(RunInfo run, List<GateResult> tools) {
    }

    public static String write(VerifyReport r) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("verdict", r.verdict().word());
        RunInfo run = r.run();
        root.put("profile", run.profile().name());
        root.put("shard", run.shard().toString());
        root.put("inject", run.inject().map(Enum::name).orElse(null));
        root.put("commit", run.commit());
        root.put("started", run.started());
        root.put("seconds", round(run.seconds()));
        root.put("machine", run.machine());
        if (!run.origin().isEmpty()) {
            root.put("origin", run.origin());
        }
        ArrayNode gates = root.putArray("gates");
        for (GateResult g : r.gates()) {
            gate(gates.addObject(), g);
        }
        ArrayNode mutants = root.putArray("mutants");
        for (KillMatrix.Row row : r.matrix().rows()) {
            ObjectNode m = mutants.addObject();
            m.put("id", row.mutant().name());
            m.put("description", row.mutant().description());
            row.caughtBy().forEach(m.putArray("caught_by")::add);
            m.put("gap", row.gap());
            if (!row.note().isEmpty()) {
                m.put("note", row.note());
            }
            ObjectNode by = m.putObject("by");
            for (Kill k : row.cells().values()) {
                ObjectNode cell = by.putObject(k.tool());
                cell.put("caught", k.caught());
                if (k.caught()) {
                    cell.put("effort", k.effort());
                    cell.put("unit", k.unit());
                }
                cell.put("detail", k.detail());
            }
        }
        ArrayNode properties = root.putArray("properties");
        for (PropertyTable.Row row : r.properties().rows()) {
            ObjectNode p = properties.addObject();
            p.put("property", row.property());
            ObjectNode byTool = p.putObject("by_tool");
            row.cells().forEach((tool, cell) -> {
                ObjectNode c = byTool.putObject(tool);
                c.put("state", cell.state().name().toLowerCase(Locale.ROOT));
                ArrayNode by = c.putArray("by");
                cell.by().forEach(t -> by.add(t.by()));
            });
        }
        return Json.write(root);
    }

    private static void gate(ObjectNode o, GateResult g) {
        o.put("name", g.name());
        o.put("verdict", g.verdict().word());
        o.put("seconds", round(g.seconds()));
        o.put("effort", g.effort().toString());
        ObjectNode amounts = o.putObject("effort_amounts");
        g.effort().amounts().forEach(amounts::put);
        o.put("proves", g.proves());
        o.put("detail", g.detail());
        if (g.work() != Work.UNLISTED) {
            ObjectNode w = o.putObject("work");
            w.put("planned", g.work().planned());
            g.work().items().forEach(w.putArray("items")::add);
        }
        ArrayNode checks = o.putArray("checks");
        for (Check c : g.checks()) {
            checks.addObject().put("name", c.name()).put("verdict", c.verdict().word()).put("seconds", round(c.seconds()))
                    .put("effort", c.effort()).put("detail", c.detail()).put("output", capped(c.output()));
        }
        ArrayNode kills = o.putArray("kills");
        for (Kill k : g.kills()) {
            kills.addObject().put("mutant", k.mutant().name()).put("tool", k.tool()).put("caught", k.caught())
                    .put("effort", k.effort()).put("unit", k.unit()).put("property", k.property()).put("detail", k.detail());
        }
        ArrayNode traces = o.putArray("traces");
        for (Trace t : g.traces()) {
            ObjectNode x = traces.addObject().put("title", t.title());
            t.columns().forEach(x.putArray("columns")::add);
            ArrayNode rows = x.putArray("rows");
            for (List<String> row : t.rows()) {
                row.forEach(rows.addArray()::add);
            }
            x.put("text", capped(t.text()));
        }
        ArrayNode witnesses = o.putArray("witnesses");
        for (Tooth t : g.witnesses()) {
            witnesses.addObject().put("property", t.property()).put("tool", t.tool()).put("by", t.by())
                    .put("effort", t.effort()).put("unit", t.unit());
        }
    }

    /**
     * Reads a {@code summary.json} back; {@link IllegalArgumentException} naming {@code source} and
     * the field at fault when it is not one this version writes.
     */
    public static Read read(String text, String source) {
        JsonNode root = Json.object(Json.parse(text, source), source);
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException(source + ": \"format\" is " + (format == null ? "missing" : format)
                    + "; allowed: \"" + FORMAT + "\" (a summary.json written by this version of txorder verify)");
        }
        Profile profile = parse(Profile.class, Json.text(root, "profile", source), source, "profile");
        Shard shard;
        try {
            shard = Shard.parse(Json.text(root, "shard", source));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": \"shard\": " + e.getMessage());
        }
        JsonNode inject = root.path("inject");
        Optional<Mutant> injected;
        try {
            injected = inject.isTextual() ? Optional.of(Mutant.parse(inject.asText())) : Optional.empty();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": \"inject\": " + e.getMessage());
        }
        RunInfo run = new RunInfo(profile, shard, injected, root.path("commit").isTextual() ? root.get("commit").asText() : null,
                Json.text(root, "started", source), root.path("seconds").asDouble(), Json.text(root, "machine", source),
                root.path("origin").asText(""));
        List<GateResult> tools = new ArrayList<>();
        for (JsonNode g : Json.array(root, "gates", source)) {
            String name = Json.text(g, "name", source + ": a gate");
            if (!name.equals("mutants")) {
                tools.add(gate(g, source + ": gate " + name));
            }
        }
        return new Read(run, tools);
    }

    private static GateResult gate(JsonNode g, String where) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        g.path("effort_amounts").fields().forEachRemaining(e -> amounts.put(e.getKey(), e.getValue().asLong()));
        Work work = Work.UNLISTED;
        if (g.has("work")) {
            JsonNode w = g.get("work");
            List<String> items = new ArrayList<>();
            Json.array(w, "items", where + ": work").forEach(i -> items.add(i.asText()));
            work = new Work((int) Json.number(w, "planned", where + ": work"), items);
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : Json.array(g, "checks", where)) {
            checks.add(new Check(Json.text(c, "name", where + ": a check"), verdict(c, where), c.path("seconds").asDouble(),
                    c.path("effort").asText("-"), c.path("detail").asText(""), c.path("output").asText("")));
        }
        List<Kill> kills = new ArrayList<>();
        for (JsonNode k : Json.array(g, "kills", where)) {
            Mutant m;
            try {
                m = Mutant.parse(Json.text(k, "mutant", where + ": a kill"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": a kill: \"mutant\": " + e.getMessage());
            }
            kills.add(new Kill(m, Json.text(k, "tool", where + ": a kill"), k.path("caught").asBoolean(), k.path("effort").asLong(),
                    k.path("unit").asText(""), k.path("property").asText(""), k.path("detail").asText("")));
        }
        List<Trace> traces = new ArrayList<>();
        for (JsonNode t : Json.array(g, "traces", where)) {
            List<String> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(c.asText()));
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : t.path("rows")) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.asText()));
                rows.add(cells);
            }
            traces.add(new Trace(t.path("title").asText(""), columns, rows, t.path("text").asText("")));
        }
        List<Tooth> witnesses = new ArrayList<>();
        for (JsonNode t : Json.array(g, "witnesses", where)) {
            witnesses.add(new Tooth(t.path("property").asText(""), t.path("tool").asText(""), t.path("by").asText(""),
                    t.path("effort").asLong(), t.path("unit").asText("")));
        }
        String effortText = g.path("effort").asText("-");
        Effort effort = amounts.isEmpty() && !effortText.equals("-") ? Effort.described(effortText) : new Effort(amounts, null);
        return new GateResult(Json.text(g, "name", where), g.path("proves").asText(""), verdict(g, where), g.path("seconds").asDouble(),
                effort, g.path("detail").asText(""), checks, kills, traces, witnesses, work);
    }

    private static Verdict verdict(JsonNode o, String where) {
        String word = Json.text(o, "verdict", where);
        for (Verdict v : Verdict.values()) {
            if (v.word().equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException(where + ": \"verdict\" is \"" + word + "\"; allowed: pass, fail, not run");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String source, String field) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": \"" + field + "\" is \"" + text + "\"; allowed: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** {@code text}, cut at {@link #MAX_TEXT} characters with a note of how much more the logs hold. */
    static String capped(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\n[... " + (text.length() - MAX_TEXT)
                + " more characters: see the gate's log in the report folder, or index.html]";
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
