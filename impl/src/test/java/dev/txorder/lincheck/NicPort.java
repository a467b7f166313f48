package dev.txorder.lincheck;

import dev.txorder.Indicator;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.SendPath;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.nic.Wire;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two Lincheck operations over one real send path and its real {@link SimulatedNic}: a
 * sender's {@code send} and the adapter's {@code transmit}.
 *
 * <p>{@code transmit} is "the adapter's next transmission": it repeats {@link SimulatedNic#step()}
 * until a packet leaves, and gives up (returns {@link #NONE}) only when a step finds nothing
 * although no send was in flight when the step began. A bare {@code step()} that returns nothing
 * cannot be an operation of a FIFO: under {@code next} the adapter waits at the cursor for the
 * lowest unsent ticket, so while that ticket's sender is still writing, a later request that
 * has already returned is queued behind it, and "nothing" would contradict "the FIFO holds the
 * later request". The adapter waits there (DESIGN.md §1); so does this operation, but only for
 * a sender that is still running, so it terminates whenever the senders do.
 *
 * <p>Why {@code NONE} then means "the FIFO is empty": the read of {@code sendsInFlight == 0}
 * acquires every decrement before it, so every descriptor of every send that has returned is
 * visible to the step that follows, and a send that had not begun may be linearized after this
 * transmit. A lost descriptor (M5) therefore shows as {@code NONE} while the specification still
 * holds a packet.
 */
final class NicPort implements Wire {
    /** The result of a transmit that found nothing to send. */
    static final String NONE = "none";

    private final SendPath path;
    private final SimulatedNic nic;
    private final AtomicInteger sendsInFlight = new AtomicInteger();
    /** Written by the adapter's {@link #transmit} callback, read by the same (NIC) thread. */
    private long lastRequest;
    private int lastPacket;

    NicPort(SendPath path, TxConfig config) {
        this.path = path;
        this.nic = new SimulatedNic(path, config.scheduler(), this, config.mutants());
    }

    void send(TxRequest request) {
        // The increment is ordered before the send's first shared write, the decrement after
        // its last (both atomic RMWs): a transmit that reads 0 has seen every returned send whole.
        sendsInFlight.incrementAndGet();
        try {
            path.send(request);
        } finally {
            sendsInFlight.decrementAndGet();
        }
    }

    /** The packet the adapter put on the wire, as {@code r<request>.<packet>}, or {@link #NONE}. */
    String transmit() {
        while (true) {
            // Read before the step: see the class comment for why this order makes NONE sound.
            boolean quiet = sendsInFlight.get() == 0;
            if (nic.step()) {
                return packet(lastRequest, lastPacket);
            }
            if (quiet) {
                return NONE;
            }
            Thread.onSpinWait();
        }
    }

    /** Steps in the caller's thread until nothing is ready; for warm-up, before any operation. */
    long drain() {
        return nic.drainNow();
    }

    static String packet(long request, int packet) {
        return "r" + request + "." + packet;
    }

    @Override
    public void transmit(long request, int packet, int priority, int group, int queue, Indicator indicator,
                         long dstMac, long ticket, long readyGroups) {
        lastRequest = request;
        lastPacket = packet;
    }
}
