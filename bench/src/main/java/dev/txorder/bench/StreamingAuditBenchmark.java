package dev.txorder.bench;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.SendHistory;
import dev.txorder.audit.StreamingAudit;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The streaming audit's own speed, on one thread: a recorded run of {@value #PACKETS} packets
 * (two groups, arrays of 1..8, 64 flows, from real sender threads) replayed into it, begins and
 * ends interleaved with the packets as a live harness delivers them. The score is packets per
 * second; it must be at least the rate at which a live run produces them (the soak prints that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StreamingAuditBenchmark {
    static final int PACKETS = 1 << 20;

    @Param({"next", "hash"})
    public String policy;

    private Simulation.Result run;

    @Setup(Level.Trial)
    public void record() throws InterruptedException {
        Layout layout = Layout.parse("0-3x2,4-7x3");
        TxConfig config = TxConfig.of(layout, AssignmentPolicy.parse(policy)).withScheduler(Scheduler.wrr(2, 1));
        // Arrays of 1..8 packets (4.5 on average), the last one cut so that the run has exactly PACKETS.
        SendHistory generated = RandomRequests.generate(layout, PACKETS / 4, 2, 8, 1);
        SendHistory history = new SendHistory(PACKETS / 4);
        TxRequest r = new TxRequest();
        for (int i = 0, total = 0; total < PACKETS; i++) {
            generated.load(i, r);
            r.packets = Math.min(r.packets, PACKETS - total);
            total += r.packets;
            history.add(r);
        }
        run = Simulation.run(config, Simulation.Driver.TXORDER, history, (q, w) -> false, 2_000);
        if (run.wire().size() != PACKETS) {
            throw new IllegalStateException(run.wire().size() + " packets on the wire, not " + PACKETS);
        }
        if (!run.audit().holds()) {
            throw new IllegalStateException("the recorded run must hold: " + run.audit());
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public AuditReport replay() {
        return StreamingAudit.replay(run.config(), run.history(), run.wire(), true, run.path(), 1);
    }
}
