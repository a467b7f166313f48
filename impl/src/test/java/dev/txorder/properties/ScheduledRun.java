package dev.txorder.properties;

import dev.txorder.TxConfig;
import dev.txorder.TxRequest;
import dev.txorder.audit.AuditAgreement;
import dev.txorder.audit.AuditReport;
import dev.txorder.audit.OrderAudit;
import dev.txorder.audit.SendHistory;
import dev.txorder.audit.StreamingAudit;
import dev.txorder.driver.FaultPlan;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.StepProbe;
import dev.txorder.driver.TxRing;
import dev.txorder.layout.QueueGroup;
import dev.txorder.nic.RecordingWire;
import dev.txorder.nic.SimulatedNic;
import dev.txorder.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs real sender threads against a real {@link SendPath} and a {@link SimulatedNic} in step
 * mode, under a given interleaving: exactly one actor moves at a time.
 *
 * <pre>
 *   schedule: c0 c1 nic c0 ...          scheduler thread (this one; it is also the NIC)
 *                |                        |  grant cpu c: release go[c], wait on parked
 *   cpu c:  ... probe.before(step) --parked--> (blocked on go[c]) --> takes step --> next probe
 *   nic:    scheduler calls nic.step()  (see TxOrder.tla: Transmit)
 * </pre>
 * A sender step is the code from one {@link StepProbe} call to the next: one of the TLA+ actions
 * Assign, Reserve, Write, Fail, or one iteration of a wait loop ({@code WAIT}), which therefore
 * hands control back instead of spinning. Because the grant and the report back go through
 * semaphores, each step happens-before the next: the run is a function of the scenario alone.
 *
 * <p>When the generated schedule runs out, a fair round robin (every live sender one step, then
 * the NIC one step) finishes the run. The run stalls (a {@code Progress} violation) when three
 * rounds in a row change nothing: no sender takes a step other than a wait iteration and the NIC
 * consumes nothing. That bound is exact: a sender writes shared state only in a step that is
 * followed by a non-wait step, and a sender passes at most two wait loops per send without
 * writing (turn or lock, then ring space). A step budget bounds the run as well. Stalled senders
 * are abandoned (their probe throws) and joined; every thread is a daemon and every wait times
 * out, so a bug cannot hang the build.
 */
public final class ScheduledRun {
    /** A sender that does not reach its next probe within this is stuck outside the schedule. */
    private static final long STEP_TIMEOUT_SECONDS = 20;
    private static final int IDLE_ROUNDS_FOR_STALL = 3;
    private static final int MAX_STEPS = 20_000;

    /**
     * @param trace one line per step taken: actor, TLA+ action, request
     */
    public record Result(Scenario scenario, AuditReport audit, SendHistory history, RecordingWire wire, boolean drained,
                         List<String> trace) {
        public String describe() {
            StringBuilder sb = new StringBuilder(scenario.toString()).append("\n  steps taken:");
            for (String s : trace) {
                sb.append("\n    ").append(s);
            }
            sb.append("\n  wire:");
            for (int i = 0; i < wire.size(); i++) {
                sb.append(" r").append(wire.request(i)).append('#').append(wire.packet(i))
                        .append("(g").append(wire.group(i)).append("q").append(wire.queue(i)).append(')');
            }
            return sb.append("\n  drained: ").append(drained).append('\n').append(audit.table()).toString();
        }
    }

    private final Scenario scenario;
    private final TxConfig config;
    private final SendPath path;
    private final SendHistory history;
    private final FaultPlan faults;
    /** The logical clock of the history and the wire: one actor runs at a time, so ticks are totally ordered. */
    private final AtomicLong clock = new AtomicLong();
    private final RecordingWire wire = new RecordingWire(64, clock::getAndIncrement);
    private final SimulatedNic nic;
    private final Semaphore parked = new Semaphore(0);
    private final List<String> trace = new ArrayList<>();
    private final Sender[] senders;
    private volatile boolean abandoning;
    private int steps;

    private ScheduledRun(Scenario scenario) {
        this.scenario = scenario;
        this.config = scenario.config();
        this.path = Simulation.newPath(config, scenario.driver());
        this.history = scenario.history();
        this.faults = scenario.faults();
        this.nic = new SimulatedNic(path, config.scheduler(), wire, config.mutants());
        this.senders = new Sender[scenario.cpus()];
        for (int c = 0; c < senders.length; c++) {
            senders[c] = new Sender(c, scenario.rowsOf(c));
        }
    }

    /** Runs {@code scenario} and audits the wire. */
    public static Result run(Scenario scenario) {
        return new ScheduledRun(scenario).execute();
    }

