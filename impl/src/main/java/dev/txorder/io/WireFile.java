package dev.txorder.io;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.nic.RecordingWire;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
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
 * buffer, so writing allocates nothing per packet; no field ever needs quoting (numbers, MACs,
 * indicators, and request names of letters, digits and {@code _ . : / -}). Reading goes through
 * Apache Commons CSV ({@code Csv}), as the requests file does.
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

    /**
     * Reads a wire file written anywhere (another driver, another language, a capture converted to
     * this format) for {@code txorder audit}. Requests are named as in {@code requests}: by number,
     * or by the names of its requests file; a request the file does not name is kept (the audit will
     * say it was never sent). Tickets and ready masks are not in the format: the wire has none.
     *
     * @param groups the layout's group count: groups must be 0..groups-1
     * @throws InvalidInputException naming the column, the file and the line
     */
    public static RecordingWire read(Path file, SendHistory requests, int groups) {
        return Csv.readFile(file, "wire", (in, name) -> read(in, name, requests, groups));
    }

    /** {@link #read(Path, SendHistory, int)} from text; {@code source} names it in messages. */
    public static RecordingWire read(Reader in, String source, SendHistory requests, int groups) throws IOException {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            ids.put(requests.nameOf(requests.id(i)), requests.id(i));
        }
        long[] unknown = {Long.MAX_VALUE};
        RecordingWire wire = new RecordingWire(1024);
        boolean[] header = {false};
        Csv.read(in, "wire", source, (f, lineNo) -> {
            String where = source + " line " + lineNo + ": ";
            if (!header[0]) {
                if (!String.join(",", f.toList()).equals(HEADER)) {
                    throw new InvalidInputException("header", where + "'" + String.join(",", f.toList())
                            + "'; allowed header: " + HEADER);
                }
                header[0] = true;
                return;
            }
            if (f.size() != 8) {
                throw new InvalidInputException("columns", where + f.size() + " fields; allowed " + HEADER);
            }
            long seq = number("seq", f.get(0), where, Long.MAX_VALUE);
            if (seq != wire.size()) {
                throw new InvalidInputException("seq", where + seq + " where " + wire.size()
                        + " comes next; allowed: 0, 1, 2, ... in wire order");
            }
            String token = f.get(1);
            Long id = ids.get(token);
            if (id == null) {
                if (token.isEmpty()) {
                    throw new InvalidInputException("request", where + "empty; allowed: an id of the requests file");
                }
                // Not among the requests: the audit reports it as a packet that was never sent.
                boolean number = !requests.named() && token.chars().allMatch(Character::isDigit) && token.length() < 19;
                id = number ? Long.parseLong(token) : unknown[0]--;
            }
            int packet = (int) number("packet", f.get(2), where, Integer.MAX_VALUE);
            int priority = (int) number("priority", f.get(3), where, Short.MAX_VALUE);
            int group = (int) number("group", f.get(4), where, groups - 1L);
            int queue = (int) number("queue", f.get(5), where, Short.MAX_VALUE);
            Indicator indicator = switch (f.get(6)) {
                case "CURRENT" -> Indicator.CURRENT;
                case "NEXT" -> Indicator.NEXT;
                case "-" -> Indicator.NONE;
                default -> throw new InvalidInputException("indicator", where + "'" + f.get(6)
                        + "'; allowed CURRENT, NEXT, -");
            };
            long mac;
            try {
                mac = TxRequest.parseMac(f.get(7), "dst_mac");
            } catch (InvalidInputException e) {
                throw new InvalidInputException("dst_mac", where + "'" + f.get(7) + "' is not a MAC address; allowed "
                        + "aa:bb:cc:dd:ee:ff");
            }
            wire.transmit(id, packet, priority, group, queue, indicator, mac, -1, 0);
        });
        if (!header[0]) {
            throw new InvalidInputException("wire", source + " is empty; allowed: the header " + HEADER
                    + ", then one line per packet");
        }
        return wire;
    }

    private static long number(String field, String text, String where, long max) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, where + "'" + text + "' is not a whole number; allowed 0.." + max);
        }
        if (v < 0 || v > max) {
            throw new InvalidInputException(field, where + v + " is out of range; allowed 0.." + max);
        }
        return v;
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
