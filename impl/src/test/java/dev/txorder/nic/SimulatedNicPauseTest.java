package dev.txorder.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.SendHistory;
import dev.txorder.audit.StreamingAudit;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.StepProbe;
import dev.txorder.layout.Layout;
import dev.txorder.sim.RandomRequests;
import dev.txorder.sim.Simulation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Flow control: the NIC paused mid-run (a peer's PAUSE) and resumed. While paused nothing leaves;
 * the senders fill the rings and wait; after it, the wire goes on where it stopped, and the audit
 * finds nothing lost, doubled or reordered across the pause.
 */
class SimulatedNicPauseTest {

    @Test
    void shouldTransmitNothingWhilePausedAndLoseNothingAcrossThePause() throws Exception {
        for (AssignmentPolicy policy : AssignmentPolicy.values()) {
            TxConfig c = TxConfig.of(Layout.parse("0-3x2,4-7x3"), policy).withRingSize(64);
            SendPath path = Simulation.newPath(c, Simulation.Driver.TXORDER);
            SendHistory h = RandomRequests.generate(c.layout(), 40_000, 1, 4, 7);
            RecordingWire wire = new RecordingWire(200_000, System::nanoTime, RecordingWire.NANO_TIME_SLACK);
            SimulatedNic nic = new SimulatedNic(path, c.scheduler(), wire);
            nic.start();
            Thread sender = new Thread(() -> {
                TxRequest r = new TxRequest();
                for (int i = 0; i < h.size(); i++) {
                    Simulation.sendOne(path, h, i, h.load(i, r), FaultPlan.NONE, StepProbe.NONE, System::nanoTime);
                }
            });
            sender.start();
            while (wire.size() < 1_000) {
                Thread.onSpinWait();
            }
            nic.pause();
            int before = wire.size();
            long pausedAt = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(50);
            assertThat(wire.size()).as("%s: nothing leaves while paused", policy).isEqualTo(before);
            assertThat(sender.isAlive()).as("the sender waits on full rings").isTrue();
            nic.resume();
            sender.join();
            assertThat(nic.drainAndStop(2_000)).isTrue();

            assertThat(nic.pauses()).isEqualTo(1);
            assertThat(wire.time(before)).as("the first packet after the pause left after it")
                    .isGreaterThanOrEqualTo(pausedAt + TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(new OrderAudit(c, path).audit(h, wire, true).holds()).isTrue();
            assertThat(StreamingAudit.replay(c, h, wire, true, path, 1).holds()).isTrue();
            assertThat(wire.size()).isEqualTo((int) Simulation.totalPackets(h));
        }
    }
}
