package dev.txorder.cli.verify;

import java.util.List;

/**
 * What a gate had to do and which part of it this run took: the gate's {@code planned} items
 * (models, test classes, runs, stress tests) and the names of those it ran. In an unsharded run it
 * took them all; in a shard, its slice, possibly none.
 */
public record Work(int planned, List<String> items) {
    /** A gate that did not say what its work was (a gate of a test, or one that could not list it). */
    public static final Work UNLISTED = new Work(-1, List.of());

    public Work {
        items = List.copyOf(items);
    }

    /** This shard had none of the gate's work: the gate did not run here, on purpose. */
    public boolean noneHere() {
        return planned > 0 && items.isEmpty();
    }
}
