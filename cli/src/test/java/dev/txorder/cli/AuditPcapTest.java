package dev.txorder.cli;

import static dev.txorder.cli.SimulateCommandTest.example;
import static dev.txorder.cli.SimulateCommandTest.run;
import static dev.txorder.cli.SimulateCommandTest.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.io.PcapFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code txorder gen --pcap} and {@code txorder audit --pcap}: tagged traffic made, captured, tampered with, judged. */
class AuditPcapTest {
    @TempDir
    Path dir;

    private static final String[] NEXT = {"--layout", "0x4,1x4", "--policy", "next"};

    private Path gen(String requests) {
        Path pcap = dir.resolve("sent.pcap");
        SimulateCommandTest.Run r = run("gen", "--requests", example(requests), "--pcap", pcap.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 requests, 6 frames written");
        return pcap;
    }

    private SimulateCommandTest.Run audit(Path pcap, String... more) {
        List<String> args = new ArrayList<>(List.of(NEXT));
        args.addAll(List.of("--pcap", pcap.toString()));
        args.addAll(List.of(more));
        return run("audit", args.toArray(String[]::new));
    }

    /** The capture's packets written again in another order, or with some left out: a capture tampered with by hand. */
    private Path rewritten(Path pcap, java.util.function.UnaryOperator<List<PcapFile.Tagged>> change) throws Exception {
        List<PcapFile.Tagged> packets = change.apply(new ArrayList<>(PcapFile.read(pcap).packets()));
        Path out = dir.resolve("tampered.pcap");
        try (PcapFile.Writer w = new PcapFile.Writer(out)) {
            for (PcapFile.Tagged t : packets) {
                w.write(t.timeNanos(), t.dstMac(), t.tag());
            }
        }
        return out;
    }

    @Test
    void shouldHoldForGeneratedTrafficWithOrWithoutTheRequestsFile() {
        Path pcap = gen("fig7-next.csv");

        SimulateCommandTest.Run alone = audit(pcap);
        assertThat(alone.exit()).as(alone.out() + alone.err()).isZero();
        assertThat(alone.out()).contains("holds: the capture's tags (4 requests)")
                .contains("the tags do not say which queue")
                .containsPattern("(?m)^  PriorityIsolation +not judged");
        SimulateCommandTest.Run withRequests = audit(pcap, "--requests", example("fig7-next.csv"));
        assertThat(withRequests.exit()).as(withRequests.out()).isZero();
        assertThat(withRequests.out()).contains("fig7-next.csv (4 requests)");
    }

    @Test
    void shouldNameFlowOrderWhenTwoPacketsOfARequestAreSwappedByHand() throws Exception {
        Path pcap = rewritten(gen("fig7-next.csv"), p -> {
            Collections.swap(p, 0, 1); // request 1's packets 1 and 2
            return p;
        });
        for (String[] more : List.of(new String[0], new String[] {"--requests", example("fig7-next.csv")})) {
            SimulateCommandTest.Run r = audit(pcap, more);
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).startsWith("VIOLATED").containsPattern("(?m)^  FlowOrder +violated");
        }
    }

    @Test
    void shouldNameNoLossWhenAFrameOrAWholeRequestIsMissing() throws Exception {
        Path sent = gen("fig7-next.csv");
        Path lostPacket = rewritten(sent, p -> {
            p.remove(1);
            return p;
        });
        assertThat(audit(lostPacket).out()).containsPattern("(?m)^  NoLoss +violated");

        // fig7: four senders of one request each; give cpu 0 a second request whose packets never arrive,
        // and a third that does: the gap in cpu 0's numbering is the lost request.
        Path gap = rewritten(sent, p -> {
            PcapFile.Tagged first = p.get(0);
            var t = first.tag();
            p.add(new PcapFile.Tagged(99, first.timeNanos() + 10, first.dstMac(), new dev.txorder.io.TxTag(50, 1, 1,
                    t.flow(), t.priority(), t.group(), t.queue(), t.indicator(), t.sender(), 2, 99)));
            return p;
        });
        SimulateCommandTest.Run r = audit(gap);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  NoLoss +violated").contains("sender 0 #1 (no packet arrived)");
    }

    @Test
    void shouldJudgeASimulatedM3WireFromItsCaptureAsTheSimulationDid() {
        Path pcap = dir.resolve("m3.pcap");
        SimulateCommandTest.Run sim = simulate(NEXT[0], NEXT[1], NEXT[2], NEXT[3], "--requests-file", example("fig7-next.csv"),
                "--deterministic", "--mutant", "M3", "--pcap-out", pcap.toString());
        assertThat(sim.exit()).isEqualTo(1);
        assertThat(sim.out()).contains("pcap: 4 frames written");

        SimulateCommandTest.Run r = audit(pcap, "--requests", example("fig7-next.csv"));
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  RequestContiguity +violated").containsPattern("(?m)^  NoLoss +violated")
                .containsPattern("(?m)^  PriorityIsolation +holds");
    }

    @Test
    void shouldRefuseBadCapturesAndOptionsNamingTheField() throws Exception {
        Path pcap = gen("fig7-next.csv");
        SimulateCommandTest.Run both = audit(pcap, "--wire", example("fig7-next.wire.csv"));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("pcap").contains("not both");

        Path noTags = dir.resolve("arp.pcap");
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(pcap), 24);
        byte[] record = new byte[16 + 60];
        java.nio.ByteBuffer.wrap(record).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 60).putInt(12, 60);
        record[16 + 12] = 0x08;
        record[16 + 13] = 0x06;
        Files.write(noTags, concat(header, record));
        SimulateCommandTest.Run none = audit(noTags);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("pcap").contains("none of its 1 frames carries a txorder tag");

        SimulateCommandTest.Run narrow = run("audit", "--layout", "0x4", "--policy", "next", "--pcap", pcap.toString());
        assertThat(narrow.exit()).isEqualTo(2);
        assertThat(narrow.err()).contains("tag.priority").contains("frame 1").contains("allowed for layout");

        SimulateCommandTest.Run genBad = run("gen", "--requests", example("fig7-next.csv"), "--pcap", dir.toString());
        assertThat(genBad.exit()).isEqualTo(2);
        assertThat(genBad.err()).contains("pcap").contains("is a directory");
        SimulateCommandTest.Run gap = run("gen", "--requests", example("fig7-next.csv"), "--pcap", pcap.toString(),
                "--gap-ns", "-1");
        assertThat(gap.exit()).isEqualTo(2);
        assertThat(gap.err()).contains("gap-ns");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
