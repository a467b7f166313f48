package dev.txorder.stress.rig;

import dev.txorder.Indicator;
import dev.txorder.nic.Wire;

/**
 * A {@link Wire} for a handful of packets, kept as the JCStress outcome text. A request id is a
 * letter ({@code 'A'}), so packet 2 of request A reads {@code A2} and a wire reads
 * {@code "A1 A2 B1"}. A descriptor the NIC read before its contents were visible carries a stale
 * id and prints as {@code ?}.
 *
 * <p>Written by whichever thread runs the NIC at the time; read by the arbiter, after every actor
 * (JCStress orders the actors before the arbiter).
 */
public final class ShortWire implements Wire {
    private static final int CAPACITY = 8;
    private final long[] request = new long[CAPACITY];
    private final int[] packet = new int[CAPACITY];
    private final long[] ticket = new long[CAPACITY];
    private final long[] dstMac = new long[CAPACITY];
    private int size;
    /** Packets past {@link #CAPACITY}: only a duplicating or runaway NIC gets here. */
    private int overflow;

    @Override
    public void transmit(long req, int pkt, int priority, int group, int queue, Indicator indicator,
                         long mac, long tkt, long readyGroups) {
        if (size == CAPACITY) {
            overflow++;
            return;
        }
        request[size] = req;
        packet[size] = pkt;
        ticket[size] = tkt;
        dstMac[size] = mac;
        size++;
    }

    public int size() {
        return size + overflow;
    }

    /** The wire as outcome text: {@code "A1 A2 B1"}, {@code "-"} when empty, {@code "+N"} past capacity. */
    public String text() {
        if (size == 0) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(3 * size);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            long r = request[i];
            sb.append(r >= 'A' && r <= 'Z' ? (char) r : '?');
            int p = packet[i];
            sb.append(p >= 1 && p <= 9 ? (char) ('0' + p) : '?');
        }
        if (overflow > 0) {
            sb.append(" +").append(overflow);
        }
        return sb.toString();
    }

    /** The destination MAC of the {@code seq}-th packet on the wire. */
    public long dstMac(int seq) {
        return dstMac[seq];
    }

    /** The assignment ticket carried by {@code requestId}'s first packet on the wire, or -1. */
    public long ticketOf(long requestId) {
        for (int i = 0; i < size; i++) {
            if (request[i] == requestId) {
                return ticket[i];
            }
        }
        return -1;
    }

    /**
     * Which of requests {@code a} and {@code b} was assigned first ({@code "A"} or {@code "B"}),
     * read from the tickets on the wire: the first one holds ticket {@code base}, the first ticket
     * (TxDriver) or ring position (SingleQueueDriver) left after the state's set-up. {@code "?"}
     * when neither shows it (both lost).
     */
    public String firstAssigned(long a, long b, long base) {
        if (ticketOf(a) == base) {
            return String.valueOf((char) a);
        }
        if (ticketOf(b) == base) {
            return String.valueOf((char) b);
        }
        long ta = ticketOf(a);
        long tb = ticketOf(b);
        if (ta >= 0 && tb < 0) {
            return String.valueOf((char) b);
        }
        if (tb >= 0 && ta < 0) {
            return String.valueOf((char) a);
        }
        return "?";
    }
}