    private Result execute() {
        boolean drained;
        try {
            for (Sender s : senders) {
                s.thread.start();
                awaitParked(s);
            }
            for (int actor : scenario.schedule()) {
                if (steps >= MAX_STEPS) {
                    break;
                }
                if (actor == senders.length) {
                    nicStep();
                } else {
                    grant(senders[actor]);
                }
            }
            drained = finishFairly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + scenario, e);
        } finally {
            abandonAndJoin();
        }
        for (Sender s : senders) {
            if (s.crash != null) {
                throw new IllegalStateException("sender cpu " + s.cpu + " crashed in " + scenario, s.crash);
            }
        }
        AuditReport audit = new OrderAudit(config, path).audit(history, wire, drained);
        // Every scheduled run, correct or mutant, is judged by the streaming audit too: the two
        // implementations must reach the same verdicts (StreamingAuditAgreementTest for real threads).
        AuditReport streamed = StreamingAudit.replay(config, history, wire, drained, path, scenario.hashCode());
        if (!AuditAgreement.differences(audit, streamed).isEmpty()) {
            throw new IllegalStateException("the batch audit found " + audit.violated() + ", the streaming audit "
                    + streamed.violated() + ", in " + scenario + "\nbatch:\n" + audit.table() + "streaming:\n"
                    + streamed.table());
        }
        return new Result(scenario, audit, history, wire, drained, trace);
    }

    /** @return whether every reserved descriptor was consumed (false: a stall, see the class comment) */
    private boolean finishFairly() throws InterruptedException {
        int idle = 0;
        while (steps < MAX_STEPS) {
            boolean progress = false;
            boolean live = false;
            for (Sender s : senders) {
                if (!s.finished) {
                    live = true;
                    progress |= grant(s);
                }
            }
            boolean nicMoved = nicStep();
            if (!live && !nicMoved) {
                return allConsumed();
            }
            idle = progress || nicMoved ? 0 : idle + 1;
            if (idle >= IDLE_ROUNDS_FOR_STALL) {
                trace.add("stall: " + IDLE_ROUNDS_FOR_STALL + " fair rounds without progress");
                return false;
            }
        }
        trace.add("stall: step budget of " + MAX_STEPS + " exhausted");
        return false;
    }

    private boolean allConsumed() {
        for (QueueGroup g : path.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                TxRing r = path.ring(g.index(), q);
                if (r.consumed() != r.tail()) {
                    return false;
                }
            }
        }
        return true;
    }

    private long consumedTotal() {
        long n = 0;
        for (QueueGroup g : path.queueLayout().groups()) {
            for (int q = 0; q < g.queueCount(); q++) {
                n += path.ring(g.index(), q).consumed();
            }
        }
        return n;
    }

    /** see TxOrder.tla: Transmit. @return whether the NIC consumed a descriptor (a packet or a no-op) */
    private boolean nicStep() {
        steps++;
        long before = consumedTotal();
        int onWire = wire.size();
        nic.step();
        boolean moved = consumedTotal() != before;
        if (wire.size() > onWire) {
            int i = wire.size() - 1;
            trace.add("nic  Transmit r" + wire.request(i) + "#" + wire.packet(i) + " from group " + wire.group(i)
                    + " queue " + wire.queue(i) + " (" + wire.indicator(i).wireName() + ")");
        } else {
            trace.add(moved ? "nic  passes no-ops" : "nic  idle");
        }
        return moved;
    }

    /**
     * Lets sender {@code s} take exactly one step and waits until it is parked before its next
     * one (or finished). @return whether that was progress (anything but one more wait iteration)
     */
    private boolean grant(Sender s) throws InterruptedException {
        if (s.finished) {
            return false;
        }
        steps++;
        StepProbe.Step step = s.next;
        long request = history.id(s.row);
        s.go.release();
        awaitParked(s);
        trace.add("cpu" + s.cpu + " " + step + " r" + request
                + (s.finished ? " -> done" : s.next == StepProbe.Step.WAIT && step != StepProbe.Step.WAIT ? " -> waits" : ""));
        return step != StepProbe.Step.WAIT || s.finished || s.next != StepProbe.Step.WAIT;
    }

    private void awaitParked(Sender s) throws InterruptedException {
        if (!parked.tryAcquire(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sender cpu " + s.cpu + " did not reach its next step within "
                    + STEP_TIMEOUT_SECONDS + " s (a wait loop without a probe?) in " + scenario);
        }
    }

    private void abandonAndJoin() {
        abandoning = true;
        for (Sender s : senders) {
            s.go.release();
        }
        for (Sender s : senders) {
            try {
                s.thread.join(TimeUnit.SECONDS.toMillis(STEP_TIMEOUT_SECONDS));
                if (s.thread.isAlive()) {
                    s.thread.interrupt();
                    s.thread.join(1_000);
                    throw new IllegalStateException("sender cpu " + s.cpu + " did not stop after being abandoned");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Thrown by the probe of a sender the harness gives up on; never caught by the send path's callers. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("abandoned by the scheduled run", null, false, false);
        }
    }

    /** One sender thread and its side of the hand-off. */
    private final class Sender implements StepProbe, Runnable {
        final int cpu;
        final int[] rows;
        final Semaphore go = new Semaphore(0);
        final Thread thread;
        /** The step this sender is parked before; written by it before it reports parked. */
        volatile Step next;
        volatile boolean finished;
        volatile int row;
        Throwable crash;

        Sender(int cpu, int[] rows) {
            this.cpu = cpu;
            this.rows = rows;
            this.thread = new Thread(this, "scheduled-cpu-" + cpu);
            this.thread.setDaemon(true);
        }

        @Override
        public void before(Step step, int requestCpu) {
            if (abandoning) {
                throw new Abandoned();
            }
            if (requestCpu != cpu) {
                throw new IllegalStateException("probe of cpu " + cpu + " called for cpu " + requestCpu);
            }
            next = step;
            // Release: this sender's writes so far happen-before the scheduler's next move.
            parked.release();
            try {
                // Acquire: the previous actors' writes happen-before this sender's step.
                if (!go.tryAcquire(STEP_TIMEOUT_SECONDS * 3, TimeUnit.SECONDS)) {
                    throw new Abandoned();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandoned();
            }
            if (abandoning) {
                throw new Abandoned();
            }
        }

        @Override
        public void run() {
            TxRequest r = new TxRequest();
            try {
                for (int i : rows) {
                    row = i;
                    try {
                        Simulation.sendOne(path, history, i, history.load(i, r), faults, this, clock::getAndIncrement);
                    } catch (Abandoned a) {
                        history.end(i, clock.getAndIncrement(), SendHistory.Outcome.ABORTED);
                        return;
                    }
                }
            } catch (Throwable t) {
                crash = t;
            } finally {
                finished = true;
                parked.release();
            }
        }
    }
}
