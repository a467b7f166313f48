package dev.txorder.stress.rig;

import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxRing;
import dev.txorder.nic.SimulatedNic;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One send path, its simulated NIC and a {@link ShortWire}: the state of one JCStress sample.
 * JCStress makes a fresh state per sample, so each sample starts from empty rings and ticket 0.
 *
 * <p>The NIC is single-threaded ({@link SimulatedNic#step()}): a test runs it in the arbiter, in
 * exactly one actor, or under {@link #tryStepNic()}, whose lock orders every NIC step after the
 * previous one whichever thread takes it.
 */
public final class Rig {
    public final SendPath path;
    public final SimulatedNic nic;
    public final ShortWire wire = new ShortWire();
    /** 0 free, 1 a thread is stepping the NIC; see {@link #tryStepNic()}. */
    private final AtomicInteger nicOwner = new AtomicInteger();

    /** @param config the implementation's config, made once per test class by {@link Impl#config} */
    public Rig(Impl impl, TxConfig config) {
        this.path = impl.driver(config);
        this.nic = new SimulatedNic(path, Scheduler.STRICT, wire, config.mutants());
    }

    /** A request as the stress tests use them: the id is a letter, priority 0, flow = MAC. */
    public static TxRequest request(char id, int cpu, long dstMac, int packets) {
        return new TxRequest(id, cpu, 0, dstMac, dstMac, packets);
    }

    public void send(TxRequest r) {
        path.send(r);
    }

    public void send(TxRequest r, StepProbe probe, FaultPlan faults) {
        path.send(r, probe, faults);
    }

    /**
     * Steps the NIC if no other thread is stepping it. The CAS acquires what the previous
     * stepper released, so the NIC's plain fields (cursor, head) are handed over whole.
     *
     * @return whether a packet was transmitted
     */
    public boolean tryStepNic() {
        if (!nicOwner.compareAndSet(0, 1)) {
            return false;
        }
        try {
            return nic.step();
        } finally {
            // Release: this step's writes to the NIC's state happen-before the next stepper's CAS.
            nicOwner.set(0);
        }
    }

    /**
     * The NIC actor of a scenario racing one writer: steps the NIC until {@code packets} are on the
     * wire or {@code maxSteps} steps have passed (a stalled design must not hang the actor; the
     * arbiter finishes the drain).
     */
    public void stepNicUntil(int packets, int maxSteps) {
        for (int i = 0; i < maxSteps && wire.size() < packets; i++) {
            if (!nic.step()) {
                Thread.onSpinWait();
            }
        }
    }

    /** Every reserved descriptor of group 0 consumed: nothing stalled behind an unwritten one. */
    public boolean drained(int queues) {
        for (int q = 0; q < queues; q++) {
            TxRing r = path.ring(0, q);
            if (r.consumed() != r.tail()) {
                return false;
            }
        }
        return true;
    }
}
