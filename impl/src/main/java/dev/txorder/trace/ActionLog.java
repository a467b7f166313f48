package dev.txorder.trace;

import dev.txorder.Indicator;
import dev.txorder.TxRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorder of a trace run, and its <b>trace lock</b>: the monitor of this object.
 *
 * <p>Every recorded action appends its event while holding this monitor, in the same
 * {@code synchronized (log)} block as the memory effect that makes the action visible to other
 * threads (a publication store, a TAIL store, the NIC's whole scheduling decision). The order of
 * appends is therefore the order in which every thread observed the actions: a linearization that
 * TLC can check against {@code TxOrder.tla}. Waits (ring full, lock spins) happen outside the
 * monitor; only the effect and its append are inside.
 *
 * <p>The append methods check that the caller holds the monitor ({@link IllegalStateException}
 * otherwise): an append outside it would not be atomic with its effect. Events are kept in memory;
 * allocation here is fine, since a log exists only while recording.
 */
public final class ActionLog {
    private final List<TraceEvent> events = new ArrayList<>();

    private long next() {
        if (!Thread.holdsLock(this)) {
            throw new IllegalStateException("append outside the trace lock: hold synchronized (log) with the effect");
        }
        return events.size();
    }

    private void add(TraceEvent e) {
        events.add(e);
    }

    /** see TxOrder.tla: Assign. {@code ticket} is -1 under hash. */
    public void assign(int cpu, TxRequest r, int group, int queue, long ticket) {
        add(new TraceEvent(next(), Action.ASSIGN, cpu, Long.toString(r.id), Long.toString(r.flow), r.priority,
                TxRequest.formatMac(r.dstMac), r.packets, group, queue, ticket, -1L, -1, null, -1));
    }

    /** see TxOrder.tla: Assign, Reserve: the correct {@code next} path's one step. */
    public void assignReserve(int cpu, TxRequest r, int group, int queue, long ticket, long slot) {
        add(new TraceEvent(next(), Action.ASSIGN_RESERVE, cpu, Long.toString(r.id), Long.toString(r.flow), r.priority,
                TxRequest.formatMac(r.dstMac), r.packets, group, queue, ticket, slot, -1, null, -1));
    }

    /** see TxOrder.tla: Reserve. {@code slot}: the first claimed position. */
    public void reserve(int cpu, long req, int group, int queue, long slot) {
        add(new TraceEvent(next(), Action.RESERVE, cpu, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                slot, -1, null, -1));
    }

    /** see TxOrder.tla: ReadTail (mutant M5). {@code slot}: the TAIL read. */
    public void readTail(int cpu, long req, int group, int queue, long slot) {
        add(new TraceEvent(next(), Action.READ_TAIL, cpu, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                slot, -1, null, -1));
    }

    /** see TxOrder.tla: Write. {@code packet} is 1-based. */
    public void write(int cpu, long req, int packet, int group, int queue, long slot, Indicator indicator) {
        add(new TraceEvent(next(), Action.WRITE, cpu, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                slot, packet, indicator, -1));
    }

    /** see TxOrder.tla: Fail. {@code written}: packets published before the fault. */
    public void fail(int cpu, long req, int group, int queue, int written) {
        add(new TraceEvent(next(), Action.FAIL, cpu, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                -1L, -1, null, written));
    }

    /** see TxOrder.tla: Transmit. */
    public void transmit(int group, int queue, long req, int packet, long slot) {
        add(new TraceEvent(next(), Action.TRANSMIT, -1, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                slot, packet, null, -1));
    }

    /** see TxOrder.tla: PassNoop. */
    public void passNoop(int group, int queue, long req, int packet, long slot) {
        add(new TraceEvent(next(), Action.PASS_NOOP, -1, Long.toString(req), null, -1, null, -1, group, queue, -1L,
                slot, packet, null, -1));
    }

    /** see TxOrder.tla: SkipUnwritten (mutant M2). */
    public void skipUnwritten(int group, int queue) {
        add(new TraceEvent(next(), Action.SKIP_UNWRITTEN, -1, null, null, -1, null, -1, group, queue, -1L, -1L, -1,
                null, -1));
    }

    /**
     * A scheduling decision that found nothing to send. Not appended when the previous event is
     * Idle already: nothing changed since, so an idle NIC does not flood the log.
     */
    public void idle() {
        long seq = next();
        if (seq > 0 && events.get((int) seq - 1).action() == Action.IDLE) {
            return;
        }
        add(new TraceEvent(seq, Action.IDLE, -1, null, null, -1, null, -1, -1, -1, -1L, -1L, -1, null, -1));
    }

    /** A copy of the events so far, in log order. Any thread. */
    public List<TraceEvent> events() {
        synchronized (this) {
            return List.copyOf(events);
        }
    }

    /** Events so far. Any thread. */
    public int size() {
        synchronized (this) {
            return events.size();
        }
    }
}
