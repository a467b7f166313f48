package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import dev.txorder.audit.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kill matrix read by property: for each property of DESIGN.md §3 and each tool, what showed in
 * this run that the tool's check of the property can fail (a mutant it caught as a violation of
 * that property, or a must-fail model), or why the cell is empty. A check never seen failing is only
 * as good as a check that cannot fail; this table is where such a check shows up.
 *
 * @param tools  the columns
 * @param rows   one per property, then the checks of other names that were shown failing
 * @param ran    the tools that ran
 */
public record PropertyTable(List<String> tools, List<Row> rows, Set<String> ran) {
    static final List<String> TOOLS = List.of("tlc", "properties", "lincheck", "trace", "jcstress", "proofs");
    static final String TRACE_CONFORMS = "TraceConforms";
    /** The properties of DESIGN.md §3, in their order. */
    static final List<String> PROPERTIES = Stream.of(Property.values()).map(Enum::name).toList();

    /**
     * What each tool judges at all, by property (DESIGN.md §3, cross-reference): TLC every property
     * of the spec; the audit behind the properties gate every property of {@link Property};
     * Lincheck linearizability to one FIFO per group (next) or per queue (hash), which covers the
     * wire properties; JCStress the properties its tests' forbidden outcomes are said to guard; the
     * trace gate TraceConforms only; the proofs the order properties their invariants imply and the
     * channel's NoLoss / NoDuplicate.
     */
    static final Map<String, Set<String>> JUDGES = Map.of(
            "tlc", Set.copyOf(PROPERTIES),
            "properties", Set.copyOf(PROPERTIES),
            "lincheck", Set.of("NoLoss", "NoDuplicate", "FlowOrder", "GroupOrder", "RequestContiguity", "FlowAffinity"),
            "trace", Set.of(TRACE_CONFORMS),
            "jcstress", Set.of("NoLoss", "FlowOrder", "GroupOrder", "RequestContiguity", "SlotExclusion", "Progress"),
            "proofs", Set.of("NoLoss", "NoDuplicate", "FlowOrder", "GroupOrder", "RequestContiguity"));

    /** Names a tool reports that stand for a §3 property. */
    static final Map<String, String> ALIASES = Map.of(
            "ChannelNoLoss", "NoLoss",
            "ChannelNoDuplicate", "NoDuplicate",
            "NoLossLiveness", "NoLoss",
            "deadlock", "Progress");

    /** What one cell says. */
    public enum State {
        /** the tool showed this check failing: {@link Cell#by()} */
        SHOWN,
        /** the tool judges the property, ran, and nothing in this run made it fail */
        NOT_SHOWN,
        /** the tool has no check of this property */
        NOT_JUDGED,
        /** the tool did not run */
        NOT_RUN
    }

    /** @param by the mutants and must-fail models that made it fail, fastest first, e.g. {@code M1 (MCM1)} */
    public record Cell(State state, List<Tooth> by) {
        public String text() {
            return switch (state) {
                case SHOWN -> by.stream().map(t -> t.by() + " (" + String.format("%,d %s", t.effort(), t.unit()) + ")")
                        .collect(Collectors.joining(", "));
                case NOT_SHOWN -> "never shown failing";
                case NOT_JUDGED -> "-";
                case NOT_RUN -> "not run";
            };
        }
    }

    /** @param cells per tool, in {@link #tools} order */
    public record Row(String property, Map<String, Cell> cells) {
        /** Tools that judge the property and ran, yet never saw it fail: the checks without teeth in this run. */
        public List<String> toothless() {
            return cells.entrySet().stream().filter(e -> e.getValue().state() == State.NOT_SHOWN).map(Map.Entry::getKey).toList();
        }
    }

    static PropertyTable of(List<GateResult> results) {
        Set<String> ran = results.stream().filter(r -> r.verdict() != Verdict.SKIP).map(GateResult::name)
                .filter(TOOLS::contains).collect(Collectors.toSet());
        List<Tooth> teeth = new ArrayList<>();
        for (GateResult r : results) {
            if (!TOOLS.contains(r.name())) {
                continue;
            }
            r.kills().stream().filter(Kill::caught).map(Tooth::of).map(PropertyTable::creditRefinement).forEach(teeth::add);
            teeth.addAll(r.witnesses());
        }
        List<String> properties = new ArrayList<>(PROPERTIES);
        properties.add(TRACE_CONFORMS);
        // Checks shown failing under a name that is no §3 property (a refinement, a witness, a weak
        // invariant): rows of their own after the properties, so that nothing shown is hidden.
        teeth.stream().map(t -> canonical(t.property())).filter(p -> !p.isEmpty() && !properties.contains(p))
                .distinct().sorted().forEach(properties::add);
        List<Row> rows = new ArrayList<>();
        for (String p : properties) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String tool : TOOLS) {
                List<Tooth> by = teeth.stream().filter(t -> t.tool().equals(tool) && canonical(t.property()).equals(p))
                        .sorted(Comparator.comparingLong(Tooth::effort)).toList();
                State state = !by.isEmpty() ? State.SHOWN
                        : !JUDGES.get(tool).contains(p) ? State.NOT_JUDGED
                        : !ran.contains(tool) ? State.NOT_RUN
                        : State.NOT_SHOWN;
                cells.put(tool, new Cell(state, by));
            }
            rows.add(new Row(p, cells));
        }
        return new PropertyTable(TOOLS, rows, Set.copyOf(ran));
    }

    /**
     * A mutant caught because the design no longer refines its abstraction (proofs: the ordered
     * channel; SlotRing: the sequence ring) broke what that abstraction states: the property the
     * mutant breaks. Credited there, marked as a refinement.
     */
    static Tooth creditRefinement(Tooth t) {
        if (!t.property().startsWith("Refines")) {
            return t;
        }
        Mutant m = Mutant.parse(t.by());
        return new Tooth(m.breaks(), t.tool(), t.by() + " (refinement)", t.effort(), t.unit());
    }

    static String canonical(String property) {
        return ALIASES.getOrDefault(property, property);
    }

    /** "GroupOrder in tlc, properties" for every check that ran and was never shown failing. */
    List<String> toothless() {
        return rows.stream().filter(r -> !r.toothless().isEmpty())
                .map(r -> r.property() + " in " + String.join(", ", r.toothless())).toList();
    }
}
