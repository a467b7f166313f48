package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RealTimeSortTest {

    private static int[] reference(int[] rows, long[] key, long[] time) {
        return IntStream.of(rows).boxed()
                .sorted(Comparator.<Integer>comparingLong(r -> key[r]).thenComparingLong(r -> time[r]).thenComparingInt(r -> r))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void check(long timeSpread, int keys) {
        check(1_000_000, timeSpread, keys);
    }

    private static void check(long timeBase, long timeSpread, long keys) {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 5_000;
        long[] key = new long[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = rnd.nextLong(keys);
            time[i] = timeBase + rnd.nextLong(timeSpread);
        }
        int[] rows = IntStream.range(0, n).filter(i -> i % 3 != 0).toArray();
        int[] sorted = OrderAudit.sortBy(rows, r -> key[r], r -> time[r]);
        int[] expected = reference(rows, key, time);
        // Rows with equal (key, time) may come in either order; compare the (key, time) sequence.
        assertThat(IntStream.of(sorted).mapToObj(r -> key[r] + "@" + time[r]).toList())
                .isEqualTo(IntStream.of(expected).mapToObj(r -> key[r] + "@" + time[r]).toList());
        assertThat(IntStream.of(sorted).sorted().toArray()).isEqualTo(rows);
    }

    @Test
    void shouldSortByKeyThenTimeWhenTimesPackIntoLongs() {
        check(10_000_000_000L, 40);
    }

    @Test
    void shouldSortByKeyThenTimeWithManyTies() {
        check(50, 3);
    }

    @Test
    void shouldFallBackToMergeSortWhenTimesSpanTooManyBits() {
        check(Long.MAX_VALUE / 2, 40);
    }

    /** Only the order of times matters (SendHistory): a clock read long after its origin packs from its minimum. */
    @Test
    void shouldSortTimesFarFromZeroThatSpanFewBits() {
        check(1L << 56, 10_000_000_000L, 40);
        check(-(1L << 56), 10_000_000_000L, 40);
        // About 13 days of nanoseconds: shifted, the times themselves (not their distance from the
        // minimum) would cross the sign bit part-way through the range.
        check((1L << 50) - (1L << 31), 10_000_000_000L, 40);
    }

    /** Keys far apart (flow ids times a large sender number): no counting array as long as the largest key. */
    @Test
    void shouldFallBackToMergeSortWhenKeysAreSparse() {
        check(1_000_000, 10_000_000_000L, 1L << 40);
    }

    /** Negative and positive times whose span, not their size, is too wide to pack. */
    @Test
    void shouldFallBackToMergeSortWhenNegativeAndPositiveTimesSpanTooManyBits() {
        check(-(1L << 55), 1L << 56, 40);
    }
}
