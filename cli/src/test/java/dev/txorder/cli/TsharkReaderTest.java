package dev.txorder.cli;

import static dev.txorder.cli.SimulateCommandTest.example;
import static dev.txorder.cli.SimulateCommandTest.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txorder.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An independent reader of {@code simulate --pcap-out}: Debian's {@code tshark}, with the project's
 * Wireshark dissector ({@code tools/wireshark/txorder.lua}), reads the capture back, and this test
 * re-derives the order properties from tshark's fields alone, without any txorder code between the
 * file and the verdict, then compares them with the verdicts of txorder's own audit of the same run.
 * A correct run must hold for both, M3 must break RequestContiguity and M4 FlowAffinity for both.
 *
 * <p>CI installs tshark ({@code .ci/run}); where it is missing outside CI the test is skipped, and in
 * CI ({@code CI} set) it fails: a check that did not run is not a pass.
 */
class TsharkReaderTest {
    private static final List<String> FIELDS = List.of("frame.number", "vlan.priority", "eth.dst", "txorder.priority",
            "txorder.request", "txorder.packet", "txorder.count", "txorder.flow", "txorder.group", "txorder.queue",
            "txorder.indicator", "txorder.sender", "txorder.sender_seq", "txorder.wire_seq");

    @TempDir
    Path dir;

