package dev.txorder.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/*
 * Question: a writer's request A fails after taking its ticket and before reserving, then it sends
 * B, while the NIC steps: does A's ticket go back, so that B's packet lands where the cursor waits?
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_TicketFault_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"Progress"})
@Description("next group, 2 queues: the writer sends A, failing between its ticket and its reservation, then B; the NIC steps at the same time")
@Outcome(id = "B1, drained", expect = ACCEPTABLE,
        desc = "A gives its ticket back -> B takes ticket 0, queue 0, at the cursor -> sent")
@Outcome(id = "-, stalled", expect = FORBIDDEN,
        desc = "A keeps ticket 0 -> B takes ticket 1, queue 1 -> the cursor waits at the empty queue 0 forever; breaks Progress (M11)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire or a stall: a packet lost, duplicated, or a reserved descriptor never consumed; breaks NoLoss / NoDuplicate / Progress")
@State
public class NextGroup_TicketFault_Correct {
    private final TicketFault s = new TicketFault(Impl.CORRECT);

    @Actor
    public void writer() {
        s.writer();
    }

    @Actor
    public void nic() {
        s.nic();
    }

    @Arbiter
    public void drain(LL_Result r) {
        s.result(r);
    }
}
