package dev.txorder.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The one Jackson configuration txorder reads and writes its JSON files with (the models manifest,
 * TLC's results, the verify summary, JCStress's and JMH's results): duplicate keys and trailing text
 * are errors, output is indented. What is specific to txorder is only how a missing or mistyped
 * field is reported: naming the document and the field.
 */
public final class Json {
    /** Strict when reading, indented when writing. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code text} as a JSON value; {@link IllegalArgumentException} naming {@code what} and where it is not JSON. */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException(what + ": empty; expected a JSON document");
            }
            return n;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(what + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
    }

    /** {@code value} as indented JSON text, ending with a newline. */
    public static String write(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /** A new empty object, to build a document in. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code node} as an object; {@link IllegalArgumentException} naming {@code what} if it is not one. */
    public static ObjectNode object(JsonNode node, String what) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new IllegalArgumentException(what + " is " + describe(node) + "; expected a JSON object");
    }

    /** The array {@code field} of {@code o}; {@link IllegalArgumentException} naming {@code what} if absent or not an array. */
    public static JsonNode array(JsonNode o, String field, String what) {
        JsonNode n = o.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(what + ": \"" + field + "\" is " + describe(n) + "; expected a JSON array");
        }
        return n;
    }

    /** The text {@code field} of {@code o}; {@link IllegalArgumentException} naming {@code what} if absent or not text. */
    public static String text(JsonNode o, String field, String what) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(what + ": \"" + field + "\" is " + describe(n) + "; expected a string");
        }
        return n.asText();
    }

    /** The whole-number {@code field} of {@code o}; {@link IllegalArgumentException} naming {@code what} if absent or not one. */
    public static long number(JsonNode o, String field, String what) {
        JsonNode n = o.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(what + ": \"" + field + "\" is " + describe(n) + "; expected a whole number");
        }
        return n.asLong();
    }

    private static String describe(JsonNode n) {
        return n == null || n.isMissingNode() ? "missing" : n.isNull() ? "null" : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT)
                + " (" + abbreviate(n.toString()) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
