package dev.txorder.sim;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.InvalidInputException;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.layout.Layout;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long run as a sequence of epochs, each a {@link LiveRun} with a mix drawn from the soak's seed:
 * layout, policy, hash key, scheduler and weights, ring size, array size, senders, flows, driver and
 * fault rate change from one epoch to the next. It stops at the first epoch whose audit fails.
 *
 * <p>Epoch {@code e}'s mix is a function of (seed, e) alone, so {@link #mix} gives it back for a
 * replay; the interleaving of a replay is the machine's again, not the original's.
 */
public final class Soak {
    /** Layouts the mixes draw from: one queue, one group of several, two and three groups, uneven groups. */
    static final List<String> LAYOUTS = List.of("0-7x1", "0-7x4", "0-3x2,4-7x2", "0-3x2,4-7x3",
            "0-1x1,2-5x4,6-7x2", "0-5x3,6-7x1");
    static final int[] RING_SIZES = {8, 16, 64, 256, 1024};

    /**
     * @param packets       stop after this many packets (0: no limit)
     * @param durationNanos stop after this long (0: no limit); one of the two is set
     * @param maxSenders    the most sender threads an epoch uses
     * @param epochPackets  packets per epoch (the last one may be shorter)
     * @param inject        mutants switched on in every epoch (the mixes then keep to where they change something)
     * @param onlyEpoch     run only this epoch's mix (a replay), or -1
     */
    public record Options(long packets, long durationNanos, int maxSenders, long seed, long epochPackets,
                          Set<Mutant> inject, int onlyEpoch, long stallMillis) {
        public Options {
            if (packets <= 0 && durationNanos <= 0) {
                throw new InvalidInputException("packets", "a soak needs --packets N or --duration D");
            }
            if (maxSenders < 1 || maxSenders > 256) {
                throw new InvalidInputException("cpus", maxSenders + "; allowed 1..256");
            }
            if (epochPackets < 1) {
                throw new InvalidInputException("epoch-packets", epochPackets + "; allowed >= 1");
            }
        }
    }

    /** Told of each epoch as it starts and ends (the command line's progress and summary lines). */
    public interface Listener {
        void started(int epoch, LiveRun.Mix mix);

        void finished(int epoch, LiveRun.Outcome outcome);
    }

    /**
     * What the soak did.
     *
     * @param failed the first epoch whose audit failed, or null
     */
    public record Result(int epochs, long packets, long requests, long[] faults, long nanos, long peakInFlight,
                         LiveRun.Outcome failed) {
        public boolean holds() {
            return failed == null;
        }

        /** How many faults of kind {@code k} the soak injected. */
        public long faults(FaultKind k) {
            return faults[k.ordinal()];
        }
    }

    private Soak() {
    }

    /** Runs epochs until the packets or the time are used up, or an audit fails. */
    public static Result run(Options o, Listener listener, AtomicLong audited) throws InterruptedException {
        long start = System.nanoTime();
        long packets = 0;
        long requests = 0;
        long[] faults = new long[FaultKind.values().length];
        long peak = 0;
        int epochs = 0;
        for (int e = o.onlyEpoch() >= 0 ? o.onlyEpoch() : 0; ; e++) {
            long left = o.packets() > 0 ? o.packets() - packets : Long.MAX_VALUE;
            boolean timeUp = o.durationNanos() > 0 && System.nanoTime() - start >= o.durationNanos();
            if (left <= 0 || timeUp || (o.onlyEpoch() >= 0 && epochs == 1)) {
                return new Result(epochs, packets, requests, faults, System.nanoTime() - start, peak, null);
            }
            LiveRun.Mix mix = mix(o.seed(), e, o.maxSenders(), o.inject());
            listener.started(e, mix);
            long deadline = o.durationNanos() > 0 ? start + o.durationNanos() : Long.MAX_VALUE;
            LiveRun.Outcome out = LiveRun.run(mix, Math.min(left, o.epochPackets()), deadline, o.stallMillis(), audited);
            listener.finished(e, out);
            epochs++;
            packets += out.packets();
            requests += out.requests();
            for (FaultKind k : FaultKind.values()) {
                faults[k.ordinal()] += out.faults(k);
            }
            peak = Math.max(peak, out.peakInFlight());
            if (!out.audit().holds()) {
                return new Result(epochs, packets, requests, faults, System.nanoTime() - start, peak, out);
            }
        }
    }

    private static boolean changesAll(Set<Mutant> inject, AssignmentPolicy p, Scheduler.Kind k) {
        return inject.stream().allMatch(m -> m.changes(p, k));
    }

    /** Epoch {@code epoch}'s mix under {@code seed}: where every mutant of {@code inject} changes something. */
    public static LiveRun.Mix mix(long seed, int epoch, int maxSenders, Set<Mutant> inject) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
        Layout layout = Layout.parse(LAYOUTS.get(rnd.nextInt(LAYOUTS.size())));
        AssignmentPolicy policy = rnd.nextBoolean() ? AssignmentPolicy.NEXT : AssignmentPolicy.HASH;
        Scheduler.Kind kind = rnd.nextInt(3) == 0 ? Scheduler.Kind.WRR : Scheduler.Kind.STRICT;
        if (!changesAll(inject, policy, kind)) {
            // Keep to where every injected mutant changes something: the drawn pair first, then any.
            boolean found = false;
            for (AssignmentPolicy p : AssignmentPolicy.values()) {
                for (Scheduler.Kind k : Scheduler.Kind.values()) {
                    if (!found && changesAll(inject, p, k)) {
                        policy = p;
                        kind = k;
                        found = true;
                    }
                }
            }
            if (!found) {
                throw new InvalidInputException("inject", inject + ": no policy and scheduler under which all of them"
                        + " change something");
            }
        }
        boolean wrr = kind == Scheduler.Kind.WRR;
        Scheduler scheduler = Scheduler.STRICT;
        if (wrr) {
            int[] weights = new int[layout.groupCount()];
            for (int g = 0; g < weights.length; g++) {
                weights[g] = 1 + rnd.nextInt(4);
            }
            scheduler = Scheduler.wrr(weights);
        }
        int ring = RING_SIZES[rnd.nextInt(RING_SIZES.length)];
        TxConfig config = TxConfig.of(layout, policy).withScheduler(scheduler).withRingSize(ring)
                .withHashKey(rnd.nextBoolean() ? HashKey.MAC : HashKey.FLOW).withMutants(inject);
        Simulation.Driver driver = rnd.nextInt(5) == 0 && inject.isEmpty()
                ? Simulation.Driver.SINGLE_QUEUE : Simulation.Driver.TXORDER;
        int senders = 1 + rnd.nextInt(Math.max(1, maxSenders));
        int arrayMax = 1 + rnd.nextInt(Math.min(ring, 16));
        int destinations = 1 + rnd.nextInt(64);
        boolean needsFaults = inject.contains(Mutant.M6) || inject.contains(Mutant.M11);
        double faultRate = rnd.nextBoolean() && !needsFaults ? 0 : new double[] {1e-4, 1e-3, 1e-2}[rnd.nextInt(3)];
        return new LiveRun.Mix(config, driver, senders, arrayMax, destinations, faultRate,
                rnd.nextLong());
    }
}
