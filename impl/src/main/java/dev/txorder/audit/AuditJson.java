package dev.txorder.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * An {@link AuditReport} as JSON, for {@code --json} output (Jackson):
 * <pre>
 * { "verdict": "holds" | "violated", "packets": N,
 *   "properties": [ { "name": "GroupOrder", "verdict": "holds" | "violated" | "not_applicable" | "not_judged",
 *                     "violations": N, "first": [ { "seq": S, "detail": "..." } ], "not_judged": "why" } ] }
 * </pre>
 */
public final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    /** The report as a JSON object node, to embed in a larger document. */
    public static ObjectNode node(AuditReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", r.holds() ? "holds" : "violated");
        root.put("packets", r.packets());
        ArrayNode props = root.putArray("properties");
        for (Property p : Property.values()) {
            ObjectNode o = props.addObject();
            o.put("name", p.name());
            o.put("verdict", r.verdict(p).name().toLowerCase(Locale.ROOT));
            o.put("violations", r.count(p));
            ArrayNode first = o.putArray("first");
            for (Violation v : r.violations(p)) {
                ObjectNode x = first.addObject();
                if (v.seq() >= 0) {
                    x.put("seq", v.seq());
                }
                x.put("detail", v.detail());
            }
            if (r.notJudged(p) != null) {
                o.put("not_judged", r.notJudged(p));
            }
        }
        return root;
    }

    /** {@code node} written as indented JSON text. */
    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }
}
