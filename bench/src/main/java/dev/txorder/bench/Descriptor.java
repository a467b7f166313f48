package dev.txorder.bench;

/**
 * What a peer queue carries per packet: the same fields a {@link dev.txorder.driver.TxRing} row
 * holds (request, packet index, priority, destination MAC), so that every implementation moves
 * the same data. Preallocated (Disruptor: in the ring; JCTools and ArrayBlockingQueue: in each
 * sender's pool), never allocated per packet.
 */
final class Descriptor {
    long request;
    int packet;
    int priority;
    long dstMac;

    void set(long request, int packet, int priority, long dstMac) {
        this.request = request;
        this.packet = packet;
        this.priority = priority;
        this.dstMac = dstMac;
    }
}
