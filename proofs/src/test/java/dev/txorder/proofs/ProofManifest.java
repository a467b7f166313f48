package dev.txorder.proofs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code proofs/models/manifest.json}, in the shape of the spec's {@code spec/models/manifest.json}: every proof
 * model with its profile, expected outcome ({@code pass} or {@code fail:<Property>}), bounds in words and, for a
 * passing model, the distinct-state count the gate compares. Read with a parser for exactly the JSON subset the
 * manifest uses (objects, arrays, strings, integers) until the spec module's {@code Manifest} lands on main.
 */
record ProofManifest(List<Entry> models) {

    record Entry(String name, String theorem, String profile, String expected, String bounds,
                 OptionalLong distinctStates) {

        boolean mustFail() {
            return expected.startsWith("fail:");
        }

        String failingProperty() {
            return expected.substring("fail:".length());
        }

        @Override
        public String toString() {
            return name + " (" + expected + ")";
        }
    }

    static ProofManifest read(Path file) throws IOException {
        Object root = new Parser(Files.readString(file, StandardCharsets.UTF_8)).value();
        if (!(root instanceof Map<?, ?> map) || !(map.get("models") instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": expected {\"models\": [...]}");
        }
        List<Entry> entries = new ArrayList<>();
        for (Object e : list) {
            Map<?, ?> m = (Map<?, ?>) e;
            Object states = m.get("distinct_states");
            entries.add(new Entry(text(m, "name"), text(m, "theorem"), text(m, "profile"), text(m, "expected"),
                    text(m, "bounds"), states instanceof Long n ? OptionalLong.of(n) : OptionalLong.empty()));
        }
        return new ProofManifest(List.copyOf(entries));
    }

    /** The models of a profile; {@code full} includes the {@code ci} models. */
    List<Entry> profile(String profile) {
        return models.stream()
                .filter(m -> m.profile().equals(profile) || (profile.equals("full") && m.profile().equals("ci")))
                .toList();
    }

    private static String text(Map<?, ?> entry, String field) {
        if (!(entry.get(field) instanceof String s)) {
            throw new IllegalArgumentException("manifest entry " + entry.get("name") + " lacks the text field \"" + field + "\"");
        }
        return s;
    }

    private static final class Parser {
        private final String in;
        private int at;

        Parser(String in) {
            this.in = in;
        }

        Object value() {
            skipSpace();
            char c = in.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (in.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                } while (in.charAt(at++) == ',');
                require(in.charAt(at - 1) == '}', "'}'");
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skipSpace();
                if (in.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    skipSpace();
                } while (in.charAt(at++) == ',');
                require(in.charAt(at - 1) == ']', "']'");
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < in.length() && (Character.isDigit(in.charAt(at)) || in.charAt(at) == '-')) {
                at++;
            }
            require(at > start, "a value");
            return Long.parseLong(in.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (in.charAt(at) != '"') {
                char c = in.charAt(at++);
                if (c == '\\') {
                    char e = in.charAt(at++);
                    s.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    s.append(c);
                }
            }
            at++;
            return s.toString();
        }

        private void expect(char c) {
            require(in.charAt(at) == c, "'" + c + "'");
            at++;
        }

        private void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalArgumentException("manifest: expected " + what + " at offset " + at);
            }
        }

        private void skipSpace() {
            while (at < in.length() && Character.isWhitespace(in.charAt(at))) {
                at++;
            }
        }
    }
}
