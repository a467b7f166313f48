package dev.txorder.io;

import dev.txorder.nic.RecordingWire;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * The wire CSV of {@code txorder simulate --wire-out} (DESIGN.md §6): one line per transmitted packet,
 * in wire order, {@code \n} line ends, MACs in lower case.
 *
 * <pre>
 *   seq,request,packet,priority,group,queue,indicator,dst_mac
 *   0,1,1,1,1,0,CURRENT,00:00:5e:00:53:01
 *   1,1,2,1,1,0,NEXT,00:00:5e:00:53:01
 * </pre>
 * {@code seq} is 0-based wire order, {@code packet} 1-based inside its request, {@code group} and
 * {@code queue} 0-based (queue = index inside the group), {@code indicator} {@code CURRENT},
 * {@code NEXT}, or {@code -} for a {@code hash} group. Each line is formatted into one reused
 * buffer, so writing allocates nothing per packet.
 */
public final class WireFile {
    public static final String HEADER = "seq,request,packet,priority,group,queue,indicator,dst_mac";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WireFile() {
    }

    public static void write(RecordingWire wire, Path file) throws IOException {
        write(wire, file, Long::toString);
    }

    /** @param names how to write each request's id: its name from the requests file, or its number */
    public static void write(RecordingWire wire, Path file, LongFunction<String> names) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(wire, out, names);
        }
    }

    public static void write(RecordingWire wire, Writer out) throws IOException {
        write(wire, out, Long::toString);
    }

    public static void write(RecordingWire wire, Writer out, LongFunction<String> names) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        w.write(HEADER);
        w.write('\n');
        StringBuilder line = new StringBuilder(96);
        char[] chars = new char[96];
        for (int seq = 0; seq < wire.size(); seq++) {
            line.setLength(0);
            line.append(seq).append(',')
                    .append(names.apply(wire.request(seq))).append(',')
                    .append(wire.packet(seq)).append(',')
                    .append(wire.priority(seq)).append(',')
                    .append(wire.group(seq)).append(',')
                    .append(wire.queue(seq)).append(',')
                    .append(wire.indicator(seq).wireName()).append(',');
            appendMac(line, wire.dstMac(seq));
            line.append('\n');
            int n = line.length();
            if (n > chars.length) {
                chars = new char[n];
            }
            line.getChars(0, n, chars, 0);
            w.write(chars, 0, n);
        }
        w.flush();
    }

    private static void appendMac(StringBuilder sb, long mac) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) (mac >>> shift) & 0xff;
            sb.append(HEX[octet >>> 4]).append(HEX[octet & 0xf]);
            if (shift > 0) {
                sb.append(':');
            }
        }
    }
}
