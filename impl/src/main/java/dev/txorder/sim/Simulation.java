package dev.txorder.sim;

import dev.txorder.InvalidInputException;
import dev.txorder.RunFailedException;
import dev.txorder.SendInterruptedException;
import dev.txorder.SenderFault;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.SingleQueueDriver;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.trace.ActionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Runs a request stream through a real send path and the simulated NIC, then audits the wire.
 *
 * <pre>
 *   cpu 0 ──send──┐
 *   cpu 1 ──send──┼──> TxRing[g][q] ... ──> SimulatedNic (own thread) ──> RecordingWire ──> OrderAudit
 *   cpu C ──send──┘
 * </pre>
 * Each cpu is a real thread that sends its requests in stream order and records when each call
 * began and returned; the audit compares that history with the wire.
 */
public final class Simulation {
    /** Which send path: the patent's {@link TxDriver} or the prior art's {@link SingleQueueDriver}. */
    public enum Driver { TXORDER, SINGLE_QUEUE }

    /** How long the NIC may make no progress after the senders finished before it counts as stalled. */
    public static final long DEFAULT_STALL_MILLIS = 2_000;

    /**
     * What a run did.
     *
     * @param nanos wall time from the start signal until the NIC drained (or stalled)
     */
    public record Result(TxConfig config, SendPath path, SendHistory history, RecordingWire wire,
                         SimulatedNic nic, AuditReport audit, boolean drained, long nanos) {
        /** Million packets per second on the wire. */
        public double mpps() {
            return nanos == 0 ? 0 : wire.size() * 1e3 / nanos;
        }
    }

    private Simulation() {
    }

    public static SendPath newPath(TxConfig config, Driver driver) {
        return driver == Driver.SINGLE_QUEUE ? new SingleQueueDriver(config) : new TxDriver(config);
    }

    /** Real threads: one sender per distinct cpu of the stream, the NIC on its own thread. */
    public static Result run(TxConfig config, Driver driver, SendHistory requests, FaultPlan faults, long stallMillis)
            throws InterruptedException {
        return run(config, newPath(config, driver), null, requests, faults, stallMillis, null);
    }

