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
 * Question: in a `hash` group, two writers on one flow (one queue, one lock) and the NIC racing
 * them: does the flow keep its order (A returned before C began, so A1 A2 C1), with nothing lost,
 * wherever B's packet falls?
 *
 * Run: java -jar stress/target/jcstress.jar -t HashGroup_SameFlow_Correct
 */
@JCStressTest
@Subject(value = Impl.CORRECT, guards = {"FlowOrder", "NoLoss", "SlotExclusion"})
@Description("hash group, 2 queues: writer A sends array A then C on flow X; writer B sends B on flow X, then runs the NIC")
@Outcome(id = "A1 A2 C1 B1", expect = ACCEPTABLE,
        desc = "writerA -> writerB -> nic: A and C reserve queue 0 before B")
@Outcome(id = "A1 A2 B1 C1", expect = ACCEPTABLE,
        desc = "writerA sends A -> writerB sends B -> writerA sends C -> nic")
@Outcome(id = "B1 A1 A2 C1", expect = ACCEPTABLE,
        desc = "writerB -> writerA -> nic: B reserves queue 0 first")
@Outcome(id = "C1 A1 B1 A2", expect = FORBIDDEN,
        desc = "writerA -> writerB -> nic with A and B hashed to queue 1, C to queue 0: C leaves before A; breaks FlowOrder (M4)")
@Outcome(id = "C1 A1 A2 B1", expect = FORBIDDEN,
        desc = "writerA -> nic -> writerB with C in queue 0 and A in queue 1: C leaves before A; breaks FlowOrder (M4)")
@Outcome(expect = FORBIDDEN,
        desc = "any other wire: the flow reordered, or a packet lost or duplicated (two writers on one descriptor); breaks FlowOrder / NoLoss / NoDuplicate / SlotExclusion (M5)")
@State
public class HashGroup_SameFlow_Correct {
    private final FlowOrder s = new FlowOrder(Impl.CORRECT, true);

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
