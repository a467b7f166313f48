package dev.txorder.bench;

import dev.txorder.Indicator;
import dev.txorder.nic.Wire;

/**
 * A {@link Wire} that only counts: the benchmarks measure the send path and the NIC, not the
 * recording of the wire. It folds each packet's request id and index into a checksum so that the
 * NIC's reads of the descriptor stay live, as a real adapter's DMA reads would.
 * Written by the NIC thread only.
 */
final class CountingWire implements Wire {
    private long packets;
    private long checksum;

    @Override
    public void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                         long dstMac, long ticket, long readyGroups) {
        packets++;
        checksum += request * 31 + packet;
    }

    /** Packets transmitted; read after the NIC has stopped. */
    long packets() {
        return packets;
    }

    long checksum() {
        return checksum;
    }
}
