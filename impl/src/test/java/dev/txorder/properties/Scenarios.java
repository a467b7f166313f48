package dev.txorder.properties;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Mutant;
import dev.txorder.sim.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of {@link Scenario}s, narrowed per property or mutant.
 *
 * <p>Every value is drawn from the one randomness source in a fixed order, so QuickTheories
 * shrinks a scenario by shrinking the draws: fewer groups, smaller k, the first policy listed,
 * smaller rings, fewer and smaller requests, no faults, a shorter schedule. The generated
 * sender steps are the TLA+ actions (Assign, Reserve, Write, Fail, and wait iterations) of
 * whichever sender the schedule names; the NIC entries are Transmit.
 */
public final class Scenarios {
    private int minGroups = 1;
    private int maxGroups = 3;
    private int minK = 1;
    private int maxK = 4;
    private List<AssignmentPolicy> policies = List.of(AssignmentPolicy.NEXT, AssignmentPolicy.HASH);
    private List<HashKey> keys = List.of(HashKey.MAC, HashKey.FLOW);
    private List<Simulation.Driver> drivers = List.of(Simulation.Driver.TXORDER);
    private boolean strict = true;
    private boolean wrr = true;
    private int minRing = 1;
    private int maxRing = 6;
    private int maxFlows = 4;
    private int maxRequests = 8;
    private int maxArray = 4;
    /** Steps of generated schedule: {@code maxSchedule / 4} bursts of 1..8 steps. */
    private int maxSchedule = 60;
    /** Out of 12 draws per request, how many inject a fault; 0 = none. */
    private int faultWeight = 0;
    private List<Mutant> mutants = injected();

    /**
     * The mutant that {@code -Dtxorder.inject=Mx} (or {@code txorder verify --inject Mx}) switches on
     * in the scenarios of the correct design: breaking the implementation on purpose must make
     * the property it breaks fail. None by default.
     */
    private static List<Mutant> injected() {
        return Mutant.injected().map(List::of).orElse(List.of());
    }

    public static Scenarios all() {
        return new Scenarios();
    }

    public Scenarios groups(int min, int max) {
        minGroups = min;
        maxGroups = max;
        return this;
    }

    public Scenarios queuesPerGroup(int min, int max) {
        minK = min;
        maxK = max;
        return this;
    }

    public Scenarios policies(AssignmentPolicy... p) {
        policies = List.of(p);
        return this;
    }

    public Scenarios drivers(Simulation.Driver... d) {
        drivers = List.of(d);
        return this;
    }

    public Scenarios strictOnly() {
        strict = true;
        wrr = false;
        return this;
    }

    public Scenarios wrrOnly() {
        strict = false;
        wrr = true;
        return this;
    }

    public Scenarios rings(int min, int max) {
        minRing = min;
        maxRing = max;
        return this;
    }

    public Scenarios flows(int max) {
        maxFlows = max;
        return this;
    }

    public Scenarios requests(int max) {
        maxRequests = max;
        return this;
    }

    public Scenarios arrays(int max) {
        maxArray = max;
        return this;
    }

    /** Inject a sender fault into about {@code outOf12} of every 12 requests. */
    public Scenarios faults(int outOf12) {
        faultWeight = outOf12;
        return this;
    }

    public Scenarios schedule(int max) {
        maxSchedule = max;
        return this;
    }

    public Scenarios mutant(Mutant m) {
        mutants = List.of(m);
        return this;
    }

