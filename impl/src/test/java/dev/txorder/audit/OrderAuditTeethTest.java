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

/**
 * The audit's checks of the properties no Java mutant of the driver violates yet (PriorityIsolation,
 * NoDuplicate), shown failing on hand-made wires, each beside the same wire without the fault. A wire
 * is what {@code txorder audit} would read from another implementation, so these are the known-bad
 * cases the audit must catch whoever produced them.
 */
class OrderAuditTeethTest {
    private static final long MAC = 0x0a0bL;
    /** Priorities 0-1 in group 0, 2-3 in group 1, two queues each. */
    private static final TxConfig CONFIG = TxConfig.of(Layout.parse("0-1x2,2-3x2"), AssignmentPolicy.HASH);

    /** Request 0 (priority 2, group 1, 2 packets) and request 1 (priority 0, group 0, 1 packet), both returned. */
    private static SendHistory history() {
        SendHistory h = new SendHistory(2);
        h.add(new TxRequest(0, 0, 2, MAC, 7, 2));
        h.add(new TxRequest(1, 1, 0, MAC, 8, 1));
        h.begin(0, 1);
        h.end(0, 2, SendHistory.Outcome.ACCEPTED);
        h.begin(1, 1);
        h.end(1, 2, SendHistory.Outcome.ACCEPTED);
        return h;
    }

    private static AuditReport audit(RecordingWire wire) {
        return new OrderAudit(CONFIG, new TxDriver(CONFIG)).audit(history(), wire, true);
    }

    @Test
    void shouldFlagAPacketThatLeftFromAQueueOfAnotherGroupAsPriorityIsolation() {
        RecordingWire right = new RecordingWire();
        right.transmit(0, 1, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        right.transmit(0, 2, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        right.transmit(1, 1, 0, 0, 1, Indicator.NONE, MAC, -1, 1);
        RecordingWire misrouted = new RecordingWire();
        misrouted.transmit(0, 1, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        misrouted.transmit(0, 2, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        misrouted.transmit(1, 1, 0, 1, 0, Indicator.NONE, MAC, -1, 2);  // priority 0 sat in group 1

        assertThat(audit(right).violations(Property.PriorityIsolation)).isEmpty();
        assertThat(audit(misrouted).violations(Property.PriorityIsolation)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("request 1", "group 0", "group 1"));
    }

    @Test
    void shouldFlagAPacketTransmittedTwiceAsNoDuplicate() {
        RecordingWire once = new RecordingWire();
        once.transmit(0, 1, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        once.transmit(0, 2, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        once.transmit(1, 1, 0, 0, 1, Indicator.NONE, MAC, -1, 1);
        RecordingWire twice = new RecordingWire();
        twice.transmit(0, 1, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        twice.transmit(0, 2, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        twice.transmit(0, 2, 2, 1, 1, Indicator.NONE, MAC, -1, 3);  // an old descriptor sent again
        twice.transmit(1, 1, 0, 0, 1, Indicator.NONE, MAC, -1, 1);

        assertThat(audit(once).violations(Property.NoDuplicate)).isEmpty();
        assertThat(audit(twice).violations(Property.NoDuplicate)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("packet 2 of request 0", "second time"));
    }

    @Test
    void shouldFlagAnAcceptedPacketThatNeverLeftAsNoLoss() {
        RecordingWire short1 = new RecordingWire();
        short1.transmit(0, 1, 2, 1, 1, Indicator.NONE, MAC, -1, 3);
        short1.transmit(1, 1, 0, 0, 1, Indicator.NONE, MAC, -1, 1);

        assertThat(audit(short1).violations(Property.NoLoss)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("request 0"));
    }
}
