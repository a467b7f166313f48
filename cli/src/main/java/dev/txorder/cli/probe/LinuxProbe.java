package dev.txorder.cli.probe;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.SendHistory;
import dev.txorder.io.PcapFile;
import dev.txorder.io.TxTag;
import dev.txorder.layout.Layout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code txorder probe linux}: the audit run against the Linux kernel's own multi-queue transmit path.
 * Two network namespaces joined by a veth pair with several transmit queues, an {@code mq} root qdisc
 * (one {@code pfifo_fast} per queue) on the sending side; tagged UDP from several sender threads
 * through ordinary sockets; the receiver's record of what arrived, in arrival order, audited for
 * FlowOrder, NoLoss and NoDuplicate per flow; the per-queue counts from {@code tc -s qdisc}.
 *
 * <p>Two loads. <b>Hashed</b>: XPS off, so the kernel picks each packet's queue by the flow hash, and
 * each flow has its own socket (its own source port): a flow stays on one queue. <b>Control</b>: XPS
 * maps cpu i to queue i, a token bucket ({@code tbf}) delays queue 1, and one flow (one unconnected
 * socket) is sent in turn by threads pinned to cpus 0 and 1: its packets take two queues, one of them
 * slower, and arrive out of order, which the audit must report as a FlowOrder violation.
 *
 * <p>Everything created is named after this process ({@code txorder-probe-PID-tx}, {@code -rx},
 * {@code txoPIDa}, {@code txoPIDb}), lives in the two namespaces, uses addresses of TEST-NET-1
 * (192.0.2.0/24, reserved for documentation) and is removed by deleting the namespaces, on success,
 * failure and interrupt alike.
 */
public final class LinuxProbe {
    static final String SENDER_ADDRESS = "192.0.2.1";
    static final String RECEIVER_ADDRESS = "192.0.2.2";
    static final int PORT = 9;

    /** What to run. */
    public record Options(int queues, int cpus, int flows, long packets, boolean control, long pps, long idleMillis,
                          boolean rps) {
    }

    /** One transmit queue's counters, from its qdisc. */
    public record QueueCount(int queue, String qdisc, long packets, long bytes, long dropped) {
    }

    /** What a run found. */
    public record Result(long sent, long received, double seconds, List<QueueCount> queues, String receiverUdp,
                         AuditReport audit, Path capture) {
    }

    /** The probe cannot run on this machine (not root, no namespaces, no iproute2); not a verdict. */
    public static final class NotPermitted extends Exception {
        NotPermitted(String why) {
            super(why);
        }
    }

    private final String senderNs;
    private final String receiverNs;
    private final String senderIf;
    private final String receiverIf;
    private final Path work;
    private final List<Process> children = new ArrayList<>();
    private boolean created;
    /** Set when the JVM is shutting down (Ctrl-C, SIGTERM) and the hook removed everything. */
    private volatile boolean interrupted;

    public LinuxProbe(Path work) {
        long pid = ProcessHandle.current().pid();
        this.senderNs = "txorder-probe-" + pid + "-tx";
        this.receiverNs = "txorder-probe-" + pid + "-rx";
        this.senderIf = "txo" + pid + "a";
        this.receiverIf = "txo" + pid + "b";
        this.work = work;
    }

    /** Whether the run was stopped by a signal (its namespaces are then already removed). */
    public boolean interrupted() {
        return interrupted;
    }

    public String senderNamespace() {
        return senderNs;
    }

    public String receiverNamespace() {
        return receiverNs;
    }

