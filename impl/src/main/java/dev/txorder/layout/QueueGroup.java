package dev.txorder.layout;

import java.util.Arrays;

/**
 * One priority group: the priorities it serves and its {@code k >= 1} transmit queues.
 *
 * <p>Queues are numbered twice: {@code 0..k-1} inside the group (the number on the wire and in
 * the TLA+ spec) and {@code firstQueue()..firstQueue()+k-1} across the adapter.
 */
public final class QueueGroup {
    private final int index;
    private final int[] priorities;
    private final int queueCount;
    private final int firstQueue;

    QueueGroup(int index, int[] priorities, int queueCount, int firstQueue) {
        this.index = index;
        this.priorities = priorities.clone();
        this.queueCount = queueCount;
        this.firstQueue = firstQueue;
    }

    /** The group number; a higher number is a higher priority (IEEE 802.1Q strict selection). */
    public int index() {
        return index;
    }

    /** The priorities mapped to this group, ascending. */
    public int[] priorities() {
        return priorities.clone();
    }

    /** k, the number of transmit queues of this group. */
    public int queueCount() {
        return queueCount;
    }

    /** The adapter-wide number of this group's queue 0. */
    public int firstQueue() {
        return firstQueue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueGroup g && g.index == index && g.queueCount == queueCount
                && g.firstQueue == firstQueue && Arrays.equals(g.priorities, priorities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + queueCount) + Arrays.hashCode(priorities);
    }

    @Override
    public String toString() {
        return "group " + index + " " + Layout.rangeNotation(priorities) + "x" + queueCount;
    }
}
