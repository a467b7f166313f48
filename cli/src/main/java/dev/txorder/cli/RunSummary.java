package dev.txorder.cli;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.Property;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;
import dev.txorder.sim.Simulation;
import java.io.PrintWriter;
import java.util.BitSet;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * What {@code txorder simulate} prints after a run: the configuration, the audit's verdict per
 * property (with the first violations in full), throughput, sender outcomes, per-queue use and
 * contention, and a last line with the verdict.
 */
final class RunSummary {
    private final SimulateCommand.Plan plan;
    private final Simulation.Result result;
    private final long prepareNanos;
    private final long auditNanos;

    /**
     * @param prepareNanos validating the options and reading or generating the requests
     * @param auditNanos   what the run call took beyond the measured run: the audit, mostly
     */
    RunSummary(SimulateCommand.Plan plan, Simulation.Result result, long prepareNanos, long auditNanos) {
        this.plan = plan;
        this.result = result;
        this.prepareNanos = prepareNanos;
        this.auditNanos = auditNanos;
    }

    void print(PrintWriter out) {
        configuration(out);
        audit(out);
        run(out);
        queues(out);
        AuditReport audit = result.audit();
        out.println(audit.holds() ? "verdict: holds (every applicable property of DESIGN.md §3)"
                : "verdict: VIOLATED " + audit.violated().stream().map(Property::name).collect(Collectors.joining(", ")));
    }

    private void configuration(PrintWriter out) {
        TxConfig c = plan.config();
        Layout l = c.layout();
        out.println("configuration");
        row(out, "layout", l.notation() + "  (" + l.priorityCount() + " priorities, " + l.groupCount() + " groups, "
                + l.queueCount() + " queues)");
        row(out, "policy", c.policy().name().toLowerCase(Locale.ROOT)
                + (c.policy() == AssignmentPolicy.HASH ? ", hash key " + c.hashKey().name().toLowerCase(Locale.ROOT) : ""));
        row(out, "scheduler", c.scheduler().toString());
        row(out, "driver", plan.driver() == Simulation.Driver.TXORDER
                ? "txorder (queue-specific resources, US 2003/0058878 A1)"
                : "single-queue (prior art: one queue and one lock per group)");
        row(out, "requests", plan.source() + ", " + Simulation.totalPackets(plan.history()) + " packets");
        row(out, "mode", plan.deterministic()
                ? "deterministic: one thread in file order, NIC after the last request"
                : "real threads: " + senders() + " senders and the NIC");
        row(out, "ring size", result.config().ringSize() + (plan.deterministic() && result.config().ringSize()
                != c.ringSize() ? "  (deterministic: every ring holds the whole stream)" : ""));
        row(out, "mutants", c.mutants().isEmpty() ? "none (the correct design)"
                : c.mutants().stream().map(m -> m + " " + m.description()).collect(Collectors.joining("; ")));
        row(out, "faults", plan.faultEvery() == 0 ? "none"
                : "requests with id mod " + plan.faultEvery() + " = " + (plan.faultEvery() - 1)
                        + " fail after half their packets" + (c.has(Mutant.M6) ? " and publish nothing (M6)"
                        : "; the rest become no-ops"));
        out.println();
    }

    private void audit(PrintWriter out) {
        AuditReport a = result.audit();
        out.println("audit (" + a.packets() + " packets on the wire" + (result.drained() ? ")" : "; the NIC did NOT drain)"));
        out.print(a.table());
        out.println();
    }

    private void run(PrintWriter out) {
        double seconds = result.nanos() / 1e9;
        out.println("run");
        row(out, "packets", result.wire().size() + " on the wire");
        row(out, "time", String.format(Locale.ROOT, "%.3f s", seconds)
                + (plan.deterministic() ? "  (submit all, then drain, one thread)" : "  (senders start to NIC drained)"));
        row(out, "throughput", String.format(Locale.ROOT, "%.3f Mpps", result.mpps()));
        row(out, "also", String.format(Locale.ROOT, "%.3f s preparing the requests, %.3f s auditing (not in the Mpps)",
                prepareNanos / 1e9, auditNanos / 1e9));
        long[] outcomes = new long[SendHistory.Outcome.values().length];
        SendHistory h = result.history();
        for (int i = 0; i < h.size(); i++) {
            outcomes[h.outcome(i).ordinal()]++;
        }
        StringJoiner counts = new StringJoiner(", ");
        for (SendHistory.Outcome o : SendHistory.Outcome.values()) {
            if (outcomes[o.ordinal()] > 0) {
                counts.add(outcomes[o.ordinal()] + " " + o.name().toLowerCase(Locale.ROOT));
            }
        }
        row(out, "requests", counts.toString());
        row(out, "no-ops", result.nic().noopsPassed() + " passed by the NIC (descriptors of failed senders)");
        out.println();
    }

    /** Per queue: what the senders reserved there, its share, and how often they waited. */
    private void queues(PrintWriter out) {
        SendPath path = result.path();
        Layout ql = path.queueLayout();
        long total = 0;
        long totalWaits = 0;
        long totalRequests = 0;
        for (QueueGroup g : ql.groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                TxRing r = path.ring(g.index(), q);
                total += r.packets();
                totalWaits += r.waits();
                totalRequests += r.requests();
            }
        }
        out.println("queues (packets the senders queued; waits = sender wait iterations for the queue's turn, lock "
                + "or ring space)");
        out.println(String.format(Locale.ROOT, "  %5s %5s %10s %11s %7s %12s %12s",
                "group", "queue", "requests", "packets", "share", "waits", "waits/packet"));
        for (QueueGroup g : ql.groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                TxRing r = path.ring(g.index(), q);
                out.println(queueRow(Integer.toString(g.index()), Integer.toString(q), r.requests(), r.packets(),
                        total, r.waits()));
            }
        }
        out.println(queueRow("total", "", totalRequests, total, total, totalWaits));
        out.println();
    }

    private static String queueRow(String group, String queue, long requests, long packets, long total, long waits) {
        return String.format(Locale.ROOT, "  %5s %5s %10d %11d %6.1f%% %12d %12.4f", group, queue, requests, packets,
                total == 0 ? 0.0 : 100.0 * packets / total, waits, packets == 0 ? 0.0 : (double) waits / packets);
    }

    /** Distinct cpus in the stream: one sender thread each. */
    private int senders() {
        SendHistory h = plan.history();
        BitSet cpus = new BitSet();
        for (int i = 0; i < h.size(); i++) {
            cpus.set(h.cpu(i));
        }
        return cpus.cardinality();
    }

    private static void row(PrintWriter out, String key, String value) {
        out.println(String.format(Locale.ROOT, "  %-11s %s", key, value));
    }
}
