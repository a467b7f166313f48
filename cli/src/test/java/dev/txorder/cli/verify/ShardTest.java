package dev.txorder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shouldGiveEveryItemOfEveryGateToExactlyOneShard() {
        for (String gate : List.of("properties", "lincheck", "tlc", "proofs", "trace", "jcstress", "a gate of a test")) {
            for (int n = 1; n <= 5; n++) {
                for (int size = 0; size <= 12; size++) {
                    List<Integer> items = IntStream.range(0, size).boxed().toList();
                    List<Integer> all = new ArrayList<>();
                    Set<Integer> seen = new HashSet<>();
                    for (int i = 1; i <= n; i++) {
                        List<Integer> slice = new Shard(i, n).slice(gate, items);
                        assertThat(slice).as("in order").isSorted();
                        assertThat(slice.size()).as("balanced").isBetween(size / n, size / n + 1);
                        for (int x : slice) {
                            assertThat(seen.add(x)).as("%s: %d in two shards of %d", gate, x, n).isTrue();
                        }
                        all.addAll(slice);
                    }
                    assertThat(all).containsExactlyInAnyOrderElementsOf(items);
                }
            }
        }
    }

    @Test
    void shouldStartEachGatesRoundAtADifferentShard() {
        // With one item per gate and two shards, not every gate lands on shard 1.
        List<String> first = Shard.GATES.stream().filter(g -> !new Shard(1, 2).slice(g, List.of("x")).isEmpty()).toList();
        assertThat(first).isNotEmpty().hasSizeLessThan(Shard.GATES.size());
        assertThat(Shard.WHOLE.slice("tlc", List.of(1, 2, 3))).containsExactly(1, 2, 3);
        assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
        assertThat(new Shard(2, 3).work("tlc", List.of("a", "b", "c"), s -> s).planned()).isEqualTo(3);
    }
}
