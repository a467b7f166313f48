package dev.txorder.lincheck;

import java.util.ArrayDeque;

/**
 * Sequential specification of a {@code next} group: a FIFO of requests. {@code send} appends
 * every packet of its request at once, so a linearized request is contiguous (RequestContiguity)
 * and in linearization order (GroupOrder); {@code transmit} removes one packet, and returns
 * {@link NicPort#NONE} exactly when the FIFO is empty (NoLoss, NoDuplicate).
 */
public final class NextGroupFifo {
    private final ArrayDeque<String> packets = new ArrayDeque<>();

    public void send(long id, int count) {
        for (int p = 1; p <= count; p++) {
            packets.addLast(NicPort.packet(id, p));
        }
    }

    public String transmit() {
        String head = packets.pollFirst();
        return head == null ? NicPort.NONE : head;
    }
}
