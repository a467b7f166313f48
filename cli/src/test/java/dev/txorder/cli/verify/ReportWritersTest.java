package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.Mutant;
import dev.txorder.io.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportWritersTest {

    private static VerifyReport report() {
        List<GateResult> gates = new ArrayList<>(Fixtures.allCaught());
        GateResult tlc = gates.get(0);
        gates.set(0, new GateResult("tlc", tlc.proves(), Verdict.PASS, 3, Effort.of(567, "states").and(1, "models"), "1 models as declared",
                List.of(new Check("MCM1", Verdict.PASS, 2.5, "567 states", "fails as declared: GroupOrder violated", "")),
                tlc.kills(), List.of(Fixtures.tlcCounterexample())));
        gates.add(new GateResult("lincheck", "p", Verdict.FAIL, 2, Effort.of(9, "invocations"), "shouldLinearize failed",
                List.of(new Check("NextGroupLinearizabilityTest.shouldLinearize", Verdict.FAIL, 2, "-", "Invalid <results> & \"more\"",
                        "= Invalid execution results =\u001b[0m")), List.of(), List.of(Fixtures.tableTrace())));
        return VerifyReport.of(new RunInfo(Profile.quick, Shard.WHOLE, Optional.empty(), null, "2026-11-28T07:00:00Z", 7.5,
                "a test machine", ""), gates);
    }

    @Test
    void shouldWriteSummaryJsonWithVerdictGatesAndMutantsCaughtBy() {
        JsonNode json = Json.parse(ReportWriters.json(report()), "summary.json");
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
        assertThat(json.get("format").asText()).isEqualTo(SummaryJson.FORMAT);
        JsonNode gates = json.get("gates");
        assertThat(gates).extracting(g -> g.get("name").asText()).containsExactly("tlc", "properties", "lincheck", "mutants");
        JsonNode lincheck = gates.get(2);
        assertThat(lincheck.get("verdict").asText()).isEqualTo("fail");
        assertThat(lincheck.get("effort").asText()).isEqualTo("9 invocations");
        assertThat(lincheck.get("effort_amounts").get("invocations").asLong()).isEqualTo(9);
        assertThat(lincheck.has("seconds") && lincheck.has("detail")).isTrue();
        JsonNode m1 = json.get("mutants").get(0);
        assertThat(m1.get("id").asText()).isEqualTo("M1");
        assertThat(m1.get("caught_by")).extracting(JsonNode::asText).containsExactly("tlc", "properties");
        JsonNode groupOrder = json.get("properties").get(3);
        assertThat(groupOrder.get("property").asText()).isEqualTo("GroupOrder");
        JsonNode tlc = groupOrder.get("by_tool").get("tlc");
        assertThat(tlc.get("state").asText()).isEqualTo("shown");
        assertThat(tlc.get("by")).extracting(JsonNode::asText).containsExactly("M1", "M2");
        assertThat(json.get("mutants").get(7).get("note").asText()).contains("not in TLC's scope");
    }

    @Test
    void shouldWriteJUnitXmlThatParsesAndCountsTheFailure() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(ReportWriters.junitXml(report()).getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("Invalid <results> & \"more\"");
        // M8 is reported as skipped in the mutants suite, never as a pass.
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void shouldWriteHtmlWithSummaryKillMatrixModelsAndARenderedTrace() {
        String html = ReportWriters.html(report());
        assertThat(html).contains("<h2 id=\"summary\">", "<h2 id=\"kill-matrix\">", "<h2 id=\"properties\">", "<h2 id=\"models\">",
                "<h2 id=\"counterexamples\">");
        // Properties by tool: M1 and M2 break GroupOrder in tlc; lincheck ran and never showed NoDuplicate failing.
        assertThat(html).contains("<tr><td>GroupOrder</td><td>M1 (10 units), M2 (20 units)</td>")
                .contains("<td class=\"gap\">never shown failing</td>");
        assertThat(html).contains("<td>MCM1</td>", "567 states");
        assertThat(html).contains("MCM1 (expected to fail): GroupOrder violated after 567 distinct states")
                .contains("<pre>step | actor   | action            | queues | cursor | wire")
                .contains("2    | adapter | Transmit r2.1     |        | g0:q1  | g0: r2.1");
        assertThat(html).contains("M1 caught by jcstress").contains("<td class=\"mono changed\">&lt;&lt;2&gt;&gt;</td>");
        assertThat(html).contains("Invalid &lt;results&gt; &amp; &quot;more&quot;");
        // Every value is escaped by the template, and the page parses as XML would (no stray markup from tool output).
        assertThat(html).doesNotContain("<results>").contains("&lt;&lt;&lt;&lt;1&gt;&gt;, &lt;&lt;&gt;&gt;&gt;&gt;");
        assertThat(html).as("a mutant's row without a gap has no class").contains("<tr><td>M1</td>");
        assertThat(html).contains("class=\"gap\">caught by no tool; not in TLC");
        assertThat(report().matrix().rows().get(Mutant.M1.ordinal()).gap()).isNull();
    }

    @Test
    void shouldShowAndLinkTheLatestBenchmarkRowsWhenThereAreAnyAndNothingWhenNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rows = dir.resolve("bench.json");
        java.nio.file.Files.writeString(rows, """
                [ { "impl" : "next-k2", "producers" : 2, "array" : 1, "fill_ns" : 1000, "mpps" : 1.46, "vs_single_lock" : 1.65,
                    "vs_single_lock_by_round" : [ 1.58, 1.65, 1.75 ], "vs_disruptor" : 1.53, "vs_disruptor_by_round" : [ 1.53 ],
                    "machine" : "2 cores, Linux amd64, JDK 17" },
                  { "impl" : "disruptor", "producers" : 2, "array" : 1, "fill_ns" : 1000, "mpps" : 0.97, "vs_single_lock" : null,
                    "vs_disruptor" : 1.0, "machine" : "2 cores, Linux amd64, JDK 17" } ]
                """);
        String html = HtmlReport.render(report(), BenchRows.read(rows, "bench.json"));

        assertThat(html).contains("<h2 id=\"bench\">Latest benchmarks</h2>").contains("<a href=\"bench.json\">bench.json</a>")
                .contains("2 cores, Linux amd64, JDK 17")
                .contains("<tr><td>next-k2</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1000</td>"
                        + "<td class=\"num\">1.46</td><td class=\"num\">1.65x (1.58-1.75)</td><td class=\"num\">1.53x (1.53-1.53)</td></tr>")
                .contains("<td class=\"num\">n/a</td>");
        assertThat(ReportWriters.html(report())).doesNotContain("id=\"bench\"");
        java.nio.file.Files.writeString(rows, "not json");
        assertThat(BenchRows.read(rows, "bench.json")).as("a file that is not a run's rows shows nothing").isEmpty();
    }

    @Test
    void shouldWriteMarkdownTablesWhoseCellsStayCells() {
        String md = MarkdownReport.render(report(), "docs/results/summary.json");
        assertThat(md).contains("from `docs/results/summary.json`", "- verdict: **fail**", "- commit: unknown");
        assertThat(md).contains("| lincheck | 9 invocations | 2.0 | fail | shouldLinearize failed |");
        assertThat(md).contains("| mutant | tlc | properties | lincheck | trace | jcstress | gap |");
        assertThat(md).contains("| M1 | 10 units | 10 units | - | - | - |  |");
        assertThat(md).contains("| GroupOrder | M1 (10 units), M2 (20 units) | M1 (10 units), M2 (20 units) | never shown failing |");
        // Every row of a table has as many cells as its header.
        md.lines().filter(l -> l.startsWith("| M")).forEach(l -> assertThat(l.split("(?<!\\\\)\\|", -1)).hasSize(9));
        assertThat(MarkdownReport.cell("a | b\nc")).isEqualTo("a \\| b c");
    }

    @Test
    void shouldReadStressGateResultsIntoChecksKillsAndMisses() {
        String json = """
                { "verdict": "pass", "samples": 3000, "problems": [],
                  "tests": [
                    { "test": "NextGroup_TicketOrder_Correct", "implementation": "TxDriver", "mutant": null, "samples": 1000, "forbidden": 0,
                      "verdict": "pass", "detail": "no forbidden outcome", "outcomes": [{ "result": "1, 2", "samples": 1000, "expect": "Acceptable" }] },
                    { "test": "NextGroup_TicketOrder_M1", "implementation": "TxDriver+M1", "mutant": "M1", "samples": 1000, "forbidden": 7,
                      "verdict": "pass", "detail": "caught", "outcomes": [{ "result": "2, 1", "samples": 7, "expect": "Forbidden" }] },
                    { "test": "Descriptor_ReadyFlag_M8", "implementation": "TxDriver+M8", "mutant": "M8", "samples": 1000, "forbidden": 0,
                      "verdict": "not-shown", "detail": "x86 is TSO", "outcomes": [] } ] }
                """;
        Gate gate = new JcstressGate(java.nio.file.Path.of("."));
        GateResult r = JcstressGate.read(json, 9, gate);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.effort()).isEqualTo(Effort.of(3000, "samples"));
        assertThat(r.kills()).extracting(Kill::mutant, Kill::caught, Kill::effort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Mutant.M1, true, 7L), org.assertj.core.groups.Tuple.tuple(Mutant.M8, false, 0L));
        assertThat(r.checks().get(2).verdict()).isEqualTo(Verdict.SKIP);
        assertThat(r.traces().get(0).rows().get(0)).containsExactly("2, 1", "7", "Forbidden");

        GateResult failed = JcstressGate.read(json.replace("\"verdict\": \"pass\", \"samples\": 3000", "\"verdict\": \"fail\", \"samples\": 3000")
                .replace("\"problems\": []", "\"problems\": [\"No scheduling is possible\"]"), 9, gate);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.detail()).contains("No scheduling is possible");

        String oneCpu = """
                { "verdict": "not-run", "cpus": 1, "samples": 0, "problems": [],
                  "tests": [
                    { "test": "NextGroup_TicketOrder_Correct", "implementation": "TxDriver", "mutant": null, "samples": 0, "forbidden": 0,
                      "verdict": "not-run", "detail": "2 actors need 2 CPUs; this machine has 1", "outcomes": [] } ] }
                """;
        GateResult nothing = JcstressGate.read(oneCpu, 1, gate);
        assertThat(nothing.verdict()).as("a run in which no test ran is not a pass").isEqualTo(Verdict.SKIP);
        assertThat(nothing.detail()).contains("no test could run on 1 CPUs");
    }
}
