package dev.txorder;

import dev.txorder.layout.Layout;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that fixes the behaviour of one send path and its adapter.
 *
 * @param layout    priorities -> groups -> queues
 * @param policy    how a request picks its queue inside its group
 * @param hashKey   the flow key of {@link AssignmentPolicy#HASH}
 * @param scheduler how the adapter picks a group
 * @param ringSize  descriptors per queue
 * @param mutants   known-bad behaviours switched on (empty: the correct design)
 */
public record TxConfig(Layout layout, AssignmentPolicy policy, HashKey hashKey, Scheduler scheduler,
                       int ringSize, Set<Mutant> mutants) {

    public static final int DEFAULT_RING_SIZE = 1024;

    public TxConfig {
        scheduler.checkFits(layout.groupCount());
        if (layout.groupCount() > 64) {
            throw new InvalidInputException("layout", layout.groupCount() + " groups; at most 64 are supported");
        }
        if (ringSize < 1 || ringSize > (1 << 26)) {
            throw new InvalidInputException("ring-size", ringSize + " is outside 1.." + (1 << 26));
        }
        mutants = mutants.isEmpty() ? EnumSet.noneOf(Mutant.class) : EnumSet.copyOf(mutants);
    }

    public static TxConfig of(Layout layout, AssignmentPolicy policy) {
        return new TxConfig(layout, policy, HashKey.MAC, Scheduler.STRICT, DEFAULT_RING_SIZE, Mutant.none());
    }

    public boolean has(Mutant m) {
        return mutants.contains(m);
    }

    public TxConfig withHashKey(HashKey k) {
        return new TxConfig(layout, policy, k, scheduler, ringSize, mutants);
    }

    public TxConfig withScheduler(Scheduler s) {
        return new TxConfig(layout, policy, hashKey, s, ringSize, mutants);
    }

    public TxConfig withRingSize(int r) {
        return new TxConfig(layout, policy, hashKey, scheduler, r, mutants);
    }

    public TxConfig withMutants(Set<Mutant> m) {
        return new TxConfig(layout, policy, hashKey, scheduler, ringSize, m);
    }

    public TxConfig withMutant(Mutant m) {
        return withMutants(EnumSet.of(m));
    }
}
