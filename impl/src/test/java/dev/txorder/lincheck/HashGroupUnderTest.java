package dev.txorder.lincheck;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.TxDriver;
import dev.txorder.layout.Layout;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The Lincheck object for one {@code hash} group: a real {@link TxDriver} and
 * {@link dev.txorder.nic.SimulatedNic} ({@link NicPort}), {@link #QUEUES} queues whose rings hold
 * {@link #RING_SIZE} descriptors, keyed by destination MAC. Flow {@code f} sends to MAC
 * {@code 02:00:00:00:00:0f}, so the patent's rule puts it in queue {@code f mod k}. Its sequential
 * specification is {@link HashGroupFifos}.
 *
 * <p>A request is one packet here: see {@link HashGroupFifos} for why. One request per flow is
 * sent and drained first, so each ring starts one position into its first lap.
 */
public abstract class HashGroupUnderTest {
    static final int QUEUES = 2;
    static final int RING_SIZE = 2;

    private final NicPort nic;

    protected HashGroupUnderTest(TxConfig config) {
        Invocations.built();
        TxDriver driver = new TxDriver(config);
        this.nic = new NicPort(driver, config);
        for (int f = 0; f < QUEUES; f++) {
            driver.send(request(-1 - f, f));
        }
        // The warm-up leaves the adapter's round-robin position at queue 0, where the
        // specification's starts; a mutant that loses a warm-up packet is stopped here.
        long drained = nic.drain();
        if (drained != QUEUES) {
            throw new IllegalStateException("warm-up drained " + drained + " of " + QUEUES + " packets");
        }
    }

    /** A group of {@link #QUEUES} queues under {@code hash} on the destination MAC, rings of {@link #RING_SIZE}. */
    static TxConfig correct() {
        return TxConfig.of(Layout.parse("0x" + QUEUES), AssignmentPolicy.HASH)
                .withHashKey(HashKey.MAC).withRingSize(RING_SIZE);
    }

    /** see TxOrder.tla: Assign, Reserve, Write -- one packet of flow {@code flow}. */
    @Operation
    public void send(long id, int flow) {
        nic.send(request(id, flow));
    }

    /** see TxOrder.tla: Transmit -- the adapter is one thread, so this runs in one Lincheck thread. */
    @Operation(nonParallelGroup = "nic")
    public String transmit() {
        return nic.transmit();
    }

    static long mac(int flow) {
        return 0x02_00_00_00_00_00L | flow;
    }

    private static TxRequest request(long id, int flow) {
        return new TxRequest(id, 0, 0, mac(flow), flow, 1);
    }
}
