package dev.txorder.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The action log of a trace run as a file: format {@value #FORMAT}, NDJSON in UTF-8, what TLC's
 * trace validation reads.
 *
 * <pre>
 *   {"format":"txorder-trace/1","layout":"0-3x2,4-7x2","policy":"next","scheduler":"strict","hash_key":"mac","ring_size":16,"cpus":2,"mutants":[]}
 *   {"seq":0,"action":"AssignReserve","cpu":1,"req":"1","flow":"2199023255555","priority":5,"dst_mac":"02:00:00:00:00:03","packets":2,"group":1,"queue":0,"ticket":0,"slot":0}
 *   {"seq":1,"action":"Write","cpu":1,"req":"1","packet":1,"group":1,"queue":0,"slot":0,"indicator":"CURRENT"}
 *   {"seq":2,"action":"Transmit","group":1,"queue":0,"req":"1","packet":1,"slot":0}
 * </pre>
 * Line 1 is the {@link TraceHeader}; every further line one {@link TraceEvent}, in log order,
 * {@code seq} 0, 1, 2, ...; each action carries exactly the fields of {@link Action#fields()}.
 * Ids ({@code req}, {@code flow}) are JSON strings (any non-empty text: this writer puts the
 * decimal of a Java {@code long}), {@code dst_mac} is {@code aa:bb:cc:dd:ee:ff}, {@code indicator}
 * one of {@code CURRENT}, {@code NEXT}, {@code NONE}, {@code slot} a 64-bit absolute ring position.
 *
 * <p>The reader checks the whole file: every error is an {@link InvalidInputException} whose field
 * is the JSON field at fault (or {@code json}, {@code trace-file}) and whose one-line message names
 * the source, the line and what is allowed. Blank lines are skipped.
 */
public final class TraceFile {
    /** The format this class writes and reads. */
    public static final String FORMAT = "txorder-trace/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> HEADER_FIELDS =
            List.of("format", "layout", "policy", "scheduler", "hash_key", "ring_size", "cpus", "mutants");
    private static final int MAX_RING_SIZE = 1 << 26;
    private static final int MAX_CPUS = 1024;

    /** A log read back: its header and its events in log order. */
    public record Contents(TraceHeader header, List<TraceEvent> events) {
        public Contents {
            events = List.copyOf(events);
        }
    }

    private TraceFile() {
    }

    // ------------------------------------------------------------------------------------ writing

    /** Writes {@code header} and {@code events} to {@code file} (created or replaced). */
    public static void write(Path file, TraceHeader header, List<TraceEvent> events) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, header, events);
        }
    }

    /**
     * Writes the log as NDJSON, one line per event after the header.
     *
     * @throws IllegalArgumentException if the events' {@code seq} are not 0, 1, 2, ...
     */
    public static void write(Writer out, TraceHeader header, List<TraceEvent> events) throws IOException {
        out.write(headerLine(header));
        out.write('\n');
        long expected = 0;
        for (TraceEvent e : events) {
            if (e.seq() != expected) {
                throw new IllegalArgumentException("event " + e + " has seq " + e.seq() + "; expected " + expected);
            }
            out.write(eventLine(e));
            out.write('\n');
            expected++;
        }
        out.flush();
    }

    /** The header as one JSON line (no newline). */
    public static String headerLine(TraceHeader h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", h.format());
        o.put("layout", h.layout());
        o.put("policy", h.policy());
        o.put("scheduler", h.scheduler());
        o.put("hash_key", h.hashKey());
        o.put("ring_size", h.ringSize());
        o.put("cpus", h.cpus());
        ArrayNode m = o.putArray("mutants");
        h.mutants().forEach(m::add);
        return json(o);
    }

    /** One event as one JSON line (no newline): seq, action, then its action's fields in order. */
    public static String eventLine(TraceEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seq", e.seq());
        o.put("action", e.action().tlaName());
        for (String f : e.action().fields()) {
            Object v = e.field(f);
            if (v instanceof String s) {
                o.put(f, s);
            } else if (v instanceof Integer i) {
                o.put(f, i);
            } else if (v instanceof Long l) {
                o.put(f, l);
            } else {
                throw new IllegalArgumentException("event " + e.seq() + " (" + e.action().tlaName() + ") has no " + f);
            }
        }
        return json(o);
    }

    private static String json(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    // ------------------------------------------------------------------------------------ reading

    /** Reads and checks {@code file}; every error is an {@link InvalidInputException}. */
    public static Contents read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("trace-file", name + " is a directory; expected an NDJSON file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("trace-file", name + " does not exist");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("trace-file", name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException("trace-file", name + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads and checks NDJSON text; {@code source} names it in error messages. */
    public static Contents read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Parser p = new Parser(source);
        String line;
        while ((line = in.readLine()) != null) {
            p.line(line);
        }
        return p.finish();
    }

    private static final class Parser {
        private final String source;
        private final List<TraceEvent> events = new ArrayList<>();
        private TraceHeader header;
        private Layout layout;
        private int lineNo;

        Parser(String source) {
            this.source = source;
        }

        void line(String raw) {
            lineNo++;
            String line = lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            if (line.isBlank()) {
                return;
            }
            ObjectNode o = object(line);
            if (header == null) {
                header(o);
            } else {
                event(o);
            }
        }

        Contents finish() {
            if (header == null) {
                throw new InvalidInputException("format", source + ": no header; line 1 must be {\"format\":\""
                        + FORMAT + "\",\"layout\":...}");
            }
            return new Contents(header, events);
        }

        private ObjectNode object(String line) {
            JsonNode n;
            try {
                n = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw error("json", "not valid JSON (" + e.getOriginalMessage() + "); expected one JSON object per line");
            }
            if (!(n instanceof ObjectNode o)) {
                throw error("json", "a JSON " + n.getNodeType().name().toLowerCase(Locale.ROOT) + "; expected one JSON object per line");
            }
            return o;
        }

        private void header(ObjectNode o) {
            onlyKnown(o, Set.copyOf(HEADER_FIELDS), "the header has " + String.join(", ", HEADER_FIELDS));
            String format = string(o, "format");
            if (!format.equals(FORMAT)) {
                throw error("format", "'" + format + "' is not a supported format; allowed: " + FORMAT
                        + " (is line 1 the header?)");
            }
            String layoutText = string(o, "layout");
            try {
                layout = Layout.parse(layoutText);
            } catch (InvalidInputException e) {
                throw error("layout", "'" + layoutText + "': " + e.getMessage());
            }
            String policy = oneOf(o, "policy", "next", "hash");
            String schedulerText = string(o, "scheduler");
            try {
                Scheduler.parse(schedulerText).checkFits(layout.groupCount());
            } catch (InvalidInputException e) {
                throw error("scheduler", "'" + schedulerText + "': " + e.getMessage());
            }
            String hashKey = oneOf(o, "hash_key", "mac", "flow");
            int ringSize = (int) number(o, "ring_size", 1, MAX_RING_SIZE);
            int cpus = (int) number(o, "cpus", 1, MAX_CPUS);
            JsonNode m = required(o, "mutants");
            if (!m.isArray()) {
                throw error("mutants", m + " is not an array; allowed e.g. [] or [\"M2\"] (" + dev.txorder.Mutant.allowed() + ")");
            }
            List<String> mutants = new ArrayList<>();
            for (JsonNode e : m) {
                try {
                    mutants.add(Mutant.parse(e.isTextual() ? e.asText() : e.toString()).name());
                } catch (InvalidInputException x) {
                    throw error("mutants", e + " is not a mutant; allowed: \"M1\"..\"M8\"");
                }
            }
            header = new TraceHeader(format, layoutText, policy, schedulerText, hashKey, ringSize, cpus, mutants);
        }

        private void event(ObjectNode o) {
            long seq = number(o, "seq", 0, Long.MAX_VALUE);
            if (seq != events.size()) {
                throw error("seq", seq + " out of order; expected " + events.size()
                        + " (events are numbered 0, 1, 2, ... in log order)");
            }
            String name = string(o, "action");
            Action action = Action.byTlaName(name);
            if (action == null) {
                throw error("action", "'" + name + "' is not an action; allowed: " + Action.allowedNames());
            }
            List<String> fields = action.fields();
            String carries = action.tlaName() + " events carry seq, action"
                    + (fields.isEmpty() ? "" : ", " + String.join(", ", fields));
            Set<String> known = new HashSet<>(fields);
            known.add("seq");
            known.add("action");
            onlyKnown(o, known, carries);
            int cpu = -1;
            String req = null;
            String flow = null;
            int priority = -1;
            String dstMac = null;
            int packets = -1;
            int group = -1;
            int queue = -1;
            long ticket = -1;
            long slot = -1;
            int packet = -1;
            Indicator indicator = null;
            int written = -1;
            for (String f : fields) {
                if (!o.has(f)) {
                    throw error(f, "missing; " + carries);
                }
                switch (f) {
                    case "cpu" -> cpu = (int) number(o, f, 0, header.cpus() - 1);
                    case "req" -> req = id(o, f);
                    case "flow" -> flow = id(o, f);
                    case "priority" -> priority = (int) number(o, f, 0, layout.priorityCount() - 1);
                    case "dst_mac" -> dstMac = mac(o, f);
                    case "packets" -> packets = (int) number(o, f, 1, header.ringSize());
                    case "group" -> group = (int) number(o, f, 0, layout.groupCount() - 1);
                    case "queue" -> queue = (int) number(o, f, 0, layout.group(group).queueCount() - 1);
                    case "ticket" -> ticket = number(o, f, -1, Long.MAX_VALUE);
                    case "slot" -> slot = number(o, f, 0, Long.MAX_VALUE);
                    case "packet" -> packet = (int) number(o, f, 1, header.ringSize());
                    case "indicator" -> indicator = Indicator.valueOf(oneOf(o, f, "CURRENT", "NEXT", "NONE"));
                    case "written" -> written = (int) number(o, f, 0, header.ringSize());
                    default -> throw new IllegalStateException("no parser for field " + f);
                }
            }
            events.add(new TraceEvent(seq, action, cpu, req, flow, priority, dstMac, packets, group, queue, ticket,
                    slot, packet, indicator, written));
        }

        private void onlyKnown(ObjectNode o, Set<String> known, String carries) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw error(f, "unknown field; " + carries);
                }
            }
        }

        private JsonNode required(ObjectNode o, String f) {
            JsonNode n = o.get(f);
            if (n == null) {
                throw error(f, "missing");
            }
            return n;
        }

        private String string(ObjectNode o, String f) {
            JsonNode n = required(o, f);
            if (!n.isTextual()) {
                throw error(f, n + " is not a string; a JSON string is required");
            }
            return n.asText();
        }

        private String oneOf(ObjectNode o, String f, String... allowed) {
            String s = string(o, f);
            for (String a : allowed) {
                if (a.equals(s)) {
                    return s;
                }
            }
            throw error(f, "'" + s + "' is not allowed; allowed: " + String.join(", ", allowed));
        }

        private long number(ObjectNode o, String f, long min, long max) {
            JsonNode n = required(o, f);
            String allowed = "allowed: a whole number " + min + ".." + max;
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw error(f, n + " is not a whole number; " + allowed);
            }
            long v = n.asLong();
            if (v < min || v > max) {
                throw error(f, v + " is out of range; " + allowed);
            }
            return v;
        }

        private String id(ObjectNode o, String f) {
            JsonNode n = required(o, f);
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw error(f, n + " is not an id; allowed: a non-empty JSON string, e.g. \"17\"");
            }
            return n.asText();
        }

        private String mac(ObjectNode o, String f) {
            String s = string(o, f);
            try {
                return TxRequest.formatMac(TxRequest.parseMac(s, f));
            } catch (InvalidInputException e) {
                throw error(f, "'" + s + "' is not a MAC address; allowed: aa:bb:cc:dd:ee:ff (six hex octets)");
            }
        }

        private InvalidInputException error(String field, String what) {
            return new InvalidInputException(field, source + " line " + lineNo + ": " + what);
        }
    }
}
