package dev.txorder.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.nic.RecordingWire;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading txorder's pcap files: frames, tags, times, what a reader skips and what it refuses. */
class PcapFileTest {
    @TempDir
    Path dir;

    private static final TxTag TAG = new TxTag(7, 2, 3, 0x00005e005301L, 5, 1, 2, Indicator.NEXT, 3, 11, 42);

    @Test
    void shouldKeepEveryTagFieldAndTheTimeToTheNanosecond() throws Exception {
        Path f = dir.resolve("one.pcap");
        try (PcapFile.Writer w = new PcapFile.Writer(f)) {
            w.write(1_234_567_890_123L, 0x00005e005301L, TAG);
        }
        PcapFile.Capture c = PcapFile.read(f);

        assertThat(c.frames()).isEqualTo(1);
        assertThat(c.skipped()).isZero();
        PcapFile.Tagged t = c.packets().get(0);
        assertThat(t.tag()).isEqualTo(TAG);
        assertThat(t.timeNanos()).isEqualTo(1_234_567_890_123L);
        assertThat(t.dstMac()).isEqualTo(0x00005e005301L);
        assertThat(t.frame()).isEqualTo(1);
        assertThat(Files.size(f)).isEqualTo(24 + 16 + PcapFile.FRAME_LENGTH);
    }

