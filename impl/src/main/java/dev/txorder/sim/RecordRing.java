package dev.txorder.sim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer queue of fixed-size records of longs, with no object
 * per record: how a live run's events (a sender's begins and ends, the NIC's packets) reach the
 * streaming audit on its own thread.
 *
 * <pre>
 *   producer: i = claim();  put(i, field, v) ...;  publish();      (waits while full)
 *   consumer: n = available();  get(i, field) for i in [0, n);  release(n);
 * </pre>
 * {@code publish} is a release store of the producer's count and {@code available} its acquire
 * load, so the consumer sees a record's fields once it sees the record; {@code release} hands the
 * space back the same way. The two counters sit on their own cache lines.
 */
final class RecordRing {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PAD = 16;
    private static final int PRODUCED = PAD;
    private static final int CONSUMED = 3 * PAD;

    private final long[] data;
    private final int width;
    private final int mask;
    private final long[] counters = new long[4 * PAD];
    /** Producer's own copies: the next record it writes, and the consumer's count as last read. */
    private long produced;
    private long consumedSeen;
    /** Consumer's own copy of its count. */
    private long consumed;

    /** @param capacity records, a power of two; {@code width} longs each */
    RecordRing(int capacity, int width) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.data = new long[capacity * width];
        this.width = width;
        this.mask = capacity - 1;
    }

    /**
     * Producer: the base index of the next record, waiting while the ring is full.
     *
     * @param stop polled while waiting; when it says so the wait ends with -1
     */
    int claim(java.util.function.BooleanSupplier stop) {
        int spins = 0;
        while (produced - consumedSeen > mask) {
            consumedSeen = (long) LONGS.getAcquire(counters, CONSUMED);
            if (produced - consumedSeen > mask) {
                if (stop.getAsBoolean()) {
                    return -1;
                }
                idle(spins++);
            }
        }
        return (int) (produced & mask) * width;
    }

    void put(int base, int field, long value) {
        data[base + field] = value;
    }

    /** Producer: makes the claimed record visible to the consumer. */
    void publish() {
        LONGS.setRelease(counters, PRODUCED, ++produced);
    }

    /** Consumer: records ready to read, from the oldest. */
    int available() {
        return (int) ((long) LONGS.getAcquire(counters, PRODUCED) - consumed);
    }

    /** Consumer: field {@code field} of the {@code i}-th record ready to read. */
    long get(int i, int field) {
        return data[(int) ((consumed + i) & mask) * width + field];
    }

    /** Consumer: the first {@code n} records are read; their space goes back to the producer. */
    void release(int n) {
        consumed += n;
        LONGS.setRelease(counters, CONSUMED, consumed);
    }

    /** Spin, then yield, then park briefly: the audit thread shares two cores with the run. */
    static void idle(int spins) {
        if (spins < 32) {
            Thread.onSpinWait();
        } else if (spins < 256) {
            Thread.yield();
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
    }
}
