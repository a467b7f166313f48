package dev.txorder.cli;

import dev.txorder.audit.SendHistory;
import dev.txorder.io.PcapFile;
import dev.txorder.io.RequestsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder gen --pcap}: the traffic of a requests file as tagged frames, what a lab would send
 * through a real adapter and capture on the far side to judge with {@code txorder audit --pcap}.
 * Each request's packets in a row, the requests in file order (so each sender's in its order), one
 * frame every {@code --gap-ns}; the tags say nothing of group, queue or indicator, which only the
 * driver that sends them chooses.
 */
@Command(name = "gen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Writes the packets of a requests file as a pcap of txorder-tagged Ethernet frames (802.1Q priority tag, "
                    + "EtherType 0x88B5): what a lab sends through a real adapter and captures on the far side, to "
                    + "judge with txorder audit --pcap.",
            "Exit status: 0 written, 2 bad input, 3 the file could not be written."},
        footer = {"",
            "Example:",
            "  txorder gen --requests examples/fig7-next.csv --pcap sent.pcap",
            "  txorder audit --layout 0x4,1x4 --policy next --pcap sent.pcap"})
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "R.csv", description = "the requests: request,cpu,priority,dst_mac,"
            + "packets[,flow]")
    Path requests;

    @Option(names = "--pcap", paramLabel = "OUT.pcap", description = "the pcap file to write")
    Path pcap;

    @Option(names = "--priorities", paramLabel = "P", defaultValue = "8",
            description = "priorities the requests may use, 0..P-1, 1..4096 (default: ${DEFAULT-VALUE}, as 802.1Q's PCP; "
                    + "a tag carries the whole priority)")
    String priorities;

    @Option(names = "--gap-ns", paramLabel = "NS", defaultValue = "1000",
            description = "time between two frames' stamps, 0..10^9 ns (default: ${DEFAULT-VALUE})")
    String gapNs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path r = Path.of(OptionValues.required("requests", requests == null ? null : requests.toString(),
                "give --requests R.csv"));
        Path p = Path.of(OptionValues.required("pcap", pcap == null ? null : pcap.toString(), "give --pcap OUT.pcap"));
        int prios = OptionValues.intIn("priorities", priorities, 1, 4096);
        long gap = OptionValues.longIn("gap-ns", gapNs, 0, 1_000_000_000L);
        OptionValues.outputFile("pcap", p);
        SendHistory history = RequestsFile.read(r, prios, 1 << 26);
        long frames = 0;
        for (int i = 0; i < history.size(); i++) {
            frames += history.packets(i);
        }
        try {
            PcapFile.writeRequests(history, p, gap);
        } catch (IOException e) {
            spec.commandLine().getErr().println("txorder gen: pcap: cannot write " + p + ": " + e.getMessage());
            return TxorderCommand.RUN_FAILED;
        }
        out.println("pcap: " + history.size() + " requests, " + frames + " frames written to " + p);
        out.flush();
        return TxorderCommand.HOLDS;
    }
}
