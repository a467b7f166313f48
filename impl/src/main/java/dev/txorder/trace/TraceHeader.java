package dev.txorder.trace;

import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import java.util.List;
import java.util.Locale;

/**
 * Line 1 of a {@code txorder-trace/1} log: what the run was, so that the trace spec can set its
 * constants.
 *
 * @param format    {@value TraceFile#FORMAT}
 * @param layout    the layout in txorder's own notation ({@code Layout.notation()})
 * @param policy    {@code next} or {@code hash}
 * @param scheduler {@code strict} or {@code wrr:W0,W1,...}
 * @param hashKey   {@code mac} or {@code flow}
 * @param ringSize  descriptors per queue (backpressure starts there)
 * @param cpus      sender threads (cpus 0..cpus-1)
 * @param mutants   e.g. {@code ["M2"]}; empty for the correct design
 */
public record TraceHeader(String format, String layout, String policy, String scheduler, String hashKey,
                          int ringSize, int cpus, List<String> mutants) {

    public TraceHeader {
        mutants = List.copyOf(mutants);
    }

    /** The header of a run of {@code config} with {@code cpus} senders. */
    public static TraceHeader of(TxConfig config, int cpus) {
        return new TraceHeader(TraceFile.FORMAT, config.layout().notation(),
                config.policy().name().toLowerCase(Locale.ROOT), config.scheduler().toString(),
                config.hashKey().name().toLowerCase(Locale.ROOT), config.ringSize(), cpus,
                config.mutants().stream().sorted().map(Mutant::name).toList());
    }
}
