package dev.txorder.lincheck;

import dev.txorder.AssignmentPolicy;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The Lincheck object for one {@code next} group: a real {@link TxDriver} and {@link dev.txorder.nic.SimulatedNic}
 * ({@link NicPort}), one group of {@link #QUEUES} queues whose rings hold {@link #RING_SIZE}
 * descriptors. Its sequential specification is {@link NextGroupFifo}.
 *
 * <p>Before the first operation, {@link #WARM_UP} requests are sent and drained, so every ring's
 * positions start {@link #WARM_UP_PER_QUEUE} into their first lap: a scenario's descriptors wrap
 * around the slot array. The warm-up takes 4 tickets, so the adapter's cursor is back at queue 0.
 * Subclasses fix the configuration (the correct design or one mutant), because Lincheck builds
 * the object with its no-argument constructor.
 */
public abstract class NextGroupUnderTest {
    static final int QUEUES = 2;
    static final int RING_SIZE = 4;
    /** Packet counts of the warm-up requests: tickets 0..3, so 3 packets per queue. */
    private static final int[] WARM_UP = {2, 2, 1, 1};
    static final int WARM_UP_PER_QUEUE = 3;

    private final NicPort nic;

    protected NextGroupUnderTest(TxConfig config) {
        Invocations.built();
        TxDriver driver = new TxDriver(config);
        this.nic = new NicPort(driver, config);
        long packets = 0;
        for (int i = 0; i < WARM_UP.length; i++) {
            driver.send(request(-1 - i, WARM_UP[i]));
            packets += WARM_UP[i];
        }
        // The warm-up checks itself: a mutant that loses a warm-up packet would otherwise
        // start every scenario from a state the specification does not describe.
        long drained = nic.drain();
        if (drained != packets) {
            throw new IllegalStateException("warm-up drained " + drained + " of " + packets + " packets");
        }
    }

    /** A group of {@link #QUEUES} queues under {@code next}, rings of {@link #RING_SIZE}. */
    static TxConfig correct() {
        return TxConfig.of(Layout.parse("0x" + QUEUES), AssignmentPolicy.NEXT).withRingSize(RING_SIZE);
    }

    /** see TxOrder.tla: Assign, Reserve, Write -- one whole request. */
    @Operation
    public void send(long id, int packets) {
        nic.send(request(id, packets));
    }

    /** see TxOrder.tla: Transmit -- the adapter is one thread, so this runs in one Lincheck thread. */
    @Operation(nonParallelGroup = "nic")
    public String transmit() {
        return nic.transmit();
    }

    private static TxRequest request(long id, int packets) {
        return new TxRequest(id, 0, 0, 0x02_00_00_00_00_00L, 0, packets);
    }
}
