package dev.txorder.bench;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.SingleQueueDriver;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.Layout;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.trace.ActionLog;
import java.util.EnumSet;
import java.util.function.ToLongFunction;

/**
 * txorder's send path ({@link TxDriver} under {@code next} or {@code hash}, or the prior art
 * {@link SingleQueueDriver}) drained by a {@link SimulatedNic} on its own thread onto a
 * {@link CountingWire}. Layout: two groups of k queues ({@code 0-3xk,4-7xk}), strict scheduler;
 * the senders all use group 1, so the NIC also pays for scanning the idle group 0 on every step,
 * as a real two-class adapter would. Each group gets {@code capacity} descriptors in all,
 * {@code capacity / k} per queue, so every implementation buffers the same number of packets.
 *
 * <p>{@link #traced} records every action in an {@link ActionLog}, as {@code txorder trace} does:
 * the row that shows what recording costs, beside the same driver not recording (the default).
 */
final class TxorderPipe implements Pipe {
    private final SendPath path;
    private final TxRing[] rings;
    private final SimulatedNic nic;
    /** The fill's work, done as the driver writes each descriptor (its WRITE step); null: none. */
    private final StepProbe filling;

    private TxorderPipe(SendPath path, ActionLog log, Fill fill) {
        this.path = path;
        this.filling = fill.tokens == 0 ? null : (step, cpu) -> {
            if (step == StepProbe.Step.WRITE) {
                fill.work();
            }
        };
        Layout queues = path.queueLayout();
        int k = queues.group(1).queueCount();
        rings = new TxRing[k];
        for (int q = 0; q < k; q++) {
            rings[q] = path.ring(1, q);
        }
        nic = new SimulatedNic(path, Scheduler.STRICT, new CountingWire(), EnumSet.noneOf(Mutant.class), log);
        nic.start();
    }

    /** The patent's driver with {@code k} queues in each of the two groups. */
    static TxorderPipe patent(AssignmentPolicy policy, int k, int capacity, Fill fill) {
        return new TxorderPipe(new TxDriver(config(policy, k, capacity)), null, fill);
    }

    /**
     * The patent's driver recording every action, and the NIC recording its steps, in a new
     * {@link ActionLog} (in memory: the caller opens a new pipe before the log grows too large).
     */
    static TxorderPipe traced(AssignmentPolicy policy, int k, int capacity, Fill fill) {
        ActionLog log = new ActionLog();
        return new TxorderPipe(new TxDriver(config(policy, k, capacity), log), log, fill);
    }

    /** The prior art: one queue and one lock per group; its fill runs under that lock. */
    static TxorderPipe singleLock(int capacity, Fill fill) {
        return new TxorderPipe(new SingleQueueDriver(config(AssignmentPolicy.HASH, 1, capacity)), null, fill);
    }

    private static TxConfig config(AssignmentPolicy policy, int k, int capacity) {
        if (capacity % k != 0) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a multiple of k = " + k);
        }
        Layout layout = Layout.parse("0-3x" + k + ",4-7x" + k);
        return TxConfig.of(layout, policy).withRingSize(capacity / k);
    }

    @Override
    public void send(Sender sender) {
        if (filling == null) {
            path.send(sender.nextRequest());
        } else {
            path.send(sender.nextRequest(), filling, FaultPlan.NONE);
        }
    }

    @Override
    public long waits() {
        return sum(TxRing::waits);
    }

    @Override
    public long ringFullWaits() {
        return sum(TxRing::ringFullWaits);
    }

    @Override
    public long lockWaitNanos() {
        return sum(TxRing::lockWaitNanos);
    }

    @Override
    public long ringFullEvents() {
        return sum(TxRing::ringFullEvents);
    }

    /** A statistic of the senders' group, summed over its rings. */
    private long sum(ToLongFunction<TxRing> statistic) {
        long sum = 0;
        for (TxRing r : rings) {
            sum += statistic.applyAsLong(r);
        }
        return sum;
    }

    @Override
    public long nicIdleSteps() {
        return nic.idleSteps();
    }

    @Override
    public long nicOrderWaits() {
        return nic.orderWaits();
    }

    @Override
    public long nicIdleNanos() {
        return nic.idleNanos();
    }

    @Override
    public void close() throws InterruptedException {
        nic.stop();
    }
}
