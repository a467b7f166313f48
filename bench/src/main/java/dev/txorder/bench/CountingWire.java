package dev.txorder.bench;

import dev.txorder.Indicator;
import dev.txorder.nic.Wire;

/**
 * A {@link Wire} that only counts (a {@link Tally}): the benchmarks measure the send path and the
 * NIC, not the recording of the wire. Written by the NIC thread only.
 */
final class CountingWire implements Wire {
    private final Tally tally = new Tally();

    @Override
    public void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                         long dstMac, long ticket, long readyGroups) {
        tally.add(request, packet);
    }
}
