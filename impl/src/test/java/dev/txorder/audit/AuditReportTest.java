package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import org.junit.jupiter.api.Test;

/** The report as a person reads it: the table, the one-line summary, each violation's line. */
class AuditReportTest {
    /**
     * A wire file audited without rings or ready masks: two requests lost whole (no wire position),
     * one packet of a request never sent (at wire seq 0).
     */
    private static AuditReport filesReport() {
        SendHistory h = new SendHistory(2);
        for (int i = 0; i < 2; i++) {
            h.add(new TxRequest(i, 0, 0, 0x0a0bL, 1, 1));
            h.begin(i, 1);
            h.end(i, 2, SendHistory.Outcome.ACCEPTED);
        }
        RecordingWire w = new RecordingWire();
        w.transmit(5, 1, 0, 0, 0, Indicator.NONE, 0x0a0bL, -1, 1);
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        return new OrderAudit(hash, null, OrderAudit.Evidence.FILES).audit(h, w, true);
    }

    @Test
    void shouldPrintOneLinePerPropertyWithItsKeptViolations() {
        String noMasks = "the wire has no ready masks: which groups had a packet ready is not known";
        assertThat(filesReport().table().lines().map(String::stripTrailing).toList()).containsExactly(
                "  NoLoss             violated       2 violations",
                "      NoLoss: request 0: 0 of 1 packets transmitted",
                "      NoLoss: request 1: 0 of 1 packets transmitted",
                "  NoDuplicate        violated       1 violation",
                "      NoDuplicate at wire seq 0: packet 1 of request 5, which was never sent",
                "  FlowOrder          holds",
                "  GroupOrder         n/a",
                "  RequestContiguity  n/a",
                "  FlowAffinity       holds",
                "  PriorityIsolation  holds",
                "  StrictPriority     not judged     " + noMasks,
                "  WeightedShare      n/a",
                "  SlotExclusion      not judged     no rings: which positions were claimed is not known",
                "  Progress           not judged     no rings and no record of sends that never returned");
    }

    @Test
    void shouldSummariseInOneLine() {
        assertThat(filesReport()).hasToString("audit violated: [NoLoss, NoDuplicate] over 1 packets");
        TxConfig hash = TxConfig.of(Layout.parse("0x1"), AssignmentPolicy.HASH);
        assertThat(new OrderAudit(hash, null, OrderAudit.Evidence.FILES).audit(new SendHistory(0), new RecordingWire(), true))
                .hasToString("audit holds over 0 packets");
    }

    @Test
    void shouldListEveryKeptViolationPropertyByPropertyAndSayWhyOneWasNotJudged() {
        AuditReport r = filesReport();
        assertThat(r.violations()).extracting(Violation::property)
                .containsExactly(Property.NoLoss, Property.NoLoss, Property.NoDuplicate);
        assertThat(r.notJudged(Property.StrictPriority))
                .isEqualTo("the wire has no ready masks: which groups had a packet ready is not known");
        assertThat(r.verdict(Property.WeightedShare)).as("strict: wrr's property does not apply, judged or not")
                .isEqualTo(AuditReport.Verdict.NOT_APPLICABLE);
        assertThat(r.notJudged(Property.WeightedShare)).isNull();
        assertThat(r.notJudged(Property.NoLoss)).isNull();
    }
}
