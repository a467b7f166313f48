package dev.txorder.cli;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.audit.AuditJson;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.FaultPlan;
import dev.txorder.io.RequestsFile;
import dev.txorder.io.PcapFile;
import dev.txorder.io.WireFile;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder simulate}: runs a request stream through the Java send path and the simulated
 * NIC, audits the wire against every DESIGN.md §3 property, and prints the verdict, throughput,
 * per-queue use and contention (DESIGN.md §6).
 *
 * <p>Options arrive as text and are parsed here, so that every bad value, and every bad line of a
 * requests file, is reported as one line naming the field, with exit status 2, before anything runs.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Runs the Java driver with real sender threads (one per cpu) and the simulated NIC, audits the wire "
                    + "against every property of DESIGN.md §3, and prints the verdict, throughput, per-queue use "
                    + "and contention.",
            "Exit status: 0 every property holds, 1 a property is violated, 2 bad input."},
        footer = {"",
            "Examples:",
            "  txorder simulate --layout 0-3x4,4-7x4 --policy next --requests 100000 --cpus 2 --array-max 4",
            "  txorder simulate --layout 0x4,1x4 --policy hash --requests-file examples/fig4-hash.csv "
                    + "--deterministic --wire-out fig4.wire.csv",
            "  txorder simulate --layout 0x4,1x4 --policy next --requests-file examples/fig7-next.csv "
                    + "--deterministic --mutant M3"})
final class SimulateCommand implements Callable<Integer> {
    /** Most requests a random stream may have; the send history holds them all in memory. */
    static final int MAX_REQUESTS = 100_000_000;
    /** Most packets one run may carry; the recorded wire holds them all in memory (~45 bytes each). */
    static final long MAX_PACKETS = 1L << 28;

    @Spec
    CommandSpec spec;

    @Option(names = "--layout", paramLabel = "L",
            description = "priorities -> groups -> queues: 0-3x4,4-7x4 or mqprio:num_tc 2 map 0 0 1 1 queues 4@0 4@4")
    String layout;

    @Option(names = "--policy", completionCandidates = Candidates.Policies.class, paramLabel = "hash|next", description = "queue assignment inside a group")
    String policy;

    @Option(names = "--hash-key", completionCandidates = Candidates.HashKeys.class, paramLabel = "mac|flow",
            description = "hash policy only: the flow key, the last MAC octet mod k (the patent, the default), or a "
                    + "strong hash of the flow id")
    String hashKey;

    @Option(names = "--scheduler", completionCandidates = Candidates.Schedulers.class, paramLabel = "strict|wrr:W0,W1,..", defaultValue = "strict",
            description = "how the NIC picks a group; wrr needs one weight per group (default: ${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--requests-file", paramLabel = "FILE.csv",
            description = "requests, CSV with header request,cpu,priority,dst_mac,packets[,flow]")
    Path requestsFile;

    @Option(names = "--requests", paramLabel = "N", description = "a random stream of N requests (instead of a file)")
    String requests;

    @Option(names = "--cpus", paramLabel = "C", description = "random stream: senders, 1..1024; request i on cpu i mod C")
    String cpus;

    @Option(names = "--array-max", paramLabel = "A",
            description = "random stream: packets per request uniform in 1..A (default: 1)")
    String arrayMax;

    @Option(names = "--seed", paramLabel = "S", description = "random stream: seed (default: 1)")
    String seed;

    @Option(names = "--ring-size", paramLabel = "R", defaultValue = "" + TxConfig.DEFAULT_RING_SIZE,
            description = "descriptors per queue, 1..67108864 (default: ${DEFAULT-VALUE})")
    String ringSize;

    @Option(names = "--deterministic",
            description = "submit requests one at a time in file order on one thread, rings sized to hold them all, "
                    + "NIC after the last: the wire is then fixed by layout, policy and scheduler")
    boolean deterministic;

    @Option(names = "--wire-out", paramLabel = "WIRE.csv",
            description = "write the wire: seq,request,packet,priority,group,queue,indicator,dst_mac")
    Path wireOut;

    @Option(names = "--pcap-out", paramLabel = "WIRE.pcap",
            description = "write the wire as a pcap file: an Ethernet frame per packet (802.1Q priority tag, EtherType "
                    + "0x88B5, the txorder tag: request, packet, count, flow, group, queue, indicator, sender, sequence "
                    + "numbers), nanosecond times from the NIC's clock; tools/wireshark/txorder.lua dissects it")
    Path pcapOut;

    @Option(names = "--mutant", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx",
            description = "switch on a known-bad design of DESIGN.md §2 (repeatable)")
    List<String> mutants = new ArrayList<>();

    @Option(names = "--driver", completionCandidates = Candidates.Drivers.class, paramLabel = "txorder|single-queue", defaultValue = "txorder",
            description = "the patent's multi-queue driver, or the prior art: one queue and one lock per group "
                    + "(default: ${DEFAULT-VALUE})")
    String driver;

    @Option(names = "--fault-every", paramLabel = "N",
            description = "sender faults: every request whose id mod N is N-1 fails after writing half its packets "
                    + "(rounded down); the driver publishes the rest as no-ops (M6: publishes nothing)")
    String faultEvery;