    @Test
    void shouldWriteAFrameWithTheSendersMacAPriorityTagAndTheExperimentalEtherType() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapFile.Writer w = new PcapFile.Writer(bytes)) {
            w.write(0, 0x00005e005301L, TAG);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
        assertThat(b.order(ByteOrder.LITTLE_ENDIAN).getInt(0)).as("nanosecond pcap magic").isEqualTo(0xa1b23c4d);
        assertThat(b.getInt(20)).as("link type Ethernet").isEqualTo(1);
        b.order(ByteOrder.BIG_ENDIAN);
        int frame = 24 + 16;
        assertThat(b.getLong(frame) >>> 16).as("destination").isEqualTo(0x00005e005301L);
        assertThat(b.getLong(frame + 6) >>> 16).as("source: the sender's MAC").isEqualTo(PcapFile.senderMac(3));
        assertThat(b.getShort(frame + 12) & 0xffff).isEqualTo(0x8100);
        assertThat((b.getShort(frame + 14) & 0xffff) >>> 13).as("PCP").isEqualTo(5);
        assertThat(b.getShort(frame + 14) & 0x0fff).as("VLAN 0: a priority tag").isZero();
        assertThat(b.getShort(frame + 16) & 0xffff).isEqualTo(TxTag.ETHER_TYPE);
        assertThat(new String(bytes.toByteArray(), frame + 18, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("TXOR");
    }

    @Test
    void shouldWriteTheWireWithEachRequestsSenderCountFlowAndSendersNumbering() throws Exception {
        SendHistory h = new SendHistory(3);
        h.add(new TxRequest(10, 0, 1, 0xaaL, 100, 2));
        h.add(new TxRequest(11, 1, 1, 0xbbL, 200, 1));
        h.add(new TxRequest(12, 0, 0, 0xccL, 300, 1));
        RecordingWire wire = new RecordingWire(4);
        wire.transmit(11, 1, 1, 1, 1, Indicator.CURRENT, 0xbbL, 0, 0);
        wire.transmit(10, 1, 1, 1, 0, Indicator.CURRENT, 0xaaL, 1, 0);
        wire.transmit(10, 2, 1, 1, 0, Indicator.NEXT, 0xaaL, 1, 0);
        wire.transmit(12, 1, 0, 0, 0, Indicator.NONE, 0xccL, -1, 0);
        Path f = dir.resolve("wire.pcap");
        PcapFile.write(wire, h, f);

        List<PcapFile.Tagged> p = PcapFile.read(f).packets();
        assertThat(p).extracting(t -> t.tag().request()).containsExactly(11L, 10L, 10L, 12L);
        assertThat(p).extracting(t -> t.tag().sender()).containsExactly(1, 0, 0, 0);
        assertThat(p).extracting(t -> t.tag().senderSeq()).as("request 12 is cpu 0's second").containsExactly(0L, 0L, 0L, 1L);
        assertThat(p).extracting(t -> t.tag().count()).containsExactly(1, 2, 2, 1);
        assertThat(p).extracting(t -> t.tag().flow()).containsExactly(200L, 100L, 100L, 300L);
        assertThat(p).extracting(t -> t.tag().wireSeq()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(p).extracting(t -> t.tag().indicator())
                .containsExactly(Indicator.CURRENT, Indicator.CURRENT, Indicator.NEXT, Indicator.NONE);
        assertThat(p).extracting(PcapFile.Tagged::timeNanos).as("no clock: packet n at n us")
                .containsExactly(0L, 1_000L, 2_000L, 3_000L);
    }

    @Test
    void shouldFindTagsInUdpOverIpv4AndIpv6AndInLinuxCookedCapturesAndSkipOtherFrames() throws Exception {
        byte[] tag = new byte[TxTag.LENGTH];
        TAG.write(tag, 0);
        byte[] ipv4 = frame(14 + 20 + 8, 0x0800, tag);
        ipv4[14] = 0x45; // version 4, 20-byte header
        ipv4[14 + 9] = 17; // UDP
        byte[] ipv6 = frame(14 + 40 + 8, 0x86DD, tag);
        ipv6[14 + 6] = 17;
        byte[] arp = frame(14, 0x0806, new byte[28]);
        byte[] tcp = frame(14 + 20 + 20, 0x0800, tag);
        tcp[14] = 0x45;
        tcp[14 + 9] = 6;

        assertThat(PcapFile.tagged(ipv4, PcapFile.LINKTYPE_ETHERNET, 1, 0, "f")).isNotNull()
                .extracting(PcapFile.Tagged::tag).isEqualTo(TAG);
        assertThat(PcapFile.tagged(ipv6, PcapFile.LINKTYPE_ETHERNET, 1, 0, "f").tag()).isEqualTo(TAG);
        assertThat(PcapFile.tagged(arp, PcapFile.LINKTYPE_ETHERNET, 1, 0, "f")).isNull();
        assertThat(PcapFile.tagged(tcp, PcapFile.LINKTYPE_ETHERNET, 1, 0, "f")).as("a tag in TCP is not looked for").isNull();

        byte[] sll = new byte[16 + 20 + 8 + TxTag.LENGTH];
        sll[14] = 0x08; // protocol IPv4
        sll[16] = 0x45;
        sll[16 + 9] = 17;
        System.arraycopy(tag, 0, sll, 16 + 28, TxTag.LENGTH);
        PcapFile.Tagged cooked = PcapFile.tagged(sll, PcapFile.LINKTYPE_LINUX_SLL, 1, 0, "f");
        assertThat(cooked.tag()).isEqualTo(TAG);
        assertThat(cooked.dstMac()).as("a cooked capture has no destination").isEqualTo(-1);
    }

    private static byte[] frame(int payloadAt, int etherType, byte[] payload) {
        byte[] f = new byte[payloadAt + payload.length];
        f[12] = (byte) (etherType >>> 8);
        f[13] = (byte) etherType;
        System.arraycopy(payload, 0, f, payloadAt, payload.length);
        return f;
    }

    @Test
    void shouldRefusePcapngOtherFilesAndCutTagsNamingTheFieldAndWhatIsAllowed() throws Exception {
        Path ng = dir.resolve("c.pcapng");
        Files.write(ng, new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0});
        assertThatThrownBy(() -> PcapFile.read(ng)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pcapng").hasMessageContaining("editcap -F pcap");
        Path text = dir.resolve("w.csv");
        Files.writeString(text, "seq,request,packet\n");
        assertThatThrownBy(() -> PcapFile.read(text)).hasMessageContaining("magic").hasMessageContaining("allowed");
        assertThatThrownBy(() -> PcapFile.read(dir.resolve("missing.pcap"))).hasMessageContaining("not a file");
        Path empty = dir.resolve("empty.pcap");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> PcapFile.read(empty)).hasMessageContaining("0 bytes");

        byte[] cut = new byte[30];
        TxTag.read(tagBytes(), 0, TxTag.LENGTH, "f");
        System.arraycopy(tagBytes(), 0, cut, 0, 30);
        assertThatThrownBy(() -> TxTag.read(cut, 0, 30, "f frame 1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("f frame 1").hasMessageContaining("snap length");
        byte[] badIndicator = tagBytes();
        badIndicator[5] = 9;
        assertThatThrownBy(() -> TxTag.read(badIndicator, 0, TxTag.LENGTH, "f"))
                .hasMessageContaining("tag.indicator").hasMessageContaining("allowed");
        byte[] badPacket = tagBytes();
        ByteBuffer.wrap(badPacket).putInt(16, 4); // packet 4 of 3
        assertThatThrownBy(() -> TxTag.read(badPacket, 0, TxTag.LENGTH, "f")).hasMessageContaining("tag.packet");
        byte[] badVersion = tagBytes();
        badVersion[4] = 2;
        assertThatThrownBy(() -> TxTag.read(badVersion, 0, TxTag.LENGTH, "f")).hasMessageContaining("tag.version");
    }

    @Test
    void shouldRefuseATruncatedFileNamingTheLastWholeFrame() throws Exception {
        Path f = dir.resolve("cut.pcap");
        try (PcapFile.Writer w = new PcapFile.Writer(f)) {
            w.write(0, 1, TAG);
            w.write(1, 1, TAG);
        }
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 20));
        assertThatThrownBy(() -> PcapFile.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cut.pcap");
    }

    private static byte[] tagBytes() {
        byte[] b = new byte[TxTag.LENGTH];
        TAG.write(b, 0);
        return b;
    }

    @Test
    void shouldShowTheRequestsOfACaptureInEachSendersOrderWithAGapAsARequestThatSentNothing() throws Exception {
        Path f = dir.resolve("gap.pcap");
        try (PcapFile.Writer w = new PcapFile.Writer(f)) {
            w.write(0, 0xaa, new TxTag(5, 1, 1, 1, 0, -1, -1, Indicator.NONE, 0, 2, 0));
            w.write(1, 0xaa, new TxTag(3, 1, 1, 1, 0, -1, -1, Indicator.NONE, 0, 0, 1));
            w.write(2, 0xbb, new TxTag(9, 1, 2, 2, 1, -1, -1, Indicator.NONE, 1, 0, 2));
        }
        PcapFile.Capture c = PcapFile.read(f);
        PcapFile.Requests r = PcapFile.requestsOf(c);
        SendHistory h = r.history();

        assertThat(h.size()).as("cpu 0: #0, the gap #1, #2; cpu 1: #0").isEqualTo(4);
        assertThat(h.nameOf(0)).isEqualTo("3");
        assertThat(h.nameOf(1)).isEqualTo("sender 0 #1 (no packet arrived)");
        assertThat(h.nameOf(2)).isEqualTo("5");
        assertThat(h.packets(3)).isEqualTo(2);
        assertThat(r.idOf(c.packets().get(0).tag())).isEqualTo(2);
        assertThat(PcapFile.knowsQueues(c)).isFalse();
    }
}
