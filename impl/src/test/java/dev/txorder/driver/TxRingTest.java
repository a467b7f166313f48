package dev.txorder.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.Indicator;
import dev.txorder.InvalidInputException;
import dev.txorder.SendResult;
import dev.txorder.SenderFault;
import dev.txorder.TxRequest;
import dev.txorder.trace.Action;
import dev.txorder.trace.ActionLog;
import dev.txorder.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@link TxRing} driven by hand from one thread, sender side and NIC side in turn: the exact
 * words of each descriptor row, the ready mark across laps (and M10's flag reading of it), the
 * space check at its boundary, the statistics a wait leaves, the no-ops of a failed fill, and what
 * a recording ring appends. The send paths' own tests see these only through a NIC and a wire,
 * where a wrong column or a wrong count can cancel out; here each is asserted as a value.
 */
class TxRingTest {
    private static final long MAC = 0x02_00_00_00_00_2AL;

    /** The head descriptor as the NIC reads it, field by field. */
    private record Head(long request, int packet, long ticket, long dstMac, int priority, boolean noop,
                        Indicator indicator) {
        static Head of(TxRing ring) {
            return new Head(ring.headRequest(), ring.headPacket(), ring.headTicket(), ring.headDstMac(),
                    ring.headPriority(), ring.headNoop(), ring.headIndicator());
        }
    }

    private static TxRequest request(long id, int cpu, int priority, long mac, int packets) {
        return new TxRequest(id, cpu, priority, mac, mac, packets);
    }

    /** Reserves and fills {@code r} with nothing in the way; returns its first position. */
    private static long send(TxRing ring, TxRequest r, long ticket, Indicator nonFinal, Indicator last) {
        long pos = ring.reserve(r.packets, StepProbe.NONE, r.cpu);
        ring.fill(pos, r, ticket, nonFinal, last, StepProbe.NONE, FaultPlan.NONE, false, true);
        return pos;
    }

    /** The NIC consumes {@code n} ready descriptors and hands their slots back. */
    private static void consume(TxRing ring, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(ring.headReady()).as("descriptor at %d is ready", ring.head()).isTrue();
            ring.advance();
        }
        ring.handBack();
    }

    /** A probe that records every step as "STEP cpu" and lets {@code onWait} act at the i-th WAIT (1-based). */
    private static final class Recorder implements StepProbe {
        final List<String> steps = new ArrayList<>();
        private final java.util.function.IntConsumer onWait;
        private int waits;

        Recorder(java.util.function.IntConsumer onWait) {
            this.onWait = onWait;
        }

        @Override
        public void before(Step step, int cpu) {
            steps.add(step + " " + cpu);
            if (step == Step.WAIT) {
                onWait.accept(++waits);
            }
        }
    }

    // ------------------------------------------------------------------ construction

    @Test
    void shouldRefuseCapacitiesOutsideOneToTwoToTheTwentySix() {
        assertThatThrownBy(() -> new TxRing(0, 0, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ring-size"))
                .hasMessageContaining("0 is outside 1..67108864");
        assertThatThrownBy(() -> new TxRing(0, 0, -5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TxRing(0, 0, (1 << 26) + 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("67108865 is outside 1..67108864");

        TxRing one = new TxRing(2, 3, 1);
        assertThat(one.capacity()).isEqualTo(1);
        assertThat(one.group()).isEqualTo(2);
        assertThat(one.queue()).isEqualTo(3);
        assertThat(one).hasToString("TxRing[group 2 queue 3 capacity 1]");
    }

    @Test
    void shouldStartEmptyWithNothingReadyAndNoStatistics() {
        for (TxRing.ReadyMark mark : TxRing.ReadyMark.values()) {
            TxRing ring = new TxRing(0, 0, 4, null, mark);
            assertThat(ring.headReady()).as("%s: a fresh slot is not written", mark).isFalse();
            assertThat(ring.head()).isZero();
            assertThat(ring.tail()).isZero();
            assertThat(ring.consumed()).isZero();
            assertThat(ring.packets()).isZero();
            assertThat(ring.requests()).isZero();
            assertThat(ring.waits()).isZero();
            assertThat(ring.ringFullEvents()).isZero();
            assertThat(ring.ringFullWaits()).isZero();
            assertThat(ring.lockWaitNanos()).isZero();
            assertThat(ring.ringFullWaitNanos()).isZero();
        }
    }

    // ------------------------------------------------------------------ rows

    @Test
    void shouldStoreEveryFieldOfADescriptorInItsOwnColumn() {
        TxRing ring = new TxRing(1, 0, 4);
        TxRequest r = request(0x1_2345_6789L, 3, 5, MAC, 3);

        long pos = send(ring, r, 77L, Indicator.CURRENT, Indicator.NEXT);

        assertThat(pos).isZero();
        assertThat(ring.tail()).isEqualTo(3);
        assertThat(ring.packets()).isEqualTo(3);
        assertThat(Head.of(ring)).isEqualTo(new Head(0x1_2345_6789L, 1, 77L, MAC, 5, false, Indicator.CURRENT));
        ring.advance();
        assertThat(Head.of(ring)).isEqualTo(new Head(0x1_2345_6789L, 2, 77L, MAC, 5, false, Indicator.CURRENT));
        ring.advance();
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).as("the last packet carries the last indicator")
                .isEqualTo(new Head(0x1_2345_6789L, 3, 77L, MAC, 5, false, Indicator.NEXT));
        ring.advance();
        assertThat(ring.headReady()).as("a fill writes its n positions and not one more").isFalse();
    }

    @Test
    void shouldKeepPriorityPacketAndIndicatorApartForLargeValues() {
        // A priority that fills the meta word's upper bits, a hash group's NONE indicator (code 2)
        // and a packet index above 2^16: no field may bleed into another.
        TxRing ring = new TxRing(0, 0, 1);
        TxRequest r = request(-3L, 0, 0x7F_FFFF, 0xFFFF_FFFF_FFFFL, 1);
        ring.write(ring.reserve(1, StepProbe.NONE, 0), r, 70_000, -1L, Indicator.NONE, true);

        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).isEqualTo(new Head(-3L, 70_000, -1L, 0xFFFF_FFFF_FFFFL, 0x7F_FFFF, false, Indicator.NONE));
    }

    @Test
    void shouldPublishAPlainMarkAsReadyAsAReleasedOne() {
        // M8's plain store differs only in ordering between threads: on one thread the mark reads the same.
        TxRing ring = new TxRing(0, 0, 2);
        TxRequest r = request(9, 0, 1, MAC, 2);
        long pos = ring.reserve(2, StepProbe.NONE, 0);
        ring.fill(pos, r, 4L, Indicator.CURRENT, Indicator.NEXT, StepProbe.NONE, FaultPlan.NONE, true, true);

        assertThat(Head.of(ring)).isEqualTo(new Head(9, 1, 4L, MAC, 1, false, Indicator.CURRENT));
        ring.advance();
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).isEqualTo(new Head(9, 2, 4L, MAC, 1, false, Indicator.NEXT));
    }

    @Test
    void shouldMapPositionsOfANonPowerOfTwoRingToDistinctSlotsOnEveryLap() {
        // Capacity 3 lives in 4 slots: positions 3, 4, 5 land in slots 3, 0, 1, never on a live one.
        TxRing ring = new TxRing(0, 0, 3);
        for (int lap = 0; lap < 4; lap++) {
            TxRequest r = request(100 + lap, 0, 2, MAC + lap, 3);
            assertThat(send(ring, r, lap, Indicator.CURRENT, Indicator.NEXT)).isEqualTo(3L * lap);
            for (int p = 1; p <= 3; p++) {
                assertThat(ring.headReady()).as("lap %d packet %d", lap, p).isTrue();
                assertThat(Head.of(ring)).as("lap %d packet %d", lap, p).isEqualTo(new Head(100 + lap, p, lap, MAC + lap, 2,
                        false, p == 3 ? Indicator.NEXT : Indicator.CURRENT));
                ring.advance();
            }
            assertThat(ring.headReady()).isFalse();
            assertThat(ring.consumed()).as("nothing handed back before handBack").isEqualTo(3L * lap);
            ring.handBack();
            assertThat(ring.consumed()).isEqualTo(3L * lap + 3);
            assertThat(ring.head()).isEqualTo(3L * lap + 3);
        }
        assertThat(ring.tail()).isEqualTo(12);
    }

    // ------------------------------------------------------------------ ready marks across laps

    @Test
    void shouldNotTakeTheMarkOfTheLapBeforeForAReservedUnwrittenSlot() {
        TxRing ring = new TxRing(0, 0, 2);
        send(ring, request(1, 0, 0, MAC, 2), 0L, Indicator.CURRENT, Indicator.NEXT);
        consume(ring, 2);

        long pos = ring.reserve(1, StepProbe.NONE, 0);
        assertThat(pos).isEqualTo(2);
        assertThat(ring.head()).isEqualTo(2);
        assertThat(ring.headReady()).as("slot 0 still holds position 0's mark: not position 2's").isFalse();

        ring.write(pos, request(2, 0, 0, MAC + 1, 1), 1, 5L, Indicator.NEXT, true);
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).isEqualTo(new Head(2, 1, 5L, MAC + 1, 0, false, Indicator.NEXT));
    }

    @Test
    void shouldTakeTheLapBeforesMarkUnderTheFlagReadingOfMutantM10() {
        TxRing ring = new TxRing(0, 0, 1, null, TxRing.ReadyMark.FLAG);
        long first = ring.reserve(1, StepProbe.NONE, 0);
        assertThat(ring.headReady()).as("reserved, never written: no mark at all").isFalse();
        ring.write(first, request(1, 0, 0, MAC, 1), 1, 0L, Indicator.NEXT, true);
        assertThat(ring.headReady()).as("position 0's mark, which is 0").isTrue();
        consume(ring, 1);

        assertThat(ring.head()).isEqualTo(ring.tail());
        assertThat(ring.headReady()).as("a mark, but for no reserved position: head == tail").isFalse();

        assertThat(ring.reserve(1, StepProbe.NONE, 0)).isEqualTo(1);
        assertThat(ring.headReady()).as("M10: position 1 reserved, not written, ready by the lap before's mark").isTrue();
        assertThat(ring.headRequest()).as("and it shows the lap before's descriptor").isEqualTo(1);

        TxRing correct = new TxRing(0, 0, 1, null, TxRing.ReadyMark.POSITION);
        correct.write(correct.reserve(1, StepProbe.NONE, 0), request(1, 0, 0, MAC, 1), 1, 0L, Indicator.NEXT, true);
        consume(correct, 1);
        correct.reserve(1, StepProbe.NONE, 0);
        assertThat(correct.headReady()).as("the position reading of the same state").isFalse();
    }

    @Test
    void shouldFindNoMarkInASlotNeverWrittenUnderTheFlagReadingOnTheFirstLap() {
        // M10 takes any mark for a reserved position; a fresh slot must still hold none.
        TxRing ring = new TxRing(0, 0, 4, null, TxRing.ReadyMark.FLAG);
        long pos = ring.reserve(4, StepProbe.NONE, 0);
        ring.write(pos, request(1, 0, 0, MAC, 1), 1, 0L, Indicator.NEXT, true);
        consume(ring, 1);
        for (int p = 1; p < 4; p++) {
            assertThat(ring.head()).isEqualTo(p);
            assertThat(ring.headReady()).as("slot %d reserved and never written", p).isFalse();
            ring.advance();
        }
    }

    // ------------------------------------------------------------------ space

    @Test
    void shouldReserveExactlyUpToCapacityAndNoFurtherWithoutWaiting() {
        TxRing ring = new TxRing(0, 0, 3);
        assertThat(ring.reserve(2, StepProbe.NO_WAIT, 0)).isZero();
        assertThat(ring.reserve(1, StepProbe.NO_WAIT, 0)).as("the third of 3 fits").isEqualTo(2);
        assertThatThrownBy(() -> ring.reserve(1, StepProbe.NO_WAIT, 0))
                .isInstanceOfSatisfying(Backoff.WouldWait.class, w -> assertThat(w.result).isEqualTo(SendResult.RING_FULL));
        assertThat(ring.tail()).as("a refused reservation moves nothing").isEqualTo(3);

        for (long p = 0; p < 3; p++) {
            ring.write(p, request(p, 0, 0, MAC, 1), 1, p, Indicator.NEXT, true);
        }
        consume(ring, 1);
        assertThat(ring.reserve(1, StepProbe.NO_WAIT, 0)).as("one consumed: exactly one more fits").isEqualTo(3);
        assertThatThrownBy(() -> ring.reserve(1, StepProbe.NO_WAIT, 0)).isInstanceOf(Backoff.WouldWait.class);
        consume(ring, 2);
        assertThatThrownBy(() -> ring.reserve(3, StepProbe.NO_WAIT, 0))
                .as("two free of three: an array of 3 must wait").isInstanceOf(Backoff.WouldWait.class);
        assertThat(ring.reserve(2, StepProbe.NO_WAIT, 0)).as("an array of 2 fits exactly").isEqualTo(4);
        assertThat(ring.tail()).isEqualTo(6);
        assertThat(ring.ringFullEvents()).as("a refused try is no wait").isZero();
        assertThat(ring.waits()).isZero();
    }

    @Test
    void shouldCountAndTimeEachWaitForRingSpace() {
        TxRing ring = new TxRing(0, 0, 2);
        send(ring, request(1, 0, 0, MAC, 2), 0L, Indicator.CURRENT, Indicator.NEXT);
        // The NIC frees one slot at the third look of the waiter: a wait of exactly 3 iterations.
        Recorder third = new Recorder(i -> {
            if (i == 3) {
                consume(ring, 1);
            }
        });
        long before = System.nanoTime();
        assertThat(ring.reserve(1, third, 4)).isEqualTo(2);
        long elapsed = System.nanoTime() - before;

        assertThat(third.steps).containsExactly("WAIT 4", "WAIT 4", "WAIT 4");
        assertThat(ring.ringFullEvents()).isEqualTo(1);
        assertThat(ring.ringFullWaits()).isEqualTo(3);
        assertThat(ring.waits()).isEqualTo(3);
        assertThat(ring.ringFullWaitNanos()).isPositive().isLessThanOrEqualTo(elapsed);
        assertThat(ring.lockWaitNanos()).isZero();
        long firstNanos = ring.ringFullWaitNanos();

        // A second wait, of 2 iterations, adds to every counter.
        ring.write(2, request(2, 0, 0, MAC, 1), 1, 1L, Indicator.NEXT, true);
        Recorder second = new Recorder(i -> {
            if (i == 2) {
                consume(ring, 1);
            }
        });
        assertThat(ring.reserve(1, second, 4)).isEqualTo(3);
        assertThat(second.steps).containsExactly("WAIT 4", "WAIT 4");
        assertThat(ring.ringFullEvents()).isEqualTo(2);
        assertThat(ring.ringFullWaits()).isEqualTo(5);
        assertThat(ring.waits()).isEqualTo(5);
        assertThat(ring.ringFullWaitNanos()).isGreaterThan(firstNanos);

        // Space at hand: no wait, no probe call, no counter moves.
        ring.write(3, request(3, 0, 0, MAC, 1), 1, 2L, Indicator.NEXT, true);
        consume(ring, 2);
        Recorder none = new Recorder(i -> { });
        assertThat(ring.reserve(2, none, 4)).isEqualTo(4);
        assertThat(none.steps).isEmpty();
        assertThat(ring.ringFullEvents()).isEqualTo(2);
        assertThat(ring.waits()).isEqualTo(5);
    }

    @Test
    void shouldCountAndTimeAWaitForTheQueueLockInTheWaitersStatistics() {
        TxRing ring = new TxRing(0, 0, 2);
        ring.lock(StepProbe.NONE, 0);
        // The holder lets go at the waiter's second look: a wait of 2 iterations.
        Recorder waiter = new Recorder(i -> {
            if (i == 2) {
                ring.unlock();
            }
        });
        long before = System.nanoTime();
        ring.lock(waiter, 1);
        long elapsed = System.nanoTime() - before;

        assertThat(waiter.steps).containsExactly("WAIT 1", "WAIT 1");
        assertThat(ring.waits()).isEqualTo(2);
        assertThat(ring.lockWaitNanos()).isPositive().isLessThanOrEqualTo(elapsed);
        assertThat(ring.ringFullEvents()).as("a lock wait is not a ring-full event").isZero();
        assertThat(ring.ringFullWaits()).isZero();
        assertThat(ring.ringFullWaitNanos()).isZero();

        assertThatThrownBy(() -> ring.lock(StepProbe.NO_WAIT, 2))
                .as("held by the waiter now")
                .isInstanceOfSatisfying(Backoff.WouldWait.class, w -> assertThat(w.result).isEqualTo(SendResult.LOCK_BUSY));
        ring.unlock();
        Recorder free = new Recorder(i -> { });
        ring.lock(free, 2);
        assertThat(free.steps).as("a free lock is taken without waiting").isEmpty();
        assertThat(ring.waits()).isEqualTo(2);

        ring.addLockWait(5, 1_000);
        assertThat(ring.waits()).as("the assignment lock's waits add to the same counters").isEqualTo(7);
        assertThat(ring.lockWaitNanos()).isLessThanOrEqualTo(elapsed + 1_000).isGreaterThan(1_000);
    }

    @Test
    void shouldCountEachRequestQueued() {
        TxRing ring = new TxRing(0, 0, 4);
        ring.countRequest();
        ring.countRequest();
        ring.countRequest();
        assertThat(ring.requests()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ failed fills

    @Test
    void shouldPublishTheUnwrittenRestAsNoopsWithTheirIndicatorsWhenTheFillFails() {
        // A slot's lap before held a real packet to another MAC: the no-op must not keep its MAC.
        TxRing ring = new TxRing(0, 1, 4);
        send(ring, request(1, 0, 0, MAC, 4), 0L, Indicator.CURRENT, Indicator.NEXT);
        consume(ring, 4);

        TxRequest r = request(7, 2, 3, MAC + 5, 4);
        long pos = ring.reserve(4, StepProbe.NONE, 2);
        Recorder probe = new Recorder(i -> { });
        List<Integer> asked = new ArrayList<>();
        FaultPlan afterOne = (req, written) -> {
            asked.add(written);
            return written == 1;
        };
        assertThatThrownBy(() -> ring.fill(pos, r, 12L, Indicator.CURRENT, Indicator.NEXT, probe, afterOne, false, true))
                .isInstanceOf(SenderFault.class)
                .hasMessage("request 7 failed after writing 1 of 4");

        assertThat(asked).containsExactly(0, 1);
        assertThat(probe.steps).containsExactly("WRITE 2", "WRITE 2", "FAIL 2");
        assertThat(Head.of(ring)).isEqualTo(new Head(7, 1, 12L, MAC + 5, 3, false, Indicator.CURRENT));
        ring.advance();
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).isEqualTo(new Head(7, 2, 12L, 0L, 3, true, Indicator.CURRENT));
        ring.advance();
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).isEqualTo(new Head(7, 3, 12L, 0L, 3, true, Indicator.CURRENT));
        ring.advance();
        assertThat(ring.headReady()).isTrue();
        assertThat(Head.of(ring)).as("the last no-op carries the last indicator")
                .isEqualTo(new Head(7, 4, 12L, 0L, 3, true, Indicator.NEXT));
        ring.advance();
        assertThat(ring.headReady()).isFalse();
        assertThat(ring.tail()).isEqualTo(8);
    }

    @Test
    void shouldPublishEveryPositionAsANoopWhenTheSenderDiesBeforeItsFirstWrite() {
        TxRing ring = new TxRing(0, 0, 2);
        TxRequest r = request(8, 1, 0, MAC, 2);
        long pos = ring.reserve(2, StepProbe.NONE, 1);
        StepProbe dies = (step, cpu) -> {
            if (step == StepProbe.Step.WRITE) {
                throw new IllegalStateException("died");
            }
        };
        assertThatThrownBy(() -> ring.fill(pos, r, -1L, Indicator.NONE, Indicator.NONE, dies, FaultPlan.NONE, false, true))
                .isInstanceOf(IllegalStateException.class).hasMessage("died");

        assertThat(Head.of(ring)).isEqualTo(new Head(8, 1, -1L, 0L, 0, true, Indicator.NONE));
        ring.advance();
        assertThat(Head.of(ring)).isEqualTo(new Head(8, 2, -1L, 0L, 0, true, Indicator.NONE));
    }

    @Test
    void shouldPublishNothingOfAFailedFillUnderMutantM6() {
        TxRing ring = new TxRing(0, 0, 4);
        TxRequest r = request(7, 2, 0, MAC, 3);
        long pos = ring.reserve(3, StepProbe.NONE, 2);
        Recorder probe = new Recorder(i -> { });
        assertThatThrownBy(() -> ring.fill(pos, r, 0L, Indicator.CURRENT, Indicator.NEXT, probe,
                (req, written) -> written == 1, false, false))
                .isInstanceOf(SenderFault.class);

        assertThat(probe.steps).as("no FAIL step: M6 has no fault path").containsExactly("WRITE 2", "WRITE 2");
        assertThat(ring.headReady()).isTrue();
        ring.advance();
        assertThat(ring.headReady()).as("positions 1 and 2 stay unwritten").isFalse();
        assertThat(ring.tail()).isEqualTo(3);
    }

    @Test
    void shouldPublishNoopsFromTheFirstUnwrittenPositionWhenFailCalledDirectly() {
        // The next path's fault between its reservation and its fill: fail(pos, 0, ...).
        TxRing ring = new TxRing(0, 0, 4);
        TxRequest r = request(5, 0, 1, MAC, 2);
        long pos = ring.reserve(2, StepProbe.NONE, 0);
        ring.fail(pos, 0, r, 3L, Indicator.CURRENT, Indicator.NEXT, true);

        assertThat(Head.of(ring)).isEqualTo(new Head(5, 1, 3L, 0L, 1, true, Indicator.CURRENT));
        ring.advance();
        assertThat(Head.of(ring)).isEqualTo(new Head(5, 2, 3L, 0L, 1, true, Indicator.NEXT));
        ring.advance();
        assertThat(ring.headReady()).isFalse();

        TxRing m6 = new TxRing(0, 0, 4);
        m6.fail(m6.reserve(2, StepProbe.NONE, 0), 0, r, 3L, Indicator.CURRENT, Indicator.NEXT, false);
        assertThat(m6.headReady()).isFalse();
    }

    // ------------------------------------------------------------------ M5's unowned reservation

    @Test
    void shouldClaimPositionsWithoutAnOwnerUnderMutantM5() {
        TxRing ring = new TxRing(0, 0, 4);
        Recorder probe = new Recorder(i -> { });
        assertThat(ring.reserveUnowned(request(1, 3, 0, MAC, 3), probe)).isZero();
        assertThat(ring.tail()).isEqualTo(3);
        assertThat(ring.reserveUnowned(request(2, 3, 0, MAC, 1), probe)).isEqualTo(3);
        assertThat(ring.tail()).isEqualTo(4);
        assertThat(probe.steps).containsExactly("RESERVE 3", "RESERVE 3");

        // Full: the unowned claim waits for space as the owned one does.
        for (long p = 0; p < 4; p++) {
            ring.write(p, request(p, 0, 0, MAC, 1), 1, -1L, Indicator.NONE, true);
        }
        Recorder waits = new Recorder(i -> {
            if (i == 2) {
                consume(ring, 2);
            }
        });
        assertThat(ring.reserveUnowned(request(3, 1, 0, MAC, 2), waits)).isEqualTo(4);
        assertThat(waits.steps).containsExactly("WAIT 1", "WAIT 1", "RESERVE 1");
        assertThat(ring.tail()).isEqualTo(6);
        assertThat(ring.ringFullEvents()).isEqualTo(1);
        assertThat(ring.ringFullWaits()).isEqualTo(2);
    }

    @Test
    void shouldRecordM5sReadOfTheTailAndItsStoreAsTwoSteps() {
        ActionLog log = new ActionLog();
        TxRing ring = new TxRing(1, 2, 4, log);
        ring.reserve(1, StepProbe.NONE, 0);  // not recorded here: the driver records the owned claim

        StepProbe probe = (step, cpu) -> {
            if (step == StepProbe.Step.RESERVE) {
                // Between the two steps another writer could read the same TAIL: ReadTail is logged already.
                assertThat(log.events()).extracting(TraceEvent::action).containsExactly(Action.READ_TAIL);
                assertThat(ring.tail()).as("TAIL not yet moved").isEqualTo(1);
            }
        };
        assertThat(ring.reserveUnowned(request(6, 5, 0, MAC, 2), probe)).isEqualTo(1);
        assertThat(ring.tail()).isEqualTo(3);

        List<TraceEvent> events = log.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new TraceEvent(0, Action.READ_TAIL, 5, "6", null, -1, null, -1, 1, 2, -1L,
                1L, -1, null, -1));
        assertThat(events.get(1)).isEqualTo(new TraceEvent(1, Action.RESERVE, 5, "6", null, -1, null, -1, 1, 2, -1L,
                1L, -1, null, -1));
    }

    // ------------------------------------------------------------------ recording

    @Test
    void shouldRecordEachWriteAndAFailWithItsNoopsAsOneStep() {
        ActionLog log = new ActionLog();
        TxRing ring = new TxRing(0, 1, 4, log);
        TxRequest r = request(4, 2, 0, MAC, 3);
        long pos = ring.reserve(3, StepProbe.NONE, 2);
        assertThatThrownBy(() -> ring.fill(pos, r, 9L, Indicator.CURRENT, Indicator.NEXT, StepProbe.NONE,
                (req, written) -> written == 1, false, true)).isInstanceOf(SenderFault.class);

        assertThat(log.events()).containsExactly(
                new TraceEvent(0, Action.WRITE, 2, "4", null, -1, null, -1, 0, 1, -1L, 0L, 1, Indicator.CURRENT, -1),
                new TraceEvent(1, Action.FAIL, 2, "4", null, -1, null, -1, 0, 1, -1L, -1L, -1, null, 1));
        assertThat(Head.of(ring)).isEqualTo(new Head(4, 1, 9L, MAC, 0, false, Indicator.CURRENT));
        ring.advance();
        assertThat(Head.of(ring)).as("the no-ops are written under the recorded step")
                .isEqualTo(new Head(4, 2, 9L, 0L, 0, true, Indicator.CURRENT));
        ring.advance();
        assertThat(Head.of(ring)).isEqualTo(new Head(4, 3, 9L, 0L, 0, true, Indicator.NEXT));

        // M6 while recording: the Fail step is logged, with no no-op behind it.
        ActionLog m6Log = new ActionLog();
        TxRing m6 = new TxRing(0, 0, 4, m6Log);
        m6.fail(m6.reserve(2, StepProbe.NONE, 1), 0, request(3, 1, 0, MAC, 2), 0L, Indicator.CURRENT, Indicator.NEXT, false);
        assertThat(m6Log.events()).containsExactly(
                new TraceEvent(0, Action.FAIL, 1, "3", null, -1, null, -1, 0, 0, -1L, -1L, -1, null, 0));
        assertThat(m6.headReady()).isFalse();
    }
}
