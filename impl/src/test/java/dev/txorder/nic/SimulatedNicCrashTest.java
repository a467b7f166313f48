package dev.txorder.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.AssignmentPolicy;
import dev.txorder.RunFailedException;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import org.junit.jupiter.api.Test;

/**
 * A crash of the NIC's own thread is a failure of the run, never a Progress verdict: before, the
 * thread died silently, the rings stopped draining, and the audit reported "the NIC stalled".
 */
class SimulatedNicCrashTest {
    private static final TxConfig CONFIG = TxConfig.of(Layout.parse("0x2"), AssignmentPolicy.NEXT);

    @Test
    void shouldReportACrashedNicThreadAsARunFailureNotAStall() throws Exception {
        TxDriver driver = new TxDriver(CONFIG);
        Wire broken = (request, packet, priority, group, queue, indicator, dstMac, ticket, ready) -> {
            throw new IllegalStateException("wire unplugged at request " + request);
        };
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.STRICT, broken);
        nic.start();
        driver.send(new TxRequest(7, 0, 0, 0x0200_0000_0000L, 1, 1));

        assertThatThrownBy(() -> nic.drainAndStop(5_000))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("the NIC thread crashed")
                .hasMessageContaining("wire unplugged at request 7");
    }

    @Test
    void shouldDrainTheSameRunOnAWorkingWire() throws Exception {
        TxDriver driver = new TxDriver(CONFIG);
        RecordingWire wire = new RecordingWire();
        SimulatedNic nic = new SimulatedNic(driver, Scheduler.STRICT, wire);
        nic.start();
        driver.send(new TxRequest(7, 0, 0, 0x0200_0000_0000L, 1, 1));

        assertThat(nic.drainAndStop(5_000)).isTrue();
        assertThat(wire.size()).isEqualTo(1);
    }
}
