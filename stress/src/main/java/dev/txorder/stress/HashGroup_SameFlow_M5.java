package dev.txorder.stress;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/*
 * Question: HashGroup_SameFlow against mutant M5 (no queue-specific lock). Expected: writers A and
 * B read the same TAIL of queue 0 and claim one position: a packet lost or duplicated
 * (SlotExclusion, NoLoss).
 *
 * Run: java -jar stress/target/jcstress.jar -t HashGroup_SameFlow_M5
 */
@JCStressTest
@JCStressMeta(HashGroup_SameFlow_Correct.class)
@Subject(Impl.M5)
@State
public class HashGroup_SameFlow_M5 {
    private final FlowOrder s = new FlowOrder(Impl.M5, true);

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
