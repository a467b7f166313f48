package dev.txorder.nic;

import dev.txorder.Indicator;
import java.util.Arrays;

/**
 * A {@link Wire} that records every packet in primitive columns (about 40 bytes a packet, no
 * object per packet), for the audit and for wire files. Written by the NIC thread; read after
 * the NIC has stopped (its thread's termination is the happens-before edge).
 */
public final class RecordingWire implements Wire {
    private long[] request;
    private int[] packet;
    private short[] priority;
    private short[] group;
    private short[] queue;
    private byte[] indicator;
    private long[] dstMac;
    private long[] ticket;
    private long[] readyGroups;
    private int size;

    public RecordingWire() {
        this(1024);
    }

    public RecordingWire(int expectedPackets) {
        int n = Math.max(16, expectedPackets);
        request = new long[n];
        packet = new int[n];
        priority = new short[n];
        group = new short[n];
        queue = new short[n];
        indicator = new byte[n];
        dstMac = new long[n];
        ticket = new long[n];
        readyGroups = new long[n];
    }

    @Override
    public void transmit(long req, int pkt, int prio, int grp, int q, Indicator ind, long mac, long tkt, long ready) {
        if (size == request.length) {
            grow();
        }
        int i = size++;
        request[i] = req;
        packet[i] = pkt;
        priority[i] = (short) prio;
        group[i] = (short) grp;
        queue[i] = (short) q;
        indicator[i] = (byte) ind.ordinal();
        dstMac[i] = mac;
        ticket[i] = tkt;
        readyGroups[i] = ready;
    }

    private void grow() {
        int n = request.length * 2;
        request = Arrays.copyOf(request, n);
        packet = Arrays.copyOf(packet, n);
        priority = Arrays.copyOf(priority, n);
        group = Arrays.copyOf(group, n);
        queue = Arrays.copyOf(queue, n);
        indicator = Arrays.copyOf(indicator, n);
        dstMac = Arrays.copyOf(dstMac, n);
        ticket = Arrays.copyOf(ticket, n);
        readyGroups = Arrays.copyOf(readyGroups, n);
    }

    /** Packets on the wire. */
    public int size() {
        return size;
    }

    public long request(int seq) {
        return request[seq];
    }

    public int packet(int seq) {
        return packet[seq];
    }

    public int priority(int seq) {
        return priority[seq];
    }

    public int group(int seq) {
        return group[seq];
    }

    public int queue(int seq) {
        return queue[seq];
    }

    public Indicator indicator(int seq) {
        return Indicator.ofCode(indicator[seq]);
    }

    public long dstMac(int seq) {
        return dstMac[seq];
    }

    public long ticket(int seq) {
        return ticket[seq];
    }

    public long readyGroups(int seq) {
        return readyGroups[seq];
    }
}