    /** Runs one load; everything it created is gone when it returns or throws. */
    public Result run(Options o, PrintWriter log) throws NotPermitted, IOException, InterruptedException {
        for (String tool : o.control() ? List.of("ip", "tc", "taskset") : List.of("ip", "tc")) {
            if (!onPath(tool)) {
                throw new NotPermitted(tool + " is not installed (iproute2, util-linux)");
            }
        }
        Thread cleaner = new Thread(() -> {
            interrupted = true;
            cleanUp();
        }, "txorder-probe-cleanup");
        Runtime.getRuntime().addShutdownHook(cleaner);
        try {
            build(o);
            log.println("namespaces " + senderNs + " (" + SENDER_ADDRESS + ", " + senderIf + ") -> " + receiverNs + " ("
                    + RECEIVER_ADDRESS + ", " + receiverIf + "), veth with " + o.queues() + " transmit queues, root qdisc mq");
            log.flush();
            return measure(o, log);
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(cleaner);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs (and finds nothing left).
            }
        }
    }

    private void build(Options o) throws NotPermitted, IOException, InterruptedException {
        Exec add = exec("ip", "netns", "add", senderNs);
        if (add.status() != 0) {
            throw new NotPermitted("ip netns add failed: " + add.output().strip());
        }
        created = true;
        must("ip", "netns", "add", receiverNs);
        String q = Integer.toString(o.queues());
        must("ip", "link", "add", senderIf, "numtxqueues", q, "numrxqueues", q, "type", "veth", "peer", "name", receiverIf,
                "numtxqueues", q, "numrxqueues", q);
        must("ip", "link", "set", senderIf, "netns", senderNs);
        must("ip", "link", "set", receiverIf, "netns", receiverNs);
        for (String[] end : new String[][] {{senderNs, senderIf, SENDER_ADDRESS}, {receiverNs, receiverIf, RECEIVER_ADDRESS}}) {
            // No IPv6 (no router or neighbour solicitations in the queues' counts).
            must("ip", "netns", "exec", end[0], "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                    "net.ipv6.conf.default.disable_ipv6=1");
            must("ip", "-n", end[0], "addr", "add", end[2] + "/24", "dev", end[1]);
            must("ip", "-n", end[0], "link", "set", "lo", "up");
            must("ip", "-n", end[0], "link", "set", end[1], "up");
        }
        // A permanent neighbour: no ARP in the counts either.
        String mac = must("ip", "-n", receiverNs, "-o", "link", "show", receiverIf).replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
        must("ip", "-n", senderNs, "neigh", "replace", RECEIVER_ADDRESS, "lladdr", mac.strip(), "dev", senderIf, "nud", "permanent");
        must("tc", "-n", senderNs, "qdisc", "replace", "dev", senderIf, "root", "handle", "1:", "mq");
        for (int i = 0; i < o.queues(); i++) {
            String mask = o.control() && i < o.cpus() ? Long.toHexString(1L << i) : "0";
            must("ip", "netns", "exec", senderNs, "sh", "-c",
                    "echo " + mask + " > /sys/class/net/" + senderIf + "/queues/tx-" + i + "/xps_cpus");
        }
        // RPS on the receiving side: each flow's packets to one cpu's backlog by the flow hash. Without it, a
        // packet enters the backlog of whichever cpu forwarded it through the veth, and a flow whose packets
        // leave from two cpus can be reordered after its queue (see the README: measured once, 1 in 200,000).
        String all = Long.toHexString((1L << Math.min(63, Runtime.getRuntime().availableProcessors())) - 1);
        for (int i = 0; i < o.queues(); i++) {
            must("ip", "netns", "exec", receiverNs, "sh", "-c", "echo " + (o.rps() ? all : "0") + " > /sys/class/net/"
                    + receiverIf + "/queues/rx-" + i + "/rps_cpus");
        }
        if (o.control()) {
            // Queue 1 behind a token bucket that delays and does not drop: 2 Mbit/s, well below what the flow offers
            // it (half of 20,000 packets/s of 98 bytes is 7.8 Mbit/s), so its backlog and delay grow; a queue of up to 64 MB.
            must("tc", "-n", senderNs, "qdisc", "replace", "dev", senderIf, "parent", "1:2", "handle", "20:", "tbf",
                    "rate", "2mbit", "burst", "4kb", "limit", "64mb");
        }
    }

    private Result measure(Options o, PrintWriter log) throws IOException, InterruptedException {
        Path capture = work.resolve("received.pcap");
        Process receiver = child(receiverNs, "receive", Integer.toString(PORT), Long.toString(o.packets()),
                Long.toString(o.idleMillis()), capture.toString());
        BufferedReader rx = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        String ready = rx.readLine();
        if (!"ready".equals(ready)) {
            throw new IOException("the receiver did not start: " + ready + " " + childErrors());
        }
        long t0 = System.nanoTime();
        Process sender = child(senderNs, "send", RECEIVER_ADDRESS, Integer.toString(PORT),
                Integer.toString(o.control() ? 1 : o.flows()), Long.toString(o.packets()), Integer.toString(o.cpus()),
                Long.toString(o.pps()), o.control() ? "alternate" : "hashed");
        long[] sent = new long[o.control() ? 1 : o.flows()];
        BufferedReader tx = new BufferedReader(new InputStreamReader(sender.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = tx.readLine()) != null; ) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("sent")) {
                sent[Integer.parseInt(f[1])] = Long.parseLong(f[2]);
            }
        }
        if (sender.waitFor() != 0) {
            throw new IOException("the sender failed (exit " + sender.exitValue() + "): " + childErrors());
        }
        String last = null;
        for (String line; (line = rx.readLine()) != null; ) {
            last = line;
        }
        if (receiver.waitFor() != 0 || last == null || !last.startsWith("received ")) {
            throw new IOException("the receiver failed (exit " + receiver.exitValue() + "): " + childErrors());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long received = Long.parseLong(last.substring("received ".length()));
        List<QueueCount> queues = queueCounts(must("tc", "-n", senderNs, "-s", "qdisc", "show", "dev", senderIf));
        String udp = udpCounters(must("ip", "netns", "exec", receiverNs, "cat", "/proc/net/snmp"));
        long total = 0;
        for (long n : sent) {
            total += n;
        }
        return new Result(total, received, seconds, queues, udp, audit(o, sent, capture), capture);
    }

    /**
     * Each flow's packets as its sender sent them (one request of one packet each, flow f's n-th named
     * {@code f/n}), against what arrived.
     */
    private static AuditReport audit(Options o, long[] sent, Path capture) {
        long total = 0;
        long[] first = new long[sent.length];
        for (int f = 0; f < sent.length; f++) {
            first[f] = total;
            total += sent[f];
        }
        SendHistory history = new SendHistory((int) total);
        String[] names = new String[(int) total];
        TxRequest r = new TxRequest();
        for (int f = 0; f < sent.length; f++) {
            for (long seq = 0; seq < sent[f]; seq++) {
                names[history.add(r.set(first[f] + seq, f, 0, 0, f, 1))] = f + "/" + seq;
            }
        }
        history.names(names);
        history.oneAfterAnotherPerSender();
        Layout layout = Layout.parse("0x" + o.queues());
        TxConfig config = new TxConfig(layout, AssignmentPolicy.HASH, HashKey.FLOW, Scheduler.STRICT, 1 << 26,
                EnumSet.noneOf(Mutant.class));
        PcapFile.Capture c = PcapFile.read(capture);
        // A tag of a flow or number that was never sent keeps an id of its own: the audit reports it as never sent.
        long unknown = total;
        ToLongFunction<TxTag> id = t -> t.sender() < sent.length && t.senderSeq() < sent[t.sender()]
                ? first[t.sender()] + t.senderSeq() : unknown + t.wireSeq();
        return new OrderAudit(config, null, OrderAudit.Evidence.CAPTURE_WITHOUT_QUEUES)
                .audit(history, PcapFile.wire(c, id, layout), true);
    }

    private static final Pattern QDISC = Pattern.compile(
            "qdisc (\\S+) \\S+ parent 1:(\\d+)[^\\n]*\\n\\s*Sent (\\d+) bytes (\\d+) pkt \\(dropped (\\d+)");

    /** The receiving namespace's UDP counters (datagrams in, and those dropped for a full socket buffer). */
    static String udpCounters(String snmp) {
        String[] names = null;
        for (String line : snmp.split("\n")) {
            if (line.startsWith("Udp: ")) {
                if (names == null) {
                    names = line.substring(5).trim().split(" +");
                } else {
                    String[] values = line.substring(5).trim().split(" +");
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < Math.min(names.length, values.length); i++) {
                        if (List.of("InDatagrams", "InErrors", "RcvbufErrors", "NoPorts").contains(names[i])) {
                            sb.append(sb.length() == 0 ? "" : ", ").append(names[i]).append(' ').append(values[i]);
                        }
                    }
                    return sb.toString();
                }
            }
        }
        return "not known";
    }

    /** The per-queue qdiscs under {@code mq} (parent 1:N is transmit queue N - 1). */
    public static List<QueueCount> queueCounts(String tcOutput) {
        List<QueueCount> counts = new ArrayList<>();
        Matcher m = QDISC.matcher(tcOutput);
        while (m.find()) {
            counts.add(new QueueCount(Integer.parseInt(m.group(2)) - 1, m.group(1), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(5))));
        }
        counts.sort(Comparator.comparingInt(QueueCount::queue));
        return counts;
    }

    /** One end in its namespace: this JVM's java and class path, {@link ProbeEnds}. */
    private Process child(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ProbeEnds.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve(args[0] + ".err").toFile()).start();
        synchronized (children) {
            children.add(p);
        }
        return p;
    }

    /** What the ends wrote on stderr, for a message about a failed run. */
    private String childErrors() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String end : List.of("send", "receive")) {
            Path f = work.resolve(end + ".err");
            if (Files.exists(f) && Files.size(f) > 0) {
                sb.append(end).append(": ").append(Files.readString(f).strip().replaceAll("\\s*\\n\\s*", " | ")).append("; ");
            }
        }
        return sb.length() == 0 ? "nothing on stderr" : sb.toString();
    }

    /** Deletes both namespaces, which removes the veth pair and its qdiscs; kills the ends first. Idempotent. */
    public synchronized void cleanUp() {
        synchronized (children) {
            for (Process p : children) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            children.clear();
        }
        if (!created) {
            return;
        }
        for (String ns : List.of(senderNs, receiverNs)) {
            try {
                exec("ip", "netns", "del", ns);
            } catch (IOException | InterruptedException e) {
                // Nothing more to do here: the namespaces list shows what is left.
            }
        }
        created = false;
    }

    private record Exec(int status, String output) {
    }

    private static Exec exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Exec(-1, String.join(" ", cmd) + ": timed out");
        }
        return new Exec(p.exitValue(), out);
    }

    private static String must(String... cmd) throws IOException, InterruptedException {
        Exec e = exec(cmd);
        if (e.status() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + e.status() + "): " + e.output().strip());
        }
        return e.output();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /** Namespaces and links whose names this probe uses (any process's): what a test checks is left behind. */
    public static String leftovers() throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (String line : exec("ip", "netns", "list").output().split("\n")) {
            if (line.startsWith("txorder-probe-")) {
                sb.append("namespace ").append(line.strip()).append('\n');
            }
        }
        for (String line : exec("ip", "-o", "link", "show").output().split("\n")) {
            if (line.matches("\\d+: txo\\d+[ab][@:].*")) {
                sb.append("link ").append(line.strip()).append('\n');
            }
        }
        return sb.toString();
    }
}
