package dev.txorder.spec.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.spec.SpecFiles;
import dev.txorder.spec.TlcRunner;
import dev.txorder.trace.Action;
import dev.txorder.trace.TraceEvent;
import dev.txorder.trace.TraceFile;
import dev.txorder.trace.TraceHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written logs of one next group of 2 queues (FIG. 7 in small): request a (2 packets) gets
 * ticket 0 and queue 0, request b (1 packet) ticket 1 and queue 1. TLC must accept the order the
 * adapter's cursor allows and name the first record of any other order.
 */
class TraceValidatorTest {
    private static final TraceHeader NEXT = new TraceHeader(TraceFile.FORMAT, "0x2", "next", "strict", "mac", 2, 2,
            List.of());

    private final TraceValidator validator = new TraceValidator(SpecFiles.directory(Path.of("").toAbsolutePath()),
            new TlcRunner(Path.of("target", "tlc-trace"), Duration.ofMinutes(2)));

    private static final class Log {
        final List<TraceEvent> events = new ArrayList<>();

        Log assignReserve(int cpu, String req, int packets, int queue, long ticket) {
            return add(Action.ASSIGN_RESERVE, cpu, req, "f" + req, 0, "02:00:00:00:00:0" + queue, packets, 0, queue,
                    ticket, 0, -1, null, -1);
        }

        Log write(int cpu, String req, int packet, int queue, long slot, Indicator ind) {
            return add(Action.WRITE, cpu, req, null, -1, null, -1, 0, queue, -1, slot, packet, ind, -1);
        }

        Log transmit(String req, int packet, int queue, long slot) {
            return add(Action.TRANSMIT, -1, req, null, -1, null, -1, 0, queue, -1, slot, packet, null, -1);
        }

        Log idle() {
            return add(Action.IDLE, -1, null, null, -1, null, -1, -1, -1, -1, -1, -1, null, -1);
        }

        Log add(Action a, int cpu, String req, String flow, int priority, String mac, int packets, int group,
                int queue, long ticket, long slot, int packet, Indicator ind, int written) {
            events.add(new TraceEvent(events.size(), a, cpu, req, flow, priority, mac, packets, group, queue, ticket,
                    slot, packet, ind, written));
            return this;
        }

        /** Both requests assigned and written, a's first packet sent. */
        static Log prefix(Indicator firstOfArray) {
            return new Log().assignReserve(0, "a", 2, 0, 0).assignReserve(1, "b", 1, 1, 1)
                    .write(1, "b", 1, 1, 0, Indicator.NEXT).idle()
                    .write(0, "a", 1, 0, 0, firstOfArray).transmit("a", 1, 0, 0)
                    .write(0, "a", 2, 0, 1, Indicator.NEXT);
        }
    }

    @Test
    void shouldAcceptALogThatFollowsTheCursor() throws Exception {
        Log log = Log.prefix(Indicator.CURRENT).transmit("a", 2, 0, 1).transmit("b", 1, 1, 0).idle();

        TraceVerdict v = validator.validate("accept", NEXT, log.events, "none");

        assertThat(v.conforms()).as(v.explain()).isTrue();
        assertThat(v.events()).isEqualTo(10);
    }

    @Test
    void shouldNameTheFirstRecordTheCursorDoesNotAllow() throws Exception {
        // b leaves before a's second packet: the cursor is still on queue 0 (a's packet 1 said CURRENT).
        Log log = Log.prefix(Indicator.CURRENT).transmit("b", 1, 1, 0).transmit("a", 2, 0, 1);

        TraceVerdict v = validator.validate("reject", NEXT, log.events, "none");

        assertThat(v.conforms()).isFalse();
        assertThat(v.unmatched()).isEqualTo(8);
        assertThat(v.event().action()).isEqualTo(Action.TRANSMIT);
        assertThat(v.event().req()).isEqualTo("b");
        assertThat(v.specState()).contains("cursor  g0:q0");
        assertThat(v.explain()).contains("record seq 7 (8 of 9)").contains("Transmit").contains("spec r2");
    }

    @Test
    void shouldRejectAnArrayWrittenWithNextAndAcceptItWhenTheSpecHasM3() throws Exception {
        // M3: NEXT on the non-final packet of a; the adapter then moves on to b before a's packet 2.
        Log log = Log.prefix(Indicator.NEXT).transmit("b", 1, 1, 0).transmit("a", 2, 0, 1);

        TraceVerdict correct = validator.validate("m3-correct", NEXT, log.events, "none");
        TraceVerdict m3 = validator.validate("m3-mutant", NEXT, log.events, "M3");

        assertThat(correct.conforms()).isFalse();
        assertThat(correct.unmatched()).isEqualTo(5);
        assertThat(correct.event().action()).isEqualTo(Action.WRITE);
        assertThat(m3.conforms()).as(m3.explain()).isTrue();
    }

    @Test
    void shouldRejectAnIdleAdapterThatHasAPacketToSend() throws Exception {
        Log log = new Log().assignReserve(0, "a", 1, 0, 0).write(0, "a", 1, 0, 0, Indicator.NEXT).idle();

        TraceVerdict v = validator.validate("idle", NEXT, log.events, "none");

        assertThat(v.conforms()).isFalse();
        assertThat(v.unmatched()).isEqualTo(3);
    }

    @Test
    void shouldRefuseASpecMutantOfTheOtherPolicy() {
        Log log = new Log().idle();
        assertThatThrownBy(() -> validator.validate("m4", NEXT, log.events, "M4"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hash policy");
    }
}