    /**
     * The thread harness itself, on a given path: {@link #run(TxConfig, Driver, SendHistory, FaultPlan, long)}
     * and the trace runs ({@code dev.txorder.trace.TraceRun}) both come here.
     *
     * @param path   the send path, built from {@code config}
     * @param log    the log {@code path} records in (a {@code TxDriver(config, log)}), which the NIC then
     *               records in too; null: nothing is recorded
     * @param probes the probe of each cpu's sender, called at every step before the harness's own
     *               (which abandons a sender waiting on a stalled NIC); null: none
     */
    public static Result run(TxConfig config, SendPath path, ActionLog log, SendHistory requests, FaultPlan faults,
                             long stallMillis, IntFunction<StepProbe> probes) throws InterruptedException {
        // The run's clock: System.nanoTime from the run's start, never negative (nanoTime itself may be,
        // and the audits read a negative time as "no time", which would switch their clock checks off).
        long origin = System.nanoTime();
        LongSupplier clock = () -> System.nanoTime() - origin;
        RecordingWire wire = new RecordingWire((int) Math.min(Integer.MAX_VALUE - 8, totalPackets(requests)),
                clock, RecordingWire.NANO_TIME_SLACK);
        SimulatedNic nic = new SimulatedNic(path, config.scheduler(), wire, config.mutants(), log);

        List<int[]> perCpu = rowsPerCpu(requests);
        CountDownLatch go = new CountDownLatch(1);
        AbortProbe abort = new AbortProbe();
        List<Thread> senders = new ArrayList<>();
        List<Throwable> crashes = new ArrayList<>();
        for (int c = 0; c < perCpu.size(); c++) {
            int[] rows = perCpu.get(c);
            if (rows.length == 0) {
                continue;
            }
            StepProbe probe = probes == null ? abort : then(probes.apply(c), abort);
            Thread t = new Thread(() -> {
                TxRequest r = new TxRequest();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int row : rows) {
                    try {
                        sendOne(path, requests, row, requests.load(row, r), faults, probe, clock);
                    } catch (Aborted e) {
                        requests.end(row, clock.getAsLong(), SendHistory.Outcome.ABORTED);
                        return;
                    }
                }
            }, "cpu-" + c);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (crashes) {
                    crashes.add(e);
                }
            });
            senders.add(t);
            t.start();
        }
        nic.start();
        long start = System.nanoTime();
        go.countDown();
        boolean stalled = !awaitSenders(senders, path, stallMillis);
        if (stalled) {
            // The NIC made no progress while senders waited on it: give up on them (Progress).
            abort.aborted = true;
            for (Thread t : senders) {
                t.join();
            }
        }
        boolean drained = nic.drainAndStop(stallMillis) && !stalled;
        long nanos = System.nanoTime() - start;
        if (!crashes.isEmpty()) {
            throw new RunFailedException("a sender thread crashed", crashes.get(0));
        }
        AuditReport audit = new OrderAudit(config, path).audit(requests, wire, drained);
        return new Result(config, path, requests, wire, nic, audit, drained, nanos);
    }

    /**
     * {@code --deterministic}: every request is submitted in stream order on the calling thread,
     * the rings hold them all, and the NIC starts only after the last one is queued; the wire is
     * then a function of the layout, policy and scheduler alone.
     */
    public static Result runDeterministic(TxConfig config, Driver driver, SendHistory requests) {
        return runDeterministic(config, driver, requests, FaultPlan.NONE);
    }

    /** {@link #runDeterministic(TxConfig, Driver, SendHistory)} with injected sender faults. */
    public static Result runDeterministic(TxConfig config, Driver driver, SendHistory requests, FaultPlan faults) {
        long total = totalPackets(requests);
        if (total > (1 << 26)) {
            throw new InvalidInputException("requests", total + " packets; --deterministic holds at most " + (1 << 26));
        }
        TxConfig sized = config.withRingSize((int) Math.max(config.ringSize(), total));
        SendPath path = newPath(sized, driver);
        long[] clock = {0};
        RecordingWire wire = new RecordingWire((int) total, () -> clock[0]++);
        SimulatedNic nic = new SimulatedNic(path, sized.scheduler(), wire, sized.mutants());
        long start = System.nanoTime();
        TxRequest r = new TxRequest();
        for (int row = 0; row < requests.size(); row++) {
            sendOne(path, requests, row, requests.load(row, r), faults, StepProbe.NONE, () -> clock[0]++);
        }
        nic.drainNow();
        boolean drained = true;
        for (var g : path.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                drained &= path.ring(g.index(), q).consumed() == path.ring(g.index(), q).tail();
            }
        }
        long nanos = System.nanoTime() - start;
        AuditReport audit = new OrderAudit(sized, path).audit(requests, wire, drained);
        return new Result(sized, path, requests, wire, nic, audit, drained, nanos);
    }

    /**
     * Joins the senders, watching the NIC: @return false when neither the NIC nor any sender made
     * progress for {@code stallMillis} while senders were still running.
     */
    static boolean awaitSenders(List<Thread> senders, SendPath path, long stallMillis)
            throws InterruptedException {
        long lastConsumed = -1;
        long lastProgress = System.nanoTime();
        for (Thread t : senders) {
            while (t.isAlive()) {
                t.join(5);
                long consumed = consumed(path);
                if (consumed != lastConsumed) {
                    lastConsumed = consumed;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stallMillis * 1_000_000L) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long consumed(SendPath path) {
        long n = 0;
        for (var g : path.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                n += path.ring(g.index(), q).consumed() + path.ring(g.index(), q).tail();
            }
        }
        return n;
    }

    /** {@code first}, then {@code second}, at every step. */
    private static StepProbe then(StepProbe first, StepProbe second) {
        return new StepProbe() {
            @Override
            public void before(Step step, int cpu) {
                first.before(step, cpu);
                second.before(step, cpu);
            }

            @Override
            public boolean mayWait() {
                return first.mayWait() && second.mayWait();
            }
        };
    }

    /** Lets the harness abandon senders that wait on a stalled NIC; costs one volatile read per wait. */
    static final class AbortProbe implements StepProbe {
        volatile boolean aborted;

        @Override
        public void before(Step step, int cpu) {
            if (step == Step.WAIT && aborted) {
                throw new Aborted();
            }
        }
    }

    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("abandoned: the NIC stalled", null, false, false);
        }
    }

    /**
     * Sends one request and records its begin, end and outcome; for a request that failed part-way,
     * also how many packets {@code faults} let it write first (the harness's record, not the driver's).
     */
    public static void sendOne(SendPath path, SendHistory h, int row, TxRequest r, FaultPlan faults, StepProbe probe,
                               LongSupplier clock) {
        FaultWitness witness = faults == FaultPlan.NONE ? null : new FaultWitness(faults);
        h.begin(row, clock.getAsLong());
        SendHistory.Outcome outcome;
        try {
            path.send(r, probe, witness == null ? faults : witness);
            outcome = SendHistory.Outcome.ACCEPTED;
        } catch (SenderFault e) {
            outcome = e.beforeReserving() ? SendHistory.Outcome.FAILED_BEFORE_RESERVING : SendHistory.Outcome.FAILED;
        } catch (InvalidInputException e) {
            outcome = SendHistory.Outcome.REJECTED;
        } catch (SendInterruptedException e) {
            outcome = SendHistory.Outcome.INTERRUPTED;
        }
        h.end(row, clock.getAsLong(), outcome, witness == null ? -1 : witness.failedAfter);
    }

    /** A fault plan that remembers where it made the sender fail: how many packets it had written. */
    static final class FaultWitness implements FaultPlan {
        private final FaultPlan plan;
        int failedAfter = -1;

        FaultWitness(FaultPlan plan) {
            this.plan = plan;
        }

        @Override
        public boolean failsBefore(TxRequest request, int packetsWritten) {
            boolean fails = plan.failsBefore(request, packetsWritten);
            if (fails) {
                failedAfter = packetsWritten;
            }
            return fails;
        }

        @Override
        public boolean failsBeforeReserve(TxRequest request) {
            return plan.failsBeforeReserve(request);
        }
    }

    /** Rows of each cpu, in stream order. */
    public static List<int[]> rowsPerCpu(SendHistory h) {
        int cpus = 0;
        for (int i = 0; i < h.size(); i++) {
            cpus = Math.max(cpus, h.cpu(i) + 1);
        }
        int[] counts = new int[cpus];
        for (int i = 0; i < h.size(); i++) {
            counts[h.cpu(i)]++;
        }
        List<int[]> rows = new ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            rows.add(new int[counts[c]]);
        }
        int[] fill = new int[cpus];
        for (int i = 0; i < h.size(); i++) {
            rows.get(h.cpu(i))[fill[h.cpu(i)]++] = i;
        }
        return rows;
    }

    public static long totalPackets(SendHistory h) {
        long n = 0;
        for (int i = 0; i < h.size(); i++) {
            n += h.packets(i);
        }
        return n;
    }
}
