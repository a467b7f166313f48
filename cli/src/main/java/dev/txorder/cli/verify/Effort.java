package dev.txorder.cli.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How hard a gate looked, in the units of its tool: {@code 12,345 states, 9 models}, {@code 1,200
 * examples}, {@code 3,456,789 samples}. Amounts add up, so that the shards of a gate merge into the
 * figure one machine would have reported; {@link #text} is for figures that do not add up (the kill
 * matrix's "7 of 10 caught"), which are computed again after a merge, never merged.
 *
 * @param amounts per unit, in the order they are shown
 * @param text    the figure in words when it is not a sum of amounts, else null
 */
public record Effort(Map<String, Long> amounts, String text) {
    /** A gate that counted nothing (it could not run): shown as {@code -}. */
    public static final Effort NONE = new Effort(Map.of(), null);

    public Effort {
        amounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    public static Effort of(long amount, String unit) {
        return NONE.and(amount, unit);
    }

    /** A figure in words that does not add up across shards. */
    static Effort described(String text) {
        return new Effort(Map.of(), text);
    }

    /** This effort and {@code amount} more {@code unit}s. */
    public Effort and(long amount, String unit) {
        Map<String, Long> sum = new LinkedHashMap<>(amounts);
        sum.merge(unit, amount, Long::sum);
        return new Effort(sum, text);
    }

    /** The sum of two efforts, unit by unit; a figure in words does not add up. */
    public Effort plus(Effort other) {
        if (text != null || other.text != null) {
            throw new IllegalArgumentException("'" + this + "' and '" + other + "' are not amounts; they do not add up");
        }
        Effort sum = this;
        for (Map.Entry<String, Long> e : other.amounts.entrySet()) {
            sum = sum.and(e.getValue(), e.getKey());
        }
        return sum;
    }

    @Override
    public String toString() {
        if (text != null) {
            return text;
        }
        return amounts.isEmpty() ? "-" : amounts.entrySet().stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}