    @BeforeAll
    static void tsharkIsHere() throws Exception {
        boolean found;
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            found = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        }
        if (!found && System.getenv("CI") != null) {
            throw new AssertionError("tshark is not installed; .ci/run installs it (apt-get install tshark)");
        }
        Assumptions.assumeTrue(found, "tshark is not installed here (apt-get install tshark)");
    }

    /** One packet as tshark read it. */
    record Frame(int frame, int pcp, String dst, int priority, long request, int packet, int count, String flow,
                 int group, int queue, int indicator, int sender, long senderSeq, long wireSeq) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            correct next, real threads | next | | --requests 3000 --cpus 2 --array-max 3                   |
            correct hash, real threads | hash | | --requests 3000 --cpus 2 --array-max 3                   |
            M3, next                   | next | M3 | --requests-file fig7-next.csv --deterministic         | RequestContiguity
            M4, hash                   | hash | M4 | --requests 500 --cpus 1 --deterministic              | FlowAffinity
            """)
    void shouldDeriveFromTsharkFieldsAloneTheVerdictsOfTxordersAudit(String name, String policy, String mutant,
                                                                      String workload, String mustBreak) throws Exception {
        Path pcap = dir.resolve("wire.pcap");
        List<String> args = new ArrayList<>(List.of("--layout", "0-3x2,4-7x2", "--policy", policy, "--json",
                "--pcap-out", pcap.toString()));
        for (String a : workload.trim().split(" +")) {
            args.add(a.endsWith(".csv") ? example(a) : a);
        }
        if (mutant != null) {
            args.addAll(List.of("--mutant", mutant));
        }
        SimulateCommandTest.Run run = simulate(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        String json = run.out().substring(0, run.out().lastIndexOf('}') + 1);
        Map<String, String> audit = new HashMap<>();
        for (JsonNode p : Json.parse(json, "simulate --json").get("audit").get("properties")) {
            audit.put(p.get("name").asText(), p.get("verdict").asText());
        }

        List<Frame> frames = tshark(pcap);
        assertThat(frames).as("tshark read every packet with its tag").hasSize(
                Json.parse(json, "simulate --json").get("run").get("packets").asInt());
        Map<String, String> derived = derive(frames, policy);

        for (Map.Entry<String, String> e : derived.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + " from tshark's fields against txorder's audit (" + name + ")")
                    .isEqualTo(audit.get(e.getKey()));
        }
        if (mustBreak == null) {
            assertThat(derived.values()).as(name).doesNotContain("violated");
        } else {
            assertThat(derived.get(mustBreak)).as(name).isEqualTo("violated");
        }
        for (Frame f : frames) {
            assertThat(f.pcp()).as("802.1Q PCP carries the priority").isEqualTo(f.priority() & 7);
            assertThat(f.dst()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        }
    }

    /** tshark's fields for every frame, through the project's dissector. */
    private List<Frame> tshark(Path pcap) throws Exception {
        Path lua = SimulateCommandTest.examples().getParent().resolve("tools/wireshark/txorder.lua");
        List<String> cmd = new ArrayList<>(List.of("tshark", "-X", "lua_script:" + lua, "-r", pcap.toString(), "-T", "fields",
                "-E", "separator=,"));
        for (String f : FIELDS) {
            cmd.addAll(List.of("-e", f));
        }
        Path out = dir.resolve("fields.csv");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("tshark.err").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("tshark.err"))).isZero();
        List<Frame> frames = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            assertThat(f).as("every field present: " + line).hasSize(FIELDS.size()).doesNotContain("");
            frames.add(new Frame(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                    Long.parseLong(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], Integer.parseInt(f[8]),
                    Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13])));
        }
        return frames;
    }

    /**
     * The order properties, from the fields alone. Each sender sends one request after another, so
     * {@code sender_seq} orders a sender's requests; across senders nothing is known.
     */
    static Map<String, String> derive(List<Frame> frames, String policy) {
        Map<String, String> v = new TreeMap<>();
        // NoDuplicate: no packet of a request twice. NoLoss: every packet 1..count of every request.
        Map<String, Set<Integer>> seen = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        boolean duplicate = false;
        for (Frame f : frames) {
            String req = f.sender() + "/" + f.senderSeq();
            duplicate |= !seen.computeIfAbsent(req, k -> new HashSet<>()).add(f.packet());
            counts.put(req, f.count());
        }
        boolean lost = seen.entrySet().stream().anyMatch(e -> e.getValue().size() < counts.get(e.getKey()));
        v.put("NoDuplicate", duplicate ? "violated" : "holds");
        v.put("NoLoss", lost ? "violated" : "holds");
        // FlowOrder: a flow's packets from one sender leave in (request, packet) order.
        Map<String, long[]> lastOfFlow = new HashMap<>();
        boolean flowOrder = true;
        for (Frame f : frames) {
            long[] last = lastOfFlow.get(f.flow() + "/" + f.sender());
            if (last != null && (f.senderSeq() < last[0] || f.senderSeq() == last[0] && f.packet() < last[1])) {
                flowOrder = false;
            }
            lastOfFlow.put(f.flow() + "/" + f.sender(), new long[] {f.senderSeq(), f.packet()});
        }
        v.put("FlowOrder", flowOrder ? "holds" : "violated");
        // PriorityIsolation: priorities 0-3 in group 0, 4-7 in group 1 (the layout 0-3x2,4-7x2).
        v.put("PriorityIsolation", frames.stream().allMatch(f -> f.group() == f.priority() / 4) ? "holds" : "violated");
        if (policy.equals("hash")) {
            // FlowAffinity: one queue per flow.
            Map<String, String> queueOf = new HashMap<>();
            boolean affinity = true;
            for (Frame f : frames) {
                String q = f.group() + "/" + f.queue();
                affinity &= q.equals(queueOf.computeIfAbsent(f.flow(), k -> q));
            }
            v.put("FlowAffinity", affinity ? "holds" : "violated");
        } else {
            // RequestContiguity: in its group's order, packet p > 1 comes right after packet p - 1 of its request.
            Map<Integer, Frame> lastInGroup = new HashMap<>();
            boolean contiguous = true;
            for (Frame f : frames) {
                Frame before = lastInGroup.put(f.group(), f);
                if (f.packet() > 1) {
                    contiguous &= before != null && before.sender() == f.sender() && before.senderSeq() == f.senderSeq()
                            && before.packet() == f.packet() - 1;
                }
            }
            v.put("RequestContiguity", contiguous ? "holds" : "violated");
        }
        return v;
    }
}
