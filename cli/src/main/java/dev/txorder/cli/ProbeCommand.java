package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import dev.txorder.audit.AuditJson;
import dev.txorder.audit.AuditReport;
import dev.txorder.cli.probe.LinuxProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code txorder probe}: the audit run against real systems; {@code probe linux} is the Linux kernel's transmit path. */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        description = "Runs txorder's audit against a real transmit path.",
        subcommands = ProbeCommand.Linux.class)
final class ProbeCommand {

    @Command(name = "linux",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            usageHelpWidth = 110,
            description = {
                "Probes the Linux kernel's multi-queue transmit path on this machine: two network namespaces joined by "
                        + "a veth pair with --queues transmit queues (root qdisc mq), tagged UDP from --cpus sender "
                        + "threads through ordinary sockets, the receiver's arrivals audited for FlowOrder, NoLoss and "
                        + "NoDuplicate per flow, and each queue's count from tc -s qdisc. Needs root; everything it "
                        + "creates (named txorder-probe-PID-*, addresses of 192.0.2.0/24) is removed afterwards.",
                "Hashed load (default): XPS off, so the flow hash picks each packet's queue; each flow keeps to one "
                        + "queue and must arrive in order. --control: XPS maps cpu i to queue i, tbf delays queue 1, and "
                        + "one flow is sent in turn from threads pinned to cpus 0 and 1: it must be reported out of order.",
                "Exit status: 0 every judged property holds, 1 one is violated, 2 bad input or not permitted here, "
                        + "3 the run failed, 130 interrupted."},
            footer = {"", "Examples:",
                "  sudo ./txorder probe linux --queues 4 --cpus 2 --flows 8 --packets 200000",
                "  sudo ./txorder probe linux --queues 4 --cpus 2 --packets 20000 --control"})
    static final class Linux implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--queues", paramLabel = "Q", defaultValue = "4", description = "transmit queues of the veth, "
                + "1..16 (default: ${DEFAULT-VALUE})")
        String queues;

        @Option(names = "--cpus", paramLabel = "C", defaultValue = "2", description = "sender threads, 1..64; with "
                + "--control, pinned to cpus 0..C-1, 2..the cpus here (default: ${DEFAULT-VALUE})")
        String cpus;

        @Option(names = "--flows", paramLabel = "F", defaultValue = "8", description = "flows of the hashed load, each "
                + "its own socket, 1..4096 (default: ${DEFAULT-VALUE}; --control sends one)")
        String flows;

        @Option(names = "--packets", paramLabel = "N", defaultValue = "200000", description = "packets in all, "
                + "1..10000000 (default: ${DEFAULT-VALUE})")
        String packets;

        @Option(names = "--pps", paramLabel = "R", defaultValue = "20000", description = "send at most R packets per "
                + "second in all, 100..10000000, so that the receiver keeps up (default: ${DEFAULT-VALUE})")
        String pps;

        @Option(names = "--control", description = "the control: one flow over two queues, one of them delayed")
        boolean control;

        @Option(names = "--no-rps", description = "leave RPS off on the receiving side: a packet then enters the "
                + "backlog of whichever cpu forwarded it, and a flow can be reordered after its queue")
        boolean noRps;

        @Option(names = "--json", description = "print the run, the per-queue counts and the audit as one JSON document")
        boolean json;

        @Option(names = "--keep", paramLabel = "DIR", description = "keep the receiver's capture (received.pcap: each "
                + "datagram's tag as a frame, in arrival order) in DIR")
        Path keep;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int q = OptionValues.intIn("queues", queues, 1, 16);
            int c = OptionValues.intIn("cpus", cpus, 1, 64);
            int f = OptionValues.intIn("flows", flows, 1, 4096);
            long n = OptionValues.longIn("packets", packets, 1, 10_000_000);
            long rate = OptionValues.longIn("pps", pps, 100, 10_000_000);
            int here = Runtime.getRuntime().availableProcessors();
            if (control && (c < 2 || c > here || c > q)) {
                throw new InvalidInputException("cpus", c + " with --control; allowed: 2.." + Math.min(here, q)
                        + " (one pinned thread per cpu, one queue per cpu, " + here + " cpus here)");
            }
            if (keep != null && !Files.isDirectory(keep)) {
                throw new InvalidInputException("keep", keep + " is not a directory; allowed: an existing directory");
            }
            Path work = Files.createTempDirectory("txorder-probe");
            LinuxProbe probe = new LinuxProbe(work);
            LinuxProbe.Options o = new LinuxProbe.Options(q, c, control ? 1 : f, n, control, rate, 2_000, !noRps);
            PrintWriter text = json ? new PrintWriter(java.io.Writer.nullWriter()) : out;
            text.printf(Locale.ROOT, "txorder probe linux: %s, %d packets, %d sender threads, %d transmit queues%n",
                    control ? "control: one flow sent in turn from cpus 0.." + (c - 1) + ", XPS cpu i -> queue i, tbf "
                            + "2 Mbit/s on queue 1" : "hashed load: " + f + " flows, one socket each, XPS off (the flow "
                            + "hash picks the queue)", n, c, q);
            text.println("receiving side: RPS " + (noRps ? "off (a packet enters the backlog of the cpu that forwarded it)"
                    : "on (the flow hash picks each packet's receiving cpu)"));
            text.flush();
            LinuxProbe.Result r;
            try {
                r = probe.run(o, text);
            } catch (LinuxProbe.NotPermitted e) {
                err.println("txorder probe linux: not permitted here: " + e.getMessage()
                        + "; needs root and network namespaces (nothing was run: not a pass)");
                return TxorderCommand.BAD_INPUT;
            } catch (IOException e) {
                if (probe.interrupted()) {
                    err.println("txorder probe linux: interrupted (the namespaces were removed)");
                    return TxorderCommand.INTERRUPTED;
                }
                err.println("txorder probe linux: the run failed: " + e.getMessage());
                return TxorderCommand.RUN_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("txorder probe linux: interrupted (the namespaces were removed)");
                return TxorderCommand.INTERRUPTED;
            }
            if (json) {
                var node = AuditJson.node(r.audit());
                var run = node.putObject("run");
                run.put("load", control ? "control" : "hashed").put("queues", q).put("cpus", c)
                        .put("flows", control ? 1 : f).put("rps", !noRps).put("sent", r.sent()).put("received", r.received())
                        .put("seconds", Math.round(r.seconds() * 10) / 10.0).put("receiver_udp", r.receiverUdp())
                        .put("sender_namespace", probe.senderNamespace()).put("receiver_namespace", probe.receiverNamespace());
                var counts = node.putArray("queues");
                for (LinuxProbe.QueueCount qc : r.queues()) {
                    counts.addObject().put("queue", qc.queue()).put("qdisc", qc.qdisc()).put("packets", qc.packets())
                            .put("bytes", qc.bytes()).put("dropped", qc.dropped());
                }
                out.print(AuditJson.write(node));
            }
            text.printf(Locale.ROOT, "sent %d, received %d in %.1f s; removed %s and %s%n", r.sent(), r.received(),
                    r.seconds(), probe.senderNamespace(), probe.receiverNamespace());
            text.println("receiver's UDP counters: " + r.receiverUdp());
            text.println("per transmit queue (tc -s qdisc):");
            for (LinuxProbe.QueueCount qc : r.queues()) {
                text.printf(Locale.ROOT, "  tx-%-2d %-10s %9d packets %11d bytes, dropped %d%n", qc.queue(), qc.qdisc(),
                        qc.packets(), qc.bytes(), qc.dropped());
            }
            AuditReport a = r.audit();
            text.println("judged from: each flow's packets as its sender sent them, against the receiver's arrivals "
                    + "(which queue each took is the kernel's and not in the packets)");
            text.print(a.table());
            text.println("verdict: " + (a.holds() ? "holds" : "VIOLATED: " + a.violated()));
            if (keep != null) {
                Path kept = keep.resolve("received.pcap");
                Files.copy(r.capture(), kept, StandardCopyOption.REPLACE_EXISTING);
                text.println("capture: " + kept);
            }
            out.flush();
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
            return a.holds() ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
        }
    }
}
