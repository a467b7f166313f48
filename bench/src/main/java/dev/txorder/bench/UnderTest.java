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
 * </ul>
 * {@code array}: packets per request. Every implementation buffers {@code capacity} packets
 * (txorder: {@code capacity / k} per queue) and allocates nothing per packet in its own code.
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

    Pipe pipe;

    @Setup(Level.Trial)
    public void open() {
        pipe = open(impl, capacity);
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        pipe.close();
    }

    static Pipe open(String impl, int capacity) {
        switch (impl) {
            case "single-lock":
                return TxorderPipe.singleLock(capacity);
            case "disruptor":
                return new DisruptorPipe(capacity);
            case "jctools-mpsc":
                return new JctoolsPipe(capacity);
            case "array-blocking-queue":
                return new BlockingQueuePipe(capacity);
            default:
                break;
        }
        int dash = impl.indexOf("-k");
        if (dash > 0) {
            String policy = impl.substring(0, dash);
            int k = Integer.parseInt(impl.substring(dash + 2));
            if (policy.equals("next")) {
                return TxorderPipe.patent(AssignmentPolicy.NEXT, k, capacity);
            }
            if (policy.equals("hash")) {
                return TxorderPipe.patent(AssignmentPolicy.HASH, k, capacity);
            }
        }
        throw new IllegalArgumentException("impl '" + impl + "'; allowed: next-kN, hash-kN, single-lock, "
                + "disruptor, jctools-mpsc, array-blocking-queue");
    }
}
