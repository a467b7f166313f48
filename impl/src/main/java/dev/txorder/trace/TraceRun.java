package dev.txorder.trace;

import dev.txorder.InvalidInputException;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxDriver;
import dev.txorder.sim.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A recorded run for TLA+ trace validation: the real {@link TxDriver} and NIC on real threads
 * (one sender per cpu, the NIC on its own), through {@link Simulation}'s harness, with the action
 * log on. A seeded jitter probe makes each sender sometimes yield or park for a few microseconds
 * before its Assign, Reserve and Write steps, so that runs interleave in many ways; a seeded
 * {@link FaultPlan} makes some requests fail part-way. Under a mutant that stalls the NIC (M6),
 * senders blocked on a full ring are abandoned as in {@link Simulation} and the log is returned all
 * the same.
 *
 * <pre>
 *   SendHistory h = RandomRequests.generate(layout, 30, 2, 3, 6, seed);
 *   TraceRun.Result t = TraceRun.run(config, h, seed, 2, 500);
 *   t.write(Path.of("run.ndjson"));        // txorder-trace/1, see TraceFile
 * </pre>
 * The jitter and fault choices are reproducible from the seed; the interleaving, chosen by the OS,
 * is not: that is the point, and the log records the one that happened.
 */
public final class TraceRun {

    /**
     * What a trace run recorded.
     *
     * @param header     the log's header line
     * @param log        the recorder, holding the events in log order
     * @param history    the requests with their begin, end and outcome
     * @param audit      the order audit of the wire ({@link Simulation}'s)
     * @param simulation everything else about the run (wire, NIC counters, drained, time)
     */
    public record Result(TraceHeader header, ActionLog log, SendHistory history, AuditReport audit,
                         Simulation.Result simulation) {
        /** The events in log order. */
        public List<TraceEvent> events() {
            return log.events();
        }

        /** Whether every ring drained (false: the NIC stalled). */
        public boolean drained() {
            return simulation.drained();
        }

        /** Writes the log as {@value TraceFile#FORMAT} NDJSON. */
        public void write(Path file) throws IOException {
            TraceFile.write(file, header, events());
        }
    }

    private TraceRun() {
    }

    /** {@link #run(TxConfig, SendHistory, long, int, long)} with {@link Simulation#DEFAULT_STALL_MILLIS}. */
    public static Result run(TxConfig config, SendHistory requests, long seed, int faults) throws InterruptedException {
        return run(config, requests, seed, faults, Simulation.DEFAULT_STALL_MILLIS);
    }

    /**
     * Runs {@code requests} on real threads with recording on.
     *
     * @param seed        seeds the jitter of each cpu and the choice of faults
     * @param faults      how many requests fail part-way (0..requests)
     * @param stallMillis how long the NIC may make no progress before it counts as stalled
     * @throws InvalidInputException naming {@code faults} when there are not that many requests
     */
    public static Result run(TxConfig config, SendHistory requests, long seed, int faults, long stallMillis)
            throws InterruptedException {
        SplittableRandom root = new SplittableRandom(seed);
        FaultPlan plan = faultPlan(requests, faults, root.nextLong());
        int cpus = Simulation.rowsPerCpu(requests).size();
        long[] jitterSeeds = new long[cpus];
        for (int c = 0; c < cpus; c++) {
            jitterSeeds[c] = root.nextLong();
        }
        ActionLog log = new ActionLog();
        TxDriver path = new TxDriver(config, log);
        Simulation.Result r = Simulation.run(config, path, log, requests, plan, stallMillis,
                cpu -> new Jitter(jitterSeeds[cpu]));
        return new Result(TraceHeader.of(config, cpus), log, requests, r.audit(), r);
    }

    /**
     * As {@link #run(TxConfig, SendHistory, long, int, long)} for a driver chosen by name, so that a
     * command line can refuse the prior art in one place: only the patent's driver is traced.
     *
     * @throws InvalidInputException naming {@code driver} for {@link Simulation.Driver#SINGLE_QUEUE}
     */
    public static Result run(TxConfig config, Simulation.Driver driver, SendHistory requests, long seed, int faults,
                             long stallMillis) throws InterruptedException {
        if (driver != Simulation.Driver.TXORDER) {
            throw new InvalidInputException("driver", driver + " is not traced: the action log records the "
                    + "patent's driver only; allowed: " + Simulation.Driver.TXORDER);
        }
        return run(config, requests, seed, faults, stallMillis);
    }

    /**
     * A plan in which {@code faults} distinct requests of {@code requests}, chosen from {@code seed},
     * each fail before one of their packets (uniform in 0..packets-1 packets written). Thread-safe.
     */
    public static FaultPlan faultPlan(SendHistory requests, int faults, long seed) {
        if (faults < 0 || faults > requests.size()) {
            throw new InvalidInputException("faults", faults + "; allowed 0.." + requests.size()
                    + " (the number of requests)");
        }
        if (faults == 0) {
            return FaultPlan.NONE;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] rows = new int[requests.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        // The first `faults` of a partial Fisher-Yates shuffle.
        long[][] chosen = new long[faults][];
        for (int i = 0; i < faults; i++) {
            int j = i + rnd.nextInt(rows.length - i);
            int row = rows[j];
            rows[j] = rows[i];
            rows[i] = row;
            chosen[i] = new long[] {requests.id(row), rnd.nextInt(requests.packets(row))};
        }
        Arrays.sort(chosen, (a, b) -> Long.compare(a[0], b[0]));
        long[] ids = new long[faults];
        int[] at = new int[faults];
        for (int i = 0; i < faults; i++) {
            ids[i] = chosen[i][0];
            at[i] = (int) chosen[i][1];
        }
        return (TxRequest r, int written) -> {
            int i = Arrays.binarySearch(ids, r.id);
            return i >= 0 && at[i] == written;
        };
    }

    /**
     * The jitter of one sender: before Assign, Reserve and Write, yields (3 in 16) or parks 1-20 µs
     * (2 in 16); waits and faults are left alone. One instance per sender thread.
     */
    static final class Jitter implements StepProbe {
        private final SplittableRandom rnd;

        Jitter(long seed) {
            this.rnd = new SplittableRandom(seed);
        }

        @Override
        public void before(Step step, int cpu) {
            if (step != Step.ASSIGN && step != Step.RESERVE && step != Step.WRITE) {
                return;
            }
            int x = rnd.nextInt(16);
            if (x < 3) {
                Thread.yield();
            } else if (x < 5) {
                LockSupport.parkNanos(1_000 + rnd.nextInt(19_000));
            }
        }
    }
}
