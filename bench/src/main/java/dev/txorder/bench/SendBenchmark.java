package dev.txorder.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end: JMH's threads are the senders, each calling {@code send} with a request of
 * {@code array} packets, and one consumer thread outside JMH (the {@code SimulatedNic}, or the
 * peer's consumer) drains and counts. The score is requests per second; the {@code packets}
 * counter gives packets per second. The subclass fixes the topology (how many senders);
 * {@link UnderTest} the implementation.
 *
 * <p>Many short forks rather than a few long ones: with more busy threads than cores, which
 * threads the OS puts on one core settles per fork and moves a row's rate by up to 10x, staying
 * there for seconds; only several forks sample those placements (report their median).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public abstract class SendBenchmark {

    @Benchmark
    public void send(UnderTest target, Sender sender) {
        target.pipe.send(sender);
    }
}
