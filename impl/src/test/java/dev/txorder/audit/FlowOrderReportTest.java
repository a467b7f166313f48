package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import dev.txorder.nic.RecordingWire;
import org.junit.jupiter.api.Test;

class FlowOrderReportTest {

    @Test
    void shouldNameTheUsersFlowIdAndPriorityInAFlowOrderViolation() {
        TxConfig config = TxConfig.of(Layout.parse("0-1x2"), AssignmentPolicy.HASH);
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(10, 0, 1, 0x0a0bL, 4242, 1));
        h.add(new TxRequest(11, 0, 1, 0x0a0bL, 4242, 1));
        // Request 10 returned before request 11 began ...
        h.begin(0, 1);
        h.end(0, 2, SendHistory.Outcome.ACCEPTED);
        h.begin(1, 3);
        h.end(1, 4, SendHistory.Outcome.ACCEPTED);
        // ... but 11 left first.
        RecordingWire wire = new RecordingWire();
        wire.transmit(11, 1, 1, 0, 1, Indicator.NONE, 0x0a0bL, -1, 1);
        wire.transmit(10, 1, 1, 0, 1, Indicator.NONE, 0x0a0bL, -1, 1);

        AuditReport report = new OrderAudit(config, new TxDriver(config)).audit(h, wire, true);

        assertThat(report.violations(Property.FlowOrder)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("flow 4242 at priority 1").doesNotContain("flow 0)"));
    }
}
