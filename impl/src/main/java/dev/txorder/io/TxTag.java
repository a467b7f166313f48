package dev.txorder.io;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import java.nio.ByteBuffer;

/**
 * The txorder tag: what a packet carries about itself so that any capture of it can be audited
 * without txorder's own files. It is the payload of an Ethernet frame of EtherType
 * {@value #ETHER_TYPE_HEX} (IEEE 802's local experimental EtherType), or of a UDP datagram (the
 * Linux probe's traffic); a reader finds it by its magic. 56 bytes, network byte order:
 *
 * <pre>
 *   offset  size  field
 *        0     4  magic "TXOR"
 *        4     1  version (1)
 *        5     1  indicator: 0 none (hash group, or not known), 1 CURRENT, 2 NEXT
 *        6     2  priority
 *        8     8  request       the request's id
 *       16     4  packet        1-based inside its request
 *       20     4  count         packets in the request
 *       24     8  flow          the flow id
 *       32     2  group         0xffff: not known (traffic made before any driver chose)
 *       34     2  queue         index inside the group; 0xffff: not known
 *       36     2  sender        the sending cpu
 *       38     2  reserved (0)
 *       40     8  sender_seq    0-based: this request is the sender's sender_seq-th
 *       48     8  wire_seq      0-based position in the order the NIC (or generator) sent
 * </pre>
 * {@code sender_seq} is what lets a capture alone be judged: each sender's requests in the order
 * it sent them, and a request none of whose packets arrived as a gap in that numbering.
 *
 * @param group -1 when not known
 * @param queue -1 when not known
 */
public record TxTag(long request, int packet, int count, long flow, int priority, int group, int queue,
                    Indicator indicator, int sender, long senderSeq, long wireSeq) {
    /** The EtherType of a frame whose payload is a tag. */
    public static final int ETHER_TYPE = 0x88B5;
    static final String ETHER_TYPE_HEX = "0x88B5";
    /** Bytes of a tag. */
    public static final int LENGTH = 56;
    public static final int VERSION = 1;
    private static final int MAGIC = ('T' << 24) | ('X' << 16) | ('O' << 8) | 'R';
    private static final int UNKNOWN = 0xffff;

    /** Writes this tag at {@code at}. */
    public void write(byte[] into, int at) {
        ByteBuffer b = ByteBuffer.wrap(into); // big-endian: network byte order
        b.putInt(at, MAGIC);
        b.put(at + 4, (byte) VERSION);
        b.put(at + 5, (byte) switch (indicator) {
            case NONE -> 0;
            case CURRENT -> 1;
            case NEXT -> 2;
        });
        b.putShort(at + 6, (short) priority);
        b.putLong(at + 8, request);
        b.putInt(at + 16, packet);
        b.putInt(at + 20, count);
        b.putLong(at + 24, flow);
        b.putShort(at + 32, (short) (group < 0 ? UNKNOWN : group));
        b.putShort(at + 34, (short) (queue < 0 ? UNKNOWN : queue));
        b.putShort(at + 36, (short) sender);
        b.putShort(at + 38, (short) 0);
        b.putLong(at + 40, senderSeq);
        b.putLong(at + 48, wireSeq);
    }

    /** Whether {@code length} bytes at {@code at} begin with the tag's magic. */
    public static boolean isTag(byte[] from, int at, int length) {
        return length >= 4 && at + 4 <= from.length && ByteBuffer.wrap(from).getInt(at) == MAGIC;
    }

    /**
     * Reads the tag at {@code at} (its magic checked by {@link #isTag}).
     *
     * @param where names the frame in messages
     * @throws InvalidInputException naming the field when the tag is cut short or holds a value no
     *                               writer of this version writes
     */
    public static TxTag read(byte[] from, int at, int length, String where) {
        if (length < LENGTH || at + LENGTH > from.length) {
            throw new InvalidInputException("tag", where + ": a txorder tag of " + length + " bytes; allowed: "
                    + LENGTH + " (the frame was cut short: capture with a larger snap length)");
        }
        ByteBuffer b = ByteBuffer.wrap(from);
        if (b.get(at + 4) != VERSION) {
            throw new InvalidInputException("tag.version", where + ": version " + (b.get(at + 4) & 0xff) + "; allowed: "
                    + VERSION);
        }
        Indicator indicator = switch (b.get(at + 5)) {
            case 0 -> Indicator.NONE;
            case 1 -> Indicator.CURRENT;
            case 2 -> Indicator.NEXT;
            default -> throw new InvalidInputException("tag.indicator", where + ": " + (b.get(at + 5) & 0xff)
                    + "; allowed: 0 (none), 1 (CURRENT), 2 (NEXT)");
        };
        int packet = b.getInt(at + 16);
        int count = b.getInt(at + 20);
        if (count < 1 || packet < 1 || packet > count) {
            throw new InvalidInputException("tag.packet", where + ": packet " + Integer.toUnsignedString(packet)
                    + " of " + Integer.toUnsignedString(count) + "; allowed: 1..count, count at least 1");
        }
        long senderSeq = b.getLong(at + 40);
        if (senderSeq < 0) {
            throw new InvalidInputException("tag.sender_seq", where + ": " + Long.toUnsignedString(senderSeq)
                    + "; allowed: 0..2^63-1");
        }
        int group = Short.toUnsignedInt(b.getShort(at + 32));
        int queue = Short.toUnsignedInt(b.getShort(at + 34));
        return new TxTag(b.getLong(at + 8), packet, count, b.getLong(at + 24), Short.toUnsignedInt(b.getShort(at + 6)),
                group == UNKNOWN ? -1 : group, queue == UNKNOWN ? -1 : queue, indicator,
                Short.toUnsignedInt(b.getShort(at + 36)), senderSeq, b.getLong(at + 48));
    }
}
