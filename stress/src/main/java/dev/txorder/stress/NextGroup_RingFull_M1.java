package dev.txorder.stress;

import dev.txorder.stress.rig.Impl;
import dev.txorder.stress.rig.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/*
 * Question: NextGroup_RingFull against mutant M1 (ticket, then lock and append). Expected: the
 * later ticket appends first: "A, P1 P2 B1 B2 A1" or "B, P1 P2 A1 B1 B2" (GroupOrder).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_RingFull_M1
 */
@JCStressTest
@JCStressMeta(NextGroup_RingFull_Correct.class)
@Subject(Impl.M1)
@State
public class NextGroup_RingFull_M1 {
    private final RingFull s = new RingFull(Impl.M1, true);

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
        s.result(r);
    }
}
