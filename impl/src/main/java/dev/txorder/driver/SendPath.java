package dev.txorder.driver;

import dev.txorder.AssignmentPolicy;
import dev.txorder.InvalidInputException;
import dev.txorder.SendResult;
import dev.txorder.TxRequest;
import dev.txorder.layout.Layout;
import dev.txorder.layout.QueueGroup;

/**
 * A driver's send function and the rings it fills: what the {@link dev.txorder.nic.SimulatedNic}
 * drains and the audit inspects. Implemented by {@link TxDriver} (the patent's design) and
 * {@link SingleQueueDriver} (the prior art).
 */
public interface SendPath {

    /**
     * Queues every packet of {@code request}, waiting while its ring is full. Thread-safe; the
     * driver does not keep {@code request} after returning.
     *
     * @throws dev.txorder.InvalidInputException for a priority the layout does not map, or a
     *         request with fewer than 1 or more packets than a ring holds; nothing is queued then
     */
    default void send(TxRequest request) {
        send(request, StepProbe.NONE, FaultPlan.NONE);
    }

    /** {@link #send(TxRequest)} with a probe at every step and injected faults (tests). */
    void send(TxRequest request, StepProbe probe, FaultPlan faults);

    /**
     * Queues every packet of {@code request} if it can without waiting; otherwise queues nothing
     * (under {@code next} the group's ticket is not taken) and says why.
     *
     * @throws dev.txorder.InvalidInputException as {@link #send(TxRequest)}
     */
    default SendResult trySend(TxRequest request) {
        return trySend(request, FaultPlan.NONE);
    }

    /** {@link #trySend(TxRequest)} with injected faults (tests). */
    default SendResult trySend(TxRequest request, FaultPlan faults) {
        try {
            send(request, StepProbe.NO_WAIT, faults);
            return SendResult.SENT;
        } catch (Backoff.WouldWait w) {
            return w.result;
        }
    }

    /** The queues as the adapter sees them; the prior art has one per group. */
    Layout queueLayout();

    /** How the adapter must drain {@code group}: a cursor and indicators, or round robin. */
    AssignmentPolicy drainPolicy(int group);

    TxRing ring(int group, int queue);

    /**
     * The group of {@code r}, after checking what every send path requires of a request.
     *
     * @throws dev.txorder.InvalidInputException naming {@code priority} or {@code packets}
     */
    static QueueGroup checkedGroup(Layout layout, TxRequest r, int ringSize) {
        QueueGroup group = layout.groupOf(r.priority);
        if (r.packets < 1 || r.packets > ringSize) {
            throw new InvalidInputException("packets", r.packets + " in request " + r.id
                    + "; allowed 1.." + ringSize + " (the ring size)");
        }
        return group;
    }
}
