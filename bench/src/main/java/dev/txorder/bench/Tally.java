package dev.txorder.bench;

/**
 * What every consumer does per packet: count it and fold its request id and index into a checksum,
 * so that its reads of the descriptor stay live, as a real adapter's DMA reads would.
 *
 * <p>The two words sit in the middle of a padded array, on cache lines of their own: they are
 * written per packet, and the objects next to a consumer in the heap (the pipe, whose fields every
 * sender reads per send) must not share their line. Written by the consumer thread only. Nothing
 * reads them back, but they are heap stores, so the compiler keeps them and the descriptor reads
 * that feed them.
 */
final class Tally {
    private static final int PAD = 16;
    private static final int PACKETS = PAD;
    private static final int CHECKSUM = PAD + 1;

    private final long[] words = new long[CHECKSUM + 1 + PAD];

    void add(long request, int packet) {
        words[PACKETS]++;
        words[CHECKSUM] += request * 31 + packet;
    }
}
