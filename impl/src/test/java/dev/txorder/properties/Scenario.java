package dev.txorder.properties;

import dev.txorder.AssignmentPolicy;
import dev.txorder.HashKey;
import dev.txorder.Mutant;
import dev.txorder.Scheduler;
import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.SendHistory;
import dev.txorder.driver.FaultPlan;
import dev.txorder.layout.Layout;
import dev.txorder.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One generated test case for {@link ScheduledRun}: the configuration, the request stream, the
 * injected faults and the interleaving. It is a value: running it twice gives the same wire, so
 * QuickTheories can shrink it and a seed replays it.
 *
 * @param prioritiesPerGroup how many priorities group g serves (contiguous, group 0 lowest)
 * @param queuesPerGroup     k of group g
 * @param weights            WRR weight of group g, or {@code null} for strict scheduling
 * @param flows              one entry per flow: its priority and the last octet of its MAC
 * @param requests           in stream order; request i has id i
 * @param schedule           actor per step: {@code 0..cpus-1} a sender, {@code cpus} the NIC
 */
public record Scenario(int[] prioritiesPerGroup, int[] queuesPerGroup, AssignmentPolicy policy, HashKey hashKey,
                       int[] weights, int ringSize, Simulation.Driver driver, int cpus, List<Flow> flows,
                       List<Request> requests, int[] schedule, Set<Mutant> mutants) {

    /** A flow: one destination at one priority. */
    public record Flow(int priority, int macLow) {
        long mac(int flowId) {
            // Locally administered unicast; the flow id in the middle keeps flows distinct while
            // the last octet alone decides the patent's hash (queue = last octet mod k).
            return 0x02_00_00_00_00_00L | ((long) flowId << 8) | macLow;
        }
    }

    /**
     * One send call.
     *
     * @param failBefore the sender fails after reserving, before writing packet {@code failBefore + 1}
     *                   (0-based count of packets written); {@link #BEFORE_RESERVE}: it fails between
     *                   its ticket and its reservation (next policy; the other paths have no such
     *                   step and send in full); {@link #NO_FAULT}: no fault
     */
    public record Request(int flow, int packets, int cpu, int failBefore) {
        public static final int NO_FAULT = -1;
        public static final int BEFORE_RESERVE = -2;
    }

    public Layout layout() {
        int[][] prios = new int[prioritiesPerGroup.length][];
        int next = 0;
        for (int g = 0; g < prios.length; g++) {
            prios[g] = new int[prioritiesPerGroup[g]];
            for (int i = 0; i < prios[g].length; i++) {
                prios[g][i] = next++;
            }
        }
        return Layout.of(prios, queuesPerGroup);
    }

    public Scheduler scheduler() {
        return weights == null ? Scheduler.STRICT : Scheduler.wrr(weights);
    }

    public TxConfig config() {
        return new TxConfig(layout(), policy, hashKey, scheduler(), ringSize, mutants);
    }

    public Scenario withMutants(Set<Mutant> m) {
        return new Scenario(prioritiesPerGroup, queuesPerGroup, policy, hashKey, weights, ringSize, driver, cpus,
                flows, requests, schedule, m);
    }

    /** A fresh history (one is filled per run). */
    public SendHistory history() {
        SendHistory h = new SendHistory(requests.size());
        TxRequest r = new TxRequest();
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            Flow f = flows.get(q.flow());
            h.add(r.set(i, q.cpu(), f.priority(), f.mac(q.flow()), q.flow(), q.packets()));
        }
        return h;
    }

    public FaultPlan faults() {
        int[] failBefore = requests.stream().mapToInt(Request::failBefore).toArray();
        return new FaultPlan() {
            @Override
            public boolean failsBefore(TxRequest request, int written) {
                return failBefore[(int) request.id] == written;
            }

            @Override
            public boolean failsBeforeReserve(TxRequest request) {
                return failBefore[(int) request.id] == Request.BEFORE_RESERVE;
            }
        };
    }

    public boolean hasFaults() {
        return requests.stream().anyMatch(r -> r.failBefore() != Request.NO_FAULT);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("layout ").append(layout()).append(", policy ").append(policy.name().toLowerCase());
        if (policy == AssignmentPolicy.HASH) {
            sb.append(" (key ").append(hashKey.name().toLowerCase()).append(')');
        }
        sb.append(", scheduler ").append(scheduler()).append(", ring ").append(ringSize)
                .append(", driver ").append(driver).append(", cpus ").append(cpus)
                .append(", mutants ").append(mutants).append('\n');
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            Flow f = flows.get(q.flow());
            sb.append("  r").append(i).append(": cpu ").append(q.cpu()).append(", priority ").append(f.priority())
                    .append(", flow ").append(q.flow()).append(" (").append(TxRequest.formatMac(f.mac(q.flow())))
                    .append("), ").append(q.packets()).append(q.packets() == 1 ? " packet" : " packets");
            if (q.failBefore() >= 0) {
                sb.append(", fails after writing ").append(q.failBefore());
            } else if (q.failBefore() == Request.BEFORE_RESERVE) {
                sb.append(", fails between its ticket and its reservation");
            }
            sb.append('\n');
        }
        sb.append("  schedule:");
        for (int a : schedule) {
            sb.append(a == cpus ? " nic" : " c" + a);
        }
        return sb.toString();
    }

    /** The requests of {@code cpu}, as history rows in stream order. */
    int[] rowsOf(int cpu) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).cpu() == cpu) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
