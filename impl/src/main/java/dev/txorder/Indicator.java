package dev.txorder;

/**
 * Where the adapter finds the next packet of a {@code next} group (patent ¶0051-0054).
 *
 * <p>{@code NONE} marks descriptors of {@code hash} groups, where the adapter follows no indicator
 * (written {@code -} in wire files).
 */
public enum Indicator {
    /** The adapter's next packet is in this same queue: a non-final packet of an array. */
    CURRENT,
    /** Advance to the next queue in the sequence: a single packet, or the final packet of an array. */
    NEXT,
    /** No indicator: a {@code hash} group. */
    NONE;

    private static final Indicator[] VALUES = values();

    /** The indicator whose ordinal is {@code code}; descriptors store indicators as small ints. */
    public static Indicator ofCode(int code) {
        return VALUES[code];
    }

    /** How wire files write it: {@code CURRENT}, {@code NEXT} or {@code -}. */
    public String wireName() {
        return this == NONE ? "-" : name();
    }
}
