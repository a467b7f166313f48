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
 * Question: when the NIC drains a `next` group while a writer holds ticket 0 but has not yet
 * written its descriptors, does the NIC wait at its cursor queue instead of taking the later
 * ticket's packet from the other queue?
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_CursorWait_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"GroupOrder"})
@Description("next group, 2 queues: writer A sends one packet then runs the NIC; writer B sends a 2-packet array")
@Outcome(id = "A, A1 B1 B2", expect = ACCEPTABLE,
        desc = "writerA -> nic -> writerB, or writerA -> writerB -> nic: A takes ticket 0, B ticket 1; the wire follows the tickets")
@Outcome(id = "B, B1 B2 A1", expect = ACCEPTABLE,
        desc = "writerB -> writerA -> nic, or writerB takes ticket 0 -> writerA -> nic waits at queue 0 -> writerB fills: the NIC waits for ticket 0")
@Outcome(id = "B, A1 B1 B2", expect = FORBIDDEN,
        desc = "writerB takes ticket 0 -> writerA takes ticket 1, fills queue 1 -> nic skips queue 0, not yet written -> writerB fills; breaks GroupOrder (M2)")
@Outcome(id = "B, B1 A1 B2", expect = FORBIDDEN,
        desc = "writerB fills B1 -> writerA -> nic sends B1, skips B2 not yet written -> writerB fills B2; breaks RequestContiguity and GroupOrder (M2)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire: a packet lost or duplicated, or sent out of ticket order; breaks NoLoss / NoDuplicate / GroupOrder")
@State
public class NextGroup_CursorWait_Correct {
    private final CursorWait s = new CursorWait(Impl.CORRECT);

    @Actor
    public void writerAThenNic() {
        s.writerAThenNic();
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
