package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code hash} policy's flow-key functions as values: the patent's MAC rule on its own examples
 * and on a queue count that is not a power of two, and the flow mix against an independent
 * SplitMix64 (the JDK's {@link SplittableRandom}, whose first output from seed s is the SplitMix64
 * finalizer of {@code s + 0x9E3779B97F4A7C15}). A flow's queue must not depend on the build: a trace
 * or a wire file names queues, and another implementation replaying it must pick the same ones.
 */
class QueueSelectorTest {

    @Test
    void shouldTakeTheLastOctetOfTheDestinationMacModK() {
        // The patent's examples (¶0033-0037), k = 4.
        assertThat(QueueSelector.byMac(0x02_00_00_00_00_03L, 4)).isEqualTo(3);
        assertThat(QueueSelector.byMac(0x02_00_00_00_00_0EL, 4)).isEqualTo(2);
        assertThat(QueueSelector.byMac(0x02_00_00_00_00_04L, 4)).isEqualTo(0);
        // Only the last octet counts, whatever the others: 0x05 mod 3, 0xFF mod 7, 0xFF mod 256.
        assertThat(QueueSelector.byMac(0xFF_FF_FF_FF_FF_05L, 3)).isEqualTo(2);
        assertThat(QueueSelector.byMac(0x00_00_00_00_01_05L, 3)).isEqualTo(2);
        assertThat(QueueSelector.byMac(0x12_34_56_78_9A_FFL, 7)).isEqualTo(3);
        assertThat(QueueSelector.byMac(0x12_34_56_78_9A_FFL, 256)).isEqualTo(255);
        assertThat(QueueSelector.byMac(0x12_34_56_78_9A_FFL, 1)).isZero();
    }

    @Test
    void shouldMixAFlowKeyAsSplitMix64ModK() {
        // A known SplitMix64 value: seed 0's first output.
        assertThat(QueueSelector.mix(0L, Integer.MAX_VALUE))
                .isEqualTo((int) Long.remainderUnsigned(0xE220A8397B1DCDAFL, Integer.MAX_VALUE));
        long[] keys = {0L, 1L, 2L, 42L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x02_00_00_00_00_10L,
            0x9E3779B97F4A7C15L, -0x9E3779B97F4A7C15L};
        int[] ks = {1, 2, 3, 4, 7, 16, 1_000_003, Integer.MAX_VALUE};
        for (long key : keys) {
            long expected = new SplittableRandom(key).nextLong();
            for (int k : ks) {
                assertThat(QueueSelector.mix(key, k)).as("key %d, k %d", key, k)
                        .isEqualTo((int) Long.remainderUnsigned(expected, k));
            }
        }
        SplittableRandom keysFrom = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            long key = keysFrom.nextLong();
            assertThat(QueueSelector.mix(key, Integer.MAX_VALUE)).as("key %d", key)
                    .isEqualTo((int) Long.remainderUnsigned(new SplittableRandom(key).nextLong(), Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldSpreadConsecutiveFlowsEvenlyOverTheQueues() {
        // Consecutive flow ids, as RandomRequests makes them: each of 4 queues gets close to a quarter.
        int[] perQueue = new int[4];
        for (long flow = 0; flow < 4_000; flow++) {
            perQueue[QueueSelector.mix(flow, 4)]++;
        }
        for (int q = 0; q < perQueue.length; q++) {
            assertThat(perQueue[q]).as("flows on queue %d", q).isBetween(900, 1_100);
        }
    }
}
