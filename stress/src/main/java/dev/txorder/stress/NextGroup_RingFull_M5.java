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
 * Question: NextGroup_RingFull against mutant M5 (no queue-specific lock). Expected: both writers
 * read the same TAIL while waiting for space and claim the same positions: a packet lost or
 * duplicated (SlotExclusion, NoLoss).
 *
 * Run: java -jar stress/target/jcstress.jar -t NextGroup_RingFull_M5
 */
@JCStressTest
@JCStressMeta(NextGroup_RingFull_Correct.class)
@Subject(Impl.M5)
@State
public class NextGroup_RingFull_M5 {
    private final RingFull s = new RingFull(Impl.M5, true);

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
