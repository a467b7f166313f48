package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import org.junit.jupiter.api.Test;

/** The report as {@code --json} prints it: what a script reads instead of the table. */
class AuditJsonTest {
    /**
     * A wire file audited without rings or ready masks: a packet of a request never sent (at wire
     * seq 0), a request lost whole (no wire position), two properties not judged.
     */
    private static AuditReport filesReport() {
        SendHistory h = new SendHistory(1);
        h.add(new TxRequest(0, 0, 0, 0x0a0bL, 1, 1));
        h.begin(0, 1);
        h.end(0, 2, SendHistory.Outcome.ACCEPTED);
        RecordingWire w = new RecordingWire();
        w.transmit(5, 1, 0, 0, 0, Indicator.NONE, 0x0a0bL, -1, 1);
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        return new OrderAudit(hash, null, OrderAudit.Evidence.FILES).audit(h, w, true);
    }

    private static JsonNode property(JsonNode root, Property p) {
        for (JsonNode o : root.get("properties")) {
            if (o.get("name").asText().equals(p.name())) {
                return o;
            }
        }
        throw new AssertionError("no property " + p);
    }

    @Test
    void shouldWriteEachPropertysVerdictCountAndFirstViolations() throws Exception {
        JsonNode root = new ObjectMapper().readTree(AuditJson.write(AuditJson.node(filesReport())));
        assertThat(root.get("verdict").asText()).isEqualTo("violated");
        assertThat(root.get("packets").asLong()).isEqualTo(1);
        assertThat(root.get("properties")).hasSize(Property.values().length);

        JsonNode dup = property(root, Property.NoDuplicate);
        assertThat(dup.get("verdict").asText()).isEqualTo("violated");
        assertThat(dup.get("violations").asLong()).isEqualTo(1);
        assertThat(dup.get("first")).singleElement().satisfies(x -> {
            assertThat(x.get("seq").asLong()).as("wire seq 0 is a position").isZero();
            assertThat(x.get("detail").asText()).isEqualTo("packet 1 of request 5, which was never sent");
        });
        assertThat(dup.has("not_judged")).isFalse();

        JsonNode loss = property(root, Property.NoLoss);
        assertThat(loss.get("first")).singleElement().satisfies(x -> {
            assertThat(x.has("seq")).as("about the whole run: no position").isFalse();
            assertThat(x.get("detail").asText()).isEqualTo("request 0: 0 of 1 packets transmitted");
        });

        assertThat(property(root, Property.FlowOrder).get("verdict").asText()).isEqualTo("holds");
        assertThat(property(root, Property.FlowOrder).get("first")).isEmpty();
        assertThat(property(root, Property.GroupOrder).get("verdict").asText()).isEqualTo("not_applicable");
        JsonNode strict = property(root, Property.StrictPriority);
        assertThat(strict.get("verdict").asText()).isEqualTo("not_judged");
        assertThat(strict.get("not_judged").asText())
                .isEqualTo("the wire has no ready masks: which groups had a packet ready is not known");
    }

    @Test
    void shouldSayHoldsWhenNothingIsViolated() throws Exception {
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        AuditReport empty = new OrderAudit(hash, null, OrderAudit.Evidence.FILES)
                .audit(new SendHistory(0), new RecordingWire(), true);
        String text = AuditJson.write(AuditJson.node(empty));
        assertThat(text).endsWith("}\n");
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.get("verdict").asText()).isEqualTo("holds");
        assertThat(root.get("packets").asLong()).isZero();
    }
}
