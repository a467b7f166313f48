package dev.txorder;

/**
 * One call of the driver's send function: {@code packets >= 1} packets of one priority, for one
 * destination (more than one packet is a packet array).
 *
 * <p>Mutable and owned by the caller so that a sender can reuse one instance per request and the
 * send path allocates nothing. The driver copies what it needs into descriptors before
 * {@code send} returns; the caller may then change it.
 */
public final class TxRequest {
    /** The caller's id for this request; it is carried on the wire. */
    public long id;
    /** The sender (CPU) that issues it; only used for the send history. */
    public int cpu;
    /** 0..P-1; selects the queue group. */
    public int priority;
    /** The destination MAC address in its low 48 bits. */
    public long dstMac;
    /** The flow id; by default the destination MAC. */
    public long flow;
    /** How many packets, >= 1. */
    public int packets;

    public TxRequest() {
    }

    public TxRequest(long id, int cpu, int priority, long dstMac, long flow, int packets) {
        set(id, cpu, priority, dstMac, flow, packets);
    }

    public TxRequest set(long id, int cpu, int priority, long dstMac, long flow, int packets) {
        this.id = id;
        this.cpu = cpu;
        this.priority = priority;
        this.dstMac = dstMac;
        this.flow = flow;
        this.packets = packets;
        return this;
    }

    public TxRequest copy() {
        return new TxRequest(id, cpu, priority, dstMac, flow, packets);
    }

    /** {@code aa:bb:cc:dd:ee:ff} -> its 48-bit value; errors name {@code field}. */
    public static long parseMac(String text, String field) {
        String t = text == null ? "" : text.strip();
        String[] octets = t.split(":", -1);
        if (octets.length != 6) {
            throw new InvalidInputException(field, "'" + t + "' is not a MAC address aa:bb:cc:dd:ee:ff");
        }
        long mac = 0;
        for (String o : octets) {
            if (o.length() != 2 || Character.digit(o.charAt(0), 16) < 0 || Character.digit(o.charAt(1), 16) < 0) {
                throw new InvalidInputException(field, "'" + t + "' is not a MAC address aa:bb:cc:dd:ee:ff (hex octets)");
            }
            mac = (mac << 8) | Integer.parseInt(o, 16);
        }
        return mac;
    }

    /** 48-bit value -> {@code aa:bb:cc:dd:ee:ff}. */
    public static String formatMac(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) (mac >>> shift) & 0xff;
            sb.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "request " + id + " (cpu " + cpu + ", priority " + priority + ", " + formatMac(dstMac)
                + ", flow " + flow + ", " + packets + (packets == 1 ? " packet)" : " packets)");
    }
}
