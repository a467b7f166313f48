package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code txorder audit}: a wire from anywhere judged against its requests, as simulate judges its own. */
class AuditCommandTest {

    static SimulateCommandTest.Run audit(String... args) {
        return SimulateCommandTest.run("audit", args);
    }

    /** The verdicts simulate printed for the properties the files allow judging. */
    private static List<String> judgedLines(String report) {
        return report.lines().filter(l -> l.matches("\\s+(NoLoss|NoDuplicate|FlowOrder|GroupOrder|RequestContiguity|"
                + "FlowAffinity|PriorityIsolation)\\s+.*")).map(l -> String.join(" ",
                java.util.Arrays.copyOf(l.strip().split("\\s+"), 2))).toList();
    }

    @Test
    void shouldReproduceSimulatesVerdictsFromItsOwnWireAndRequests(@TempDir Path dir) throws IOException {
        Path requests = dir.resolve("r.csv");
        Path wire = dir.resolve("w.csv");
        // A real-thread run: only each sender's own order is in the files.
        var sim = SimulateCommandTest.simulate("--layout", "0-3x3,4-7x2", "--policy", "next", "--requests", "20000",
                "--cpus", "2", "--array-max", "4", "--wire-out", wire.toString());
        assertThat(sim.exit()).as(sim.out()).isZero();
        writeRequestsOfTheRandomStream(requests);
        var r = audit("--layout", "0-3x3,4-7x2", "--policy", "next", "--requests", requests.toString(), "--wire",
                wire.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(judgedLines(r.out())).isEqualTo(judgedLines(sim.out())).hasSize(7);
        assertThat(r.out()).contains("StrictPriority     not judged     the wire has no ready masks");

        // M3 under next: simulate's violation, found again from the files alone.
        Path m3wire = dir.resolve("m3.csv");
        var m3 = SimulateCommandTest.simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file",
                SimulateCommandTest.example("fig7-next.csv"), "--deterministic", "--mutant", "M3", "--wire-out",
                m3wire.toString());
        assertThat(m3.exit()).isEqualTo(TxorderCommand.VIOLATED);
        var again = audit("--layout", "0x4,1x4", "--policy", "next", "--requests", SimulateCommandTest.example(
                "fig7-next.csv"), "--wire", m3wire.toString());
        assertThat(again.exit()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(judgedLines(again.out())).isEqualTo(judgedLines(m3.out()));
        assertThat(again.out()).startsWith("VIOLATED: [NoLoss, RequestContiguity]")
                .as("Progress rests on the rings, which the files do not have").contains("Progress           not judged");
    }

    /** Two packets swapped by hand: the property they break is named. */
    @Test
    void shouldCatchAHandEditedWireNamingTheProperty(@TempDir Path dir) throws IOException {
        Path wire = dir.resolve("w.csv");
        var sim = SimulateCommandTest.simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file",
                SimulateCommandTest.example("fig7-next.csv"), "--deterministic", "--wire-out", wire.toString());
        assertThat(sim.exit()).isZero();
        String fig7 = SimulateCommandTest.example("fig7-next.csv");
        assertThat(audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", wire.toString())
                .exit()).isZero();

        List<String> lines = new ArrayList<>(Files.readAllLines(wire, StandardCharsets.UTF_8));
        // Lines 1 and 2 are request 1's packets 1 and 2 (FIG. 7): swap them, renumbering seq.
        Collections.swap(lines, 1, 2);
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, (i - 1) + lines.get(i).substring(lines.get(i).indexOf(',')));
        }
        Path edited = dir.resolve("edited.csv");
        Files.write(edited, lines, StandardCharsets.UTF_8);
        var r = audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", edited.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(r.out()).contains("FlowOrder").contains("packet 1 of request 1 after its packet 2");

        List<String> dropped = new ArrayList<>(Files.readAllLines(wire, StandardCharsets.UTF_8));
        dropped.remove(dropped.size() - 1);
        Path short1 = dir.resolve("short.csv");
        Files.write(short1, dropped, StandardCharsets.UTF_8);
        assertThat(audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", short1.toString())
                .out()).startsWith("VIOLATED: [NoLoss]");
    }

    @Test
    void shouldPrintTheVerdictsAsJson(@TempDir Path dir) throws IOException {
        Path wire = dir.resolve("w.csv");
        String fig7 = SimulateCommandTest.example("fig7-next.csv");
        SimulateCommandTest.simulate("--layout", "0x4,1x4", "--policy", "next", "--requests-file", fig7, "--deterministic",
                "--mutant", "M3", "--wire-out", wire.toString());
        var r = audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", wire.toString(), "--json");
        assertThat(r.exit()).isEqualTo(TxorderCommand.VIOLATED);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("verdict").asText()).isEqualTo("violated");
        assertThat(json.get("packets").asInt()).isEqualTo(4);
        var contiguity = json.get("properties").get(4);
        assertThat(contiguity.get("name").asText()).isEqualTo("RequestContiguity");
        assertThat(contiguity.get("verdict").asText()).isEqualTo("violated");
        assertThat(contiguity.get("first").get(0).get("detail").asText()).contains("interrupted after 1 of 2 packets");
        assertThat(json.get("properties").get(10).get("not_judged").asText()).contains("no rings");
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndLine(@TempDir Path dir) throws IOException {
        String fig7 = SimulateCommandTest.example("fig7-next.csv");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "seq,request,packet,priority,group,queue,indicator,dst_mac\n"
                + "0,1,1,1,1,0,SIDEWAYS,00:00:5e:00:53:01\n", StandardCharsets.UTF_8);
        var r = audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", bad.toString());
        assertThat(r.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(r.err()).contains("indicator: " + bad + " line 2: 'SIDEWAYS'; allowed CURRENT, NEXT, -");
        Files.writeString(bad, "seq,request,packet,priority,group,queue,indicator,dst_mac\n"
                + "3,1,1,1,1,0,NEXT,00:00:5e:00:53:01\n", StandardCharsets.UTF_8);
        assertThat(audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7, "--wire", bad.toString()).err())
                .contains("seq: " + bad + " line 2: 3 where 0 comes next");
        assertThat(audit("--layout", "0x4,1x4", "--policy", "next", "--requests", fig7).err())
                .contains("wire: missing; give --wire W.csv");
        assertThat(audit("--layout", "0x4,1x4", "--policy", "next", "--hash-key", "flow", "--requests", fig7, "--wire",
                bad.toString()).err()).contains("hash-key: only with --policy hash");
    }

    /** The stream simulate --requests 20000 --cpus 2 --array-max 4 generates (seed 1), as a requests file. */
    private static void writeRequestsOfTheRandomStream(Path file) throws IOException {
        var h = dev.txorder.sim.RandomRequests.generate(dev.txorder.layout.Layout.parse("0-3x3,4-7x2"), 20000, 2, 4, 1);
        StringBuilder sb = new StringBuilder("request,cpu,priority,dst_mac,packets\n");
        for (int i = 0; i < h.size(); i++) {
            long mac = h.dstMac(i);
            sb.append(h.id(i)).append(',').append(h.cpu(i)).append(',').append(h.priority(i)).append(',')
                    .append(String.format("%02x:%02x:%02x:%02x:%02x:%02x", mac >>> 40 & 0xff, mac >>> 32 & 0xff,
                            mac >>> 24 & 0xff, mac >>> 16 & 0xff, mac >>> 8 & 0xff, mac & 0xff))
                    .append(',').append(h.packets(i)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
