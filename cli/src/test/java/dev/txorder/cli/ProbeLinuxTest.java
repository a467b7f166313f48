package dev.txorder.cli;

import static dev.txorder.cli.SimulateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.cli.probe.LinuxProbe;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code txorder probe linux} against this machine's kernel: the hashed load holds with every queue's
 * count reported, the control is reported as a FlowOrder violation, and neither leaves a namespace or
 * a link behind. Where namespaces cannot be made (not root, a locked-down container) the test is
 * skipped and says "not permitted here": the probe did not run, which is no pass.
 */
class ProbeLinuxTest {
    private static final Pattern QUEUE = Pattern.compile("(?m)^  tx-(\\d+) +(\\S+) +(\\d+) packets +(\\d+) bytes, dropped (\\d+)$");

    @BeforeAll
    static void permittedHere() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "ip netns add txorder-probe-check && ip netns del txorder-probe-check")
                .redirectErrorStream(true).start();
        String why = new String(p.getInputStream().readAllBytes()).strip();
        Assumptions.assumeTrue(p.waitFor() == 0, "not permitted here: network namespaces cannot be made (" + why + ")");
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        assertThat(LinuxProbe.leftovers()).as("namespaces and links left behind").isEmpty();
    }

    @Test
    void shouldHoldForTheHashedLoadAndCountEveryPacketOnItsQueue() {
        SimulateCommandTest.Run r = run("probe", "linux", "--queues", "4", "--cpus", "2", "--flows", "8", "--packets", "20000");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("sent 20000, received 20000").contains("verdict: holds")
                .containsPattern("(?m)^  FlowOrder +holds").containsPattern("(?m)^  NoLoss +holds");
        long total = 0;
        int used = 0;
        Matcher m = QUEUE.matcher(r.out());
        int queues = 0;
        while (m.find()) {
            queues++;
            long n = Long.parseLong(m.group(3));
            total += n;
            used += n > 0 ? 1 : 0;
            assertThat(m.group(5)).as("tx-" + m.group(1) + " dropped").isEqualTo("0");
            assertThat(n % 2500).as("each flow (2,500 packets) on one queue: tx-" + m.group(1)).isZero();
        }
        assertThat(queues).isEqualTo(4);
        assertThat(total).as("every packet counted on a queue (no ARP, no IPv6)").isEqualTo(20000);
        assertThat(used).as("the flow hash spread 8 flows over more than one queue").isGreaterThan(1);
    }

    @Test
    void shouldReportTheControlAsAFlowOrderViolation() {
        SimulateCommandTest.Run r = run("probe", "linux", "--queues", "4", "--cpus", "2", "--packets", "4000", "--control");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: VIOLATED: [FlowOrder]").containsPattern("(?m)^  FlowOrder +violated")
                .containsPattern("(?m)^  NoLoss +holds")
                .containsPattern("(?m)^  tx-0 +pfifo_fast +2000 packets").containsPattern("(?m)^  tx-1 +tbf +2000 packets");
    }

    @Test
    void shouldPrintTheRunTheQueuesAndTheAuditAsJson() {
        SimulateCommandTest.Run r = run("probe", "linux", "--queues", "2", "--cpus", "2", "--packets", "2000", "--control",
                "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        var doc = dev.txorder.io.Json.parse(r.out(), "probe --json");
        assertThat(doc.get("verdict").asText()).isEqualTo("violated");
        assertThat(doc.get("run").get("load").asText()).isEqualTo("control");
        assertThat(doc.get("run").get("sent").asLong()).isEqualTo(2000);
        assertThat(doc.get("queues")).hasSize(2);
        assertThat(doc.get("queues").get(1).get("qdisc").asText()).isEqualTo("tbf");
        boolean flowOrderViolated = false;
        for (var p : doc.get("properties")) {
            flowOrderViolated |= p.get("name").asText().equals("FlowOrder") && p.get("verdict").asText().equals("violated");
        }
        assertThat(flowOrderViolated).as(r.out()).isTrue();
    }

    @Test
    void shouldRefuseAControlWithoutTwoPinnedCpusBeforeCreatingAnything() {
        SimulateCommandTest.Run r = run("probe", "linux", "--cpus", "1", "--control");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cpus").contains("allowed: 2..");
        SimulateCommandTest.Run q = run("probe", "linux", "--queues", "0");
        assertThat(q.exit()).isEqualTo(2);
        assertThat(q.err()).contains("queues");
    }

    @Test
    void shouldParseEachQueuesCountsUnderMq() {
        String tc = """
                qdisc mq 1: root\s
                 Sent 196 bytes 2 pkt (dropped 0, overlimits 0 requeues 0)\s
                 backlog 0b 0p requeues 0
                qdisc tbf 20: parent 1:2 rate 10Mbit burst 4Kb lat 0us\s
                 Sent 98 bytes 1 pkt (dropped 3, overlimits 0 requeues 0)\s
                 backlog 0b 0p requeues 0
                qdisc pfifo_fast 0: parent 1:1 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1
                 Sent 98 bytes 1 pkt (dropped 0, overlimits 0 requeues 0)\s
                 backlog 0b 0p requeues 0
                """;
        assertThat(LinuxProbe.queueCounts(tc)).containsExactly(
                new LinuxProbe.QueueCount(0, "pfifo_fast", 1, 98, 0), new LinuxProbe.QueueCount(1, "tbf", 1, 98, 3));
    }
}
