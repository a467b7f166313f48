package dev.txorder.cli.verify;

import dev.txorder.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which part of the gates' work one machine does: shard {@code index} of {@code count}
 * ({@code verify --shard 2/3}). Each gate lists its work (models, test classes, runs, stress tests)
 * in a fixed order and takes the items whose position falls to this shard, round robin; the round
 * starts at a different shard for each gate, so that gates with fewer items than shards do not all
 * land on the first. The shards together take every item exactly once, which {@code report merge}
 * checks before it joins their reports.
 */
public record Shard(int index, int count) {
    /** The whole of the work: an unsharded run. */
    public static final Shard WHOLE = new Shard(1, 1);

    /** The gates in the order whose positions set each gate's starting shard. */
    static final List<String> GATES = List.of("properties", "lincheck", "tlc", "proofs", "trace", "jcstress");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidInputException("shard", index + "/" + count + "; allowed: I/N with 1 <= I <= N, e.g. 1/2");
        }
    }

    /** Parses {@code I/N}, e.g. {@code 2/3}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidInputException("shard", "'" + text + "'; allowed: I/N with whole numbers 1 <= I <= N, e.g. 1/2");
    }

    public boolean whole() {
        return count == 1;
    }

    /** The items of {@code gate}'s work that fall to this shard, in their order. */
    public <T> List<T> slice(String gate, List<T> items) {
        int start = Math.max(0, GATES.indexOf(gate));
        List<T> mine = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            if ((k + start) % count == index - 1) {
                mine.add(items.get(k));
            }
        }
        return mine;
    }

    /** The {@link Work} of {@code gate} in this shard: {@code items} named by {@code name}. */
    <T> Work work(String gate, List<T> items, Function<T, String> name) {
        return new Work(items.size(), slice(gate, items).stream().map(name).toList());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
