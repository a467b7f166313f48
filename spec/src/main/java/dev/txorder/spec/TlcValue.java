package dev.txorder.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads values as TLC prints them: integers ({@code Long}), strings ({@code String}), booleans,
 * model values ({@link ModelValue}), sequences and tuples {@code << >>} ({@code List}), sets
 * {@code { }} ({@code Set}), records {@code [a |-> 1]} and functions {@code (0 :> x @@ 1 :> y)}
 * (both {@code Map}).
 */
public final class TlcValue {
    /** A TLC model value such as {@code c1}. */
    public record ModelValue(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final String text;
    private int pos;

    private TlcValue(String text) {
        this.text = text;
    }

    /** Parses one value; throws {@link IllegalArgumentException} on text it does not understand. */
    public static Object parse(String text) {
        TlcValue p = new TlcValue(text);
        Object v = p.value();
        p.space();
        if (p.pos != text.length()) {
            throw p.error();
        }
        return v;
    }

    private Object value() {
        space();
        if (text.startsWith("<<", pos)) {
            pos += 2;
            List<Object> items = new ArrayList<>();
            space();
            if (text.startsWith(">>", pos)) {
                pos += 2;
                return items;
            }
            while (true) {
                items.add(value());
                space();
                if (eat(",")) {
                    continue;
                }
                expect(">>");
                return items;
            }
        }
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            Set<Object> items = new LinkedHashSet<>();
            space();
            if (eat("}")) {
                return items;
            }
            do {
                items.add(value());
                space();
            } while (eat(","));
            expect("}");
            return items;
        }
        if (c == '[') {
            pos++;
            Map<Object, Object> record = new LinkedHashMap<>();
            space();
            if (eat("]")) {
                return record;
            }
            do {
                space();
                String field = identifier();
                space();
                expect("|->");
                record.put(field, value());
                space();
            } while (eat(","));
            expect("]");
            return record;
        }
        if (c == '(') {
            pos++;
            Map<Object, Object> function = new LinkedHashMap<>();
            do {
                Object key = value();
                space();
                expect(":>");
                function.put(key, value());
                space();
            } while (eat("@@"));
            expect(")");
            return function;
        }
        if (c == '"') {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw error();
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return Long.valueOf(text.substring(start, pos));
        }
        String word = identifier();
        if (word.equals("TRUE")) {
            return Boolean.TRUE;
        }
        if (word.equals("FALSE")) {
            return Boolean.FALSE;
        }
        return new ModelValue(word);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error();
        }
        return text.substring(start, pos);
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String token) {
        space();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw error();
        }
    }

    private IllegalArgumentException error() {
        return new IllegalArgumentException("cannot read TLC value at offset " + pos + ": "
                + text.substring(Math.max(0, pos - 20), Math.min(text.length(), pos + 20)));
    }
}
