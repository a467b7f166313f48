package dev.txorder.io;

import dev.txorder.InvalidInputException;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The requests CSV of {@code txorder simulate --requests-file} (DESIGN.md §6), read into a
 * {@link SendHistory} in file order.
 *
 * <pre>
 *   request,cpu,priority,dst_mac,packets[,flow]
 *   1,0,1,00:00:5e:00:53:03,1
 *   2,1,1,00:00:5e:00:53:0e,2,7
 * </pre>
 * <ul>
 *   <li>{@code request}: a unique id: a whole number 0..2^63-1, or a name such as {@code r1} or
 *       {@code req-0007} (1..64 letters, digits and {@code _ . : / -}, starting with a letter or
 *       digit). With names, requests are numbered in file order and reports print the names;</li>
 *   <li>{@code cpu}: the sender thread, 0..{@value #MAX_CPU}; a cpu sends its requests in file order;</li>
 *   <li>{@code priority}: 0..P-1 of the layout;</li>
 *   <li>{@code dst_mac}: {@code aa:bb:cc:dd:ee:ff}, hex digits in either case;</li>
 *   <li>{@code packets}: 1..the ring size (more than 1 is a packet array);</li>
 *   <li>{@code flow}: optional, a flow id 0..2^63-1; absent or empty, the destination MAC's 48-bit value.</li>
 * </ul>
 * The whole file is validated before anything is returned, so a bad line runs nothing. Every error
 * is an {@link InvalidInputException} whose field is the column (or {@code header},
 * {@code requests-file}) and whose one-line message names the file and line. The file is read as
 * CSV by Apache Commons CSV ({@code Csv}): fields may be quoted and padded with spaces, lines end in
 * LF or CRLF, blank lines are skipped, and lines starting with {@code #} are comments.
 */
public final class RequestsFile {
    /** The column names, in their required order; the last one is optional. */
    public static final String HEADER = "request,cpu,priority,dst_mac,packets,flow";
    /** The highest cpu number a file may name. */
    public static final int MAX_CPU = 1023;

    private static final String[] COLUMNS = HEADER.split(",");
    private static final int REQUIRED_COLUMNS = COLUMNS.length - 1;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}");
    private static final String ID_RULE = "a whole number 0..2^63-1, or a name of 1..64 letters, digits and _ . : / -, "
            + "starting with a letter or digit (r1, req-0007)";
    private static final String EXPECTED_HEADER = "allowed header: request,cpu,priority,dst_mac,packets[,flow]";

    private RequestsFile() {
    }

    /**
     * Reads and validates {@code file}.
     *
     * @param priorities the layout's priority count P: priorities must be 0..P-1
     * @param maxPackets the largest request a ring holds (the ring size)
     */
    public static SendHistory read(Path file, int priorities, int maxPackets) {
        return Csv.readFile(file, "requests-file", (in, name) -> read(in, name, priorities, maxPackets));
    }

    /** Reads and validates CSV text; {@code source} names it in error messages. */
    public static SendHistory read(Reader reader, String source, int priorities, int maxPackets) throws IOException {
        Parser p = new Parser(source, priorities, maxPackets);
        Csv.read(reader, "requests-file", source, p::record);
        return p.finish();
    }

    private static final class Parser {
        private final String source;
        private final int priorities;
        private final int maxPackets;
        private final SendHistory history = new SendHistory(1024);
        private final TxRequest request = new TxRequest();
        /** Request id (the number, or the name) -> the line that first used it. */
        private final Map<Object, Integer> idLines = new HashMap<>();
        /** Each row's id as written, in file order. */
        private final java.util.List<String> tokens = new java.util.ArrayList<>();
        private boolean allNumbers = true;
        private final String[] fields = new String[COLUMNS.length + 1];
        private int lineNo;
        private int columns = -1;

        Parser(String source, int priorities, int maxPackets) {
            this.source = source;
            this.priorities = priorities;
            this.maxPackets = maxPackets;
        }

        void record(CSVRecord r, int line) {
            lineNo = line;
            int n = r.size();
            for (int i = 0; i < Math.min(n, fields.length); i++) {
                fields[i] = r.get(i);
            }
            if (columns < 0) {
                header(n);
            } else {
                row(n);
            }
        }

        private void header(int n) {
            for (int i = 0; i < Math.min(n, fields.length); i++) {
                String name = fields[i];
                int known = indexOf(name);
                if (known < 0) {
                    throw error("header", "unknown column '" + name + "'; " + EXPECTED_HEADER);
                }
                if (known != i) {
                    throw error("header", "column '" + name + "' is column " + (i + 1) + " but must be column "
                            + (known + 1) + "; " + EXPECTED_HEADER);
                }
            }
            if (n > COLUMNS.length) {
                throw error("header", n + " columns; " + EXPECTED_HEADER);
            }
            if (n < REQUIRED_COLUMNS) {
                throw error("header", "missing column '" + COLUMNS[n] + "'; " + EXPECTED_HEADER);
            }
            columns = n;
        }

        private static int indexOf(String name) {
            for (int i = 0; i < COLUMNS.length; i++) {
                if (COLUMNS[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        private void row(int n) {
            if (n != columns) {
                throw error("columns", n + " fields but the header has " + columns + "; allowed "
                        + String.join(",", Arrays.copyOf(COLUMNS, columns)));
            }
            String token = fields[0];
            long id;
            Object key;
            if (!token.isEmpty() && token.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                id = nonNegative("request", token, Long.MAX_VALUE);
                key = id;
            } else if (ID.matcher(token).matches()) {
                allNumbers = false;
                id = tokens.size();
                key = token;
            } else {
                throw error("request", token.isEmpty() ? "empty; allowed: " + ID_RULE
                        : "'" + token + "' is not an id; allowed: " + ID_RULE);
            }
            Integer before = idLines.putIfAbsent(key, lineNo);
            if (before != null) {
                throw error("request", "id " + token + " is already used on line " + before + "; allowed: unique ids");
            }
            tokens.add(token);
            int cpu = (int) nonNegative("cpu", fields[1], MAX_CPU);
            int priority = (int) nonNegative("priority", fields[2], priorities - 1L);
            long mac = mac(fields[3]);
            int packets = (int) nonNegative("packets", fields[4], maxPackets);
            if (packets < 1) {
                throw error("packets", "0 packets; allowed 1.." + maxPackets + " (the ring size)");
            }
            long flow = columns > REQUIRED_COLUMNS && !fields[5].isEmpty()
                    ? nonNegative("flow", fields[5], Long.MAX_VALUE) : mac;
            history.add(request.set(id, cpu, priority, mac, flow, packets));
        }

        /** A decimal integer of ASCII digits in 0..max; the error says which rule it breaks. */
        private long nonNegative(String field, String text, long max) {
            String allowed = switch (field) {
                case "packets" -> "allowed 1.." + max + " (the ring size)";
                case "priority" -> "allowed 0.." + max + " (the layout's priorities)";
                default -> "allowed 0.." + max;
            };
            boolean negative = text.startsWith("-");
            String digits = negative ? text.substring(1) : text;
            if (digits.isEmpty()) {
                throw error(field, (text.isEmpty() ? "empty" : "'" + text + "' is not a whole number") + "; " + allowed);
            }
            long value = 0;
            boolean overflow = false;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    throw error(field, "'" + text + "' is not a whole number; " + allowed);
                }
                overflow |= value > (Long.MAX_VALUE - (c - '0')) / 10;
                value = overflow ? value : value * 10 + (c - '0');
            }
            if (negative) {
                throw error(field, text + " is negative; " + allowed);
            }
            if (overflow || value > max) {
                throw error(field, text + " is too large; " + allowed);
            }
            return value;
        }

        /** {@code aa:bb:cc:dd:ee:ff}, ASCII hex digits only. */
        private long mac(String text) {
            boolean ok = text.length() == 17;
            long mac = 0;
            for (int i = 0; ok && i < 17; i++) {
                char c = text.charAt(i);
                if (i % 3 == 2) {
                    ok = c == ':';
                } else {
                    int d = c < 128 ? Character.digit(c, 16) : -1;
                    ok = d >= 0;
                    mac = (mac << 4) | Math.max(d, 0);
                }
            }
            if (!ok) {
                throw error("dst_mac", "'" + text + "' is not a MAC address; allowed aa:bb:cc:dd:ee:ff (six hex octets)");
            }
            return mac;
        }

        SendHistory finish() {
            if (columns < 0) {
                throw new InvalidInputException("requests-file", source + " is empty; allowed: the header "
                        + "request,cpu,priority,dst_mac,packets[,flow], then one line per request");
            }
            if (history.size() == 0) {
                throw new InvalidInputException("requests-file", source + " has a header but no requests; allowed: "
                        + "at least one request line");
            }
            if (allNumbers) {
                return history;
            }
            // Names: requests are numbered in file order (the row), and the history keeps the names.
            SendHistory named = new SendHistory(history.size());
            TxRequest r = new TxRequest();
            for (int i = 0; i < history.size(); i++) {
                history.load(i, r).id = i;
                named.add(r);
            }
            named.names(tokens.toArray(String[]::new));
            return named;
        }

        private InvalidInputException error(String field, String what) {
            return new InvalidInputException(field, source + " line " + lineNo + ": " + what);
        }
    }
}
