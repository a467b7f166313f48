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
 * Question: NextGroup_CursorWait against mutant M2 (the adapter skips a cursor queue whose head is
 * not yet written). Expected: when writer B holds ticket 0 and is slower than writer A's send and
 * NIC pass, "B, A1 B1 B2" (GroupOrder) or "B, B1 A1 B2" (RequestContiguity). A timing race:
 * how often depends on the machine; the gate requires at least one sample.
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_CursorWait_M2
 */
@JCStressTest
@JCStressMeta(NextGroup_CursorWait_Correct.class)
@Subject(Impl.M2)
@State
public class NextGroup_CursorWait_M2 {
    private final CursorWait s = new CursorWait(Impl.M2);

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
