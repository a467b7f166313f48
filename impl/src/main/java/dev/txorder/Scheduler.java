package dev.txorder;

import java.util.Arrays;

/**
 * How the adapter chooses between queue groups.
 *
 * <p>{@link #STRICT}: the highest non-empty group first (IEEE 802.1Q strict selection; a higher
 * group number is a higher priority). {@code wrr:W0,W1,..}: weighted round robin; a round visits
 * the groups from the highest down and serves group g up to Wg packets while it is ready; weights
 * count packets, and a group whose cursor slot is not yet written is not ready.
 */
public final class Scheduler {
    public enum Kind { STRICT, WRR }

    public static final Scheduler STRICT = new Scheduler(Kind.STRICT, new int[0]);

    private final Kind kind;
    private final int[] weights;

    private Scheduler(Kind kind, int[] weights) {
        this.kind = kind;
        this.weights = weights;
    }

    /** Weighted round robin with weight {@code weights[g]} for group g; every weight >= 1. */
    public static Scheduler wrr(int... weights) {
        if (weights.length == 0) {
            throw new InvalidInputException("scheduler", "wrr needs one weight per group, e.g. wrr:1,2");
        }
        for (int g = 0; g < weights.length; g++) {
            if (weights[g] < 1 || weights[g] > 1_000_000) {
                throw new InvalidInputException("scheduler", "weight of group " + g + " is " + weights[g]
                        + "; allowed 1..1000000");
            }
        }
        return new Scheduler(Kind.WRR, weights.clone());
    }

    /** {@code strict} or {@code wrr:W0,W1,...}. */
    public static Scheduler parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("strict")) {
            return STRICT;
        }
        if (t.regionMatches(true, 0, "wrr:", 0, 4)) {
            String[] parts = t.substring(4).split(",", -1);
            int[] w = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    w[i] = Integer.parseInt(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("scheduler", "weight " + i + " '" + parts[i].strip()
                            + "' is not a whole number; expected wrr:W0,W1,... e.g. wrr:1,2");
                }
            }
            return wrr(w);
        }
        throw new InvalidInputException("scheduler", "'" + text + "' is not a scheduler; allowed: strict, wrr:W0,W1,...");
    }

    /** Checks that a WRR scheduler has exactly one weight per group. */
    public Scheduler checkFits(int groupCount) {
        if (kind == Kind.WRR && weights.length != groupCount) {
            throw new InvalidInputException("scheduler", "wrr has " + weights.length + " weights but the layout has "
                    + groupCount + " groups; give one weight per group");
        }
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public int weight(int group) {
        return weights[group];
    }

    @Override
    public String toString() {
        if (kind == Kind.STRICT) {
            return "strict";
        }
        return "wrr:" + String.join(",", Arrays.stream(weights).mapToObj(Integer::toString).toArray(String[]::new));
    }
}
