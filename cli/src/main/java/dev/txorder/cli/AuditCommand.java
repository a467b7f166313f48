package dev.txorder.cli;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.audit.AuditJson;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.SendHistory;
import dev.txorder.io.PcapFile;
import dev.txorder.io.RequestsFile;
import dev.txorder.io.TxTag;
import dev.txorder.io.WireFile;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder audit}: judges a wire produced anywhere against the requests it carried, with the
 * audit {@code simulate} uses, for every property the two files allow. A requests file says what
 * each sender sent and in which order (a sender sends one request after another); a wire file says
 * what left and how. What they do not hold (tickets, the NIC's ready masks, the rings, one clock
 * for all senders) is said in the report, per property, as "not judged".
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Judges a wire file (from txorder simulate --wire-out, another driver, or a capture converted to its "
                    + "format) against a requests file, for every property their columns allow: NoLoss, NoDuplicate, "
                    + "FlowOrder and GroupOrder in each sender's order, RequestContiguity, FlowAffinity, "
                    + "PriorityIsolation. The rest is reported as not judged, with the reason.",
            "A capture (--pcap) of txorder-tagged packets is judged the same way, against a requests file or against "
                    + "the requests its tags show.",
            "Exit status: 0 every judged property holds, 1 a property is violated, 2 bad input."},
        footer = {"",
            "Example:",
            "  txorder simulate --layout 0x4,1x4 --policy next --requests-file examples/fig7-next.csv --deterministic "
                    + "--wire-out w.csv",
            "  txorder audit --layout 0x4,1x4 --policy next --requests examples/fig7-next.csv --wire w.csv",
            "  txorder gen --requests examples/fig7-next.csv --pcap sent.pcap",
            "  txorder audit --layout 0x4,1x4 --policy next --pcap captured.pcap"})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "R.csv", description = "the requests: request,cpu,priority,dst_mac,"
            + "packets[,flow]; each cpu's requests in the order it sent them")
    Path requests;

    @Option(names = "--wire", paramLabel = "W.csv", description = "the wire: seq,request,packet,priority,group,queue,"
            + "indicator,dst_mac in wire order")
    Path wire;

    @Option(names = "--pcap", paramLabel = "FILE.pcap", description = "instead of --wire: a capture of txorder-tagged "
            + "packets (simulate --pcap-out, gen --pcap, or any capture of such traffic), in capture order; without "
            + "--requests, the requests are those its tags show")
    Path pcap;

    @Option(names = "--layout", paramLabel = "L", description = "priorities -> groups -> queues, as the wire's driver "
            + "had them: 0-3x4,4-7x4 or mqprio:...")
    String layout;

    @Option(names = "--policy", completionCandidates = Candidates.Policies.class, paramLabel = "hash|next", description = "the queue assignment the wire's driver claims")
    String policy;

    @Option(names = "--hash-key", completionCandidates = Candidates.HashKeys.class, paramLabel = "mac|flow", description = "hash policy only: the flow key (default mac)")
    String hashKey;

    @Option(names = "--scheduler", completionCandidates = Candidates.Schedulers.class, paramLabel = "strict|wrr:W0,..", defaultValue = "strict",
            description = "the adapter's scheduler (the wire has no ready masks, so it is not judged; default: "
                    + "${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--json", description = "print the verdicts as JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Layout l = Layout.parse(OptionValues.required("layout", layout, "allowed e.g. 0-3x4,4-7x4"));
        AssignmentPolicy p = AssignmentPolicy.parse(OptionValues.required("policy", policy, "allowed: hash, next"));
        if (hashKey != null && p != AssignmentPolicy.HASH) {
            throw new InvalidInputException("hash-key", "only with --policy hash");
        }
        HashKey key = hashKey == null ? HashKey.MAC : HashKey.parse(hashKey);
        Scheduler s = Scheduler.parse(scheduler).checkFits(l.groupCount());
        TxConfig config = new TxConfig(l, p, key, s, 1 << 26, Mutant.none());
        if (pcap != null) {
            OptionValues.notWith("pcap", wire, "give either --wire W.csv or --pcap FILE.pcap, not both");
        }
        String from;
        String judgedFrom;
        SendHistory history;
        RecordingWire packets;
        OrderAudit.Evidence evidence = OrderAudit.Evidence.FILES;
        if (pcap != null) {
            PcapFile.Capture capture = PcapFile.read(pcap);
            if (capture.packets().isEmpty()) {
                throw new InvalidInputException("pcap", pcap + ": none of its " + capture.frames() + " frames carries a "
                        + "txorder tag; allowed: a capture of txorder-tagged traffic (EtherType 0x88B5, or UDP)");
            }
            checkTags(capture, l);
            ToLongFunction<TxTag> ids;
            if (requests != null) {
                history = RequestsFile.read(requests, l.priorityCount(), 1 << 26).oneAfterAnotherPerSender();
                ids = TxTag::request;
                judgedFrom = "the requests, in each sender's order, and the tagged packets in capture order";
            } else {
                PcapFile.Requests shown = PcapFile.requestsOf(capture);
                history = shown.history().oneAfterAnotherPerSender();
                ids = shown::idOf;
                judgedFrom = "the capture alone: each request as its tags show it, in its sender's numbering (a request "
                        + "none of whose packets arrived shows only as a gap in that numbering)";
            }
            packets = PcapFile.wire(capture, ids, l);
            if (!PcapFile.knowsQueues(capture)) {
                evidence = OrderAudit.Evidence.CAPTURE_WITHOUT_QUEUES;
                judgedFrom += "; the tags do not say which queue each packet left from";
            }
            from = pcap + " (" + capture.packets().size() + " tagged packets"
                    + (capture.skipped() > 0 ? ", " + capture.skipped() + " other frames skipped" : "") + ")";
        } else {
            Path r = Path.of(OptionValues.required("requests", requests == null ? null : requests.toString(),
                    "give --requests R.csv"));
            Path w = Path.of(OptionValues.required("wire", wire == null ? null : wire.toString(),
                    "give --wire W.csv or --pcap FILE.pcap"));
            history = RequestsFile.read(r, l.priorityCount(), 1 << 26).oneAfterAnotherPerSender();
            packets = WireFile.read(w, history, l.groupCount());
            from = w + " (" + packets.size() + " packets)";
            judgedFrom = "the requests, in each sender's order, and the packets on the wire";
        }
        String source = requests != null ? requests + " (" + history.size() + " requests)"
                : "the capture's tags (" + history.size() + " requests)";
        AuditReport report = new OrderAudit(config, null, evidence).audit(history, packets, true);

        if (json) {
            var node = AuditJson.node(report);
            node.put("requests", requests == null ? null : requests.toString());
            if (pcap != null) {
                node.put("pcap", pcap.toString());
            } else {
                node.put("wire", wire.toString());
            }
            node.put("layout", l.notation()).put("policy", p.name().toLowerCase(Locale.ROOT)).put("scheduler", s.toString());
            out.print(AuditJson.write(node));
            out.flush();
            return report.holds() ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
        }
        out.printf(Locale.ROOT, "%s: %s against %s%n",
                report.holds() ? "holds" : "VIOLATED: " + report.violated(), source, from);
        out.printf(Locale.ROOT, "configuration: layout %s, %s%s, scheduler %s%n", l, p.name().toLowerCase(Locale.ROOT),
                p == AssignmentPolicy.HASH ? " (hash key " + key.name().toLowerCase(Locale.ROOT) + ")" : "", s);
        out.println("judged from: " + judgedFrom + " (no tickets, ready masks, rings or common clock in these records)");
        out.print(report.table());
        out.flush();
        return report.holds() ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
    }

    /** Every tag's priority and group must fit the layout the audit is told of. */
    private static void checkTags(PcapFile.Capture capture, Layout l) {
        for (PcapFile.Tagged t : capture.packets()) {
            if (t.tag().priority() >= l.priorityCount()) {
                throw new InvalidInputException("tag.priority", "frame " + t.frame() + ": priority " + t.tag().priority()
                        + "; allowed for layout " + l.notation() + ": 0.." + (l.priorityCount() - 1));
            }
            if (t.tag().group() >= l.groupCount()) {
                throw new InvalidInputException("tag.group", "frame " + t.frame() + ": group " + t.tag().group()
                        + "; allowed for layout " + l.notation() + ": 0.." + (l.groupCount() - 1));
            }
        }
    }

}