    public Gen<Scenario> gen() {
        Gen<Integer> groupCount = Generate.range(minGroups, maxGroups);
        Gen<Integer> prioritiesOfGroup = Generate.range(1, 2);
        Gen<Integer> k = Generate.range(minK, maxK);
        Gen<AssignmentPolicy> policy = Generate.pick(policies);
        Gen<HashKey> key = Generate.pick(keys);
        Gen<Simulation.Driver> driver = Generate.pick(drivers);
        Gen<Boolean> useWrr = strict && wrr ? Generate.booleans() : Generate.constant(wrr);
        Gen<Integer> weight = Generate.range(1, 3);
        Gen<Integer> ring = Generate.range(minRing, maxRing);
        Gen<Integer> cpus = Generate.range(2, 3);
        Gen<Integer> flowCount = Generate.range(1, maxFlows);
        Gen<Integer> macLow = Generate.range(0, 15);
        Gen<Integer> requestCount = Generate.range(1, maxRequests);
        Gen<Integer> packets = Generate.range(1, maxArray);
        Gen<Integer> fault = Generate.range(0, 11);
        int maxBursts = maxSchedule / 4;
        Gen<Integer> burstCount = Generate.range(0, maxBursts);
        Gen<Integer> burstLength = Generate.range(1, 8);
        Set<Mutant> mutantSet = mutants.isEmpty() ? Mutant.none() : EnumSet.copyOf(mutants);

        return in -> {
            int groups = groupCount.generate(in);
            int[] prios = new int[groups];
            int[] ks = new int[groups];
            int priorityCount = 0;
            for (int g = 0; g < groups; g++) {
                prios[g] = prioritiesOfGroup.generate(in);
                ks[g] = k.generate(in);
                priorityCount += prios[g];
            }
            AssignmentPolicy p = policy.generate(in);
            HashKey hk = key.generate(in);
            Simulation.Driver d = driver.generate(in);
            int[] weights = null;
            if (useWrr.generate(in)) {
                weights = new int[groups];
                for (int g = 0; g < groups; g++) {
                    weights[g] = weight.generate(in);
                }
            }
            int ringSize = ring.generate(in);
            int c = cpus.generate(in);
            // Every list is drawn at its full length and a drawn count keeps a prefix, so that
            // shrinking a count drops items without shifting the draws of everything after it.
            int nFlows = flowCount.generate(in);
            Gen<Integer> priority = Generate.range(0, priorityCount - 1);
            List<Scenario.Flow> flows = new ArrayList<>();
            for (int f = 0; f < maxFlows; f++) {
                // Flows shrink towards the highest priority, so a shrunk case keeps the top group.
                Scenario.Flow flow = new Scenario.Flow(priorityCount - 1 - priority.generate(in), macLow.generate(in));
                if (f < nFlows) {
                    flows.add(flow);
                }
            }
            Gen<Integer> flowOf = Generate.range(0, nFlows - 1);
            Gen<Integer> cpuOf = Generate.range(0, c - 1);
            int n = requestCount.generate(in);
            List<Scenario.Request> requests = new ArrayList<>();
            for (int i = 0; i < maxRequests; i++) {
                int flow = flowOf.generate(in);
                // Clamped to the ring so that every request fits; rejection has its own contract test.
                int size = Math.min(packets.generate(in), ringSize);
                int cpu = cpuOf.generate(in);
                int draw = fault.generate(in);
                // A faulty request fails before packet 1..size, or (point == size) between its
                // ticket and its reservation.
                int point = (draw - (12 - faultWeight)) % (size + 1);
                int failBefore = draw < 12 - faultWeight ? Scenario.Request.NO_FAULT
                        : point == size ? Scenario.Request.BEFORE_RESERVE : point;
                if (i < n) {
                    requests.add(new Scenario.Request(flow, size, cpu, failBefore));
                }
            }
            // The schedule is drawn as bursts (an actor and how many steps in a row it takes):
            // order bugs need one sender to run several steps while another sits between two of
            // its own, which uniform choices rarely produce.
            Gen<Integer> actor = Generate.range(0, c);
            int bursts = burstCount.generate(in);
            int[] schedule = new int[0];
            for (int b = 0; b < maxBursts; b++) {
                int who = actor.generate(in);
                int length = burstLength.generate(in);
                if (b < bursts) {
                    int from = schedule.length;
                    schedule = Arrays.copyOf(schedule, from + length);
                    Arrays.fill(schedule, from, schedule.length, who);
                }
            }
            return new Scenario(prios, ks, p, hk, weights, ringSize, d, c, flows, requests, schedule, mutantSet);
        };
    }
}
