package dev.txorder;

/** The flow key a {@code hash} group hashes to pick a queue. */
public enum HashKey {
    /**
     * The patent's rule (¶0031-0034, worked through in ¶0039-0042): the last octet of the
     * destination MAC mod k, which for a power-of-two k is its low log2(k) bits ({@code ..:03} ->
     * queue 3 of 4, {@code ..:0E} -> 2).
     */
    MAC,
    /** A strong 64-bit mix of the flow id, mod k. */
    FLOW;

    public static HashKey parse(String text) {
        if (text != null) {
            for (HashKey k : values()) {
                if (k.name().equalsIgnoreCase(text.strip())) {
                    return k;
                }
            }
        }
        throw new InvalidInputException("hash-key", "'" + text + "' is not a hash key; allowed: mac, flow");
    }
}
