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
import org.openjdk.jcstress.infra.results.L_Result;

/*
 * Question: in a `hash` group, two writers on two flows (queues 0 and 1) and the NIC racing them:
 * does flow X keep its order A1 A2 C1, with B's packet anywhere among them and nothing lost?
 *
 * Run: java -jar stress/target/jcstress.jar -t HashGroup_TwoFlows_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"FlowOrder"})
@Description("hash group, 2 queues: writer A sends array A then C on flow X (queue 0); writer B sends B on flow Y (queue 1), then runs the NIC")
@Outcome(id = "B1 A1 A2 C1", expect = ACCEPTABLE,
        desc = "writerB -> nic -> writerA, or the NIC visits queue 1 first: B leaves before flow X")
@Outcome(id = "A1 B1 A2 C1", expect = ACCEPTABLE,
        desc = "writerA -> writerB -> nic: round robin from queue 0, one descriptor per visit")
@Outcome(id = "A1 A2 B1 C1", expect = ACCEPTABLE,
        desc = "writerA sends A -> nic sends A1 A2 -> writerB -> nic: B between A and C")
@Outcome(id = "A1 A2 C1 B1", expect = ACCEPTABLE,
        desc = "writerA -> nic drains queue 0 -> writerB: B last")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire: flow X reordered, or a packet lost or duplicated; breaks FlowOrder / NoLoss / NoDuplicate")
@State
public class HashGroup_TwoFlows_Correct {
    private final FlowOrder s = new FlowOrder(Impl.CORRECT, false);

    @Actor
    public void writerA() {
        s.writerA();
    }

    @Actor
    public void writerBThenNic() {
        s.writerBThenNic();
    }

    @Arbiter
    public void nic(L_Result r) {
        s.nic(r);
    }
}
