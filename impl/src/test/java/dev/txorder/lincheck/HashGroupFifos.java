package dev.txorder.lincheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequential specification of a {@code hash} group of {@link HashGroupUnderTest#QUEUES} queues: one
 * FIFO per queue, flow {@code f} in FIFO {@code f mod k} (FlowAffinity, FlowOrder, NoLoss,
 * NoDuplicate). Order across queues is not promised, but a sequential specification must return
 * one value, so {@code transmit} takes the adapter's documented choice: round robin over the
 * non-empty FIFOs, starting after the queue it served last.
 *
 * <p>That choice is exact only for one-packet requests. For an array, the adapter may serve queue
 * B while the rest of an array in queue A is reserved but not yet written; the array's first
 * packet is already out, so its request is linearized and a FIFO-based round robin would insist
 * on A. No deterministic specification can tell those two apart, so arrays are checked under
 * {@code next} ({@link NextGroupFifo}), where the adapter waits instead.
 */
public final class HashGroupFifos {
    private final List<ArrayDeque<String>> queues = new ArrayList<>();
    private int cursor;

    public HashGroupFifos() {
        for (int q = 0; q < HashGroupUnderTest.QUEUES; q++) {
            queues.add(new ArrayDeque<>());
        }
    }

    public void send(long id, int flow) {
        queues.get(flow % queues.size()).addLast(NicPort.packet(id, 1));
    }

    public String transmit() {
        for (int i = 0; i < queues.size(); i++) {
            int q = (cursor + i) % queues.size();
            if (!queues.get(q).isEmpty()) {
                cursor = (q + 1) % queues.size();
                return queues.get(q).pollFirst();
            }
        }
        return NicPort.NONE;
    }
}
