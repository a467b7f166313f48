package dev.txorder.io;

import com.carrotsearch.hppc.IntLongHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import io.pkts.Pcap;
import io.pkts.PcapOutputStream;
import io.pkts.buffer.Buffer;
import io.pkts.buffer.Buffers;
import io.pkts.frame.PcapGlobalHeader;
import io.pkts.frame.PcapRecordHeader;
import io.pkts.packet.PCapPacket;
import io.pkts.packet.impl.PCapPacketImpl;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Packets as pcap files, the format every network tool reads: each packet an Ethernet frame to its
 * request's destination MAC, from a MAC per sender ({@code 02:74:78:00:HH:LL}, locally administered,
 * HHLL the sender's cpu), priority-tagged with 802.1Q (PCP = the priority's low 3 bits, VLAN 0),
 * EtherType {@value TxTag#ETHER_TYPE_HEX}, and a {@link TxTag} as its payload: 74 bytes a frame.
 * Times are nanoseconds (the pcap format's nanosecond variant).
 *
 * <p>pkts.io writes and reads the file format (global and record headers, framing); this class builds
 * and takes apart the frames, which are txorder's own. Reading accepts Ethernet and Linux "cooked"
 * captures ({@code tcpdump -i any}), frames with one or more VLAN tags, and tags carried in UDP over
 * IPv4 or IPv6; frames without a tag (other traffic on a link) are counted and skipped.
 */
public final class PcapFile {
    /** Link types read: Ethernet, and Linux cooked capture. */
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_LINUX_SLL = 113;
    /** Bytes of a written frame: Ethernet header, one 802.1Q tag, the txorder tag. */
    public static final int FRAME_LENGTH = 14 + 4 + TxTag.LENGTH;
    private static final int SNAP_LENGTH = 65535;
    private static final int PCAPNG_MAGIC = 0x0A0D0D0A;

    private PcapFile() {
    }

    /** The MAC address txorder's frames carry as source for {@code sender}. */
    public static long senderMac(int sender) {
        return 0x02_74_78_00_00_00L | (sender & 0xffff);
    }

    // ------------------------------------------------------------------ writing

    /** Writes frames to a pcap file, one call per frame. */
    public static final class Writer implements Closeable {
        private final PcapGlobalHeader header;
        private final PcapOutputStream out;
        private final byte[] frame = new byte[FRAME_LENGTH];

        public Writer(Path file) throws IOException {
            this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        public Writer(OutputStream stream) {
            // The global header after its magic: version 2.4, GMT, sigfigs 0, snap length, Ethernet.
            ByteBuffer body = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            body.putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(LINKTYPE_ETHERNET);
            header = new PcapGlobalHeader(ByteOrder.LITTLE_ENDIAN, body.array(), true);
            out = PcapOutputStream.create(header, stream);
        }

        /** One packet: the frame for {@code tag} to {@code dstMac}, stamped {@code timeNanos}. */
        public void write(long timeNanos, long dstMac, TxTag tag) throws IOException {
            ByteBuffer f = ByteBuffer.wrap(frame);
            putMac(f, 0, dstMac);
            putMac(f, 6, senderMac(tag.sender()));
            f.putShort(12, (short) 0x8100);
            f.putShort(14, (short) ((tag.priority() & 7) << 13)); // PCP, DEI 0, VLAN 0: a priority tag
            f.putShort(16, (short) TxTag.ETHER_TYPE);
            tag.write(frame, 18);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            long t = Math.max(0, timeNanos);
            record.putInt((int) (t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L)).putInt(FRAME_LENGTH)
                    .putInt(FRAME_LENGTH);
            PcapRecordHeader r = new PcapRecordHeader(ByteOrder.LITTLE_ENDIAN, Buffers.wrap(record.array()), true);
            out.write(new PCapPacketImpl(header, r, Buffers.wrap(frame.clone())));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static void putMac(ByteBuffer f, int at, long mac) {
        f.putShort(at, (short) (mac >>> 32));
        f.putInt(at + 2, (int) mac);
    }

    /**
     * {@code simulate --pcap-out}: the wire as sent, each packet with its request's sender, flow and
     * count from {@code history}. A run on real threads has the NIC's clock (nanoseconds since the
     * run began); a deterministic run has none, so packet n is stamped n microseconds.
     */
    public static void write(RecordingWire wire, SendHistory history, Path file) throws IOException {
        LongIntHashMap rowOf = new LongIntHashMap(history.size());
        long[] senderSeq = senderSeqs(history);
        for (int i = 0; i < history.size(); i++) {
            rowOf.put(history.id(i), i);
        }
        boolean clock = wire.clockSlack() > 0;
        try (Writer out = new Writer(file)) {
            for (int seq = 0; seq < wire.size(); seq++) {
                long id = wire.request(seq);
                int row = rowOf.getOrDefault(id, -1);
                TxTag tag = new TxTag(id, wire.packet(seq), row < 0 ? wire.packet(seq) : history.packets(row),
                        row < 0 ? wire.dstMac(seq) : history.flow(row), wire.priority(seq), wire.group(seq), wire.queue(seq),
                        wire.indicator(seq), row < 0 ? 0 : history.cpu(row), row < 0 ? 0 : senderSeq[row], seq);
                long time = clock && wire.time(seq) >= 0 ? wire.time(seq) : seq * 1_000L;
                out.write(time, wire.dstMac(seq), tag);
            }
        }
    }

    /**
     * {@code gen --pcap}: the requests as their senders would send them, each request's packets in a
     * row, the requests in file order, {@code gapNanos} apart; group, queue and indicator not known
     * (no driver has chosen yet).
     */
    public static void writeRequests(SendHistory history, Path file, long gapNanos) throws IOException {
        long[] senderSeq = senderSeqs(history);
        long seq = 0;
        try (Writer out = new Writer(file)) {
            for (int i = 0; i < history.size(); i++) {
                for (int p = 1; p <= history.packets(i); p++, seq++) {
                    TxTag tag = new TxTag(history.id(i), p, history.packets(i), history.flow(i), history.priority(i), -1, -1,
                            Indicator.NONE, history.cpu(i), senderSeq[i], seq);
                    out.write(seq * gapNanos, history.dstMac(i), tag);
                }
            }
        }
    }

    /** For each row, how many requests its sender sent before it (rows are in each sender's order). */
    private static long[] senderSeqs(SendHistory history) {
        long[] seq = new long[history.size()];
        IntLongHashMap next = new IntLongHashMap();
        for (int i = 0; i < history.size(); i++) {
            seq[i] = next.addTo(history.cpu(i), 1) - 1;
        }
        return seq;
    }

    // ------------------------------------------------------------------ reading

    /** One tagged packet of a capture: its frame number (1-based, as Wireshark counts), time and tag. */
    public record Tagged(int frame, long timeNanos, long dstMac, TxTag tag) {
    }

    /** What a capture holds: its tagged packets in file order, and how many frames were not txorder's. */
    public record Capture(List<Tagged> packets, int frames, int skipped) {
    }

    /**
     * Reads a pcap file (not pcapng: convert with {@code editcap -F pcap}).
     *
     * @throws InvalidInputException naming the file and what is wrong with it
     */
    public static Capture read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("pcap", name + " is not a file; allowed: a pcap capture");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                throw new InvalidInputException("pcap", name + " is " + magic.length + " bytes long; allowed: a pcap "
                        + "file (a 24-byte header, then the packets)");
            }
            int m = ByteBuffer.wrap(magic).getInt();
            if (m == PCAPNG_MAGIC) {
                throw new InvalidInputException("pcap", name + " is pcapng; allowed: pcap (convert it with "
                        + "editcap -F pcap, or capture with tshark -F pcap)");
            }
            if (!isPcapMagic(magic)) {
                throw new InvalidInputException("pcap", name + " does not begin with a pcap magic number; allowed: a pcap "
                        + "file (tcpdump -w, tshark -F pcap -w)");
            }
        } catch (IOException e) {
            throw new InvalidInputException("pcap", "cannot read " + name + ": " + e.getMessage());
        }
        List<Tagged> packets = new ArrayList<>();
        int[] frames = {0};
        int[] skipped = {0};
        try {
            Pcap pcap = Pcap.openStream(file.toFile());
            try {
                PcapGlobalHeader header = pcap.getPcapHeader();
                int link = header.getDataLinkType();
                if (link != LINKTYPE_ETHERNET && link != LINKTYPE_LINUX_SLL) {
                    throw new InvalidInputException("pcap", name + ": link type " + link + "; allowed: 1 (Ethernet), "
                            + "113 (Linux cooked capture)");
                }
                boolean nanos = header.timestampsInNs();
                pcap.loop(packet -> {
                    PCapPacket p = (PCapPacket) packet;
                    int frame = ++frames[0];
                    Buffer payload = p.getPayload();
                    byte[] bytes = payload == null ? new byte[0] : payload.getArray();
                    long time = nanos ? p.getArrivalTime() : p.getArrivalTime() * 1_000L;
                    Tagged t = tagged(bytes, link, frame, time, name);
                    if (t == null) {
                        skipped[0]++;
                    } else {
                        packets.add(t);
                    }
                    return true;
                });
            } finally {
                pcap.close();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("pcap", name + ": not a readable pcap file after frame " + frames[0] + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return new Capture(packets, frames[0], skipped[0]);
    }

    private static boolean isPcapMagic(byte[] m) {
        int le = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(m).getInt();
        for (int magic : new int[] {0xa1b2c3d4, 0xa1b23c4d}) {
            if (le == magic || be == magic) {
                return true;
            }
        }
        return false;
    }

    /** The tag in one frame, or null when it carries none. */
    static Tagged tagged(byte[] f, int link, int frame, long time, String file) {
        String where = file + " frame " + frame;
        int type;
        int at;
        long dst;
        if (link == LINKTYPE_LINUX_SLL) {
            if (f.length < 16) {
                return null;
            }
            type = u16(f, 14);
            at = 16;
            dst = -1;
        } else {
            if (f.length < 14) {
                return null;
            }
            dst = ByteBuffer.wrap(f).getLong(0) >>> 16;
            type = u16(f, 12);
            at = 14;
        }
        while ((type == 0x8100 || type == 0x88A8) && at + 4 <= f.length) {
            type = u16(f, at + 2);
            at += 4;
        }
        int payload = -1;
        if (type == TxTag.ETHER_TYPE) {
            payload = at;
        } else if (type == 0x0800 && at + 20 <= f.length && f[at + 9] == 17) {
            payload = at + (f[at] & 0x0f) * 4 + 8;
        } else if (type == 0x86DD && at + 40 <= f.length && f[at + 6] == 17) {
            payload = at + 40 + 8;
        }
        if (payload < 0 || payload > f.length || !TxTag.isTag(f, payload, f.length - payload)) {
            return null;
        }
        TxTag tag = TxTag.read(f, payload, f.length - payload, where);
        return new Tagged(frame, time, dst, tag);
    }

    private static int u16(byte[] f, int at) {
        return (f[at] & 0xff) << 8 | (f[at + 1] & 0xff);
    }

    // ------------------------------------------------------------------ for the audit

    /**
     * The requests a capture shows, for auditing it without a requests file: one per sender and
     * {@code sender_seq}, in each sender's order, with the priority, flow, destination and packet
     * count its tags carry. A gap in a sender's numbering is a request that sent nothing that
     * arrived; it is kept as a request of one packet the wire does not hold (so NoLoss names it),
     * with its neighbour's priority. Requests are numbered 0..n-1 and named by their tag's id
     * ({@code sender 0 #2 (no packet arrived)} for a gap).
     *
     * @return the history, and the row of each tag's request through {@link Requests#rowOf}
     */
    public static Requests requestsOf(Capture capture) {
        List<Tagged> firsts = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Tagged t : capture.packets()) {
            long key = (long) t.tag().sender() << 48 ^ t.tag().senderSeq();
            if (seen.add(key)) {
                firsts.add(t);
            }
        }
        firsts.sort(Comparator.comparingInt((Tagged t) -> t.tag().sender()).thenComparingLong(t -> t.tag().senderSeq()));
        SendHistory h = new SendHistory(firsts.size());
        List<String> names = new ArrayList<>();
        Map<Long, Integer> rows = new HashMap<>();
        TxRequest r = new TxRequest();
        for (int i = 0; i < firsts.size(); i++) {
            TxTag tag = firsts.get(i).tag();
            if (i > 0 && firsts.get(i - 1).tag().sender() == tag.sender()) {
                TxTag before = firsts.get(i - 1).tag();
                for (long gap = before.senderSeq() + 1; gap < tag.senderSeq() && names.size() < 1 << 20; gap++) {
                    h.add(r.set(names.size(), tag.sender(), tag.priority(), firsts.get(i).dstMac(), Long.MIN_VALUE + names.size(), 1));
                    names.add("sender " + tag.sender() + " #" + gap + " (no packet arrived)");
                }
            }
            rows.put((long) tag.sender() << 48 ^ tag.senderSeq(), names.size());
            h.add(r.set(names.size(), tag.sender(), tag.priority(), firsts.get(i).dstMac(), tag.flow(), tag.count()));
            names.add(Long.toString(tag.request()));
        }
        h.names(names.toArray(String[]::new));
        return new Requests(h, rows);
    }

    /** The requests of a capture and the row of each (sender, sender_seq). */
    public record Requests(SendHistory history, Map<Long, Integer> rows) {
        /** The request (its row, which is its id) a tag belongs to. */
        public long idOf(TxTag tag) {
            return rows.get((long) tag.sender() << 48 ^ tag.senderSeq());
        }
    }

    /**
     * The capture as a wire for the audit, in capture order. {@code ids} gives the request each tag
     * belongs to; a tag's unknown group is the one {@code layout} gives its priority, an unknown queue
     * is 0 (the audit is then told not to judge by queues).
     */
    public static RecordingWire wire(Capture capture, ToLongFunction<TxTag> ids, Layout layout) {
        RecordingWire wire = new RecordingWire(capture.packets().size());
        for (Tagged t : capture.packets()) {
            TxTag tag = t.tag();
            int group = tag.group() >= 0 ? tag.group()
                    : tag.priority() < layout.priorityCount() ? layout.groupOf(tag.priority()).index() : 0;
            wire.transmit(ids.applyAsLong(tag), tag.packet(), tag.priority(), group, Math.max(0, tag.queue()),
                    tag.indicator(), t.dstMac() < 0 ? 0 : t.dstMac(), -1, 0);
        }
        return wire;
    }

    /** Whether every tag of the capture says which group and queue its packet left from. */
    public static boolean knowsQueues(Capture capture) {
        return capture.packets().stream().allMatch(t -> t.tag().group() >= 0 && t.tag().queue() >= 0);
    }
}
