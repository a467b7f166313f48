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
 * Question: NextGroup_ArrayContiguity against mutant M3 (indicator NEXT on every packet, arrays
 * included). Expected: every sample forbidden: "A, A1 B1 A2" (RequestContiguity) when A wins
 * ticket 0, "B, B1 A1" (A2 stranded behind the cursor: NoLoss) when B does.
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_ArrayContiguity_M3
 */
@JCStressTest
@JCStressMeta(NextGroup_ArrayContiguity_Correct.class)
@Subject(Impl.M3)
@State
public class NextGroup_ArrayContiguity_M3 {
    private final ArrayContiguity s = new ArrayContiguity(Impl.M3);

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
