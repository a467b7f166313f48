package dev.txorder.spec.trace;

import dev.txorder.TxConfig;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.trace.TraceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One trace-validated run: the real driver and NIC on real threads with recording on
 * ({@link TraceRun}), then TLC on the log ({@link TraceValidator}). Shared by {@code txorder trace}
 * and the {@code trace} gate of {@code txorder verify}.
 */
public final class TraceCheck {
    /** Destinations of a trace workload: few, so that flows repeat within tens of requests. */
    public static final int DESTINATIONS = 6;

    /** What one run did and what TLC said of its log. */
    public record Outcome(TraceRun.Result run, TraceVerdict verdict, double runSeconds) {
    }

    private TraceCheck() {
    }

    /** The workload of a trace run: request i on cpu i mod cpus, flows over {@value #DESTINATIONS} destinations. */
    public static SendHistory workload(Layout layout, int requests, int cpus, int arrayMax, long seed) {
        return RandomRequests.generate(layout, requests, cpus, arrayMax, DESTINATIONS, seed);
    }

    /**
     * Runs {@code requests} under {@code config} with {@code faults} sender faults, records, and
     * validates the log against the spec with {@code specMutant} switched on.
     *
     * @param name where TLC works, under the validator's root (one per run)
     * @param keep a folder to write the log into ({@code name.ndjson}), or null
     */
    public static Outcome run(TraceValidator validator, String name, TxConfig config, SendHistory requests,
                              long seed, int faults, long stallMillis, String specMutant, Path keep)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        TraceRun.Result run = TraceRun.run(config, requests, seed, faults, stallMillis);
        double runSeconds = (System.nanoTime() - start) / 1e9;
        if (keep != null) {
            run.write(Files.createDirectories(keep).resolve(name + ".ndjson"));
        }
        TraceVerdict verdict = validator.validate(name, run.header(), run.events(), specMutant);
        return new Outcome(run, verdict, runSeconds);
    }
}
