package dev.txorder.nic;

import dev.txorder.Indicator;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A {@link Wire} that records every packet in primitive columns (about 40 bytes a packet, no
 * object per packet), for the audit and for wire files. Written by the NIC thread; read after
 * the NIC has stopped (its thread's termination is the happens-before edge).
 *
 * <p>Given the harness's clock, it also stamps each packet with the time it reached the wire, on
 * the clock the send history uses: the audit's own view of when the NIC chose each packet.
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
    private long[] time;
    private final LongSupplier clock;
    private final long clockSlack;
    private int size;

    /**
     * The slack of {@code System.nanoTime} between threads: a sender's release store can still sit in
     * its core's store buffer when it reads the clock, and the NIC's load can run ahead of its own
     * clock read; both windows are well under a microsecond, so 20 us is generous. (A preemption
     * only makes the sender's reading later and the NIC's load later: the safe direction.)
     */
    public static final long NANO_TIME_SLACK = 20_000;

    public RecordingWire() {
        this(1024);
    }

    /** A wire that does not stamp times ({@link #time} is -1). */
    public RecordingWire(int expectedPackets) {
        this(expectedPackets, null);
    }

    /** A wire stamped by a logical clock, whose readings on two threads order their actions exactly. */
    public RecordingWire(int expectedPackets, LongSupplier clock) {
        this(expectedPackets, clock, 0);
    }

    /**
     * @param clock      the send history's clock, read as each packet is transmitted; null: no times
     * @param clockSlack how far apart two threads' readings must be before the earlier one's writes
     *                   are surely seen by the later one's reads ({@link #NANO_TIME_SLACK} for
     *                   {@code System.nanoTime}); 0 for a logical clock
     */
    public RecordingWire(int expectedPackets, LongSupplier clock, long clockSlack) {
        this.clock = clock;
        this.clockSlack = clockSlack;
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
        time = new long[n];
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
        time[i] = clock == null ? -1 : clock.getAsLong();
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
        time = Arrays.copyOf(time, n);
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

    /** See {@link #RecordingWire(int, LongSupplier, long)}. */
    public long clockSlack() {
        return clockSlack;
    }

    /** When packet {@code seq} reached the wire, on the harness's clock; -1 if not stamped. */
    public long time(int seq) {
        return time[seq];
    }
}
