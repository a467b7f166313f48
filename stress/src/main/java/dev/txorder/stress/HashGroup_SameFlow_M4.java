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
 * Question: HashGroup_SameFlow against mutant M4 (hash on a key that varies within a flow: the
 * request id). A and B hash to queue 1, C to queue 0; the NIC's round robin starts at queue 0.
 * Expected: C1 before A1 whenever the NIC runs after C is queued (FlowOrder).
 *
 * Run: java -jar stress/target/jcstress.jar -t HashGroup_SameFlow_M4
 */
@JCStressTest
@JCStressMeta(HashGroup_SameFlow_Correct.class)
@Subject(Impl.M4)
@State
public class HashGroup_SameFlow_M4 {
    private final FlowOrder s = new FlowOrder(Impl.M4, true);

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