    @Option(names = "--stall-ms", paramLabel = "MS", defaultValue = "" + Simulation.DEFAULT_STALL_MILLIS,
            description = "real threads: how long the NIC may make no progress before the run counts as stalled "
                    + "(Progress), 1..600000 (default: ${DEFAULT-VALUE})")
    String stallMs;

    @Option(names = "--json", description = "print the configuration, the run and the audit as JSON instead of text")
    boolean json;

    /** Everything the options fix, validated; nothing has run yet. */
    record Plan(TxConfig config, Simulation.Driver driver, SendHistory history, String source, FaultPlan faults,
                long faultEvery, long stallMillis, boolean deterministic, Path wireOut, Path pcapOut) { }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan;
        Simulation.Result result;
        long prepareNanos;
        long runCallNanos;
        try {
            long t0 = System.nanoTime();
            plan = plan();
            long t1 = System.nanoTime();
            prepareNanos = t1 - t0;
            result = plan.deterministic()
                    ? Simulation.runDeterministic(plan.config(), plan.driver(), plan.history(), plan.faults())
                    : Simulation.run(plan.config(), plan.driver(), plan.history(), plan.faults(), plan.stallMillis());
            runCallNanos = System.nanoTime() - t1;
        } catch (InvalidInputException e) {
            err.println("txorder simulate: " + oneLine(e.getMessage()));
            err.flush();
            return TxorderCommand.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            // The history, the recorded wire and the audit hold every request and packet (about
            // 100 bytes a packet at the peak); the run's objects are unreachable again here.
            err.println("txorder simulate: requests: the run does not fit in the heap ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); allowed: fewer requests or packets, "
                    + "or more heap, e.g. TXORDER_JAVA_OPTS=-Xmx4g");
            err.flush();
            return TxorderCommand.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("txorder simulate: interrupted");
            err.flush();
            return TxorderCommand.INTERRUPTED;
        }
        if (json) {
            out.print(AuditJson.write(json(plan, result)));
        } else {
            new RunSummary(plan, result, prepareNanos, runCallNanos - result.nanos()).print(out);
        }
        if (plan.wireOut() != null) {
            try {
                WireFile.write(result.wire(), plan.wireOut(), result.history()::nameOf);
            } catch (IOException e) {
                // The folder was checked before the run: a write failing now (disk full) is the run's failure.
                err.println("txorder simulate: wire-out: cannot write " + plan.wireOut() + ": " + oneLine(e.toString()));
                err.flush();
                return TxorderCommand.RUN_FAILED;
            }
            out.println("wire: " + result.wire().size() + " packets written to " + plan.wireOut());
        }
        if (plan.pcapOut() != null) {
            try {
                PcapFile.write(result.wire(), result.history(), plan.pcapOut());
            } catch (IOException e) {
                err.println("txorder simulate: pcap-out: cannot write " + plan.pcapOut() + ": " + oneLine(e.toString()));
                err.flush();
                return TxorderCommand.RUN_FAILED;
            }
            out.println("pcap: " + result.wire().size() + " frames written to " + plan.pcapOut());
        }
        out.flush();
        return result.audit().holds() ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
    }

    /** {@code --json}: the configuration, the run's figures and the audit. */
    static com.fasterxml.jackson.databind.node.ObjectNode json(Plan plan, Simulation.Result result) {
        var root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        TxConfig c = result.config();
        var conf = root.putObject("configuration");
        conf.put("layout", c.layout().notation()).put("policy", c.policy().name().toLowerCase(Locale.ROOT))
                .put("hash_key", c.hashKey().name().toLowerCase(Locale.ROOT)).put("scheduler", c.scheduler().toString())
                .put("driver", plan.driver() == Simulation.Driver.TXORDER ? "txorder" : "single-queue")
                .put("ring_size", c.ringSize()).put("requests", plan.source())
                .put("mode", plan.deterministic() ? "deterministic" : "real threads");
        var mutants = conf.putArray("mutants");
        c.mutants().forEach(m -> mutants.add(m.name()));
        var run = root.putObject("run");
        run.put("packets", result.wire().size()).put("seconds", result.nanos() / 1e9).put("mpps", result.mpps())
                .put("drained", result.drained());
        root.set("audit", AuditJson.node(result.audit()));
        return root;
    }

    /** Validates every option and reads the requests; throws before anything runs. */
    Plan plan() {
        Layout l = Layout.parse(OptionValues.required("layout", layout,
                "allowed e.g. 0-3x4,4-7x4 or mqprio:num_tc 2 map 0 0 1 1 queues 2@0 2@2"));
        AssignmentPolicy p = AssignmentPolicy.parse(OptionValues.required("policy", policy, "allowed: hash, next"));
        if (hashKey != null && p != AssignmentPolicy.HASH) {
            throw new InvalidInputException("hash-key", "only with --policy hash; under " + p.name().toLowerCase(Locale.ROOT)
                    + " a request's queue does not depend on its flow key");
        }
        HashKey key = hashKey == null ? HashKey.MAC : HashKey.parse(hashKey);
        Scheduler s = Scheduler.parse(scheduler).checkFits(l.groupCount());
        int ring = OptionValues.intIn("ring-size", ringSize, 1, 1 << 26);
        Set<Mutant> ms = EnumSet.noneOf(Mutant.class);
        for (String m : mutants) {
            Mutant mutant = Mutant.parse(m);
            mutant.checkChanges(p, s);
            ms.add(mutant);
        }
        TxConfig config = new TxConfig(l, p, key, s, ring, ms);
        Simulation.Driver d = parseDriver(driver);
        checkDriverHas(d, ms);
        long every = faultEvery == null ? 0 : OptionValues.longIn("fault-every", faultEvery, 1, Long.MAX_VALUE);
        long stall = OptionValues.longIn("stall-ms", stallMs, 1, 600_000);
        OptionValues.outputFile("wire-out", wireOut);
        OptionValues.outputFile("pcap-out", pcapOut);
        if (wireOut != null && pcapOut != null && wireOut.toAbsolutePath().normalize().equals(pcapOut.toAbsolutePath().normalize())) {
            throw new InvalidInputException("pcap-out", pcapOut + " is also --wire-out; allowed: two different files");
        }

        SendHistory history;
        String source;
        if (requestsFile != null) {
            OptionValues.notWith("requests-file", requests, "give either --requests-file or --requests, not both");
            String fileOnly = "only with --requests; a requests file names each request's cpu and packets";
            OptionValues.notWith("cpus", cpus, fileOnly);
            OptionValues.notWith("array-max", arrayMax, fileOnly);
            OptionValues.notWith("seed", seed, fileOnly);
            history = RequestsFile.read(requestsFile, l.priorityCount(), ring);
            long total = Simulation.totalPackets(history);
            if (total > MAX_PACKETS) {
                throw new InvalidInputException("requests-file", requestsFile + " holds " + total
                        + " packets; allowed at most " + MAX_PACKETS + " in one run");
            }
            source = requestsFile + " (" + history.size() + " requests)";
        } else {
            int n = OptionValues.intIn("requests", OptionValues.required("requests", requests,
                    "give --requests N --cpus C or --requests-file FILE.csv"), 1, MAX_REQUESTS);
            int c = OptionValues.intIn("cpus", OptionValues.required("cpus", cpus,
                    "--requests N needs --cpus C, allowed 1..1024"), 1, 1024);
            int a = arrayMax == null ? 1 : OptionValues.intIn("array-max", arrayMax, 1, ring);
            long sd = seed == null ? 1 : OptionValues.longIn("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
            if ((long) n * a > MAX_PACKETS) {
                throw new InvalidInputException("requests", n + " requests of up to " + a + " packets may need "
                        + (long) n * a + " packets; allowed at most " + MAX_PACKETS + " in one run (requests x array-max)");
            }
            history = RandomRequests.generate(l, n, c, a, sd);
            source = n + " random: cpus " + c + ", array-max " + a + ", seed " + sd;
        }
        if (deterministic && Simulation.totalPackets(history) > (1 << 26)) {
            throw new InvalidInputException("deterministic", Simulation.totalPackets(history)
                    + " packets; allowed at most " + (1 << 26) + " (every ring holds all of them)");
        }
        FaultPlan faults = every == 0 ? FaultPlan.NONE
                // Request ids are >= 0 (files and random streams), so the remainder is in 0..every-1.
                : (r, written) -> r.id % every == every - 1 && written == r.packets / 2;
        return new Plan(config, d, history, source, faults, every, stall, deterministic, wireOut, pcapOut);
    }

    /**
     * The mutants the prior-art driver has: M6 and M8 in its fill, M7 and M9 in the NIC's scheduler. The others
     * are mistakes of the multi-queue design (tickets, cursor, indicators, hash key, slot claims) that a
     * single queue behind one lock cannot make; accepting them would run the correct prior art under a
     * mutant's name.
     */
    static final Set<Mutant> SINGLE_QUEUE_MUTANTS = EnumSet.of(Mutant.M6, Mutant.M7, Mutant.M8, Mutant.M9, Mutant.M10);

    private static void checkDriverHas(Simulation.Driver d, Set<Mutant> asked) {
        if (d != Simulation.Driver.SINGLE_QUEUE) {
            return;
        }
        List<String> missing = asked.stream().filter(m -> !SINGLE_QUEUE_MUTANTS.contains(m)).map(Mutant::name).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("mutant", String.join(", ", missing) + " is not a mutant of the single-queue driver"
                    + " (the prior art has no tickets, cursor, indicators or per-queue claims); allowed with --driver single-queue: "
                    + String.join(", ", SINGLE_QUEUE_MUTANTS.stream().map(Mutant::name).toList())
                    + ", or --driver txorder for every mutant");
        }
    }

    private static Simulation.Driver parseDriver(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "txorder" -> Simulation.Driver.TXORDER;
            case "single-queue" -> Simulation.Driver.SINGLE_QUEUE;
            default -> throw new InvalidInputException("driver", "'" + text.strip()
                    + "' is not a driver; allowed: txorder, single-queue");
        };
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
