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
 * Question: when a 2-packet array and a single packet race into one `next` group of two queues,
 * does the wire keep the array whole and the group's assignment order, whoever wins the ticket?
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_ArrayContiguity_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"RequestContiguity", "GroupOrder"})
@Description("next group, 2 queues: writer A sends a 2-packet array, writer B one packet, the NIC drains after both")
@Outcome(id = "A, A1 A2 B1", expect = ACCEPTABLE,
        desc = "writerA -> writerB -> nic: A takes ticket 0 (queue 0), B ticket 1 (queue 1); A1 CURRENT keeps the cursor on queue 0")
@Outcome(id = "B, B1 A1 A2", expect = ACCEPTABLE,
        desc = "writerB -> writerA -> nic: B takes ticket 0 (queue 0), A ticket 1 (queue 1); the NIC follows B1's NEXT, then A's array")
@Outcome(id = "A, A1 B1 A2", expect = FORBIDDEN,
        desc = "writerA -> writerB -> nic with A1 marked NEXT: the NIC leaves A's queue mid-array; breaks RequestContiguity (M3)")
@Outcome(id = "B, B1 A1", expect = FORBIDDEN,
        desc = "writerB -> writerA -> nic with A1 marked NEXT: the cursor leaves A's queue after A1 and waits at empty queue 0; A2 never sent: breaks NoLoss (M3)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire: a packet lost or duplicated, or sent out of ticket order; breaks NoLoss / NoDuplicate / GroupOrder")
@State
public class NextGroup_ArrayContiguity_Correct {
    private final ArrayContiguity s = new ArrayContiguity(Impl.CORRECT);

    @Actor
    public void writerA() {
        s.writerA();
    }

    @Actor
    public void writerB() {
        s.writerB();
    }

    @Arbiter
    public void nic(LL_Result r) {
        s.nic(r);
    }
}
