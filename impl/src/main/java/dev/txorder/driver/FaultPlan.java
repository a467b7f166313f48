package dev.txorder.driver;

import dev.txorder.TxRequest;

/**
 * Decides where a sender fails (see TxOrder.tla: Fail, FailAssigned). The driver asks before each
 * descriptor it writes; a {@code true} makes it throw {@link dev.txorder.SenderFault} from that
 * point, after publishing the rest as no-ops. Under {@code next} it also asks once between taking
 * the ticket and claiming the positions ({@link #failsBeforeReserve}).
 */
@FunctionalInterface
public interface FaultPlan {
    boolean failsBefore(TxRequest request, int packetsWritten);

    /**
     * Whether the sender of {@code request} fails after taking its ticket and before reserving
     * (the {@code next} policy's assignment step); none by default.
     */
    default boolean failsBeforeReserve(TxRequest request) {
        return false;
    }

    FaultPlan NONE = (request, written) -> false;
}
