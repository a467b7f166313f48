package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.Mutant;
import dev.txorder.cli.verify.Check;
import dev.txorder.cli.verify.Effort;
import dev.txorder.cli.verify.Gate;
import dev.txorder.cli.verify.GateResult;
import dev.txorder.cli.verify.Kill;
import dev.txorder.cli.verify.Tooth;
import dev.txorder.cli.verify.Trace;
import dev.txorder.cli.verify.Verdict;
import dev.txorder.cli.verify.VerifyContext;
import dev.txorder.cli.verify.Work;
import dev.txorder.io.Json;
import dev.txorder.spec.SpecMutants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code verify --shard I/N} and {@code report merge}: the shards of a run, merged, give the verdict,
 * the gates, the kill matrix and the property table of the unsharded run; shards that do not make
 * one run are refused.
 */
class ReportMergeTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The mutants the spec models: each gate below has one item per mutant, which catches it. */
    private static final List<Mutant> MODELLED = Arrays.stream(Mutant.values()).filter(m -> SpecMutants.expresses(m.name())).toList();

    /**
     * A gate whose work is one item per mutant plus one of the correct design, and which takes only
     * its shard's slice of them: each mutant's item catches it after {@code 10 * (ordinal + 1)}
     * units; {@code failing} names an item whose check fails.
     */
    private static Gate sliced(String name, String failing) {
        return new Gate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String proves() {
                return name + " proves it";
            }

            @Override
            public GateResult run(VerifyContext context) {
                List<String> items = new ArrayList<>(List.of("correct"));
                MODELLED.forEach(m -> items.add(m.name()));
                List<String> mine = context.shard().slice(name, items);
                Work work = new Work(items.size(), mine);
                if (work.noneHere()) {
                    return new GateResult(name, proves(), Verdict.SKIP, 0, Effort.NONE, "none here", List.of(), List.of(), List.of(),
                            List.of(), work);
                }
                List<Check> checks = new ArrayList<>();
                List<Kill> kills = new ArrayList<>();
                List<Trace> traces = new ArrayList<>();
                List<Tooth> witnesses = new ArrayList<>();
                Effort effort = Effort.NONE;
                for (String item : mine) {
                    boolean ok = !item.equals(failing);
                    checks.add(new Check(name + "." + item, Verdict.of(ok), 1, "3 units", ok ? "as expected" : "GroupOrder does not hold",
                            ok ? "" : "the counterexample"));
                    effort = effort.and(3, "units");
                    if (!item.equals("correct")) {
                        Mutant m = Mutant.parse(item);
                        kills.add(Kill.caught(m, name, 10L * (m.ordinal() + 1), "units", m.breaks(), item + " in " + name));
                        traces.add(new Trace(m + " caught by " + name, List.of("step", "state"), List.of(List.of("1", "x")), ""));
                    } else {
                        witnesses.add(new Tooth("NoThirdBackloggedRound", name, "MCWitness", 7, "units"));
                    }
                }
                boolean pass = checks.stream().allMatch(c -> c.verdict() == Verdict.PASS);
                return new GateResult(name, proves(), Verdict.of(pass), mine.size(), effort, mine.size() + " items", checks, kills, traces,
                        witnesses, work);
            }
        };
    }

    private int verify(List<Gate> gates, String... args) {
        VerifyCommand command = new VerifyCommand();
        command.gateSource = root -> gates;
        command.console = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private int merge(String... args) {
        ReportCommand.Merge command = new ReportCommand.Merge();
        command.console = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(command).execute(args);
        } finally {
            System.setErr(stderr);
        }
    }

    private static JsonNode summary(Path report) throws IOException {
        return Json.parse(Files.readString(report.resolve("summary.json")), report.toString());
    }

    /** What a merge must reproduce of a summary: the verdicts, the work done, the kill matrix and the property table. */
    private static List<String> essence(JsonNode s) {
        List<String> lines = new ArrayList<>();
        lines.add("verdict " + s.get("verdict").asText());
        for (JsonNode g : s.get("gates")) {
            List<String> checks = StreamSupport.stream(g.get("checks").spliterator(), false)
                    .map(c -> c.get("name").asText() + "=" + c.get("verdict").asText()).sorted().toList();
            lines.add(g.get("name").asText() + " " + g.get("verdict").asText() + " " + g.get("effort").asText() + " " + checks
                    + " kills " + g.get("kills").size() + " traces " + g.get("traces").size() + " witnesses " + g.get("witnesses").size());
        }
        s.get("mutants").forEach(m -> lines.add(m.get("id").asText() + " caught by " + m.get("caught_by") + " gap " + m.get("gap")
                + " " + m.get("by")));
        s.get("properties").forEach(p -> lines.add(p.get("property").asText() + " " + p.get("by_tool")));
        return lines;
    }

    @Test
    void shouldMergeTwoAndThreeShardsIntoTheVerdictGatesAndKillMatrixOfTheUnshardedRun() throws Exception {
        List<Gate> gates = List.of(sliced("tlc", ""), sliced("properties", ""), sliced("jcstress", ""));
        assertThat(verify(gates, "--report", dir.resolve("whole").toString())).isEqualTo(TxorderCommand.HOLDS);
        List<String> whole = essence(summary(dir.resolve("whole")));
        assertThat(whole.get(0)).isEqualTo("verdict pass");

        for (int n : new int[] {2, 3}) {
            List<String> args = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                Path shard = dir.resolve(n + "-" + i);
                assertThat(verify(gates, "--shard", i + "/" + n, "--report", shard.toString()))
                        .as("shard %d/%d holds on its own", i, n).isEqualTo(TxorderCommand.HOLDS);
                JsonNode s = summary(shard);
                assertThat(s.get("shard").asText()).isEqualTo(i + "/" + n);
                JsonNode matrix = s.get("gates").get(3);
                assertThat(matrix.get("verdict").asText()).as("a shard does not judge the kill matrix").isEqualTo("not run");
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("KILL MATRIX and PROPERTIES x TOOLS: not judged in shard "
                        + i + "/" + n);
                args.add(shard.toString());
            }
            args.addAll(List.of("--report", dir.resolve("merged-" + n).toString()));
            assertThat(merge(args.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(TxorderCommand.HOLDS);
            JsonNode merged = summary(dir.resolve("merged-" + n));
            assertThat(essence(merged)).as("%d shards merged", n).isEqualTo(whole);
            assertThat(merged.get("origin").asText()).startsWith("merged from " + n + " shards");
            assertThat(merged.get("gates").get(0).get("work").get("items")).hasSize(MODELLED.size() + 1);
            assertThat(Files.readString(dir.resolve("merged-" + n).resolve("index.html"))).contains("M1 caught by tlc");
            assertThat(Files.readString(dir.resolve("merged-" + n).resolve("junit.xml"))).contains("tlc.correct");
        }
    }

    @Test
    void shouldMergeAFailingShardIntoTheUnshardedFailure() throws Exception {
        List<Gate> gates = List.of(sliced("tlc", ""), sliced("properties", "M3"));
        assertThat(verify(gates, "--report", dir.resolve("whole").toString())).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(verify(gates, "--shard", "1/2", "--report", dir.resolve("a").toString())).isEqualTo(TxorderCommand.HOLDS);
        assertThat(verify(gates, "--shard", "2/2", "--report", dir.resolve("b").toString())).isEqualTo(TxorderCommand.VIOLATED);

        assertThat(merge(dir.resolve("b").toString(), dir.resolve("a").toString(), "--report", dir.resolve("m").toString()))
                .isEqualTo(TxorderCommand.VIOLATED);
        assertThat(essence(summary(dir.resolve("m")))).isEqualTo(essence(summary(dir.resolve("whole"))));
        assertThat(Files.readString(dir.resolve("m").resolve("junit.xml")))
                .contains("name=\"properties.M3\"").contains("GroupOrder does not hold");
    }

    @Test
    void shouldFailTheMergedGateWhenAShardsGateCouldNotRunAtAll() {
        Gate crashing = new Gate() {
            @Override
            public String name() {
                return "tlc";
            }

            @Override
            public String proves() {
                return "tlc proves it";
            }

            @Override
            public GateResult run(VerifyContext context) throws InterruptedException {
                if (context.shard().index() == 2) {
                    throw new IllegalStateException("TLC's jar is missing");
                }
                return sliced("tlc", "").run(context);
            }
        };
        List<Gate> gates = List.of(crashing, sliced("properties", ""));
        assertThat(verify(gates, "--shard", "1/2", "--report", dir.resolve("a").toString())).isEqualTo(TxorderCommand.HOLDS);
        assertThat(verify(gates, "--shard", "2/2", "--report", dir.resolve("b").toString())).isEqualTo(TxorderCommand.VIOLATED);

        assertThat(merge(dir.resolve("a").toString(), dir.resolve("b").toString(), "--report", dir.resolve("m").toString()))
                .as("a failure, not bad input: %s", err.toString(StandardCharsets.UTF_8)).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("shard 2/2: the gate itself failed");
    }

    @Test
    void shouldRefuseShardsThatDoNotMakeOneRunNamingWhy() throws Exception {
        List<Gate> gates = List.of(sliced("tlc", ""), sliced("properties", ""));
        for (String s : List.of("1/3", "2/3", "3/3")) {
            verify(gates, "--shard", s, "--report", dir.resolve(s.replace('/', '-')).toString());
        }
        verify(gates, "--shard", "1/2", "--report", dir.resolve("1-2").toString());
        verify(gates, "--profile", "full", "--shard", "3/3", "--report", dir.resolve("full-3-3").toString());
        String a = dir.resolve("1-3").toString();
        String b = dir.resolve("2-3").toString();
        String c = dir.resolve("3-3").toString();
        String m = dir.resolve("m").toString();

        assertThat(merge(a, b, "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard 3/3 missing");
        assertThat(merge(a, b, b, c, "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard 2/3 is given twice");
        assertThat(merge(a, b, dir.resolve("1-2").toString(), "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is shard 1/2 but");
        assertThat(merge(a, b, dir.resolve("full-3-3").toString(), "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ran with profile full but");
        assertThat(merge(a, dir.resolve("nowhere").toString(), "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("summary.json");

        // A shard whose summary was edited to claim an item another shard ran.
        Path edited = dir.resolve("edited");
        Files.createDirectories(edited);
        String text = Files.readString(Path.of(c, "summary.json"));
        JsonNode cs = Json.parse(text, "c");
        String firstOfA = summary(Path.of(a)).get("gates").get(0).get("work").get("items").get(0).asText();
        ((com.fasterxml.jackson.databind.node.ArrayNode) cs.get("gates").get(0).get("work").get("items")).add(firstOfA);
        Files.writeString(edited.resolve("summary.json"), Json.write(cs));
        assertThat(merge(a, b, edited.toString(), "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gate tlc: " + firstOfA + " ran in more than one shard");

        Files.writeString(edited.resolve("summary.json"), text.replace("txorder-verify/2", "txorder-verify/1"));
        assertThat(merge(a, b, edited.toString(), "--report", m)).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"format\"").contains("allowed: \"txorder-verify/2\"");

        assertThat(merge(a, b, c, "--report", m)).as("the three, in any order").isEqualTo(TxorderCommand.HOLDS);
    }

    @Test
    void shouldRefuseABadShardNamingTheField() {
        for (String bad : List.of("0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2")) {
            out.reset();
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                assertThat(verify(List.of(sliced("tlc", "")), "--shard", bad, "--report", dir.toString())).as(bad)
                        .isEqualTo(TxorderCommand.BAD_INPUT);
            } finally {
                System.setErr(stderr);
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard: '1/2/3'; allowed: I/N").contains("shard: 3/2; allowed");
    }
}
