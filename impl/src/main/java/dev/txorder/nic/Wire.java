package dev.txorder.nic;

import dev.txorder.Indicator;

/**
 * Where the {@link SimulatedNic} puts packets, in wire order. Called by the NIC thread only.
 */
@FunctionalInterface
public interface Wire {
    /**
     * One packet leaves the adapter.
     *
     * @param request     the request id
     * @param packet      1-based index inside its request
     * @param priority    the priority carried by the descriptor
     * @param group       the group whose queue it sat in
     * @param queue       that queue's index inside the group
     * @param indicator   the descriptor's indicator ({@code NONE} in hash groups)
     * @param dstMac      destination MAC
     * @param ticket      the assignment ticket carried for the audit ({@code -1} in hash groups)
     * @param readyGroups bit g set when group g had a ready packet as the NIC chose this one
     */
    void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                  long dstMac, long ticket, long readyGroups);
}
