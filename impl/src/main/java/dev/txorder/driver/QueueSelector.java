package dev.txorder.driver;

/** The {@code hash} policy's flow-key -> queue functions. */
public final class QueueSelector {
    private QueueSelector() {
    }

    /**
     * The patent's rule (¶0033-0037): the destination MAC's last octet mod k; for a power-of-two
     * k that is its low log2(k) bits ({@code ..:03} -> 3 of 4, {@code ..:0e} -> 2, {@code ..:04} -> 0).
     */
    public static int byMac(long dstMac, int k) {
        return (int) (dstMac & 0xff) % k;
    }

    /** A strong 64-bit mix (the SplitMix64 finalizer constants) of {@code key}, mod k. */
    public static int mix(long key, int k) {
        long z = key + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Long.remainderUnsigned(z, k);
    }
}
