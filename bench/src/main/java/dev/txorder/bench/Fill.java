package dev.txorder.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The driver's own work per packet that the benchmark stands in for: in a real driver, while it
 * writes a descriptor it maps the buffer for DMA, formats the descriptor and may ring a doorbell,
 * some hundreds of nanoseconds per packet. This is the work the prior art does inside its one lock
 * and several queues do side by side, so it is where the patent's claim can show; with an empty
 * fill the benchmarks measure only the protocols.
 *
 * <p>The work is {@link Blackhole#consumeCPU}, calibrated once per JVM: how many of its tokens take a
 * nanosecond on this machine, measured over a few million tokens (the median of several timings), so
 * that {@code fillNs} means about that many nanoseconds of one core's time per packet.
 */
final class Fill {
    /** No work: the protocol alone. */
    static final Fill NONE = new Fill(0, 0, 0);

    private static volatile double tokensPerNs;

    final int fillNs;
    final long tokens;
    final double calibration;

    private Fill(int fillNs, long tokens, double calibration) {
        this.fillNs = fillNs;
        this.tokens = tokens;
        this.calibration = calibration;
    }

    /** About {@code fillNs} nanoseconds of work per packet (calibrated on first use in this JVM). */
    static Fill of(int fillNs) {
        if (fillNs < 0) {
            throw new IllegalArgumentException("fillNs " + fillNs + "; allowed: 0 or more nanoseconds");
        }
        if (fillNs == 0) {
            return NONE;
        }
        double perNs = calibrate();
        return new Fill(fillNs, Math.max(1, Math.round(fillNs * perNs)), perNs);
    }

    /** One packet's work. */
    void work() {
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
    }

    private static double calibrate() {
        double perNs = tokensPerNs;
        if (perNs > 0) {
            return perNs;
        }
        long tokens = 1 << 20;
        for (int i = 0; i < 5; i++) {
            Blackhole.consumeCPU(tokens); // warm up the loop before it is timed
        }
        long[] nanos = new long[9];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            Blackhole.consumeCPU(tokens);
            nanos[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(nanos);
        perNs = (double) tokens / Math.max(1, nanos[nanos.length / 2]);
        tokensPerNs = perNs;
        return perNs;
    }

    @Override
    public String toString() {
        return fillNs == 0 ? "no fill" : String.format(java.util.Locale.ROOT, "%d ns per packet = %d consumeCPU tokens (%.3f tokens/ns)",
                fillNs, tokens, calibration);
    }
}
