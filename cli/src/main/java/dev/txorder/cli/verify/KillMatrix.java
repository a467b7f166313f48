package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import dev.txorder.spec.SpecMutants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For each mutant, which tool caught it and how fast. A mutant of DESIGN.md §2 the spec models (all but M8) is a
 * <em>gap</em> when TLC ran and did not catch it, or when the implementation-level tools that ran
 * (properties, lincheck, trace, jcstress) all missed it; a gap fails the verdict. M8 is a memory-model
 * reordering that the spec (which has no memory model) cannot express: it is out of TLC's scope,
 * and said so; a miss of M8 is shown but does not fail the verdict, since x86 (TSO) may not
 * show it at all.
 */
public record KillMatrix(List<String> tools, List<Row> rows, Set<String> ran) {
    static final List<String> TOOLS = List.of("tlc", "properties", "lincheck", "trace", "jcstress");
    static final Set<String> IMPLEMENTATION_LEVEL = Set.of("properties", "lincheck", "trace", "jcstress");

    /**
     * @param cells  per tool that ran: its kill (caught or missed), absent when it has no check of this mutant
     * @param gap    why it is a gap, or null
     * @param note   e.g. "not in TLC's scope"
     */
    public record Row(Mutant mutant, Map<String, Kill> cells, List<String> caughtBy, String gap, String note) {
        public boolean failsVerdict() {
            return gap != null && SpecMutants.expresses(mutant.name());
        }

        /** What {@code tool}'s cell says: the effort of its catch, its miss and why, or why it has none. */
        public String text(String tool) {
            Kill k = cells.get(tool);
            if (k == null) {
                return tool.equals("tlc") && !note.isEmpty() ? "not in TLC's scope" : "-";
            }
            return k.caught() ? k.effortText() : "missed: " + k.detail();
        }

        /** The gap column: the gap and the note, either of which may be empty. */
        public String gapText() {
            return gap == null ? note : gap + (note.isEmpty() ? "" : "; " + note);
        }
    }

    static KillMatrix of(List<GateResult> results) {
        Set<String> ran = results.stream().filter(r -> r.verdict() != Verdict.SKIP).map(GateResult::name)
                .filter(TOOLS::contains).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (Mutant m : Mutant.values()) {
            Map<String, Kill> cells = new LinkedHashMap<>();
            for (String tool : TOOLS) {
                results.stream().filter(r -> r.name().equals(tool)).flatMap(r -> r.kills().stream())
                        .filter(k -> k.mutant() == m)
                        // The fastest catch of a tool stands for it; a miss only when it caught nothing.
                        .sorted((a, b) -> a.caught() != b.caught() ? (a.caught() ? -1 : 1) : Long.compare(a.effort(), b.effort()))
                        .findFirst().ifPresent(k -> cells.put(tool, k));
            }
            List<String> caughtBy = cells.values().stream().filter(Kill::caught).map(Kill::tool).toList();
            boolean inTlcScope = SpecMutants.expresses(m.name());
            List<String> implRan = ran.stream().filter(IMPLEMENTATION_LEVEL::contains).toList();
            boolean implCaught = caughtBy.stream().anyMatch(IMPLEMENTATION_LEVEL::contains);
            String gap = null;
            if (caughtBy.isEmpty() && !ran.isEmpty() && (inTlcScope || !implRan.isEmpty())) {
                gap = "caught by no tool";
            } else if (inTlcScope && ran.contains("tlc") && !caughtBy.contains("tlc")) {
                gap = "not caught by TLC";
            } else if (!implRan.isEmpty() && !implCaught) {
                gap = "caught by TLC only: no implementation-level tool caught it";
            }
            String note = inTlcScope ? "" : "not in TLC's scope: a reordering under the Java memory model, which the spec does not model";
            rows.add(new Row(m, cells, caughtBy, gap, note));
        }
        return new KillMatrix(TOOLS, rows, Set.copyOf(ran));
    }

    boolean holds() {
        return rows.stream().noneMatch(Row::failsVerdict);
    }

    /**
     * Whether the gates that ran can judge the matrix at all: TLC and at least one
     * implementation-level tool. A subset run (e.g. {@code --gates proofs}) cannot, and must not
     * report the mutants as caught.
     */
    boolean complete() {
        return ran.contains("tlc") && ran.stream().anyMatch(IMPLEMENTATION_LEVEL::contains);
    }

    static final String PROVES = "every known-bad design the spec models is caught by TLC and by an implementation-level tool";

    /** The kill matrix of a shard: not judged there, since the mutants are caught across all the shards. */
    static GateResult notJudgedInShard(Shard shard) {
        return new GateResult("mutants", PROVES, Verdict.SKIP, 0, Effort.NONE,
                "not judged in shard " + shard + ": txorder report merge judges it over all the shards", List.of(), List.of(), List.of());
    }

    /** The kill matrix as a line of the summary table. */
    GateResult asGate(double seconds) {
        if (!complete()) {
            return new GateResult("mutants", PROVES,
                    Verdict.SKIP, seconds, Effort.NONE, "not judged: needs the tlc gate and one of properties, lincheck, trace, jcstress; ran: "
                    + (ran.isEmpty() ? "none of them" : String.join(", ", ran.stream().sorted().toList())),
                    List.of(), List.of(), List.of());
        }
        long inScope = rows.stream().filter(r -> SpecMutants.expresses(r.mutant().name())).count();
        long clean = rows.stream().filter(r -> SpecMutants.expresses(r.mutant().name()) && r.gap() == null).count();
        String gaps = rows.stream().filter(r -> r.gap() != null).map(r -> r.mutant() + " " + r.gap())
                .collect(Collectors.joining("; "));
        List<Check> checks = rows.stream().map(r -> new Check(r.mutant().name(),
                r.gap() == null ? Verdict.PASS : r.failsVerdict() ? Verdict.FAIL : Verdict.SKIP, 0, "-",
                r.gap() == null ? "caught by " + String.join(", ", r.caughtBy()) : r.gap(), "")).toList();
        return new GateResult("mutants", PROVES,
                Verdict.of(holds()), seconds, Effort.described(clean + " of " + inScope + " caught"),
                gaps.isEmpty() ? "no gaps" : gaps, checks, List.of(), List.of());
    }
}
