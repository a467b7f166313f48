package dev.txorder.cli;

import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.audit.Property;
import dev.txorder.audit.StreamingAudit;
import dev.txorder.sim.FaultKind;
import dev.txorder.sim.LiveRun;
import dev.txorder.sim.Simulation;
import dev.txorder.sim.Soak;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code txorder soak}: epochs of live runs with changing mixes and sender faults, every packet
 * audited as it leaves by the streaming audit, until a packet count or a time is used up or an
 * audit fails. Memory follows the requests in flight, so the length of the soak is not bounded by
 * the heap; the summary says how much heap it used.
 */
@Command(name = "soak",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Runs epochs of real sender threads, the driver and the simulated NIC, each epoch with a mix drawn from "
                    + "the seed (layout, policy, hash key, scheduler, ring and array sizes, senders, flows, driver, "
                    + "fault rate), and audits every packet as it leaves with the streaming audit. Stops at the first "
                    + "epoch whose audit fails and prints the command that replays that epoch's mix.",
            "Exit status: 0 every epoch holds, 1 a property is violated, 2 bad input, 3 the run failed, "
                    + "130 interrupted."},
        footer = {"",
            "Examples:",
            "  txorder soak --packets 1000000000 --cpus 2",
            "  TXORDER_JAVA_OPTS=-Xmx512m txorder soak --duration 10m --seed 7",
            "  txorder soak --packets 20000000 --inject M3        # must stop with exit status 1"})
