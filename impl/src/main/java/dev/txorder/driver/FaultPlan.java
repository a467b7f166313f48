package dev.txorder.driver;

import dev.txorder.TxRequest;

/**
 * Decides whether a sender fails after reserving its descriptors (see TxOrder.tla: Fail). The
 * driver asks before each descriptor it writes; a {@code true} makes it throw
 * {@link dev.txorder.SenderFault} from that point, after publishing the rest as no-ops.
 */
@FunctionalInterface
public interface FaultPlan {
    boolean failsBefore(TxRequest request, int packetsWritten);

    FaultPlan NONE = (request, written) -> false;
}
