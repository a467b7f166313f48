package dev.txorder.bench;

import dev.txorder.AssignmentPolicy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The implementation under test, shared by all senders of one trial, chosen by {@code @Param}.
 *
 * <p>{@code impl}:
 * <ul>
 *   <li>{@code next-k1|2|4}, {@code hash-k1|2|4}: txorder's {@code TxDriver}, two groups of k queues</li>
 *   <li>{@code single-lock}: the prior art, {@code SingleQueueDriver} (one queue, one lock per group)</li>
 *   <li>{@code disruptor}: LMAX Disruptor 4.0.0, multi-producer ring, one batch event processor</li>
 *   <li>{@code jctools-mpsc}: JCTools 4.0.5 {@code MpscArrayQueue}</li>
 *   <li>{@code array-blocking-queue}: {@code java.util.concurrent.ArrayBlockingQueue}</li>
 *   <li>{@code next-kN-traced}, {@code hash-kN-traced}: the same driver and NIC recording every action
 *       in an in-memory {@code ActionLog}, as {@code txorder trace} does; not among the defaults. Each
 *       iteration opens a new pipe, so the log holds one iteration's events; run these rows with a
 *       large heap ({@code -jvmArgsAppend -Xmx8g}). Beside the untraced row of the same run they show
 *       that the benchmark sees recording, and so that the untraced row's figure is what "off" costs.</li>
 * </ul>
 * {@code array}: packets per request. Every implementation buffers {@code capacity} packets
 * (txorder: {@code capacity / k} per queue) and allocates nothing per packet in its own code.
 *
 * <p>{@code fillNs}: the driver's own work per packet ({@link Fill}), done by every implementation
 * where it writes a descriptor: the prior art inside its one lock; {@code next} after the group's
 * assignment step, with no lock held; {@code hash} under its queue's lock (the patent's per-queue
 * spinlock); the Disruptor between its claim and its publish; JCTools and {@code ArrayBlockingQueue}
 * before each offer.
 */
@State(Scope.Benchmark)
public class UnderTest {
    @Param({"next-k1", "next-k2", "next-k4", "hash-k1", "hash-k2", "hash-k4", "single-lock",
            "disruptor", "jctools-mpsc", "array-blocking-queue"})
    public String impl;

    @Param({"1", "8"})
    public int array;

    @Param({"4096"})
    public int capacity;

    @Param({"0"})
    public int fillNs;

    Pipe pipe;
    Fill fill = Fill.NONE;

    @Setup(Level.Trial)
    public void open() {
        fill = Fill.of(fillNs);
        if (fillNs > 0) {
            // In the fork's output, which txorder bench keeps in its log.
            System.out.println("fill: " + fill);
        }
        pipe = open(impl, capacity, fill);
    }

    /**
     * A traced row starts each iteration with a new pipe and an empty log (JMH runs this before the
     * senders' own iteration setup, which reads the new pipe's counters). Untraced rows keep theirs.
     */
    @Setup(Level.Iteration)
    public void reopenTraced() throws InterruptedException {
        if (impl.endsWith(TRACED) && pipe != null) {
            pipe.close();
            pipe = open(impl, capacity, fill);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        pipe.close();
    }

    private static final String TRACED = "-traced";

    static Pipe open(String impl, int capacity, Fill fill) {
        switch (impl) {
            case "single-lock":
                return TxorderPipe.singleLock(capacity, fill);
            case "disruptor":
                return new DisruptorPipe(capacity, fill);
            case "jctools-mpsc":
                return new JctoolsPipe(capacity, fill);
            case "array-blocking-queue":
                return new BlockingQueuePipe(capacity, fill);
            default:
                break;
        }
        boolean traced = impl.endsWith(TRACED);
        String untraced = traced ? impl.substring(0, impl.length() - TRACED.length()) : impl;
        int dash = untraced.indexOf("-k");
        if (dash > 0) {
            String policyName = untraced.substring(0, dash);
            AssignmentPolicy policy = policyName.equals("next") ? AssignmentPolicy.NEXT
                    : policyName.equals("hash") ? AssignmentPolicy.HASH : null;
            int k = Integer.parseInt(untraced.substring(dash + 2));
            if (policy != null) {
                return traced ? TxorderPipe.traced(policy, k, capacity, fill) : TxorderPipe.patent(policy, k, capacity, fill);
            }
        }
        throw new IllegalArgumentException("impl '" + impl + "'; allowed: next-kN, hash-kN (either with -traced), "
                + "single-lock, disruptor, jctools-mpsc, array-blocking-queue");
    }
}