final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--packets", paramLabel = "N", description = "stop after N packets on the wire")
    String packets;

    @Option(names = "--duration", paramLabel = "D", description = "stop after D: 90s, 10m, 2h (or seconds)")
    String duration;

    @Option(names = "--cpus", paramLabel = "C", defaultValue = "2",
            description = "the most sender threads an epoch uses, 1..256 (default: ${DEFAULT-VALUE})")
    String cpus;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the mixes, request streams and "
            + "faults derive from it (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--epoch-packets", paramLabel = "N", defaultValue = "20000000",
            description = "packets per epoch (default: ${DEFAULT-VALUE})")
    String epochPackets;

    @Option(names = "--epoch", paramLabel = "E", description = "run only epoch E's mix (a replay)")
    String epoch;

    @Option(names = "--inject", completionCandidates = Candidates.Mutants.class, paramLabel = "Mx", description = "switch on a known-bad design in every epoch "
            + "(repeatable); the mixes keep to where it changes something")
    List<String> inject = new ArrayList<>();

    @Option(names = "--stall-ms", paramLabel = "MS", defaultValue = "" + Simulation.DEFAULT_STALL_MILLIS,
            description = "how long the NIC may make no progress before the epoch counts as stalled (Progress), "
                    + "1..600000 (default: ${DEFAULT-VALUE})")
    String stallMs;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Soak.Options o = options();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapWatch heap = new HeapWatch(memory);
        out.printf(Locale.ROOT, "txorder soak: seed %d, %s, epochs of %,d packets, up to %d senders; heap max %d MiB%n",
                o.seed(), o.packets() > 0 ? String.format(Locale.ROOT, "%,d packets", o.packets())
                        : (o.durationNanos() / 1_000_000_000L) + " s", o.epochPackets(), o.maxSenders(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        AtomicLong audited = new AtomicLong();
        Soak.Result r;
        try (Monitor monitor = new Monitor(out, o, audited, heap)) {
            r = Soak.run(o, new Soak.Listener() {
                @Override
                public void started(int e, LiveRun.Mix mix) {
                    monitor.epoch(e, describe(mix));
                }

                @Override
                public void finished(int e, LiveRun.Outcome x) {
                    heap.afterEpoch();
                    monitor.line(String.format(Locale.ROOT, "  epoch %d %s: %,d packets, %,d requests, %.2f Mpps "
                                    + "audited, faults %s, in flight <= %d | %s",
                            e, x.audit().holds() ? "holds" : "VIOLATED", x.packets(), x.requests(), x.mpps(),
                            faults(x::faults), x.peakInFlight(), describe(x.mix())));
                }
            }, audited);
        }
        double seconds = r.nanos() / 1e9;
        out.printf(Locale.ROOT, "%s: %d epochs, %,d packets, %,d requests in %.0f s (%.2f Mpps audited); requests in "
                        + "flight at most %d%n", r.holds() ? "soak holds" : "soak VIOLATED", r.epochs(), r.packets(),
                r.requests(), seconds, r.packets() / seconds / 1e6, r.peakInFlight());
        out.println("faults injected: " + faults(r::faults));
        out.printf(Locale.ROOT, "heap: at most %d MiB in use (sampled each second), %d..%d MiB live after each epoch's "
                        + "full GC, of %d MiB max%n", heap.peakUsed >> 20, heap.minAfterGc >> 20, heap.maxAfterGc >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!r.holds()) {
            LiveRun.Outcome f = r.failed();
            out.println("epoch " + (r.epochs() - 1 + Math.max(0, o.onlyEpoch())) + " failed: " + describe(f.mix()));
            out.print(f.audit().table());
            for (Property p : f.audit().violated()) {
                out.println("  " + p + " judged from " + StreamingAudit.basis(p));
            }
            int failedEpoch = o.onlyEpoch() >= 0 ? o.onlyEpoch() : r.epochs() - 1;
            out.printf(Locale.ROOT, "replay this epoch's mix (its interleaving is the machine's): ./txorder soak --seed %d "
                            + "--epoch %d --packets %d --epoch-packets %d --cpus %d%s%n", o.seed(), failedEpoch,
                    o.epochPackets(), o.epochPackets(), o.maxSenders(), injected(o.inject()));
        }
        out.flush();
        return r.holds() ? TxorderCommand.HOLDS : TxorderCommand.VIOLATED;
    }

    Soak.Options options() {
        long n = packets == null ? 0 : OptionValues.longIn("packets", packets, 1, Long.MAX_VALUE / 2);
        long d = duration == null ? 0 : durationNanos(duration);
        if (n == 0 && d == 0) {
            throw new InvalidInputException("packets", "missing; give --packets N or --duration D (e.g. 10m)");
        }
        int c = OptionValues.intIn("cpus", cpus, 1, 256);
        long s = OptionValues.longIn("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
        long per = OptionValues.longIn("epoch-packets", epochPackets, 1, Long.MAX_VALUE / 2);
        int only = epoch == null ? -1 : OptionValues.intIn("epoch", epoch, 0, Integer.MAX_VALUE);
        Set<Mutant> ms = EnumSet.noneOf(Mutant.class);
        for (String m : inject) {
            ms.add(Mutant.parse(m));
        }
        long stall = OptionValues.longIn("stall-ms", stallMs, 1, 600_000);
        Soak.Options o = new Soak.Options(n, d, c, s, per, ms, only, stall);
        Soak.mix(s, Math.max(0, only), c, ms); // a mix no epoch can have (M7 with M9) is bad input now, not later
        return o;
    }

    /** {@code 90s}, {@code 10m}, {@code 2h} or whole seconds. */
    static long durationNanos(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3600;
            t = t.substring(0, t.length() - 1);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("duration", "'" + text.strip() + "' is not a duration; allowed e.g. 90s, "
                    + "10m, 2h or whole seconds");
        }
        if (v < 1 || v > 30L * 24 * 3600 / unit) {
            throw new InvalidInputException("duration", text.strip() + " is out of range; allowed 1 s .. 30 days");
        }
        return v * unit * 1_000_000_000L;
    }

    /** The mix as the options a user would recognise. */
    static String describe(LiveRun.Mix m) {
        var c = m.config();
        return String.format(Locale.ROOT, "layout %s, %s, hash-key %s, scheduler %s, ring %d, array-max %d, senders %d, "
                        + "flows %d, driver %s, fault rate %s", c.layout(), c.policy().name().toLowerCase(Locale.ROOT),
                c.hashKey().name().toLowerCase(Locale.ROOT), c.scheduler(), c.ringSize(), m.arrayMax(), m.senders(),
                m.destinations(), m.driver() == Simulation.Driver.TXORDER ? "txorder" : "single-queue",
                m.faultRate() == 0 ? "0" : String.valueOf(m.faultRate()));
    }

    /** Each fault kind with its count: "failed part-way through its writes 12, ...". */
    static String faults(java.util.function.ToLongFunction<FaultKind> count) {
        StringBuilder sb = new StringBuilder();
        for (FaultKind k : FaultKind.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(k.description()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", count.applyAsLong(k)));
        }
        return sb.toString();
    }

    private static String injected(Set<Mutant> ms) {
        StringBuilder sb = new StringBuilder();
        for (Mutant m : ms) {
            sb.append(" --inject ").append(m.name());
        }
        return sb.toString();
    }

    /** Heap figures: the most in use (sampled), and the live heap after a full GC at each epoch's end. */
    static final class HeapWatch {
        private final MemoryMXBean memory;
        volatile long peakUsed;
        long minAfterGc = Long.MAX_VALUE;
        long maxAfterGc;

        HeapWatch(MemoryMXBean memory) {
            this.memory = memory;
        }

        void sample() {
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
        }

        void afterEpoch() {
            sample();
            System.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            minAfterGc = Math.min(minAfterGc, live);
            maxAfterGc = Math.max(maxAfterGc, live);
        }
    }

    /** Once a second: a bar on a terminal, or a summary line every ten seconds in a CI log. */
    private static final class Monitor implements AutoCloseable {
        private final PrintWriter out;
        private final Soak.Options o;
        private final AtomicLong audited;
        private final HeapWatch heap;
        private final ProgressBar bar;
        private final Thread thread;
        private final long start = System.nanoTime();
        private volatile String epoch = "";

        Monitor(PrintWriter out, Soak.Options o, AtomicLong audited, HeapWatch heap) {
            this.out = out;
            this.o = o;
            this.audited = audited;
            this.heap = heap;
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            this.bar = System.console() != null && !ci
                    ? new ProgressBarBuilder().setTaskName("soak").setInitialMax(o.packets() > 0 ? o.packets()
                    : o.durationNanos() / 1_000_000_000L).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
                    : null;
            this.thread = new Thread(this::watch, "soak-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        void epoch(int e, String mix) {
            epoch = "epoch " + e;
        }

        synchronized void line(String s) {
            out.println(s);
            out.flush();
        }

        private void watch() {
            long lastLine = System.nanoTime();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    heap.sample();
                    long elapsed = System.nanoTime() - start;
                    if (bar != null) {
                        bar.stepTo(o.packets() > 0 ? audited.get() : elapsed / 1_000_000_000L);
                        bar.setExtraMessage(String.format(Locale.ROOT, "%s, heap %d MiB", epoch, heap.peakUsed >> 20));
                    } else if (System.nanoTime() - lastLine >= 10_000_000_000L) {
                        lastLine = System.nanoTime();
                        line(String.format(Locale.ROOT, "  [soak %.0f s] %,d packets audited, %s, heap in use at most "
                                + "%d MiB", elapsed / 1e9, audited.get(), epoch, heap.peakUsed >> 20));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            thread.interrupt();
            if (bar != null) {
                bar.close();
            }
        }
    }
}
