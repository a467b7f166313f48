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
 * Question: a writer fails after reserving (array A fails after A1; A2's position is reserved),
 * racing the NIC: is A2 published as a no-op that the NIC passes, so that the writer's next
 * packet B still goes out and nothing stalls?
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_FaultedSender_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"Progress"})
@Description("next group, 2 queues: the writer sends array A, failing after A1, then B; the NIC steps at the same time")
@Outcome(id = "A1 B1, drained", expect = ACCEPTABLE,
        desc = "writer fails after A1 -> A2 published as a no-op -> nic passes it, follows its NEXT to queue 1 -> B1")
@Outcome(id = "A1, stalled", expect = FORBIDDEN,
        desc = "writer fails after A1, publishes nothing for A2 -> nic waits at A2 forever, B1 never sent; breaks Progress (M6)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire or a stall: a packet lost, duplicated or reordered, or a reserved descriptor never consumed; breaks NoLoss / GroupOrder / Progress")
@State
public class NextGroup_FaultedSender_Correct {
    private final FaultedSender s = new FaultedSender(Impl.CORRECT);

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
